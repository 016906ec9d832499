/**
 * Markdown cards rendered from the data: the one view of an enhancement
 * that hover, the KEP browser and `kep-lens explain` all show.
 */
import {
  fieldStatusAt,
  gateStateAt,
  gatesOfField,
  kepUrl,
  stageAt,
  stageHistory,
  valueStatusAt,
  apiVersionStatusAt,
  type GateSettings,
} from '../kep/catalog';
import type { AllowedValue, ApiField, ChildField, ComponentConfig, Enhancement, FeatureGate, MinorVersion } from '../kep/types';

export interface CardTarget {
  version: MinorVersion;
  gates: GateSettings;
  /** Shown when the version comes from a `# kep-lens:` directive. */
  pinned?: boolean;
}

function title(enhancement: Enhancement): string {
  const label = enhancement.kep !== undefined ? `KEP-${enhancement.kep} · ` : '';
  return `**${label}${enhancement.title}** · sig-${enhancement.sig}`;
}

function versionNote(target: CardTarget): string {
  return `Kubernetes ${target.version}${target.pinned ? ' (pinned in this file)' : ''}`;
}

export function stageLine(enhancement: Enhancement, version: MinorVersion): string {
  const now = stageAt(enhancement, version);
  const history = stageHistory(enhancement).map((h) => `${h.stage} ${h.from}`).join(' → ');
  const at = now ? `**${now.stage}** in ${version}` : `**not available** in ${version}`;
  return `${at}${history ? ` · history: ${history}` : ''}`;
}

export function gateLine(gate: FeatureGate, target: CardTarget): string {
  const state = gateStateAt(gate.name, target.version, target.gates);
  let text: string;
  if (state.removed) text = `removed in ${gate.removedIn} (behaviour is permanent)`;
  else if (state.notYet) text = `does not exist yet in ${target.version} (from ${gate.spans[0]?.from})`;
  else {
    const span = state.span;
    text = `${span?.stage ?? '?'} in ${target.version}, ${span?.defaultOn ? 'on' : 'off'} by default${state.locked ? ', locked' : ''}`;
    if (state.setting !== undefined && !state.locked) text += ` — **${state.setting ? 'on' : 'off'} in your settings**`;
  }
  const components = gate.components.length ? ` (${gate.components.join(', ')})` : '';
  return `Feature gate \`${gate.name}\`: ${text}${components}`;
}

function valueLine(value: AllowedValue, version: MinorVersion): string {
  const status = valueStatusAt(value, version);
  const when = [
    value.since ? `since ${value.since}` : '',
    value.deprecatedIn ? `deprecated ${value.deprecatedIn}` : '',
    value.removedIn ? `removed ${value.removedIn}` : '',
  ].filter(Boolean).join(', ');
  const marker = status === 'available' ? '' : status === 'notYet' ? ' *(not yet at this version)*' : status === 'deprecated' ? ' *(deprecated)*' : ' *(no longer accepted)*';
  return `- \`${value.value}\`${marker} — ${value.description}${when ? ` (${when})` : ''}`;
}

function links(enhancement: Enhancement): string {
  const parts: string[] = [];
  const kep = kepUrl(enhancement);
  if (enhancement.kep !== undefined && kep) parts.push(`[KEP-${enhancement.kep}](${kep})`);
  for (const doc of enhancement.docs) if (doc.url !== kep) parts.push(`[${doc.title}](${doc.url})`);
  return parts.join(' · ');
}

function fieldAvailability(enhancement: Enhancement, field: ApiField, target: CardTarget): string | undefined {
  const status = fieldStatusAt(enhancement, field, target.version, target.gates);
  switch (status.state) {
    case 'notYet':
      return `⚠️ Not available before ${status.since} — your target is ${target.version}.`;
    case 'removed':
      return `⛔ No longer works from ${status.since}.${field.replacement ? ` Use ${field.replacement}.` : ''}`;
    case 'deprecated':
      return `⚠️ Deprecated since ${status.since}.${field.replacement ? ` Use ${field.replacement}.` : ''}`;
    case 'gateOff':
      return `⚠️ Has no effect at ${target.version} unless feature gate \`${status.gate.name}\` is on.`;
    default:
      return undefined;
  }
}

export interface CardFocus {
  field?: ApiField;
  child?: ChildField;
  value?: AllowedValue;
  config?: ComponentConfig;
  /** Path as the user sees it, e.g. `spec.template.spec.volumes[0].image`. */
  path?: string;
}

