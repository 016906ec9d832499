// Drives the VS Code workbench (as served by code-server) through Chromium.
// Selectors follow VS Code 1.100's DOM; each helper waits with a deadline and, when it
// gives up, says what it saw instead.
//
// The tsconfig has no DOM lib, so functions passed to page.evaluate type the few DOM
// members they touch through the minimal interfaces below.
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { log, pollUntil, sleep } from './util';

interface DomRect {
  left: number;
  top: number;
  width: number;
  height: number;
}
interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  className: string;
  style: { top: string };
  getAttribute(name: string): string | null;
  getBoundingClientRect(): DomRect;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
interface DomRange {
  setStart(node: DomNode, offset: number): void;
  setEnd(node: DomNode, offset: number): void;
  getBoundingClientRect(): DomRect;
}
interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createRange(): DomRange;
}

const EDITOR = '.part.editor .editor-instance .monaco-editor';
const STATUS_ITEMS = '#workbench\\.parts\\.statusbar .statusbar-item';
// Hover-provider cards only: a diagnostic under the cursor renders in the same widget as a
// `.marker.hover-contents` row, and must not satisfy a hover check.
const VISIBLE_HOVER_CARDS = '.monaco-hover:not(.hidden) .monaco-hover-content .hover-contents:not(.marker)';

export interface SuggestRow {
  label: string;
  ariaLabel: string;
  /** codicon class of the row's kind icon (symbol-property, symbol-snippet…). */
  icon: string;
}

export class Workbench {
  private shotCounter = 0;

  constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {}

