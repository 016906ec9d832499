// Drives the VS Code workbench (as served by code-server) through Chromium.
// Selectors follow VS Code 1.100's DOM; each helper waits with a deadline and, when it
// gives up, says what it saw instead.
//
// The tsconfig has no DOM lib, so functions passed to page.evaluate type the few DOM
// members they touch through the minimal interfaces below.
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import * as fs from 'node:fs';
import { log, pollUntil, repoRoot, sleep } from './util';

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
  getClientRects(): ArrayLike<DomRect>;
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
  focused: boolean;
}

export interface QuickPickRow {
  /** The item's label (for a separator row: the separator's label). */
  label: string;
  description: string;
  detail: string;
  ariaLabel: string;
  /** A separator row (QuickPickItemKind.Separator) rather than a pickable item. */
  separator: boolean;
  /** Separator label shown on an item's own row (older layouts put it there). */
  separatorOnRow: string;
  focused: boolean;
}

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;


export class Workbench {
  private shotCounter = 0;

  constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {}

  /**
   * Saves test-results/e2e/NN-name.png and returns its path. With `docsImage` (a stable name
   * such as "hover.png") the shot is also the README's picture: it is always copied to
   * test-results/e2e/docs-images/, and to docs/images/ when KEP_LENS_UPDATE_SCREENSHOTS=1.
   */
  async screenshot(name: string, docsImage?: string): Promise<string> {
    this.shotCounter += 1;
    const file = path.join(this.screenshotDir, `${String(this.shotCounter).padStart(2, '0')}-${name}.png`);
    try {
      await this.page.screenshot({ path: file, timeout: 10_000 });
      log(`screenshot ${path.relative(process.cwd(), file)}`);
    } catch (e) {
      log(`screenshot ${name} failed: ${String(e)}`);
      return file;
    }
    if (docsImage) {
      const targets = [path.join(this.screenshotDir, 'docs-images')];
      if (process.env.KEP_LENS_UPDATE_SCREENSHOTS === '1') targets.push(path.join(repoRoot, 'docs', 'images'));
      for (const dir of targets) {
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(file, path.join(dir, docsImage));
        log(`  copied to ${path.relative(process.cwd(), path.join(dir, docsImage))}`);
      }
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
    // A tooltip left by the mouse (e.g. over the explorer after it re-rendered) would take the click.
    await this.page.mouse.move(1, 1);
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
          focused: /\bfocused\b/.test(el.className),
        };
      }),
    );
  }

  async isSuggestVisible(): Promise<boolean> {
    return this.page.isVisible('.editor-widget.suggest-widget.visible');
  }

  /** Moves the suggest widget's focus onto the first row satisfying `accept` and accepts it with Enter. */
  async chooseSuggestion(accept: (row: SuggestRow) => boolean): Promise<SuggestRow> {
    let rows: SuggestRow[] = [];
    for (let i = 0; i < 40; i++) {
      rows = await this.suggestRows();
      const focused = rows.findIndex((r) => r.focused);
      const wanted = rows.findIndex(accept);
      if (wanted >= 0 && focused === wanted) {
        await this.page.keyboard.press('Enter');
        return rows[wanted];
      }
      await this.page.keyboard.press(wanted >= 0 && wanted < focused ? 'ArrowUp' : 'ArrowDown');
      await sleep(100);
    }
    throw new Error(`no suggestion satisfying the check; rows: ${JSON.stringify(rows.map((r) => r.label))}`);
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
      if (!(await this.page.isVisible('.context-view-pointerBlock, .action-widget, .editor-widget.suggest-widget.visible, .quick-input-widget, .monaco-dialog-box'))) return;
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

  // ---- quick picks, the command palette, panels and frames ----

  async isQuickInputVisible(): Promise<boolean> {
    return this.page.isVisible(QUICK_INPUT_BOX);
  }

  async quickInputTitle(): Promise<string> {
    if (!(await this.isQuickInputVisible())) return '';
    return this.page.$eval(QUICK_INPUT, (el) => {
      const t = (el as unknown as DomElement).querySelector('.quick-input-title');
      return (t?.textContent ?? '').trim();
    });
  }

  /** Rows the quick pick renders (it virtualises: only the visible ones), separators included. */
  async quickPickRows(): Promise<QuickPickRow[]> {
    if (!(await this.isQuickInputVisible())) return [];
    return this.page.$$eval(QUICK_ROWS, (els) =>
      els
        // Rows of lists the widget keeps hidden (a previous picker's) are not part of this one.
        .filter((e) => (e as unknown as DomElement).getClientRects().length > 0)
        .map((e) => {
          const el = e as unknown as DomElement;
          const text = (sel: string): string => (el.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
          const separatorItem = el.querySelector('.quick-input-list-separator-as-item');
          const isSeparator = separatorItem !== null || /\bquick-input-list-separator-as-item\b/.test(el.className);
          return {
            top: parseFloat(el.style.top) || 0,
            label: isSeparator
              ? (separatorItem?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim()
              : text('.quick-input-list-rows .label-name') || text('.label-name'),
            description: text('.quick-input-list-rows .label-description') || text('.label-description'),
            detail: text('.quick-input-list-label-meta'),
            ariaLabel: el.getAttribute('aria-label') ?? '',
            separator: isSeparator,
            separatorOnRow: isSeparator ? '' : text('.quick-input-list-separator'),
            focused: /\bfocused\b/.test(el.className),
          };
        })
        .sort((a, b) => a.top - b.top)
        .map(({ top: _top, ...row }) => row),
    );
  }

  /**
   * Types `filter` into the open quick pick, waits until its focused row satisfies `accept`,
   * and picks it with Enter. Returns the row picked.
   */
  async pickQuickItem(filter: string, accept: (row: QuickPickRow) => boolean, timeoutMs = 10_000): Promise<QuickPickRow> {
    await this.page.waitForSelector(QUICK_INPUT_BOX, { state: 'visible', timeout: timeoutMs });
    await this.page.fill(QUICK_INPUT_BOX, filter);
    let rows: QuickPickRow[] = [];
    const row = await pollUntil(
      `a focused quick pick row matching the check after typing "${filter}"`,
      timeoutMs,
      async () => {
        rows = await this.quickPickRows();
        const focused = rows.find((r) => r.focused && !r.separator);
        if (focused && accept(focused)) return focused;
        // Not first: move the focus onto the wanted row.
        const wanted = rows.filter((r) => !r.separator).findIndex(accept);
        const at = rows.filter((r) => !r.separator).findIndex((r) => r.focused);
        if (wanted >= 0 && at >= 0) await this.page.keyboard.press(wanted > at ? 'ArrowDown' : 'ArrowUp');
        return undefined;
      },
      () => JSON.stringify(rows.map((r) => `${r.focused ? '>' : ''}${r.separator ? '--' : ''}${r.label} ${r.description}`)).slice(0, 1500),
      200,
    );
    await this.page.keyboard.press('Enter');
    return row;
  }

  /** Runs a command by its palette title (F1, type, Enter on the exact match). */
  async runCommand(title: string, timeoutMs = 10_000): Promise<void> {
    await this.dismissOverlays();
    await this.page.keyboard.press('F1');
    await this.page.waitForSelector(QUICK_INPUT_BOX, { state: 'visible', timeout: timeoutMs });
    await this.pickQuickItem(`>${title}`, (r) => r.label === title, timeoutMs);
  }

  /** Clicks the status bar entry whose text contains `text`. */
  async clickStatusBarItem(text: string): Promise<void> {
    const item = this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: text }).first();
    await item.locator('a, .statusbar-item-label').first().click({ timeout: 10_000 });
  }

  /**
   * The Problems panel as { file, rows } groups: the tree lists a file row, then its markers.
   * Marker rows carry "at line N and character M" in their aria-label.
   */
  async problemsByFile(): Promise<Map<string, string[]>> {
    const rows = await this.problemRows();
    const byFile = new Map<string, string[]>();
    let current = '(no file row)';
    for (const r of rows) {
      const aria = r.split(' || ')[0];
      if (/ at line \d+ and character \d+/.test(aria)) {
        const list = byFile.get(current) ?? [];
        list.push(r);
        byFile.set(current, list);
      } else {
        const file = /([^\s,/\\]+\.ya?ml)/.exec(aria) ?? /([^\s,/\\]+\.ya?ml)/.exec(r);
        current = file ? file[1] : aria;
        if (!byFile.has(current)) byFile.set(current, []);
      }
    }
    return byFile;
  }

  /** Texts of all visible hover widgets, including link and diagnostic hovers. */
  async anyHoverTexts(): Promise<string[]> {
    return this.page.$$eval('.monaco-hover:not(.hidden) .monaco-hover-content', (els) =>
      els.map((e) => ((e as unknown as DomElement).textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  }

  /** Notification toasts and their messages (notifications open in the bottom right). */
  async notificationTexts(): Promise<string[]> {
    return this.page.$$eval('.notification-toast .notification-list-item-message, .notifications-center .notification-list-item-message', (els) =>
      els.map((e) => ((e as unknown as DomElement).textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  }

  /** Message and detail of open modal dialogs (e.g. "There is no formatter for 'yaml' files installed."). */
  async dialogTexts(): Promise<string[]> {
    return this.page.$$eval('.monaco-dialog-box .dialog-message-container', (els) =>
      els.map((e) => ((e as unknown as DomElement).textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  }

  /** Titles of the open editor tabs. */
  async tabTitles(): Promise<string[]> {
    return this.page.$$eval('.tabs-container .tab', (els) =>
      els.map((e) => ((e as unknown as DomElement).getAttribute('aria-label') ?? (e as unknown as DomElement).textContent ?? '').trim()),
    );
  }

  /** The body text of every frame (webviews nest two iframes deep) that contains `needle`. */
  async frameTextContaining(needle: string): Promise<string | undefined> {
    for (const frame of this.page.frames()) {
      try {
        const text = await frame.evaluate(() => {
          const doc = (globalThis as unknown as { document?: { body?: { innerText?: string } } }).document;
          return doc?.body?.innerText ?? '';
        });
        if (text.includes(needle)) return text;
      } catch {
        /* frame navigated or detached */
      }
    }
    return undefined;
  }
}
