/**
 * The shape of the KEP data module. Every hover line, completion item and
 * diagnostic is derived from values of these types; features never hold
 * facts of their own. Adding next release's enhancements means adding
 * values, not code.
 *
 * Versions are Kubernetes minor versions written "1.31". Ranges are
 * inclusive; an open end (`to` absent) means "still so at the newest
 * version the data knows".
 */

/** A Kubernetes minor version such as "1.31". */
export type MinorVersion = string;

export type Stage = 'alpha' | 'beta' | 'stable' | 'deprecated' | 'removed';

/** What kind of change a release made, as release notes group them. */
export type KepCategory = 'alpha' | 'beta' | 'stable' | 'deprecation' | 'removal';

/** Stage of an enhancement over a span of minor versions. */
export interface StageSpan {
  stage: Stage;
  from: MinorVersion;
  /** Last version with this stage; absent = open-ended. */
  to?: MinorVersion;
  /** Why this span is notable (a revert, a code-vs-article disagreement). */
  note?: string;
  /** Set when this span could not be confirmed from a primary source. */
  unverified?: string;
}

/** A feature gate's stage and default over a span of minor versions. */
export interface GateSpan {
  stage: Stage;
  /** Whether the gate is on when the user sets nothing. */
  defaultOn: boolean;
  from: MinorVersion;
  to?: MinorVersion;
  /** Locked to its default: it can no longer be turned off. */
  locked?: boolean;
  note?: string;
  unverified?: string;
}

export interface FeatureGate {
  name: string;
  /** Components that read the gate (kube-apiserver, kubelet, …). */
  components: string[];
  spans: GateSpan[];
  /** First minor version in which the gate no longer exists. */
  removedIn?: MinorVersion;
  /** First version whose sources for the gate are missing from the data; its state there is carried on, unconfirmed. */
  unknownFrom?: MinorVersion;
  /** The code's own history of the gate, which may reach before the versions the data tracks. */
  history: { version: MinorVersion; stage: Stage; defaultOn: boolean; locked?: boolean }[];
  /** KEPs whose kep.yaml names the gate. */
  keps: number[];
  /** Fields the gate guards, as `package.Type.field` (`core/v1.PodSpec.hostnameOverride`). */
  fields: string[];
  /** Fields whose accepted values the gate changes. */
  valueFields: string[];
  /** Kinds served only with the gate on, as `group/version/Kind`. */
  kinds: string[];
}

/**
 * A place in a manifest. `path` is written in manifest spelling relative to
 * the document root: dots between keys, `[]` after a key whose value is a
 * list of objects, e.g. `spec.volumes[].image`. Facts stated for `Pod`
 * (path under `spec.`) or `Job` (path under `spec.`) apply wherever a pod
 * spec or job spec is embedded (see `embeddings.ts`).
 */
export interface FieldLocation {
  /** group/version; absent means any version of the kind. */
  apiVersion?: string;
  kind: string;
  path: string;
}

/** A value a field may take, and when it may. */
export interface AllowedValue {
  value: string;
  /** Our own one-line explanation of what the value does. */
  description: string;
  /** First version that accepts the value (absent: as old as the field). */
  since?: MinorVersion;
  /** Version from which the value is deprecated. */
  deprecatedIn?: MinorVersion;
  /** First version that rejects or ignores the value. */
  removedIn?: MinorVersion;
  /** What to write instead, once deprecated. */
  replacement?: string;
  /** Gate that must be on for the value to be accepted, when it differs from the field's. */
  gate?: string;
}

/** Shape of a child key, used to build completion snippets. */
export type ValueShape = 'string' | 'integer' | 'boolean' | 'object' | 'list' | 'stringList' | 'map';

export interface ChildField {
  key: string;
  shape: ValueShape;
  /** Value offered in snippets; `values[0]` when absent and values exist. */
  example?: string;
  values?: AllowedValue[];
  required?: boolean;
}

/** A field an enhancement adds, changes, deprecates or removes. */
export interface ApiField extends FieldLocation {
  /** Our own words: what the field does, one or two sentences. */
  description: string;
  shape: ValueShape;
  /** First version in which the field exists in the API at all. */
  since?: MinorVersion;
  /** Gates that must be on for the field to be honoured; default: all gates of the KEP. */
  gates?: string[];
  /** Allowed values of the field itself (for scalar fields). */
  values?: AllowedValue[];
  /** `values` lists notable values only; any other value is also accepted (e.g. a controller name). */
  valuesOpen?: boolean;
  /** Child keys, in the order a snippet should write them. */
  children?: ChildField[];
  /** Version from which using the field is deprecated. */
  deprecatedIn?: MinorVersion;
  /** First version in which the field stops working (may stay in the schema). */
  removedIn?: MinorVersion;
  /** What to use instead, once deprecated or removed. */
  replacement?: string;
  /** Field is written by the system (status); shown in hover, never completed. */
  readOnly?: boolean;
  note?: string;
}