/** The full card of an enhancement, focused on one field, value or option when given. */
export function enhancementCard(enhancement: Enhancement, target: CardTarget, focus: CardFocus = {}): string {
  const lines: string[] = [title(enhancement), ''];
  if (focus.path) lines.push(`\`${focus.path}\` · ${versionNote(target)}`, '');
  lines.push(stageLine(enhancement, target.version), '');
  const gateNames = focus.field ? gatesOfField(enhancement, focus.field) : enhancement.gates.map((g) => g.name);
  for (const gate of enhancement.gates.filter((g) => gateNames.includes(g.name))) lines.push(`- ${gateLine(gate, target)}`);
  if (gateNames.length) lines.push('');
  if (focus.field) {
    const availability = fieldAvailability(enhancement, focus.field, target);
    if (availability) lines.push(availability, '');
  }
  if (focus.value) lines.push(`\`${focus.value.value}\`: ${focus.value.description}`, '');
  if (focus.child) lines.push(`\`${focus.child.key}\` of \`${focus.field?.path.split('.').pop() ?? ''}\``, '');
  if (focus.field) lines.push(focus.field.description, '');
  if (focus.config) lines.push(`${focus.config.component}${focus.config.kind ? ` ${focus.config.kind}` : ''}: ${focus.config.description}`, '');
  lines.push(enhancement.summary, '');
  const values = focus.child?.values ?? (focus.value ? [] : focus.field?.values ?? focus.config?.values ?? []);
  if (values.length) lines.push('**Values**', ...values.map((v) => valueLine(v, target.version)), '');
  const fieldKey = focus.field?.path;
  const rules = enhancement.rules.filter((r) => !fieldKey || r.trigger.path.startsWith(fieldKey.split('[]')[0] ?? fieldKey) || r.trigger.path === fieldKey);
  if (enhancement.watchOut.length) lines.push('**Watch out**', ...enhancement.watchOut.map((w) => `- ${w}`), '');
  const checked = [...new Set(rules.filter((r) => !r.message.includes('{value}')).map((r) => r.message))];
  if (checked.length) lines.push('**Rules KEP Lens checks**', ...checked.map((m) => `- ${m}`), '');
  if (enhancement.discrepancies?.length) lines.push(...enhancement.discrepancies.map((d) => `*Note: ${d}*`), '');
  const linkLine = links(enhancement);
  if (linkLine) lines.push(linkLine);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Card for an apiVersion value. */
export function apiVersionCard(groupVersion: string, kind: string, target: CardTarget): string | undefined {
  const status = apiVersionStatusAt(groupVersion, kind, target.version);
  if (status.state === 'unknown') return undefined;
  const l = status.lifecycle;
  const lines = [`**\`${groupVersion}\` ${kind}** · ${versionNote(target)}`, ''];
  const state = {
    served: 'served',
    deprecated: `**deprecated** (since ${l?.deprecatedIn})`,
    removed: `**removed** (no longer served from ${l?.removedIn})`,
    notYet: `**not served yet** (from ${status.since})`,
    unknown: '',
  }[status.state];
  lines.push(`Status at ${target.version}: ${state}.`);
  if (l) {
    const history = [l.introducedIn ? `introduced ${l.introducedIn}` : '', l.deprecatedIn ? `deprecated ${l.deprecatedIn}` : '', l.removedIn ? `removed ${l.removedIn}` : ''].filter(Boolean).join(' · ');
    if (history) lines.push('', history);
    if (l.replacement) lines.push('', `Replacement: \`${l.replacement}\` — ${l.dropIn ? 'a drop-in (only apiVersion changes)' : 'not a drop-in'}.`);
    if (l.changes?.length) lines.push('', '**Changes needed**', ...l.changes.map((c) => `- ${c}`));
    if (l.note) lines.push('', l.note);
    lines.push('', '[Deprecated API migration guide](https://kubernetes.io/docs/reference/using-api/deprecation-guide/)');
  } else if (status.preferred && status.preferred !== groupVersion) {
    lines.push('', `Preferred at ${target.version}: \`${status.preferred}\`.`);
  }
  return lines.join('\n');
}

/** Card for a feature gate name. */
export function gateCard(gate: FeatureGate, owner: Enhancement, target: CardTarget): string {
  const lines = [`**Feature gate \`${gate.name}\`** · ${versionNote(target)}`, '', gateLine(gate, target), ''];
  lines.push('| versions | stage | default |', '|---|---|---|');
  for (const span of gate.spans) lines.push(`| ${span.from}${span.to ? `–${span.to}` : '+'} | ${span.stage}${span.locked ? ' (locked)' : ''} | ${span.defaultOn ? 'on' : 'off'} |`);
  if (gate.removedIn) lines.push(`| ${gate.removedIn}+ | removed | — |`);
  lines.push('', `${title(owner)}`, '', owner.summary);
  const linkLine = links(owner);
  if (linkLine) lines.push('', linkLine);
  return lines.join('\n');
}
