/**
 * What the importer reads: which repositories, which directories and files
 * in them, and how release tags are chosen. Facts from each are recorded
 * with the repository, tag, path and blob they came from.
 */

/** Oldest minor whose API types are read (field history starts here). */
export const fieldHistoryFrom = 8;
/** Oldest minor the product targets; gates and KEP stages are tracked from here. */
export const targetsFrom = 27;

export interface ApiSource {
  /** `owner/name` of the repository. */
  readonly repository: string;
  /** Go module path the directories belong to. */
  readonly module: string;
  /** Directories of API packages, or a pattern that finds them at each tag. */
  readonly directories: readonly string[] | RegExp;
  /** A component's configuration types rather than served APIs. */
  readonly config?: boolean;
}

export const apiSources: readonly ApiSource[] = [
  { repository: 'kubernetes/api', module: 'k8s.io/api', directories: /^([a-z]+)\/(v\d+(?:(?:alpha|beta)\d+)?)\/types\.go$/ },
  { repository: 'kubernetes/apimachinery', module: 'k8s.io/apimachinery', directories: ['pkg/apis/meta/v1'] },
  { repository: 'kubernetes/apiextensions-apiserver', module: 'k8s.io/apiextensions-apiserver', directories: ['pkg/apis/apiextensions/v1', 'pkg/apis/apiextensions/v1beta1'] },
  { repository: 'kubernetes/kube-aggregator', module: 'k8s.io/kube-aggregator', directories: ['pkg/apis/apiregistration/v1', 'pkg/apis/apiregistration/v1beta1'] },
  { repository: 'kubernetes/kubelet', module: 'k8s.io/kubelet', directories: /^(config)\/(v\d+(?:(?:alpha|beta)\d+)?)\/types\.go$/, config: true },
  { repository: 'kubernetes/kube-proxy', module: 'k8s.io/kube-proxy', directories: /^(config)\/(v\d+(?:(?:alpha|beta)\d+)?)\/types\.go$/, config: true },
  { repository: 'kubernetes/kube-scheduler', module: 'k8s.io/kube-scheduler', directories: /^(config)\/(v\d+(?:(?:alpha|beta)\d+)?)\/types\.go$/, config: true },
  { repository: 'kubernetes/component-base', module: 'k8s.io/component-base', directories: ['config/v1alpha1', 'logs/api/v1', 'tracing/api/v1'], config: true },
  { repository: 'kubernetes/apiserver', module: 'k8s.io/apiserver', directories: /^pkg\/apis\/(apiserver|audit)\/(v\d+(?:(?:alpha|beta)\d+)?)\/types\.go$/, config: true },
];

export interface GateSource {
  readonly repository: string;
  readonly paths: readonly string[];
  /** Who reads the gates, when kep.yaml does not say. */
  readonly components: readonly string[];
}

export const gateSources: readonly GateSource[] = [
  { repository: 'kubernetes/kubernetes', paths: ['pkg/features/kube_features.go', 'pkg/features/versioned_kube_features.go'], components: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy'] },
  { repository: 'kubernetes/apiserver', paths: ['pkg/features/kube_features.go'], components: ['kube-apiserver'] },
  { repository: 'kubernetes/apiextensions-apiserver', paths: ['pkg/features/kube_features.go'], components: ['kube-apiserver'] },
  { repository: 'kubernetes/controller-manager', paths: ['pkg/features/kube_features.go'], components: ['kube-controller-manager', 'cloud-controller-manager'] },
  { repository: 'kubernetes/client-go', paths: ['features/known_features.go'], components: ['client-go'] },
  { repository: 'kubernetes/component-base', paths: ['logs/api/v1/kube_features.go', 'metrics/features/kube_features.go', 'zpages/features/kube_features.go', 'tracing/api/v1/kube_features.go'], components: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy'] },
];

export const enhancementsRepository = 'kubernetes/enhancements';

/**
 * A release tag of a repository for a minor version: the `.0` tag
 * (`v1.31.0`, `kubernetes-1.31.0`, `v0.31.0`), or, when the minor has not
 * been released yet, its newest pre-release tag.
 */
export function tagForMinor(tags: readonly string[], minor: number): { tag: string; final: boolean } | undefined {
  const finals = [`v1.${minor}.0`, `kubernetes-1.${minor}.0`, `v0.${minor}.0`];
  for (const tag of finals) if (tags.includes(tag)) return { tag, final: true };
  const pre = tags
    .map((tag) => ({ tag, m: new RegExp(`^(?:v1\\.${minor}\\.0|kubernetes-1\\.${minor}\\.0|v0\\.${minor}\\.0)-(alpha|beta|rc)\\.(\\d+)$`).exec(tag) }))
    .filter((t): t is { tag: string; m: RegExpExecArray } => t.m !== null)
    .sort((a, b) => preRank(a.m) - preRank(b.m));
  const newest = pre[pre.length - 1];
  return newest ? { tag: newest.tag, final: false } : undefined;
}

function preRank(m: RegExpExecArray): number {
  const order = { alpha: 0, beta: 1, rc: 2 }[m[1] as 'alpha' | 'beta' | 'rc'];
  return order * 1000 + Number(m[2]);
}