/**
 * An annotation key that an enhancement deprecates (e.g. the AppArmor beta
 * annotations). `keyPattern` is a regular expression matched against the
 * annotation key.
 */
export interface AnnotationFact {
  keyPattern: string;
  /** Human spelling of the key, e.g. `container.apparmor.security.beta.kubernetes.io/<container>`. */
  display: string;
  /** Kinds whose `metadata.annotations` (or pod template's) carry it. */
  onPodTemplates: boolean;
  description: string;
  deprecatedIn?: MinorVersion;
  removedIn?: MinorVersion;
  replacement?: string;
  /**
   * A mechanical move the quick fix can perform: `containerAppArmorProfile`
   * turns `container.apparmor…/<name>: <profile>` into the named container's
   * `securityContext.appArmorProfile`.
   */
  migrateTo?: 'containerAppArmorProfile';
}

/** Component configuration an enhancement touches (config files or flags). */
export interface ComponentConfig {
  component: 'kubelet' | 'kube-proxy' | 'kube-scheduler' | 'kube-apiserver' | 'kube-controller-manager' | 'kubectl';
  /** Config-file kind, e.g. KubeletConfiguration; absent for flag-only facts. */
  kind?: string;
  /** Config-file apiVersion(s) the field lives in. */
  apiVersions?: string[];
  /** Field path inside the config kind, manifest spelling. */
  path?: string;
  /** Command-line flag, e.g. `--proxy-mode`. */
  flag?: string;
  /** Values of the field or flag this enhancement introduces or changes. */
  values?: AllowedValue[];
  /**
   * For list/map fields whose entries are names (scheduler plugins,
   * policy option keys): the entries this enhancement concerns.
   */
  entries?: AllowedValue[];
  description: string;
  deprecatedIn?: MinorVersion;
  removedIn?: MinorVersion;
  replacement?: string;
}

/**
 * A rule an enhancement states that a manifest can break. Rules are
 * evaluated by one generic engine: the rule fires at the node at
 * `trigger.path` (relative to the document root of `trigger.kind`, mapped
 * through embeddings), and `check` is evaluated against the object that
 * holds the trigger key ("the parent").
 */
export interface Rule {
  /** Stable id, e.g. `image-volume-no-subpath`. */
  id: string;
  trigger: FieldLocation & {
    /** Only when the trigger's scalar value is one of these. */
    whenValue?: string[];
  };
  check: RuleCheck;
  severity: 'error' | 'warning' | 'information' | 'hint';
  /** Our own words; `{value}` is replaced by the offending value. */
  message: string;
  /** Versions in which the rule holds (e.g. subPath allowed again from 1.33). */
  from?: MinorVersion;
  /** Last version in which the rule holds. */
  to?: MinorVersion;
  /** A mechanical fix, when there is one. */
  fix?: RuleFix;
  /**
   * For a trigger inside a container: not reported when the pod spec holding it sets one of these
   * (`hostNetwork: true`), where what the rule warns of is already decided another way.
   */
  unlessPodSpec?: { path: string; value: string }[];
}

/**
 * Paths inside checks are relative to the trigger's parent object, in
 * manifest spelling (`template.spec.restartPolicy`). `.` is the trigger
 * node itself.
 */
export type RuleCheck =
  /** The value at `path` must be one of `values` (absent allowed only when `absentOk`). */
  | { type: 'equals'; path: string; values: string[]; absentOk?: boolean }
  /** The key at `path` must be present. */
  | { type: 'present'; path: string }
  /** The two string lists share no entry. */
  | { type: 'disjoint'; path: string; otherPath: string }
  /** Integer at `path` is at least `min`. */
  | { type: 'minimum'; path: string; min: number }
  /** Scalar at `path` must not match `pattern`, unless `unlessPresent` is set. */
  | { type: 'notMatching'; path: string; pattern: string; unlessPresent?: string }
  /**
   * The trigger is a key of a container volume mount; it is forbidden when the
   * mount refers (by `name`) to a pod volume that has the key `volumeSource`.
   */
  | { type: 'mountNotOfVolumeSource'; volumeSource: string }
  /** The trigger is inside a container; the pod spec that holds the container must have the key at `path`. */
  | { type: 'podSpecPresent'; path: string }
  /** Scalars at `path` and `otherPath` are equal when both are written. */
  | { type: 'sameValue'; path: string; otherPath: string }
  /** Always reported while the rule applies: a reminder (immutability and the like). */
  | { type: 'always' };

