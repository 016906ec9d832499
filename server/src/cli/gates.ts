/**
 * `kep-lens gates`: every feature gate with its stage, default and lock at
 * a version, from the same data hover and diagnostics use.
 */
import { allGates, gateStateAt, stageAt, findEnhancement } from '../kep/catalog';
import type { MinorVersion, Stage } from '../kep/types';

export interface GateRow {
  readonly name: string;
  readonly stage: Stage;
  readonly default: boolean;
  readonly locked: boolean;
  readonly components: readonly string[];
  /** The KEP whose kep.yaml names the gate; null when none does. */
  readonly kep: number | null;
  readonly kepStage: Stage | null;
  /** Set when the state is carried on from an earlier release whose sources the data has (a pre-release without them). */
  readonly unconfirmed: boolean;
}

export interface GateFilter {
  readonly component?: string;
  readonly stage?: Stage;
}

/** The gates that exist at a version, by name, optionally filtered. */
export function gateRows(version: MinorVersion, filter: GateFilter = {}): GateRow[] {
  const rows: GateRow[] = [];
  for (const gate of allGates()) {
    const state = gateStateAt(gate.name, version);
    if (state.removed || state.notYet || !state.span) continue;
    if (filter.component && !gate.components.includes(filter.component)) continue;
    if (filter.stage && state.span.stage !== filter.stage) continue;
    const kep = gate.keps[0] ?? null;
    const owner = kep !== null ? findEnhancement(kep) : undefined;
    rows.push({
      name: gate.name,
      stage: state.span.stage,
      default: state.defaultOn,
      locked: state.locked,
      components: gate.components,
      kep,
      kepStage: owner ? stageAt(owner, version)?.stage ?? null : null,
      unconfirmed: state.unconfirmed,
    });
  }
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every component some gate names, for `--component` validation. */
export function gateComponents(): string[] {
  return [...new Set(allGates().flatMap((g) => g.components))].sort();
}

export function formatGateTable(rows: readonly GateRow[], version: MinorVersion): string {
  const cells = rows.map((r) => [r.name, `${r.stage}${r.unconfirmed ? '*' : ''}`, r.default ? 'on' : 'off', r.locked ? 'locked' : '', r.kep !== null ? `KEP-${r.kep}` : '', r.components.join(',')]);
  const header = ['GATE', `STAGE@${version}`, 'DEFAULT', 'LOCK', 'KEP', 'COMPONENTS'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]): string => c.map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i] as number))).join('  ').trimEnd();
  const footnote = rows.some((r) => r.unconfirmed) ? `\n* carried on from the release before: the data has no ${version} sources for that component yet.\n` : '';
  return `${[line(header), ...cells.map(line)].join('\n')}\n${footnote}`;
}
