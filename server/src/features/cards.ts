/**
 * Markdown cards rendered from the data: the one view of an enhancement,
 * a field, a feature gate or an API version that hover, completion, the
 * KEP browser and `kep-lens explain` all show. Everything that comes from
 * the user's document goes through `inlineCode`, so it cannot turn into
 * markdown (links, images) of its own.
 */
import {
  categoryAt,
  enhancementOfGate,
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
import { enumSpec, presentAt, typeLabel, type FieldSpec, type Presence } from '../kep/schema';
import { generatedReleases } from '../kep/generated';
import { compareVersions, isFinalRelease } from '../kep/versions';
import type { AllowedValue, ApiField, ChildField, ComponentConfig, Enhancement, FeatureGate, MinorVersion } from '../kep/types';

export interface CardTarget {
  version: MinorVersion;
  gates: GateSettings;
  /** Shown when the version comes from a `# kep-lens:` directive. */
  pinned?: boolean;
}

/**
 * A code span that holds any text safely: line breaks become spaces, the
 * fence is longer than any run of backticks inside, and very long text is cut.
 */
export function inlineCode(text: string, max = 200): string {
  let clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (clean.length > max) clean = `${clean.slice(0, max - 1)}…`;
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

function title(enhancement: Enhancement): string {
  const label = enhancement.kep !== undefined ? `KEP-${enhancement.kep} · ` : '';
  return `**${label}${enhancement.title}**${enhancement.sig ? ` · sig-${enhancement.sig}` : ''}`;
}

function versionNote(target: CardTarget): string {
  const pre = isFinalRelease(target.version) ? '' : ' (pre-release data)';
  return `Kubernetes ${target.version}${pre}${target.pinned ? ' (pinned in this file)' : ''}`;
}

export function stageLine(enhancement: Enhancement, version: MinorVersion): string {
  const now = stageAt(enhancement, version);
  const history = stageHistory(enhancement).map((h) => `${h.stage} ${h.from}`).join(' → ');
  const at = now ? `**${now.stage}** in ${version}` : `**not available** in ${version}`;
  const category = categoryAt(enhancement, version);
  // A deprecation or removal is what the release did, not the stage the feature is at.
  const counted = category === 'deprecation' || category === 'removal' ? ` · listed by ${version} as a ${category}` : '';
  return `${at}${counted}${history ? ` · history: ${history}` : ''}`;
}

export function gateLine(gate: FeatureGate, target: CardTarget): string {
  const state = gateStateAt(gate.name, target.version, target.gates);
  let text: string;
  if (state.removed) text = `removed in ${gate.removedIn} (behaviour is permanent)`;
  else if (state.notYet) text = `does not exist yet in ${target.version} (from ${gate.spans[0]?.from})`;
  else {
    const span = state.span;
    text = `${span?.stage ?? '?'} in ${target.version}, ${span?.defaultOn ? 'on' : 'off'} by default${state.locked ? ', locked' : ''}`;
    if (state.unconfirmed) text += ` (as in ${span?.to ?? span?.from}: the ${target.version} sources of this component are not in the data yet)`;
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
  const kep = enhancement.kep !== undefined ? kepUrl(enhancement) : undefined;
  if (kep) parts.push(`[KEP-${enhancement.kep}](${kep})`);
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

/** `core/v1.PodSpec.hostnameOverride` → `PodSpec.hostnameOverride`. */
function shortFieldKey(key: string): string {
  const slash = key.lastIndexOf('/');
  const rest = key.slice(slash + 1);
  return rest.slice(rest.indexOf('.') + 1);
}

export interface CardFocus {
  field?: ApiField;
  child?: ChildField;
  value?: AllowedValue;
  config?: ComponentConfig;
  /** Path as the user sees it, e.g. `spec.template.spec.volumes[0].image`. */
  path?: string;
  /** The schema's field at the place, for its type line. */
  schemaField?: FieldSpec;
  /** A line about the focused item (an annotation's meaning), in our words. */
  note?: string;
}

/** The full card of an enhancement, focused on one field, value or option when given. */
export function enhancementCard(enhancement: Enhancement, target: CardTarget, focus: CardFocus = {}): string {
  const lines: string[] = [title(enhancement), ''];
  if (focus.path) lines.push(`${inlineCode(focus.path)}${focus.schemaField ? ` · ${typeLabel(focus.schemaField.type)}` : ''} · ${versionNote(target)}`, '');
  else lines.push(versionNote(target), '');
  lines.push(stageLine(enhancement, target.version), '');
  const gateNames = focus.field ? gatesOfField(enhancement, focus.field) : enhancement.gates.map((g) => g.name);
  for (const gate of enhancement.gates.filter((g) => gateNames.includes(g.name))) lines.push(`- ${gateLine(gate, target)}`);
  if (gateNames.length) lines.push('');
  if (focus.field) {
    const availability = fieldAvailability(enhancement, focus.field, target);
    if (availability) lines.push(availability, '');
  }
  if (focus.note) lines.push(focus.note, '');
  if (focus.value) lines.push(`\`${focus.value.value}\`: ${focus.value.description}`, '');
  if (focus.child) lines.push(`\`${focus.child.key}\` of \`${focus.field?.path.split('.').pop() ?? ''}\``, '');
  if (focus.field) lines.push(focus.field.description, '');
  if (focus.config) lines.push(`${focus.config.component}${focus.config.kind ? ` ${focus.config.kind}` : ''}: ${focus.config.description}`, '');
  if (enhancement.summary) lines.push(enhancement.summary, '');
  const values = focus.child?.values ?? (focus.value ? [] : focus.field?.values ?? focus.config?.values ?? []);
  if (values.length) lines.push('**Values**', ...values.map((v) => valueLine(v, target.version)), '');
  const schemaValues = focus.schemaField && !focus.value ? enumValuesLine(focus.schemaField, target.version) : undefined;
  if (schemaValues) lines.push(schemaValues, '');
  const fieldKey = focus.field?.path;
  const rules = enhancement.rules.filter((r) => !fieldKey || r.trigger.path.startsWith(fieldKey.split('[]')[0] ?? fieldKey) || r.trigger.path === fieldKey);
  if (enhancement.watchOut.length) lines.push('**Watch out**', ...enhancement.watchOut.map((w) => `- ${w}`), '');
  const checked = [...new Set(rules.filter((r) => !r.message.includes('{value}')).map((r) => r.message))];
  if (checked.length) lines.push('**Rules KEP Lens checks**', ...checked.map((m) => `- ${m}`), '');
  if (!focus.field && !focus.config) {
    const gated = [...new Set(enhancement.gates.flatMap((g) => g.fields))];
    if (gated.length) lines.push(`**Fields its gates guard**: ${gated.slice(0, 12).map((k) => `\`${shortFieldKey(k)}\``).join(', ')}${gated.length > 12 ? ` and ${gated.length - 12} more` : ''}`, '');
  }
  for (const note of enhancement.notes) lines.push(`*Note: ${note}*`, '');
  for (const d of enhancement.milestoneDisagreements) {
    lines.push(`*kep.yaml plans ${d.stage} for ${d.kepYaml ?? 'no release'}; the code ${d.code ? `ships it in ${d.code}` : 'has not reached it'}.*`, '');
  }
  const linkLine = links(enhancement);
  if (linkLine) lines.push(linkLine);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Link to the API reference page of a kind at a group/version, for the target's release. */
export function apiReferenceUrl(groupVersion: string, kind: string, version: MinorVersion): string {
  const slash = groupVersion.indexOf('/');
  const group = slash === -1 ? 'core' : groupVersion.slice(0, slash).replace(/\./g, '-');
  const apiVersion = slash === -1 ? groupVersion : groupVersion.slice(slash + 1);
  // The reference is published for released versions; a pre-release links to the newest one.
  const published = isFinalRelease(version) ? version : generatedReleases().newestFinal;
  return `https://kubernetes.io/docs/reference/generated/kubernetes-api/v${published}/#${kind.toLowerCase()}-${apiVersion}-${group}`;
}

function presenceHistory(presence: Presence, fieldHistoryFrom: MinorVersion): string {
  const since = presence.ranges?.[0]?.[0] ?? presence.since;
  const until = presence.ranges ? presence.ranges[presence.ranges.length - 1]?.[1] : presence.until;
  const parts = [since ? `added in ${since}` : `present since ${fieldHistoryFrom} or earlier`];
  if (until) parts.push(`removed in 1.${Number(until.split('.')[1]) + 1}`);
  if (presence.ranges && presence.ranges.length > 1) parts.push(`served in ${presence.ranges.map(([a, b]) => (a === b ? a : `${a}–${b}`)).join(', ')}`);
  return parts.join(', ');
}

/** The values an enum field accepts at the target, and the ones that come later. */
function enumValuesLine(field: FieldSpec, version: MinorVersion): string | undefined {
  const spec = enumSpec(field.type);
  if (!spec) return undefined;
  const usable = spec.values.filter((v) => presentAt(v, version)).map((v) => `\`${v.value}\``);
  const later = spec.values.filter((v) => !presentAt(v, version) && v.since !== undefined && compareVersions(v.since, version) > 0).map((v) => `\`${v.value}\` (from ${v.since})`);
  return `**Values at ${version}**: ${usable.join(', ') || 'none'}${later.length ? ` · later: ${later.join(', ')}` : ''}`;
}

export interface FieldCardInput {
  field: FieldSpec;
  /** Path as the user sees it. */
  path: string;
  kind: string;
  groupVersion: string;
  /** Gates of an enclosing field, which govern this one too. */
  inheritedGates?: readonly string[];
}

/**
 * The card of any built-in field, from the imported facts alone: its type,
 * when it appeared, the gates that guard it and their state at the target,
 * its values, and links to the API reference and the KEP.
 */
export function fieldCard(input: FieldCardInput, target: CardTarget): string {
  const { field } = input;
  const releases = generatedReleases();
  const lines = [`**${inlineCode(input.path)}** · ${typeLabel(field.type)} · ${input.kind} ${input.groupVersion} · ${versionNote(target)}`, ''];
  const present = presentAt(field, target.version);
  const history = presenceHistory(field, releases.fieldHistoryFrom);
  lines.push(`${present ? 'Exists' : '**Does not exist**'} at ${target.version} · ${history}.`, '');
  const gates = [...new Set([...field.gates, ...(input.inheritedGates ?? [])])];
  const keps = new Map<string, Enhancement>();
  for (const name of gates) {
    const owner = enhancementOfGate(name);
    const gate = owner?.gates.find((g) => g.name === name);
    if (gate) lines.push(`- ${gateLine(gate, target)}${field.gates.includes(name) ? '' : ' (guards an enclosing field)'}`);
    else lines.push(`- Feature gate \`${name}\``);
    if (owner) keps.set(owner.id, owner);
  }
  for (const name of field.valueGates) {
    const owner = enhancementOfGate(name);
    const gate = owner?.gates.find((g) => g.name === name);
    if (gate) lines.push(`- Some values need: ${gateLine(gate, target)}`);
    if (owner) keps.set(owner.id, owner);
  }
  if (gates.length || field.valueGates.length) lines.push('');
  for (const owner of keps.values()) {
    const stage = stageAt(owner, target.version);
    lines.push(`${title(owner)} — ${stage ? `**${stage.stage}** in ${target.version}` : `not available in ${target.version}`}${owner.summary ? `: ${owner.summary}` : ''}`, '');
  }
  const values = enumValuesLine(field, target.version);
  if (values) lines.push(values, '');
  const linkParts = [`[API reference: ${input.kind} ${input.groupVersion}](${apiReferenceUrl(input.groupVersion, input.kind, target.version)})`];
  for (const owner of keps.values()) if (owner.kep !== undefined) linkParts.push(`[KEP-${owner.kep}](${kepUrl(owner)})`);
  lines.push(linkParts.join(' · '));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Card for an apiVersion value. */
export function apiVersionCard(groupVersion: string, kind: string, target: CardTarget): string | undefined {
  const status = apiVersionStatusAt(groupVersion, kind, target.version);
  if (status.state === 'unknown') return undefined;
  const l = status.lifecycle;
  const lines = [`**${inlineCode(groupVersion)} ${inlineCode(kind)}** · ${versionNote(target)}`, ''];
  const state = {
    served: 'served',
    deprecated: `**deprecated** (since ${l?.deprecatedIn})`,
    removed: `**removed** (no longer served from ${l?.removedIn})`,
    notYet: `**not served yet** (from ${status.since})`,
    unknown: '',
  }[status.state];
  lines.push(`Status at ${target.version}: ${state}.`);
  for (const name of status.gates ?? []) {
    const owner = enhancementOfGate(name);
    const gate = owner?.gates.find((g) => g.name === name);
    if (gate) lines.push('', `Served only with the gate on — ${gateLine(gate, target)}`);
  }
  if (l) {
    const history = [l.introducedIn ? `introduced ${l.introducedIn}` : '', l.deprecatedIn ? `deprecated ${l.deprecatedIn}` : '', l.removedIn ? `removed ${l.removedIn}` : ''].filter(Boolean).join(' · ');
    if (history) lines.push('', history);
    if (l.replacement) lines.push('', `Replacement: \`${l.replacement}\` — ${l.dropIn ? 'a drop-in (only apiVersion changes)' : 'check the fields when moving'}.`);
    if (l.changes?.length) lines.push('', '**Changes needed**', ...l.changes.map((c) => `- ${c}`));
    if (l.note) lines.push('', l.note);
    if (l.deprecatedIn || l.removedIn) lines.push('', '[Deprecated API migration guide](https://kubernetes.io/docs/reference/using-api/deprecation-guide/)');
  }
  if (status.preferred && status.preferred !== groupVersion) lines.push('', `Preferred at ${target.version}: \`${status.preferred}\`.`);
  if (status.state === 'served' || status.state === 'deprecated') lines.push('', `[API reference](${apiReferenceUrl(groupVersion, kind, target.version)})`);
  return lines.join('\n');
}

/** Card for a feature gate name. */
export function gateCard(gate: FeatureGate, owner: Enhancement | undefined, target: CardTarget): string {
  const lines = [`**Feature gate \`${gate.name}\`** · ${versionNote(target)}`, '', gateLine(gate, target), ''];
  lines.push('| versions | stage | default |', '|---|---|---|');
  const earlier = gate.history.filter((h) => gate.spans[0] && compareVersions(h.version, gate.spans[0].from) < 0);
  for (const h of earlier) lines.push(`| ${h.version} | ${h.stage}${h.locked ? ' (locked)' : ''} | ${h.defaultOn ? 'on' : 'off'} |`);
  for (const span of gate.spans) lines.push(`| ${span.from}${span.to ? (span.to === span.from ? '' : `–${span.to}`) : '+'} | ${span.stage}${span.locked ? ' (locked)' : ''} | ${span.defaultOn ? 'on' : 'off'} |`);
  if (gate.removedIn) lines.push(`| ${gate.removedIn}+ | removed | — |`);
  if (gate.unknownFrom) lines.push(`| ${gate.unknownFrom}+ | not in the data yet | — |`);
  if (gate.fields.length) lines.push('', `**Guards**: ${gate.fields.slice(0, 12).map((k) => `\`${shortFieldKey(k)}\``).join(', ')}${gate.fields.length > 12 ? ` and ${gate.fields.length - 12} more` : ''}`);
  if (gate.kinds.length) lines.push('', `**Serves**: ${gate.kinds.slice(0, 8).map((k) => `\`${k}\``).join(', ')}`);
  if (owner) {
    lines.push('', `${title(owner)}`);
    if (owner.summary) lines.push('', owner.summary);
    const linkLine = links(owner);
    if (linkLine) lines.push('', linkLine);
  }
  return lines.join('\n');
}