export type RuleFix =
  /** Set the key at `path` (relative to the trigger's parent) to `value`. */
  | { type: 'set'; path: string; value: string; title: string }
  /** Delete the trigger key and its value. */
  | { type: 'removeTrigger'; title: string };

/** Link to documentation beyond the KEP page itself. */
export interface DocLink {
  title: string;
  url: string;
}

/**
 * One enhancement (KEP) or one KEP-less removal/deprecation: the imported
 * facts (title, SIG, stages, gates) merged with our overlay (summary,
 * watch-outs, fields, rules).
 */
export interface Enhancement {
  /** Stable id: `kep-4639`, or e.g. `removal-cephfs-volume-plugin`. */
  id: string;
  /** KEP number; absent for changes that had no KEP. */
  kep?: number;
  title: string;
  sig: string;
  /** The releases that list it, and how each counts it (a new alpha, a promotion to beta, a graduation, a deprecation, a removal). */
  releases: Readonly<Record<MinorVersion, KepCategory>>;
  /** Our own words, two or three sentences: what it does for a user; empty where we have written none. */
  summary: string;
  /** Our own words: the rules and surprises that bite. */
  watchOut: string[];
  /** Stage per minor version. */
  stages: StageSpan[];
  /** Where the stages come from: a gate in the code, kep.yaml milestones, or our overlay. */
  stageSource: string;
  gates: FeatureGate[];
  fields: ApiField[];
  annotations?: AnnotationFact[];
  config: ComponentConfig[];
  rules: Rule[];
  docs: DocLink[];
  /** Notes a user can act on. */
  notes: string[];
  /** Where curated facts were checked. */
  sources: string[];
  /** kep.yaml milestones that differ from what the code ships (the code wins). */
  milestoneDisagreements: { stage: string; kepYaml?: MinorVersion; code?: MinorVersion }[];
  /** Planned milestones from kep.yaml. */
  milestones: Readonly<Partial<Record<string, MinorVersion>>>;
  /** True when our overlay has prose for it. */
  curated: boolean;
}

/**
 * Lifecycle of one served group/version of a set of kinds (the deprecation
 * guide's rows).
 */
export interface ApiVersionLifecycle {
  /** e.g. `policy/v1beta1`. */
  groupVersion: string;
  kinds: string[];
  /** First version serving it (absent: before the data's horizon). */
  introducedIn?: MinorVersion;
  deprecatedIn?: MinorVersion;
  /** First version that no longer serves it. */
  removedIn?: MinorVersion;
  /** group/version to migrate to, per kind when they differ. */
  replacement?: string;
  /** True when the replacement accepts the same fields (only apiVersion changes). */
  dropIn: boolean;
  /** Field changes needed when not a drop-in, in our own words. */
  changes?: string[];
  /**
   * Mechanical field moves the quick fix performs, relative to the document
   * root of the kind; only where they are exact.
   */
  migrations?: FieldMigration[];
  /** Enhancement that drove the change, if any. */
  enhancementId?: string;
  sources: string[];
  note?: string;
}

export type FieldMigration =
  /** Rename a key, keeping its value (`from` and `to` are paths; `[]` iterates lists). */
  | { type: 'rename'; from: string; to: string }
  /** Add a key with a value when absent. */
  | { type: 'addIfMissing'; path: string; value: string }
  /**
   * Ingress backend: `serviceName`/`servicePort` → `service.name` and
   * `service.port.number` (integer) or `service.port.name` (string).
   */
  | { type: 'ingressBackend'; path: string };

/** Where a Pod spec or Job spec is embedded in another kind. */
export interface Embedding {
  /** The kind whose fields are embedded (`Pod`, `Job`). */
  embeddedKind: string;
  /** Path of the embedded kind's document root fields inside the host, e.g. `spec.template` for a Pod in a Deployment (so `spec.volumes` → `spec.template.spec.volumes`). */
  hostKind: string;
  hostApiVersions: string[];
  /** Prefix that replaces the embedded document root. */
  at: string;
}