  /** Saves test-results/e2e/NN-name.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    this.shotCounter += 1;
    const file = path.join(this.screenshotDir, `${String(this.shotCounter).padStart(2, '0')}-${name}.png`);
    try {
      await this.page.screenshot({ path: file, timeout: 10_000 });
      log(`screenshot ${path.relative(process.cwd(), file)}`);
    } catch (e) {
      log(`screenshot ${name} failed: ${String(e)}`);
    }
    return file;
  }

  async waitForWorkbench(timeoutMs: number): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: timeoutMs });
  }

  async explorerItems(): Promise<string[]> {
    return this.page.$$eval('.explorer-folders-view .monaco-list-row', (rows) =>
      rows.map((r) => (r as unknown as DomElement).getAttribute('aria-label') ?? ''),
    );
  }

  /** Opens a file by clicking its explorer tree item, then waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.dismissOverlays();
    if (!(await this.page.isVisible('.explorer-folders-view'))) {
      await this.page.keyboard.press('Control+Shift+E');
    }
    const item = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
    await item.click({ timeout: 10_000 });
    await this.page.waitForSelector(`.tabs-container .tab.active[data-resource-name="${name}"]`, { timeout: 10_000 });
    await this.page.waitForSelector(`${EDITOR} .view-lines .view-line`, { timeout: 10_000 });
    // Explorer keeps focus after a single click; put the cursor into the editor.
    await this.gotoLine(1, 1);
  }

  /** Lines of the active editor as rendered (all lines, for the small fixtures used here). */
  async editorLines(): Promise<string[]> {
    const lines = await this.page.$$eval(`${EDITOR} .view-lines .view-line`, (els) =>
      els.map((e) => {
        const el = e as unknown as DomElement;
        return { top: parseFloat(el.style.top) || 0, text: (el.textContent ?? '').replace(/\u00a0/g, ' ') };
      }),
    );
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text);
  }

  /** The "Ln X, Col Y" status bar entry. */
  async cursorPosition(): Promise<string> {
    const texts = await this.statusBarTexts();
    return texts.find((t) => /^Ln \d+, Col \d+/.test(t)) ?? '(no cursor position in status bar)';
  }

  /** Moves the cursor with Go to Line (Ctrl+G), which also focuses the editor. */
  async gotoLine(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible', timeout: 10_000 });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    const want = `Ln ${line}, Col ${column}`;
    await pollUntil(`cursor at ${want}`, 5_000, async () => ((await this.cursorPosition()).startsWith(want) ? true : undefined), () => '');
  }

  async statusBarTexts(): Promise<string[]> {
    return this.page.$$eval(STATUS_ITEMS, (els) =>
      els.map((e) => ((e as unknown as DomElement).textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  }

  /**
   * Viewport coordinates of the `occurrence`-th match of `word` on the first editor line
   * matching `lineRegex` (searched bottom-up when `fromBottom`), measured with a DOM Range,
   * so it works however the tokenizer splits the line into spans.
   */
  async wordCenter(lineRegex: RegExp, word: string, fromBottom = false): Promise<{ x: number; y: number } | undefined> {
    return this.page.evaluate(
      ({ editorSel, source, flags, word, fromBottom }) => {
        const doc = (globalThis as unknown as { document: DomDocument }).document;
        const re = new RegExp(source, flags);
        const lines = Array.from(doc.querySelectorAll(`${editorSel} .view-lines .view-line`)).sort(
          (a, b) => (parseFloat(a.style.top) || 0) - (parseFloat(b.style.top) || 0),
        );
        if (fromBottom) lines.reverse();
        const line = lines.find((l) => re.test((l.textContent ?? '').replace(/\u00a0/g, ' ')));
        if (!line) return undefined;
        // Walk text nodes to find the word's node and offset.
        const texts: DomNode[] = [];
        const collect = (n: DomNode): void => {
          if (n.nodeType === 3) texts.push(n);
          for (const c of Array.from(n.childNodes)) collect(c);
        };
        collect(line);
        const full = texts.map((t) => (t.textContent ?? '').replace(/\u00a0/g, ' ')).join('');
        const at = full.search(new RegExp(`\\b${word}\\b`));
        if (at < 0) return undefined;
        let offset = at;
        for (const t of texts) {
          const len = (t.textContent ?? '').length;
          if (offset < len) {
            const range = doc.createRange();
            range.setStart(t, offset);
            range.setEnd(t, Math.min(len, offset + Math.max(1, Math.min(word.length, len - offset))));
            const r = range.getBoundingClientRect();
            return { x: r.left + Math.min(r.width / 2, 12), y: r.top + r.height / 2 };
          }
          offset -= len;
        }
        return undefined;
      },
      { editorSel: EDITOR, source: lineRegex.source, flags: lineRegex.flags, word, fromBottom },
    );
  }

  /** Texts of the currently visible hover cards (from hover providers, not diagnostics). */
  async visibleHoverTexts(): Promise<string[]> {
    return this.page.$$eval(VISIBLE_HOVER_CARDS, (els) =>
      els.map((e) => ((e as unknown as DomElement).textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  }

  /**
   * Hovers `word` on the line matching `lineRegex` until a hover card satisfies `accept`
   * (the language server may still be starting: move away and back, re-hover).
   */
  async hoverUntil(lineRegex: RegExp, word: string, accept: (text: string) => boolean, timeoutMs: number, fromBottom = false): Promise<string> {
    let lastSeen: string[] = [];
    return pollUntil(
      `a hover on "${word}" (line ${lineRegex}) satisfying the check`,
      timeoutMs,
      async () => {
        const target = await this.wordCenter(lineRegex, word, fromBottom);
        if (!target) throw new Error(`no editor line matching ${lineRegex} containing "${word}"`);
        // Move off the word first so each attempt is a fresh hover request.
        const box = await this.page.locator(`${EDITOR} .view-lines`).boundingBox();
        await this.page.mouse.move(box ? box.x + box.width - 5 : 5, box ? box.y + box.height - 5 : 5);
        await sleep(150);
        await this.page.mouse.move(target.x, target.y, { steps: 3 });
        const deadline = Date.now() + 4000;
        while (Date.now() < deadline) {
          lastSeen = await this.visibleHoverTexts();
          const match = lastSeen.find(accept);
          if (match) return match;
          await sleep(200);
        }
        return undefined;
      },
      () => (lastSeen.length ? JSON.stringify(lastSeen).slice(0, 1500) : 'no hover card at all'),
      0,
    );
  }

  /** Rows rendered in the suggest widget (it virtualises: only the visible ones). */
  async suggestRows(): Promise<SuggestRow[]> {
    return this.page.$$eval('.editor-widget.suggest-widget.visible .monaco-list-row', (els) =>
      els.map((e) => {
        const el = e as unknown as DomElement;
        const icon = el.querySelector('.suggest-icon');
        return {
          label: (el.querySelector('.label-name')?.textContent ?? el.textContent ?? '').trim(),
          ariaLabel: el.getAttribute('aria-label') ?? '',
          icon: (icon?.className ?? '').split(/\s+/).find((c) => c.startsWith('codicon-symbol-')) ?? '',
        };
      }),
    );
  }

  async isSuggestVisible(): Promise<boolean> {
    return this.page.isVisible('.editor-widget.suggest-widget.visible');
  }

  /** Rows of the Problems panel (opened with Ctrl+Shift+M). */
  async problemRows(): Promise<string[]> {
    if (!(await this.page.isVisible('.markers-panel'))) {
      await this.page.keyboard.press('Control+Shift+M');
      await this.page.waitForSelector('.markers-panel', { state: 'visible', timeout: 10_000 });
    }
    return this.page.$$eval('.markers-panel .monaco-list-row', (els) =>
      els.map((e) => {
        const el = e as unknown as DomElement;
        return `${el.getAttribute('aria-label') ?? ''} || ${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
      }),
    );
  }

  /** Rows of the code action (quick fix) menu. */
  async codeActionRows(): Promise<string[]> {
    return this.page.$$eval('.action-widget .monaco-list-row.action', (els) =>
      els.map((e) => ((e as unknown as DomElement).textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  }

  /** Moves the code action menu's focus to the `index`-th action row and applies it with Enter. */
  async chooseCodeAction(index: number): Promise<void> {
    const focusedIndex = async (): Promise<number> =>
      this.page.$$eval('.action-widget .monaco-list-row.action', (els) =>
        els.findIndex((e) => /\bfocused\b/.test((e as unknown as DomElement).className)),
      );
    for (let i = 0; i < 30; i++) {
      const focused = await focusedIndex();
      if (focused === index) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press(focused < index ? 'ArrowDown' : 'ArrowUp');
      await sleep(100);
    }
    throw new Error(`could not move the code action menu's focus to row ${index}`);
  }

  /** Closes hovers, menus and widgets that would block clicks elsewhere. */
  async dismissOverlays(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      if (!(await this.page.isVisible('.context-view-pointerBlock, .action-widget, .editor-widget.suggest-widget.visible, .quick-input-widget'))) return;
      await this.page.keyboard.press('Escape');
      await sleep(100);
    }
  }

  /** Visible notification toasts and the "No code actions available" style messages. */
  async transientMessages(): Promise<string[]> {
    return this.page.$$eval('.monaco-editor-overlaymessage, .notification-toast .notification-list-item-message', (els) =>
      els.map((e) => ((e as unknown as DomElement).textContent ?? '').trim()),
    );
  }
}
