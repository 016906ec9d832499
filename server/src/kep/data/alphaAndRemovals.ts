/**
 * Kubernetes 1.31 enhancements counted as "alpha", "deprecation" or
 * "removal", plus one extra entry for in-tree volume plugins removed before
 * 1.31. Facts come from /work/shared/kep-facts/keps-1.31.json, re-checked
 * where noted in `sources`; see docs/data-notes-alpha-removals.md for what
 * changed versus that file and what is still unverified.
 */
import type { AllowedValue, ApiField, ComponentConfig, Enhancement, Rule } from '../types';

const KEP = (n: number) => `https://kep.k8s.io/${n}`;

// ---------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------

const PULL_POLICY_VALUES: AllowedValue[] = [
  { value: 'IfNotPresent', description: 'Pull only when the node does not already hold the image or artifact.' },
  { value: 'Always', description: 'Try to pull on every pod start; the pod cannot start if the pull fails.' },
  { value: 'Never', description: 'Use only what is already on the node; the pod cannot start if it is missing.' },
];

/** Container lists whose volume mounts the image-volume subPath rule watches. */
const MOUNT_CONTAINER_LISTS = ['containers', 'initContainers'] as const;

const imageVolumeSubPathRules: Rule[] = MOUNT_CONTAINER_LISTS.flatMap((list) =>
  (['subPath', 'subPathExpr'] as const).map(
    (key): Rule => ({
      id: `image-volume-no-${key.toLowerCase()}-${list.toLowerCase()}`,
      trigger: { kind: 'Pod', path: `spec.${list}[].volumeMounts[].${key}` },
      check: { type: 'mountNotOfVolumeSource', volumeSource: 'image' },
      severity: 'error',
      message: `\`${key}\` cannot be used on a mount of an image volume before Kubernetes 1.33; mount the whole volume instead.`,
      from: '1.31',
      to: '1.32',
      fix: { type: 'removeTrigger', title: `Remove ${key}` },
    }),
  ),
);

const NON_CSI_LIMIT_PLUGINS: AllowedValue[] = ['AzureDiskLimits', 'CinderLimits', 'EBSLimits', 'GCEPDLimits'].map(
  (name): AllowedValue => ({
    value: name,
    description: `In-tree volume-count filter for one cloud disk type; those disks are CSI-migrated, so NodeVolumeLimits already enforces the limit.`,
    deprecatedIn: '1.31',
    removedIn: '1.32',
    replacement: 'NodeVolumeLimits',
  }),
);

const SCHEDULER_PLUGIN_NAME_PATHS = [
  'profiles[].plugins.filter.enabled[].name',
  'profiles[].plugins.filter.disabled[].name',
  'profiles[].plugins.preFilter.enabled[].name',
  'profiles[].plugins.preFilter.disabled[].name',
  'profiles[].plugins.multiPoint.enabled[].name',
  'profiles[].plugins.multiPoint.disabled[].name',
  'profiles[].pluginConfig[].name',
];

const schedulerPluginConfigs: ComponentConfig[] = SCHEDULER_PLUGIN_NAME_PATHS.map(
  (path): ComponentConfig => ({
    component: 'kube-scheduler',
    kind: 'KubeSchedulerConfiguration',
    apiVersions: ['kubescheduler.config.k8s.io/v1'],
    path,
    entries: NON_CSI_LIMIT_PLUGINS,
    description:
      'Names of scheduler plugins. The four cloud-specific volume-limit plugins left the default set in 1.31 and were deleted in 1.32; name NodeVolumeLimits instead.',
    deprecatedIn: '1.31',
    removedIn: '1.32',
    replacement: 'NodeVolumeLimits',
  }),
);

/** SubjectAccessReview-family selector fields (KEP-4601). */
const SELECTOR_CHILDREN = [
  { key: 'rawSelector', shape: 'string' as const, example: 'spec.nodeName=node-1' },
  { key: 'requirements', shape: 'list' as const },
];
const accessReviewSelectorFields: ApiField[] = ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'].flatMap(
  (kind): ApiField[] => [
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind,
      path: 'spec.resourceAttributes.fieldSelector',
      description:
        'The field selector of the list or watch being authorized, so an authorizer can allow a narrowed request (for example only pods bound to one node). Give either rawSelector or requirements, not both.',
      shape: 'object',
      since: '1.31',
      gates: ['AuthorizeWithSelectors'],
      children: SELECTOR_CHILDREN,
    },
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind,
      path: 'spec.resourceAttributes.labelSelector',
      description:
        'The label selector of the list or watch being authorized, passed to authorizers so they can grant access only to a labelled subset. Give either rawSelector or requirements, not both.',
      shape: 'object',
      since: '1.31',
      gates: ['AuthorizeWithSelectors'],
      children: [
        { key: 'rawSelector', shape: 'string', example: 'app=web' },
        { key: 'requirements', shape: 'list' },
      ],
    },
  ],
);

/** Helper for the pod-volume / PersistentVolume pairs of removed in-tree plugins. */
function removedPluginFields(
  key: string,
  human: string,
  deprecatedIn: string,
  removedIn: string,
  replacement: string,
  onPersistentVolume = true,
): ApiField[] {
  const out: ApiField[] = [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      path: `spec.volumes[].${key}`,
      description: `In-tree ${human} volume. The key is still accepted by the API, but no kubelet can mount it any more.`,
      shape: 'object',
      deprecatedIn,
      removedIn,
      replacement,
    },
  ];
  if (onPersistentVolume) {
    out.push({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      path: `spec.${key}`,
      description: `In-tree ${human} persistent volume source. Still in the schema; nothing provisions, attaches or mounts it any more.`,
      shape: 'object',
      deprecatedIn,
      removedIn,
      replacement,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Entries
// ---------------------------------------------------------------------------

export const alphaAndRemovalEnhancements: Enhancement[] = [
  // ----------------------------------------------------------------- alpha
  {
    id: 'kep-4601',
    kep: 4601,
    title: 'Authorize with Selectors',
    sig: 'auth',
    category: 'alpha',
    summary:
      'Authorizers get to see the field and label selectors of list and watch requests, so a policy can say "you may list pods, but only those on your node". With the node variant of the gate, the Node authorizer itself uses this to narrow what kubelets can read.',
    watchOut: [
      'Alpha and off in 1.31: both AuthorizeWithSelectors and AuthorizeNodeWithSelectors must be enabled on kube-apiserver; beta and on from 1.32.',
      'In a SubjectAccessReview selector, set rawSelector or requirements, never both.',
      'Webhook authorizers only benefit if they read the new selector attributes; older webhooks simply ignore them.',
      'CEL match conditions in an AuthorizationConfiguration can only refer to request.resourceAttributes.fieldSelector / labelSelector while AuthorizeWithSelectors is on.',
      'Turning on AuthorizeNodeWithSelectors tightens what kubelet credentials may list; node-side tooling that borrowed kubelet credentials can start getting denials.',
    ],
    stages: [
      { stage: 'alpha', from: '1.31', to: '1.31' },
      { stage: 'beta', from: '1.32', to: '1.33' },
      { stage: 'stable', from: '1.34' },
    ],
    gates: [
      {
        name: 'AuthorizeWithSelectors',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.31', to: '1.31' },
          { stage: 'beta', defaultOn: true, from: '1.32', to: '1.33' },
          { stage: 'stable', defaultOn: true, from: '1.34', locked: true },
        ],
      },
      {
        name: 'AuthorizeNodeWithSelectors',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.31', to: '1.31' },
          { stage: 'beta', defaultOn: true, from: '1.32', to: '1.33' },
          { stage: 'stable', defaultOn: true, from: '1.34', locked: true },
        ],
      },
    ],
    fields: accessReviewSelectorFields,
    config: [
      {
        component: 'kube-apiserver',
        kind: 'AuthorizationConfiguration',
        apiVersions: ['apiserver.config.k8s.io/v1alpha1', 'apiserver.config.k8s.io/v1beta1'],
        path: 'authorizers[].webhook.matchConditions[].expression',
        description:
          'CEL match conditions of a webhook authorizer. With AuthorizeWithSelectors on, expressions may read request.resourceAttributes.fieldSelector and .labelSelector to decide whether the webhook is consulted.',
      },
    ],
    rules: [],
    docs: [
      { title: 'KEP-4601', url: KEP(4601) },
      { title: 'Authorization', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authorization/' },
    ],
    sources: [
      "kubernetes/enhancements keps/sig-auth/4601-authorize-with-selectors/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/api@v0.31.0 authorization/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "kubernetes/apiserver@v0.31.0 and @v0.34.0 pkg/features/kube_features.go (published copy of staging/src/k8s.io/apiserver)",
      "kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml @002acc1a391120e71e0b789198f15b8d9e8b206a (snapshot from the v1.34 development cycle)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "kubernetes/website content/en/blog/_posts/2025/kubernetes-v1-34-release/index.md (v1.34 release announcement)",
      'kubernetes/apiserver@v0.31.0 pkg/authorization/cel/compile.go (fieldSelector/labelSelector CEL attributes only when AuthorizeWithSelectors is on)',
      'kubernetes/apiserver@v0.31.0 pkg/apis/apiserver/v1alpha1/types.go and v1beta1/types.go (AuthorizationConfiguration, WebhookMatchCondition)',
    ],
    unverified: [
      'Whether AuthorizationConfiguration is also served as apiserver.config.k8s.io/v1 from 1.32 (not checked; only v1alpha1/v1beta1 are listed).',
    ],
  },

  {
    id: 'kep-4633',
    kep: 4633,
    title: 'Only allow anonymous auth for configured endpoints',
    sig: 'auth',
    category: 'alpha',
    summary:
      'Anonymous access to kube-apiserver can be limited to a fixed list of paths, typically the health endpoints, instead of being all-or-nothing. A mistaken RBAC grant to system:anonymous then cannot expose the rest of the API.',
    watchOut: [
      'Configured in the AuthenticationConfiguration file (kube-apiserver --authentication-config), not with a flag; needs AnonymousAuthConfigurableEndpoints in 1.31 (alpha, off).',
      'Setting the anonymous section in the file and also passing --anonymous-auth is rejected: pick one.',
      'Paths must match exactly; list each health endpoint (/livez, /readyz, /healthz) you want reachable without credentials.',
    ],
    stages: [
      { stage: 'alpha', from: '1.31', to: '1.31' },
      { stage: 'beta', from: '1.32', to: '1.33' },
      { stage: 'stable', from: '1.34' },
    ],
    gates: [
      {
        name: 'AnonymousAuthConfigurableEndpoints',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.31', to: '1.31' },
          { stage: 'beta', defaultOn: true, from: '1.32', to: '1.33' },
          { stage: 'stable', defaultOn: true, from: '1.34', locked: true },
        ],
      },
    ],
    fields: [],
    config: [
      {
        component: 'kube-apiserver',
        kind: 'AuthenticationConfiguration',
        apiVersions: ['apiserver.config.k8s.io/v1alpha1', 'apiserver.config.k8s.io/v1beta1', 'apiserver.config.k8s.io/v1'],
        path: 'anonymous',
        description:
          'Turns the anonymous authenticator on or off and, through conditions, restricts it to the listed request paths. v1alpha1 and v1beta1 carry it in 1.31; the v1 kind exists from 1.34.',
      },
      {
        component: 'kube-apiserver',
        kind: 'AuthenticationConfiguration',
        apiVersions: ['apiserver.config.k8s.io/v1alpha1', 'apiserver.config.k8s.io/v1beta1', 'apiserver.config.k8s.io/v1'],
        path: 'anonymous.conditions[].path',
        description: 'One request path on which unauthenticated requests are still accepted, e.g. /livez.',
      },
      {
        component: 'kube-apiserver',
        flag: '--anonymous-auth',
        description: 'Older on/off switch for anonymous requests; cannot be combined with an anonymous section in the authentication config file.',
      },
    ],
    rules: [],
    docs: [
      { title: 'KEP-4633', url: KEP(4633) },
      { title: 'Authenticating', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/' },
    ],
    sources: [
      "kubernetes/enhancements keps/sig-auth/4633-anonymous-auth-configurable-endpoints/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/apiserver@v0.31.0 pkg/apis/apiserver/v1alpha1/types.go and v1beta1/types.go; @v0.34.0 pkg/apis/apiserver/v1/types.go",
      "kubernetes/apiserver@v0.31.0 and @v0.34.0 pkg/features/kube_features.go (published copy of staging/src/k8s.io/apiserver)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "kubernetes/website content/en/blog/_posts/2025/kubernetes-v1-34-release/index.md (v1.34 release announcement)",
      'kubernetes/apiserver@v0.31.0 pkg/apis/apiserver/v1alpha1/types.go and v1beta1/types.go (AnonymousAuthConfig {enabled, conditions[].path})',
    ],
    unverified: [],
  },

  {
    id: 'kep-3063',
    kep: 3063,
    title: 'Dynamic resource allocation (classic DRA / control plane controller)',
    sig: 'node',
    category: 'alpha',
    summary:
      'The original DRA design, in which a driver-specific controller in the control plane allocates devices and negotiates node choice with the scheduler through PodSchedulingContext objects. In 1.31 it was split out behind its own gate, and in 1.32 it was withdrawn in favour of structured parameters (KEP-4381).',
    watchOut: [
      'Needs both DRAControlPlaneController and DynamicResourceAllocation, plus the resource.k8s.io/v1alpha3 API enabled with --runtime-config.',
      'Gone in 1.32: the gate, ResourceClaim spec.controller, DeviceClass spec.suitableNodes and the PodSchedulingContext kind were all removed. Do not build on it.',
      'Manifests written for resource.k8s.io/v1alpha2 (1.30 and earlier) do not load in 1.31: the group was rewritten as v1alpha3.',
    ],
    stages: [
      { stage: 'alpha', from: '1.26', to: '1.31', note: 'Under DynamicResourceAllocation until 1.30; its own DRAControlPlaneController gate only in 1.31.' },
      { stage: 'removed', from: '1.32', note: 'KEP withdrawn; the control-plane-controller mode and PodSchedulingContext were deleted.' },
    ],
    gates: [
      {
        name: 'DRAControlPlaneController',
        components: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'],
        spans: [
          {
            stage: 'alpha',
            defaultOn: false,
            from: '1.31',
            to: '1.31',
            note: 'The gate name is new in 1.31; the website page back-dates it to 1.26 because the feature existed under DynamicResourceAllocation.',
          },
        ],
        removedIn: '1.32',
      },
      {
        name: 'DynamicResourceAllocation',
        components: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.26', to: '1.31' },
          { stage: 'beta', defaultOn: false, from: '1.32', to: '1.33' },
          { stage: 'stable', defaultOn: true, from: '1.34', to: '1.34' },
          { stage: 'stable', defaultOn: true, from: '1.35', locked: true },
        ],
        note: 'Also required for classic DRA in 1.31; after 1.31 it only covers structured parameters (KEP-4381).',
      },
    ],
    fields: [
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceClaim',
        path: 'spec.controller',
        description: 'Name of the driver controller that should allocate this claim; leaving it empty selects structured-parameter allocation by the scheduler.',
        shape: 'string',
        since: '1.31',
        gates: ['DRAControlPlaneController'],
        removedIn: '1.32',
        replacement: 'Structured parameters: spec.devices.requests[] allocated by the scheduler (KEP-4381).',
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceClaim',
        path: 'status.deallocationRequested',
        description: 'Set by the system to ask the driver controller to release the allocation.',
        shape: 'boolean',
        gates: ['DRAControlPlaneController'],
        readOnly: true,
        removedIn: '1.32',
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceClaim',
        path: 'status.allocation.controller',
        description: 'Which driver controller produced the allocation; empty when the scheduler allocated it.',
        shape: 'string',
        gates: ['DRAControlPlaneController'],
        readOnly: true,
        removedIn: '1.32',
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'DeviceClass',
        path: 'spec.suitableNodes',
        description: 'Node selector the scheduler applies before asking a driver controller about devices of this class.',
        shape: 'object',
        since: '1.31',
        gates: ['DRAControlPlaneController'],
        removedIn: '1.32',
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'PodSchedulingContext',
        path: 'spec.selectedNode',
        description: 'Node the scheduler proposes for the pod; driver controllers try to allocate there.',
        shape: 'string',
        readOnly: true,
        removedIn: '1.32',
        note: 'The whole PodSchedulingContext kind is written by the scheduler and was removed in 1.32.',
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'PodSchedulingContext',
        path: 'spec.potentialNodes',
        description: 'Candidate nodes the scheduler asks driver controllers to evaluate.',
        shape: 'stringList',
        readOnly: true,
        removedIn: '1.32',
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'PodSchedulingContext',
        path: 'status.resourceClaims[]',
        description: 'Per-claim answers from driver controllers: which of the candidate nodes cannot satisfy the claim.',
        shape: 'list',
        readOnly: true,
        removedIn: '1.32',
        children: [
          { key: 'name', shape: 'string' },
          { key: 'unsuitableNodes', shape: 'stringList' },
        ],
      },
    ],
    config: [],
    rules: [],
    docs: [
      { title: 'KEP-3063', url: KEP(3063) },
      { title: 'Dynamic Resource Allocation', url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/' },
    ],
    sources: ["kubernetes/enhancements keps/sig-node/3063-dynamic-resource-allocation/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/DRAControlPlaneController.md",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/DynamicResourceAllocation.md",
      "kubernetes/api@v0.31.0 and v0.32.0 resource/v1alpha3/types.go, register.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "https://kubernetes.io/blog/2024/12/11/kubernetes-v1-32-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-32-release/index.md)",],
    unverified: [],
  },

  {
    id: 'kep-4176',
    kep: 4176,
    title: 'New CPUManager Static Policy option: distribute-cpus-across-cores',
    sig: 'node',
    category: 'alpha',
    summary:
      'With the static CPU manager policy, this kubelet option hands a container its exclusive CPUs one per physical core where it can, instead of taking both hyperthreads of a core before moving to the next. It helps workloads that suffer when sibling threads compete for one core.',
    watchOut: [
      'Only works with cpuManagerPolicy: static, and only for Guaranteed pods that request whole CPUs.',
      'It is an alpha option: the kubelet also needs the CPUManagerPolicyAlphaOptions gate (off by default), besides CPUManagerPolicyOptions (beta, on).',
      'Cannot be combined with full-pcpus-only or distribute-cpus-across-numa.',
      'Changing CPU manager options on an existing node usually means draining it and deleting the kubelet cpu_manager_state file before restarting.',
      'Release notes call it SpreadPhysicalCPUsPreferredOption, the constant in the kubelet code; in configuration you write distribute-cpus-across-cores.',
    ],
    stages: [
      {
        stage: 'alpha',
        from: '1.31',
        note: 'kep.yaml records alpha in v1.30 with beta/stable targets (1.31/1.33) that never happened; the option first ships in the 1.31 kubelet.',
        unverified: 'Still alpha in 1.32-1.34 per a post-1.33 policy_options.go revision and an unchanged kep.yaml; no release-tagged code checked.',
      },
    ],
    gates: [
      {
        name: 'CPUManagerPolicyAlphaOptions',
        components: ['kubelet'],
        spans: [{ stage: 'alpha', defaultOn: false, from: '1.23' }],
        note: 'Umbrella gate for every alpha-level CPU manager option; it never graduates itself.',
      },
      {
        name: 'CPUManagerPolicyOptions',
        components: ['kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.22', to: '1.22' },
          { stage: 'beta', defaultOn: true, from: '1.23', to: '1.32' },
          { stage: 'stable', defaultOn: true, from: '1.33', locked: true },
        ],
        note: 'Allows cpuManagerPolicyOptions to be set at all.',
      },
    ],
    fields: [],
    config: [
      {
        component: 'kubelet',
        kind: 'KubeletConfiguration',
        apiVersions: ['kubelet.config.k8s.io/v1beta1'],
        path: 'cpuManagerPolicyOptions',
        entries: [
          {
            value: 'distribute-cpus-across-cores',
            description: 'Set to "true" to spread exclusive CPUs across physical cores instead of packing hyperthread siblings.',
            since: '1.31',
            gate: 'CPUManagerPolicyAlphaOptions',
          },
        ],
        description: 'Map of extra options for the CPU manager policy; option values are strings ("true").',
      },
      {
        component: 'kubelet',
        kind: 'KubeletConfiguration',
        apiVersions: ['kubelet.config.k8s.io/v1beta1'],
        path: 'cpuManagerPolicy',
        values: [{ value: 'static', description: 'Gives Guaranteed pods with integer CPU requests exclusive CPUs; required for this option.' }],
        description: 'CPU manager policy; the option above is only read with the static policy.',
      },
      {
        component: 'kubelet',
        flag: '--cpu-manager-policy-options',
        entries: [
          {
            value: 'distribute-cpus-across-cores',
            description: 'Flag form: --cpu-manager-policy-options=distribute-cpus-across-cores=true (with --cpu-manager-policy=static).',
            since: '1.31',
            gate: 'CPUManagerPolicyAlphaOptions',
          },
        ],
        description: 'Command-line form of cpuManagerPolicyOptions (comma-separated key=value pairs).',
      },
    ],
    rules: [],
    docs: [
      { title: 'KEP-4176', url: KEP(4176) },
      { title: 'Control CPU Management Policies on the Node', url: 'https://kubernetes.io/docs/tasks/administer-cluster/cpu-management-policies/' },
      { title: 'Blog: distributing CPUs across cores (1.31)', url: 'https://kubernetes.io/blog/2024/08/22/cpumanager-static-policy-distributed-cpu-across-cores/' },
    ],
    sources: [
      "kubernetes/enhancements keps/sig-node/4176-cpumanager-spread-cpus-preferred-policy/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "keps/sig-node/4176-cpumanager-spread-cpus-preferred-policy/README.md",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/CPUManagerPolicyAlphaOptions.md",
      "kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml @002acc1a391120e71e0b789198f15b8d9e8b206a (snapshot from the v1.34 development cycle)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "v1.34-era generated kube component reference page (--feature-gates help text with 1.34 defaults; localized copy, used as corroboration only)",
      "https://kubernetes.io/blog/2024/08/22/cpumanager-static-policy-distributed-cpu-across-cores/ (kubernetes/website content/en/blog/_posts/2024/cpumanager-static-policy-distributed-cpu-across-cores/index.md)",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section)",
      'kubernetes/kubelet@v0.31.0 config/v1beta1/types.go (cpuManagerPolicy, cpuManagerPolicyOptions map[string]string)',
    ],
    unverified: [
      'That the option is still alpha in 1.32-1.34 rests on a later (1.33+) stored revision of pkg/kubelet/cm/cpumanager/policy_options.go listing it under alphaOptions and on kep.yaml not changing; no release-tagged code checked',
    ],
  },

  {
    id: 'kep-4381',
    kep: 4381,
    title: 'DRA Structured Parameters',
    sig: 'node',
    category: 'alpha',
    summary:
      'Devices such as GPUs are described by drivers in ResourceSlice objects, and pods ask for them through ResourceClaims with CEL selectors; the scheduler itself picks matching devices. Because allocation happens in the scheduler, autoscalers can reason about it too.',
    watchOut: [
      'Alpha and off in 1.31: enable DynamicResourceAllocation on all components and serve resource.k8s.io/v1alpha3 via kube-apiserver --runtime-config.',
      'The 1.31 API (v1alpha3) is not compatible with 1.30\'s v1alpha2: ResourceClass became DeviceClass and the *Parameters kinds disappeared; rewrite manifests.',
      'Pod spec.resourceClaims[] entries set exactly one of resourceClaimName or resourceClaimTemplateName; the nested source object is gone in 1.31.',
      'A container lists the claims it uses in resources.claims[] by the pod-level claim name; the optional request key picks a single request of that claim.',
      'Later releases move the API (v1beta1 in 1.32, v1beta2 in 1.33, v1 in 1.34) and reshape some fields, so 1.31 manifests need updating again.',
    ],
    stages: [
      { stage: 'alpha', from: '1.30', to: '1.31' },
      { stage: 'beta', from: '1.32', to: '1.33', note: 'Gate stays off by default while beta.' },
      { stage: 'stable', from: '1.34' },
    ],
    gates: [
      {
        name: 'DynamicResourceAllocation',
        components: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.26', to: '1.31' },
          { stage: 'beta', defaultOn: false, from: '1.32', to: '1.33' },
          { stage: 'stable', defaultOn: true, from: '1.34', to: '1.34' },
          { stage: 'stable', defaultOn: true, from: '1.35', locked: true },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceClaim',
        path: 'spec.devices.requests[]',
        description: 'One device request of the claim: which class, optional CEL filters, and how many devices.',
        shape: 'list',
        since: '1.31',
        children: [
          { key: 'name', shape: 'string', required: true, example: 'gpu' },
          { key: 'deviceClassName', shape: 'string', required: true, example: 'gpu.example.com' },
          { key: 'selectors', shape: 'list' },
          {
            key: 'allocationMode',
            shape: 'string',
            values: [
              { value: 'ExactCount', description: 'Allocate exactly `count` devices (the default, with count 1).' },
              { value: 'All', description: 'Allocate every matching device in the pool; fails if any is already taken.' },
            ],
          },
          { key: 'count', shape: 'integer', example: '1' },
          { key: 'adminAccess', shape: 'boolean', example: 'false' },
        ],
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceClaim',
        path: 'spec.devices.constraints[]',
        description: 'Constraint across requests, e.g. that all chosen devices share the same value of an attribute.',
        shape: 'list',
        since: '1.31',
        children: [
          { key: 'requests', shape: 'stringList' },
          { key: 'matchAttribute', shape: 'string', example: 'example.com/numaNode' },
        ],
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceClaim',
        path: 'spec.devices.config[]',
        description: 'Driver-specific settings handed to the driver for some or all requests of the claim.',
        shape: 'list',
        since: '1.31',
        children: [
          { key: 'requests', shape: 'stringList' },
          { key: 'opaque', shape: 'object' },
        ],
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceClaim',
        path: 'status.allocation',
        description: 'Result of allocation: which device of which driver and pool serves each request, the merged configuration, and where the claim is usable.',
        shape: 'object',
        since: '1.31',
        readOnly: true,
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceClaim',
        path: 'status.reservedFor[]',
        description: 'Consumers (normally pods) currently allowed to use the allocated devices.',
        shape: 'list',
        readOnly: true,
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceClaimTemplate',
        path: 'spec',
        description: 'Blueprint from which a per-pod ResourceClaim is generated.',
        shape: 'object',
        children: [
          { key: 'metadata', shape: 'object' },
          { key: 'spec', shape: 'object', required: true },
        ],
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'DeviceClass',
        path: 'spec',
        description: 'Cluster-wide device category set up by an administrator: CEL selectors every request of this class inherits, plus default driver config.',
        shape: 'object',
        since: '1.31',
        children: [
          { key: 'selectors', shape: 'list' },
          { key: 'config', shape: 'list' },
        ],
        note: 'DeviceClass replaces the 1.30 ResourceClass.',
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceSlice',
        path: 'spec',
        description: 'Published by a DRA driver: the devices of one pool, their attributes and capacities, and which nodes can reach them.',
        shape: 'object',
        since: '1.31',
        children: [
          { key: 'driver', shape: 'string', required: true },
          { key: 'pool', shape: 'object', required: true },
          { key: 'nodeName', shape: 'string' },
          { key: 'nodeSelector', shape: 'object' },
          { key: 'allNodes', shape: 'boolean' },
          { key: 'devices', shape: 'list' },
        ],
        note: 'Normally written by drivers, not by hand. Exactly one of nodeName, nodeSelector, allNodes.',
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.resourceClaims[]',
        description: 'Names a ResourceClaim (shared) or a ResourceClaimTemplate (one claim per pod) that containers of this pod can use.',
        shape: 'list',
        since: '1.26',
        gates: ['DynamicResourceAllocation'],
        children: [
          { key: 'name', shape: 'string', required: true, example: 'gpu' },
          { key: 'resourceClaimTemplateName', shape: 'string', example: 'single-gpu' },
          { key: 'resourceClaimName', shape: 'string' },
        ],
        note: 'From 1.31 resourceClaimName / resourceClaimTemplateName sit directly in the entry (exactly one of them); before 1.31 they were nested under source.',
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.containers[].resources.claims[]',
        description: 'Which of the pod\'s resource claims this container gets access to.',
        shape: 'list',
        since: '1.26',
        gates: ['DynamicResourceAllocation'],
        children: [
          { key: 'name', shape: 'string', required: true, example: 'gpu' },
          { key: 'request', shape: 'string' },
        ],
        note: 'request (limit the container to one request of the claim) is new in 1.31.',
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.initContainers[].resources.claims[]',
        description: 'Which of the pod\'s resource claims this init container gets access to.',
        shape: 'list',
        since: '1.26',
        gates: ['DynamicResourceAllocation'],
        children: [
          { key: 'name', shape: 'string', required: true, example: 'gpu' },
          { key: 'request', shape: 'string' },
        ],
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.resourceClaimStatuses[]',
        description: 'Name of the ResourceClaim generated for each template-based pod claim.',
        shape: 'list',
        readOnly: true,
      },
    ],
    config: [
      {
        component: 'kube-apiserver',
        flag: '--runtime-config',
        values: [
          { value: 'resource.k8s.io/v1alpha3=true', description: 'Serves the 1.31 DRA API group version, which is off by default.', since: '1.31' },
        ],
        description: 'The alpha DRA API has to be switched on explicitly in addition to the feature gate.',
      },
    ],
    rules: [],
    docs: [
      { title: 'KEP-4381', url: KEP(4381) },
      { title: 'Dynamic Resource Allocation', url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/' },
    ],
    sources: [
      "kubernetes/enhancements keps/sig-node/4381-dra-structured-parameters/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/DynamicResourceAllocation.md",
      "kubernetes/api@v0.30.0..v0.34.0 resource/*/register.go, resource/v1alpha3/types.go, core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "kubernetes/website content/en/blog/_posts/2025/kubernetes-v1-34-release/index.md (v1.34 release announcement)",
      'kubernetes/api@v0.31.0 core/v1/types.go (PodResourceClaim: exactly one of resourceClaimName/resourceClaimTemplateName; ResourceClaim.request) and v0.30.0 (PodResourceClaim.source)',
    ],
    unverified: [],
  },

  {
    id: 'kep-4639',
    kep: 4639,
    title: 'OCI images as VolumeSource (image volumes)',
    sig: 'node',
    category: 'alpha',
    summary:
      'A pod volume can be filled from an OCI image or artifact: the kubelet pulls it like a container image and mounts its contents into containers. Useful for shipping models, data or config separately from the application image.',
    watchOut: [
      'Alpha and off in 1.31 and 1.32 (ImageVolume on kube-apiserver and kubelet); beta in 1.33 but still off by default.',
      'The container runtime must support image volumes too; without it the pod does not start.',
      'The volume is always read-only and mounted noexec.',
      'subPath and subPathExpr on mounts of an image volume are rejected before 1.33.',
      'pullPolicy defaults like a container image: Always for :latest or untagged references, IfNotPresent otherwise.',
      'Pull failures block the whole pod from starting and are retried with volume backoff.',
    ],
    stages: [
      { stage: 'alpha', from: '1.31', to: '1.32' },
      { stage: 'beta', from: '1.33', to: '1.34', note: 'Beta but default off in 1.33 and 1.34.' },
    ],
    gates: [
      {
        name: 'ImageVolume',
        components: ['kube-apiserver', 'kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.31', to: '1.32' },
          {
            stage: 'beta',
            defaultOn: false,
            from: '1.33',
            to: '1.34',
            note: 'The website gate page shows default true from 1.33; the 1.33 blog post and gate lists say off. We follow the code lists.',
          },
          {
            stage: 'beta',
            defaultOn: true,
            from: '1.35',
            unverified: 'Only 1.35-era generated reference text supports on-by-default in 1.35.',
          },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.volumes[].image',
        description: 'Volume whose content is an OCI image or artifact pulled by the kubelet and mounted read-only.',
        shape: 'object',
        since: '1.31',
        gates: ['ImageVolume'],
        children: [
          { key: 'reference', shape: 'string', required: true, example: 'quay.io/org/artifact:v1' },
          { key: 'pullPolicy', shape: 'string', values: PULL_POLICY_VALUES },
        ],
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.volumes[].image.reference',
        description: 'Image or artifact to mount, written like a container image (registry/repository:tag or @digest). Pull secrets are looked up as for container images.',
        shape: 'string',
        since: '1.31',
        gates: ['ImageVolume'],
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.volumes[].image.pullPolicy',
        description: 'When the kubelet pulls the reference. Defaults to Always for :latest or untagged references, else IfNotPresent.',
        shape: 'string',
        since: '1.31',
        gates: ['ImageVolume'],
        values: PULL_POLICY_VALUES,
      },
    ],
    config: [],
    rules: [
      ...imageVolumeSubPathRules,
      {
        id: 'image-volume-latest-pulls-always',
        trigger: { kind: 'Pod', path: 'spec.volumes[].image.reference' },
        check: { type: 'notMatching', path: '.', pattern: '(:latest$)|^([^@]*/)?[^/:@]+$', unlessPresent: 'pullPolicy' },
        severity: 'hint',
        message: '`{value}` has no tag or uses :latest, so without an explicit pullPolicy it is pulled with policy Always on every pod start.',
        from: '1.31',
        fix: { type: 'set', path: 'pullPolicy', value: 'IfNotPresent', title: 'Set pullPolicy: IfNotPresent' },
      },
    ],
    docs: [
      { title: 'KEP-4639', url: KEP(4639) },
      { title: 'Use an Image Volume With a Pod', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/image-volumes/' },
      { title: 'Volumes: image', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#image' },
    ],
    sources: [
      "kubernetes/enhancements keps/sig-node/4639-oci-volume-source/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/ImageVolume.md",
      "kubernetes/api@v0.31.0 core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml @002acc1a391120e71e0b789198f15b8d9e8b206a (snapshot from the v1.34 development cycle)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "v1.34-era generated kube component reference page (--feature-gates help text with 1.34 defaults; localized copy, used as corroboration only)",
      "kubernetes/website content/en/blog/_posts/2025/image-volume-beta/index.md (v1.33 beta announcement)",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      'kubernetes/api@v0.31.0 and v0.32.0 core/v1/types.go (Volume.image: sub path mounts not supported) and v0.33.0 (not supported "before 1.33"); ImageVolumeSource.pullPolicy defaulting comment',
    ],
    unverified: [
      'Default switching to on in 1.35 (the stored website gate page shows \'beta, default true\' from 1.33, which contradicts the 1.33 blog post and the 1.33/1.34 gate lists; only 1.35-era generated reference text supports on-by-default in 1.35)',
      'Which container runtime versions implement image volumes (not checked).',
    ],
    discrepancies: [
      'kep.yaml (current) says beta in v1.34, but the gate became beta (default off) in 1.33 per the 1.33 blog post and the feature lists; we follow the code lists.',
      'The website ImageVolume gate page shows beta with default true from 1.33; the 1.33 blog post and the 1.33/1.34 gate lists say default false. We record false.',
    ],
  },

  {
    id: 'kep-3619',
    kep: 3619,
    title: 'Fine grained SupplementalGroups control',
    sig: 'node',
    category: 'alpha',
    summary:
      'Pods can choose whether group memberships defined inside the container image (/etc/group) are added to the process\'s supplementary groups, or whether only the groups given in the pod spec apply. Container status also reports the uid, gid and groups the process actually got.',
    watchOut: [
      'Alpha and off in 1.31 and 1.32 (SupplementalGroupsPolicy on kube-apiserver and kubelet); beta and on from 1.33.',
      'Strict needs a container runtime that supports it; Node status.features.supplementalGroupsPolicy tells you whether the node does.',
      'Leaving the field out means Merge, i.e. today\'s behaviour where image-defined groups are added silently.',
      'The field cannot be set when spec.os.name is windows.',
    ],
    stages: [
      { stage: 'alpha', from: '1.31', to: '1.32' },
      { stage: 'beta', from: '1.33', to: '1.34' },
    ],
    gates: [
      {
        name: 'SupplementalGroupsPolicy',
        components: ['kube-apiserver', 'kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.31', to: '1.32' },
          { stage: 'beta', defaultOn: true, from: '1.33', to: '1.34' },
          { stage: 'stable', defaultOn: true, from: '1.35', unverified: 'GA in 1.35 rests on the current kep.yaml and a 2025 blog title only.' },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.securityContext.supplementalGroupsPolicy',
        description: 'How the supplementary groups of the first container process are computed: add image-defined groups, or use only what the pod spec says.',
        shape: 'string',
        since: '1.31',
        gates: ['SupplementalGroupsPolicy'],
        values: [
          { value: 'Merge', description: 'Pod supplementalGroups and fsGroup plus the groups the image assigns to the user in /etc/group (the default).' },
          { value: 'Strict', description: 'Only the pod\'s supplementalGroups and fsGroup; groups from the image are ignored.' },
        ],
        note: 'Not allowed when spec.os.name is windows.',
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.containerStatuses[].user.linux',
        description: 'The uid, gid and supplementary groups the runtime actually applied to the container\'s first process.',
        shape: 'object',
        since: '1.31',
        readOnly: true,
        children: [
          { key: 'uid', shape: 'integer' },
          { key: 'gid', shape: 'integer' },
          { key: 'supplementalGroups', shape: 'list' },
        ],
        note: 'Also under status.initContainerStatuses[] and status.ephemeralContainerStatuses[].',
      },
      {
        apiVersion: 'v1',
        kind: 'Node',
        path: 'status.features.supplementalGroupsPolicy',
        description: 'True when the node\'s container runtime can honour supplementalGroupsPolicy.',
        shape: 'boolean',
        since: '1.31',
        readOnly: true,
      },
    ],
    config: [],
    rules: [],
    docs: [
      { title: 'KEP-3619', url: KEP(3619) },
      { title: 'Configure a Security Context', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    ],
    sources: [
      "kubernetes/enhancements keps/sig-node/3619-supplemental-groups-policy/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/SupplementalGroupsPolicy.md",
      "kubernetes/api@v0.31.0 core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml @002acc1a391120e71e0b789198f15b8d9e8b206a (snapshot from the v1.34 development cycle)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "v1.34-era generated kube component reference page (--feature-gates help text with 1.34 defaults; localized copy, used as corroboration only)",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section)",
      'kubernetes/api@v0.31.0 core/v1/types.go (PodSecurityContext.supplementalGroupsPolicy Merge|Strict, default Merge, not on windows; NodeFeatures.supplementalGroupsPolicy)',
    ],
    unverified: ['GA in 1.35 (from current kep.yaml and a 2025 blog post title only)'],
  },

  {
    id: 'kep-4192',
    kep: 4192,
    title: 'Move Storage Version Migrator in-tree',
    sig: 'api-machinery',
    category: 'alpha',
    summary:
      'kube-controller-manager gains a controller that rewrites every stored object of a resource so etcd holds it in the current storage version or under the current encryption key. You ask for it by creating a StorageVersionMigration object.',
    watchOut: [
      'Alpha and off through 1.34: needs the StorageVersionMigrator gate and storagemigration.k8s.io/v1alpha1 enabled via --runtime-config.',
      'Alpha already in 1.30; 1.31 did not promote it.',
      'Migrations rewrite every object of the resource, which costs etcd and API server load on big resources.',
      'The 1.35 beta API (v1beta1) drops spec.resource.version and continueToken, so v1alpha1 manifests need changes.',
    ],
    stages: [
      { stage: 'alpha', from: '1.30', to: '1.34' },
      { stage: 'beta', from: '1.35', note: 'storagemigration.k8s.io/v1beta1; still off by default.' },
    ],
    gates: [
      {
        name: 'StorageVersionMigrator',
        components: ['kube-controller-manager'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.30', to: '1.34' },
          { stage: 'beta', defaultOn: false, from: '1.35' },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'storagemigration.k8s.io/v1alpha1',
        kind: 'StorageVersionMigration',
        path: 'spec.resource',
        description: 'The resource whose stored objects should be rewritten.',
        shape: 'object',
        since: '1.30',
        children: [
          { key: 'group', shape: 'string', example: 'apps' },
          { key: 'version', shape: 'string', required: true, example: 'v1' },
          { key: 'resource', shape: 'string', required: true, example: 'deployments' },
        ],
      },
      {
        apiVersion: 'storagemigration.k8s.io/v1alpha1',
        kind: 'StorageVersionMigration',
        path: 'spec.continueToken',
        description: 'List continuation token the migrator uses to resume; managed by the controller, leave it out.',
        shape: 'string',
        since: '1.30',
        readOnly: true,
      },
      {
        apiVersion: 'storagemigration.k8s.io/v1alpha1',
        kind: 'StorageVersionMigration',
        path: 'status.conditions[].type',
        description: 'Progress of the migration.',
        shape: 'string',
        readOnly: true,
        values: [
          { value: 'Running', description: 'The controller is rewriting objects.' },
          { value: 'Succeeded', description: 'All objects were rewritten.' },
          { value: 'Failed', description: 'The migration stopped with an error.' },
        ],
      },
      {
        apiVersion: 'storagemigration.k8s.io/v1alpha1',
        kind: 'StorageVersionMigration',
        path: 'status.resourceVersion',
        description: 'Resource version from which the migration started.',
        shape: 'string',
        readOnly: true,
      },
    ],
    config: [
      {
        component: 'kube-apiserver',
        flag: '--runtime-config',
        values: [{ value: 'storagemigration.k8s.io/v1alpha1=true', description: 'Serves the alpha StorageVersionMigration API.', since: '1.30' }],
        description: 'The alpha API group must be enabled besides the gate.',
      },
    ],
    rules: [],
    docs: [
      { title: 'KEP-4192', url: KEP(4192) },
      { title: 'Migrate Kubernetes Objects Using Storage Version Migration', url: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/storage-version-migration/' },
    ],
    sources: ["kubernetes/enhancements keps/sig-api-machinery/4192-svm-in-tree/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/StorageVersionMigrator.md",
      "kubernetes/api@v0.30.0, v0.31.0, v0.35.0 storagemigration/*/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml @002acc1a391120e71e0b789198f15b8d9e8b206a (snapshot from the v1.34 development cycle)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "v1.34-era generated kube component reference page (--feature-gates help text with 1.34 defaults; localized copy, used as corroboration only)",],
    unverified: [],
  },

  {
    id: 'kep-4680',
    kep: 4680,
    title: 'Add Resource Health Status to the Pod Status for Device Plugin and DRA',
    sig: 'node',
    category: 'alpha',
    summary:
      'Container status lists the health of each device allocated to the container, so a failed GPU shows up on the pod instead of only in node logs. In 1.31 the data comes from device plugins; DRA drivers follow in 1.34.',
    watchOut: [
      'Alpha and off through 1.35 (ResourceHealthStatus on kubelet and kube-apiserver).',
      'Status only: it reports health, it does not restart or evict anything by itself.',
      'Devices whose plugin reports nothing show Unknown.',
    ],
    stages: [{ stage: 'alpha', from: '1.31', note: 'Still alpha in 1.34; DRA-driver health added in 1.34.' }],
    gates: [
      {
        name: 'ResourceHealthStatus',
        components: ['kubelet', 'kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.31', to: '1.35' },
          { stage: 'beta', defaultOn: true, from: '1.36' },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.containerStatuses[].allocatedResourcesStatus[]',
        description: 'Per allocated resource name, the health of each device backing it.',
        shape: 'list',
        since: '1.31',
        readOnly: true,
        children: [
          { key: 'name', shape: 'string' },
          {
            key: 'resources',
            shape: 'list',
          },
        ],
        note: 'resources[].resourceID is deviceplugin:<id> or dra:<driver>/<pool>/<device>; resources[].health is Healthy, Unhealthy or Unknown. Also under initContainerStatuses[] and ephemeralContainerStatuses[].',
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.containerStatuses[].allocatedResourcesStatus[].resources[].health',
        description: 'Health reported for one device.',
        shape: 'string',
        since: '1.31',
        readOnly: true,
        values: [
          { value: 'Healthy', description: 'The device works.' },
          { value: 'Unhealthy', description: 'The plugin or driver reports the device as failed.' },
          { value: 'Unknown', description: 'No health information is available.' },
        ],
      },
    ],
    config: [],
    rules: [],
    docs: [
      { title: 'KEP-4680', url: KEP(4680) },
      { title: 'Device Plugins', url: 'https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/device-plugins/' },
    ],
    sources: ["kubernetes/enhancements keps/sig-node/4680-add-resource-health-to-pod-status/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/ResourceHealthStatus.md",
      "kubernetes/api@v0.31.0 core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml @002acc1a391120e71e0b789198f15b8d9e8b206a (snapshot from the v1.34 development cycle)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "v1.34-era generated kube component reference page (--feature-gates help text with 1.34 defaults; localized copy, used as corroboration only)",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "kubernetes/website content/en/blog/_posts/2025/kubernetes-v1-34-release/index.md (v1.34 release announcement)",],
    unverified: [],
  },

  {
    id: 'kep-4368',
    kep: 4368,
    title: 'Job API managed-by label (spec.managedBy)',
    sig: 'apps',
    category: 'alpha',
    summary:
      'A Job can name the controller responsible for it; the built-in Job controller leaves Jobs alone whose managedBy names someone else. This lets systems such as multi-cluster dispatchers own a Job\'s status while the Job object stays standard.',
    watchOut: [
      'Alpha and off in 1.30 and 1.31 (JobManagedBy on kube-apiserver and kube-controller-manager); beta and on from 1.32.',
      'The field is immutable: pick the manager at creation time.',
      'Any value other than kubernetes.io/job-controller means the built-in controller will never create pods for that Job; if no external controller acts, the Job just sits there.',
      'Value must be a domain-prefixed path (example.com/name) of at most 63 characters.',
      'The KEP title speaks of a label, but what shipped is the field spec.managedBy.',
    ],
    stages: [
      { stage: 'alpha', from: '1.30', to: '1.31' },
      { stage: 'beta', from: '1.32', to: '1.34' },
    ],
    gates: [
      {
        name: 'JobManagedBy',
        components: ['kube-apiserver', 'kube-controller-manager'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.30', to: '1.31' },
          { stage: 'beta', defaultOn: true, from: '1.32', to: '1.34' },
          { stage: 'stable', defaultOn: true, from: '1.35', locked: true },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.managedBy',
        description: 'Controller that reconciles this Job. Unset or kubernetes.io/job-controller means the built-in Job controller; any other domain-prefixed value hands the Job to an external controller.',
        shape: 'string',
        since: '1.30',
        gates: ['JobManagedBy'],
        // Any `<domain>/<name>` is accepted; the listed value is the reserved one.
        valuesOpen: true,
        values: [
          { value: 'kubernetes.io/job-controller', description: 'Reserved value for the built-in Job controller (same as leaving the field out).' },
        ],
        note: 'Free-form domain-prefixed path, e.g. example.com/my-controller; max 63 characters; immutable.',
      },
    ],
    config: [],
    rules: [
      {
        id: 'job-managedby-immutable',
        trigger: { apiVersion: 'batch/v1', kind: 'Job', path: 'spec.managedBy' },
        check: { type: 'always' },
        severity: 'hint',
        message: 'spec.managedBy cannot be changed after the Job is created; to switch controllers, recreate the Job.',
        from: '1.30',
      },
      {
        id: 'job-managedby-max-length',
        trigger: { apiVersion: 'batch/v1', kind: 'Job', path: 'spec.managedBy' },
        check: { type: 'notMatching', path: '.', pattern: '^.{64,}$' },
        severity: 'error',
        message: 'spec.managedBy may be at most 63 characters long.',
        from: '1.30',
      },
      {
        id: 'job-managedby-domain-prefixed',
        trigger: { apiVersion: 'batch/v1', kind: 'Job', path: 'spec.managedBy' },
        check: { type: 'notMatching', path: '.', pattern: '^[^/]*$' },
        severity: 'error',
        message: '`{value}` is not a domain-prefixed path; write it as <domain>/<name>, e.g. example.com/my-controller.',
        from: '1.30',
      },
    ],
    docs: [
      { title: 'KEP-4368', url: KEP(4368) },
      { title: 'Jobs', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/' },
    ],
    sources: [
      "kubernetes/enhancements keps/sig-apps/4368-support-managed-by-for-batch-jobs/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/JobManagedBy.md",
      "kubernetes/api@v0.31.0 batch/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml @002acc1a391120e71e0b789198f15b8d9e8b206a (snapshot from the v1.34 development cycle)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "v1.34-era generated kube component reference page (--feature-gates help text with 1.34 defaults; localized copy, used as corroboration only)",
      'kubernetes/api@v0.31.0 batch/v1/types.go (JobSpec.managedBy: reserved kubernetes.io/job-controller, domain-prefixed path, max 63 characters, immutable)',
    ],
    unverified: [],
  },

  // ----------------------------------------------------------- deprecations
  {
    id: 'kep-4569',
    kep: 4569,
    title: 'Move cgroup v1 in maintenance mode',
    sig: 'node',
    category: 'deprecation',
    summary:
      'From 1.31 the kubelet\'s cgroup v1 support is frozen: no new features, only security and important bug fixes. A new kubelet setting lets administrators refuse to start on cgroup v1 hosts, and the kubelet warns when it runs on one.',
    watchOut: [
      'Nothing breaks in 1.31 itself, but new node features may require cgroup v2; plan host OS upgrades.',
      'failCgroupV1 defaults to false in 1.31-1.34; set it to true to catch cgroup v1 nodes early.',
      'The kubelet logs a warning, emits an event and exposes a metric on cgroup v1 hosts.',
      'The release announcement lists this KEP among stable graduations; for users it is effectively a deprecation of cgroup v1.',
    ],
    stages: [
      {
        stage: 'deprecated',
        from: '1.31',
        note: 'cgroup v1 support in maintenance mode. The KEP itself is counted as stable (GA, no gate) in 1.31.',
      },
    ],
    gates: [],
    fields: [],
    config: [
      {
        component: 'kubelet',
        kind: 'KubeletConfiguration',
        apiVersions: ['kubelet.config.k8s.io/v1beta1'],
        path: 'failCgroupV1',
        values: [
          { value: 'false', description: 'Start on cgroup v1 hosts (default in 1.31-1.34).', since: '1.31' },
          { value: 'true', description: 'Refuse to start on a cgroup v1 host.', since: '1.31' },
        ],
        description: 'Whether the kubelet refuses to run on cgroup v1. Added in 1.31.',
      },
      {
        component: 'kubelet',
        flag: '--fail-cgroupv1',
        description: 'Flag form of failCgroupV1 (added in 1.31).',
      },
    ],
    rules: [],
    docs: [
      { title: 'KEP-4569', url: KEP(4569) },
      { title: 'About cgroup v2', url: 'https://kubernetes.io/docs/concepts/architecture/cgroups/' },
    ],
    sources: ["kubernetes/enhancements keps/sig-node/4569-cgroup-v1-maintenance-mode/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/kubelet@v0.31.0 and v0.35.0 config/v1beta1/types.go (KubeletConfiguration)",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",],
    unverified: [],
  },

  {
    id: 'kep-4004',
    kep: 4004,
    title: 'Deprecate status.nodeInfo.kubeProxyVersion field',
    sig: 'network',
    category: 'deprecation',
    summary:
      'Node status carries a kubeProxyVersion that the kubelet fills with its own version, which says nothing reliable about kube-proxy. The field is deprecated, and a kubelet gate stops filling it; the field stays in the API but is left empty once the gate is on.',
    watchOut: [
      'Tools that read status.nodeInfo.kubeProxyVersion to learn the kube-proxy version get wrong data today and an empty string once the gate is on.',
      'v1.31.0 alone shipped DisableNodeKubeProxyVersion as beta and on; v1.31.1 and later 1.31 patches switch it back to off (deprecated), so the field is still filled there.',
      'The gate is on by default from 1.33; the field is not removed from the schema, only no longer populated.',
    ],
    stages: [
      { stage: 'deprecated', from: '1.29', note: 'Field deprecated; populated by default until 1.32, left empty by default from 1.33.' },
    ],
    gates: [
      {
        name: 'DisableNodeKubeProxyVersion',
        components: ['kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.29', to: '1.30' },
          {
            stage: 'deprecated',
            defaultOn: false,
            from: '1.31',
            to: '1.32',
            note: 'v1.31.0 shipped beta and on by default; v1.31.1 (PR #126720/#126721) flipped it back to deprecated and off. Patch-level code wins.',
          },
          { stage: 'deprecated', defaultOn: true, from: '1.33', note: 'Turned on by default in 1.33 (PR #129713).' },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Node',
        path: 'status.nodeInfo.kubeProxyVersion',
        description: 'Version string the kubelet reported as kube-proxy version; actually the kubelet\'s own version and not meaningful.',
        shape: 'string',
        readOnly: true,
        deprecatedIn: '1.29',
        removedIn: '1.33',
        replacement: 'Ask kube-proxy itself (its /version or the DaemonSet image tag); do not rely on Node status.',
        note: 'Still in the v1 schema through 1.34; from 1.33 the kubelet leaves it empty by default (DisableNodeKubeProxyVersion on).',
      },
    ],
    config: [],
    rules: [],
    docs: [{ title: 'KEP-4004', url: KEP(4004) }],
    sources: ["kubernetes/enhancements keps/sig-network/4004-deprecate-kube-proxy-version/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/DisableNodeKubeProxyVersion.md",
      "kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml @002acc1a391120e71e0b789198f15b8d9e8b206a (snapshot from the v1.34 development cycle)",
      "kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)",
      "kubernetes/api@v0.31.0 and v0.34.0 core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-1-31-deprecations-and-removals.md)",
      "kubernetes/website content/en/blog/_posts/2025/kubernetes-v1-33-release/index.md (v1.33 release announcement)",
      "https://github.com/kubernetes/kubernetes/pull/126720",
      "https://github.com/kubernetes/kubernetes/pull/126721",
      "https://github.com/kubernetes/kubernetes/pull/129713",],
    unverified: [],
    discrepancies: [
      'The v1.31 release state (v1.31.0) has DisableNodeKubeProxyVersion beta and on; v1.31.1+ has it deprecated and off. We record the patched state (off) for 1.31.',
      'The 1.33 announcement says the field was removed; k8s.io/api v0.34.0 still defines it. We treat it as no longer populated (removedIn 1.33 = stops working), not as gone from the schema.',
    ],
  },

  // -------------------------------------------------------------- removals
  {
    id: 'removal-kubelet-keep-terminated-pod-volumes',
    title: 'Removal of kubelet --keep-terminated-pod-volumes flag',
    sig: 'node',
    category: 'removal',
    summary:
      'The kubelet flag that left a terminated pod\'s volumes mounted (for debugging) is gone in 1.31. It had been deprecated for years and never had a KubeletConfiguration counterpart.',
    watchOut: [
      'A kubelet started with --keep-terminated-pod-volumes fails on the unknown flag in 1.31; remove it from unit files and node bootstrap scripts before upgrading.',
      'There is no config-file field to migrate to; the behaviour is simply gone.',
    ],
    stages: [
      { stage: 'deprecated', from: '1.27', to: '1.30', note: 'Deprecated since 2017, long before this data\'s horizon.' },
      { stage: 'removed', from: '1.31' },
    ],
    gates: [],
    fields: [],
    config: [
      {
        component: 'kubelet',
        flag: '--keep-terminated-pod-volumes',
        description: 'Kept volumes of terminated pods mounted on the node for debugging. Flag only; no KubeletConfiguration field.',
        removedIn: '1.31',
      },
    ],
    rules: [],
    docs: [
      { title: 'Kubernetes 1.31 removals and major changes', url: 'https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/' },
    ],
    sources: [
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section) (Urgent Upgrade Notes)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-1-31-deprecations-and-removals.md)",
      "https://github.com/kubernetes/kubernetes/pull/122082",
      'kubernetes/kubelet@v0.30.0 config/v1beta1 (no keepTerminatedPodVolumes field: flag-only)',
    ],
    unverified: ['Exact minor version in which the flag was first marked deprecated (2017; not pinned).'],
  },

  {
    id: 'removal-cephfs-volume-plugin',
    title: 'Removal of the in-tree CephFS volume plugin (kubernetes.io/cephfs)',
    sig: 'storage',
    category: 'removal',
    summary:
      'The built-in CephFS volume type no longer works from 1.31. CephFS storage has to be consumed through the ceph-csi CephFS driver.',
    watchOut: [
      'The cephfs key is still accepted by the API server (with a warning), so manifests apply cleanly but pods cannot mount the volume.',
      'There was no CSI migration for CephFS: existing PersistentVolumes must be recreated for the CSI driver and workloads redeployed.',
    ],
    stages: [
      { stage: 'deprecated', from: '1.28', to: '1.30' },
      { stage: 'removed', from: '1.31', note: 'Fields remain in the schema but do nothing.' },
    ],
    gates: [],
    fields: removedPluginFields('cephfs', 'CephFS', '1.28', '1.31', 'A ceph-csi CephFS volume: csi (inline) or a PersistentVolumeClaim bound to a CSI PersistentVolume.'),
    config: [],
    rules: [],
    docs: [
      { title: 'Volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/' },
      { title: 'Kubernetes 1.31 removals and major changes', url: 'https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/' },
    ],
    sources: [
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section) (Deprecation)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-1-31-deprecations-and-removals.md)",
      "kubernetes/api@v0.31.0 and v0.34.0 core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "https://github.com/kubernetes/kubernetes/pull/124544",
      'kubernetes/kubernetes pkg/api/pod/warnings.go and pkg/api/persistentvolume/util.go (warning text: cephfs deprecated in v1.28, non-functional in v1.31+)',
    ],
    unverified: [],
  },

  {
    id: 'removal-rbd-volume-plugin',
    title: 'Removal of the in-tree Ceph RBD volume plugin (kubernetes.io/rbd) and its CSI migration',
    sig: 'storage',
    category: 'removal',
    summary:
      'The built-in Ceph RBD volume type and its never-finished CSI migration were removed in 1.31. RBD block storage must go through the ceph-csi RBD driver.',
    watchOut: [
      'The rbd key is still accepted (with a warning), but pods using it cannot mount the volume from 1.31.',
      'The CSIMigrationRBD gate is gone too: setting it in --feature-gates makes components fail to start.',
      'Migrating means recreating PersistentVolumes for ceph-csi and redeploying workloads.',
    ],
    stages: [
      { stage: 'deprecated', from: '1.28', to: '1.30' },
      { stage: 'removed', from: '1.31', note: 'Fields remain in the schema but do nothing.' },
    ],
    gates: [
      {
        name: 'CSIMigrationRBD',
        components: ['kube-controller-manager', 'kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.23', to: '1.27' },
          { stage: 'deprecated', defaultOn: false, from: '1.28', to: '1.30' },
        ],
        removedIn: '1.31',
      },
    ],
    fields: removedPluginFields('rbd', 'Ceph RBD', '1.28', '1.31', 'A ceph-csi RBD volume through a PersistentVolumeClaim (or an inline csi volume where the driver allows it).'),
    config: [],
    rules: [],
    docs: [
      { title: 'Volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/' },
      { title: 'Kubernetes 1.31 removals and major changes', url: 'https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/' },
    ],
    sources: [
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section) (Deprecation)",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/CSIMigrationRBD.md",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-1-31-deprecations-and-removals.md)",
      "kubernetes/api@v0.31.0 core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "https://github.com/kubernetes/kubernetes/pull/124546",
      'kubernetes/kubernetes pkg/api/pod/warnings.go and pkg/api/persistentvolume/util.go (warning text: rbd deprecated in v1.28, non-functional in v1.31+)',
      'kubernetes/kubernetes commit df074ed0 (removal diff: CSIMigrationRBD read in cmd/kube-controller-manager and cmd/kubelet plugins_providers.go)',
    ],
    unverified: ['Whether an InTreePluginRBDUnregister gate was removed in the same release (seen in the removal diff, not checked).'],
  },

  {
    id: 'deprecation-scheduler-non-csi-volume-limit-plugins',
    title: 'Deprecation of non-CSI volume limit scheduler plugins (AzureDiskLimits, CinderLimits, EBSLimits, GCEPDLimits)',
    sig: 'scheduling',
    category: 'deprecation',
    summary:
      'The four cloud-specific volume-count plugins of kube-scheduler were deprecated and dropped from the default plugin set in 1.31, then deleted in 1.32. Those disk types are CSI-migrated, so the NodeVolumeLimits plugin enforces the same limits.',
    watchOut: [
      'Only custom KubeSchedulerConfiguration files are affected: remove these names from enabled/disabled lists and pluginConfig.',
      'From 1.32 the plugins no longer exist, so a profile that still names them must be fixed before upgrading.',
      'Disabling them explicitly is also a reference to a plugin that no longer exists in 1.32; delete those entries too.',
    ],
    stages: [
      { stage: 'deprecated', from: '1.31', to: '1.31' },
      { stage: 'removed', from: '1.32', note: 'Plugins deleted by kubernetes PR #124003 (1.32 changelog).' },
    ],
    gates: [],
    fields: [],
    config: schedulerPluginConfigs,
    rules: [],
    docs: [
      { title: 'Scheduler Configuration', url: 'https://kubernetes.io/docs/reference/scheduling/config/' },
      { title: 'Kubernetes 1.31 removals and major changes', url: 'https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/' },
    ],
    sources: [
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section) (Deprecation)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-1-31-deprecations-and-removals.md)",
      "https://github.com/kubernetes/kubernetes/pull/124500",
      'kubernetes/kubernetes CHANGELOG/CHANGELOG-1.32.md (v1.32.0-alpha.2, API Change: kube-scheduler removed AzureDiskLimits, CinderLimits, EBSLimits, GCEPDLimits; PR #124003)',
      'https://github.com/kubernetes/kubernetes/pull/124003',
      'https://github.com/kubernetes/kubernetes/pull/124500 (release note: plugins will be removed in 1.32)',
      'kubernetes/kubernetes pkg/scheduler/framework/plugins/nodevolumelimits/non_csi.go (stored revisions: Filter plugin + EnqueueExtensions)',
    ],
    unverified: [
      'Which extension points the four plugins registered in 1.31 exactly (stored code revisions show Filter; a secondary source shows a PreFilter in some release). preFilter and multiPoint paths are listed so any reference is caught.',
      'How a 1.32+ kube-scheduler reacts to a config that still names them (the changelog only says to remove them).',
    ],
  },

  {
    id: 'kep-2395',
    kep: 2395,
    title: 'Removing In-Tree Cloud Providers (removal of the last in-tree cloud provider code)',
    sig: 'cloud-provider',
    category: 'removal',
    summary:
      'With 1.31 the last cloud-provider code left Kubernetes itself; node lifecycle, routes and load balancers for a cloud now always come from an external cloud-controller-manager. The gates that disabled the in-tree providers went GA.',
    watchOut: [
      'Only --cloud-provider=external (or no cloud provider) works on kube-apiserver, kube-controller-manager and kubelet; provider names such as gce are rejected.',
      'Clusters that relied on in-tree providers need the cloud\'s external cloud-controller-manager and the matching CSI drivers before upgrading.',
      'Kubelet image credential helpers for clouds must be configured as external credential provider plugins.',
    ],
    stages: [
      { stage: 'alpha', from: '1.21', to: '1.28' },
      { stage: 'beta', from: '1.29', to: '1.30' },
      { stage: 'stable', from: '1.31', note: 'In-tree provider code removed.' },
    ],
    gates: [
      {
        name: 'DisableCloudProviders',
        components: ['kubelet', 'kube-apiserver', 'kube-controller-manager'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.22', to: '1.28' },
          { stage: 'beta', defaultOn: true, from: '1.29', to: '1.30' },
          { stage: 'stable', defaultOn: true, from: '1.31', to: '1.32' },
        ],
        removedIn: '1.33',
      },
      {
        name: 'DisableKubeletCloudCredentialProviders',
        components: ['kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.23', to: '1.28' },
          { stage: 'beta', defaultOn: true, from: '1.29', to: '1.30' },
          { stage: 'stable', defaultOn: true, from: '1.31' },
        ],
        note: 'Release of removal not confirmed.',
      },
    ],
    fields: [],
    config: [
      {
        component: 'kube-controller-manager',
        flag: '--cloud-provider',
        values: [{ value: 'external', description: 'Cloud integration runs in a separate cloud-controller-manager; the only cloud value accepted from 1.31.' }],
        description: 'Cloud provider name. From 1.31 only external (or empty) is accepted; the same holds for kube-apiserver and kubelet.',
      },
      {
        component: 'kubelet',
        flag: '--cloud-provider',
        values: [{ value: 'external', description: 'The node waits for an external cloud-controller-manager to initialise it.' }],
        description: 'Cloud provider name for the kubelet; only external or empty from 1.31.',
      },
      {
        component: 'kube-apiserver',
        flag: '--cloud-provider',
        values: [{ value: 'external', description: 'No in-tree provider; external or empty are the only options from 1.31.' }],
        description: 'Cloud provider name for kube-apiserver; only external or empty from 1.31.',
      },
    ],
    rules: [],
    docs: [
      { title: 'KEP-2395', url: KEP(2395) },
      { title: 'Cloud Controller Manager', url: 'https://kubernetes.io/docs/concepts/architecture/cloud-controller/' },
    ],
    sources: ["kubernetes/enhancements keps/sig-cloud-provider/2395-removing-in-tree-cloud-providers/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/DisableCloudProviders.md",
      "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/DisableKubeletCloudCredentialProviders.md",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section) (Deprecation; Other)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-1-31-deprecations-and-removals.md)",],
    unverified: ['Release in which DisableKubeletCloudCredentialProviders was removed'],
  },

  {
    id: 'removal-intree-plugin-unregister-gates',
    title: 'Removal of InTreePlugin*Unregister feature gates',
    sig: 'storage',
    category: 'removal',
    summary:
      'Six alpha gates that only simulated the absence of in-tree volume plugins (AWS, Azure Disk, Azure File, GCE, OpenStack, vSphere) were deleted in 1.31, because the plugins themselves are gone. Only the Portworx one remains.',
    watchOut: [
      'Naming any of these gates in --feature-gates makes the component refuse to start on 1.31; clean up kubelet and kube-controller-manager flags first.',
      'InTreePluginPortworxUnregister still exists (alpha, off).',
    ],
    stages: [{ stage: 'removed', from: '1.31' }],
    gates: [
      'InTreePluginAWSUnregister',
      'InTreePluginAzureDiskUnregister',
      'InTreePluginAzureFileUnregister',
      'InTreePluginGCEUnregister',
      'InTreePluginOpenStackUnregister',
      'InTreePluginvSphereUnregister',
    ].map((name) => ({
      name,
      components: ['kube-controller-manager', 'kubelet'],
      spans: [],
      removedIn: '1.31',
      note: 'Earlier stages (alpha, off) not re-checked; only the removal in 1.31 is confirmed.',
    })),
    fields: [],
    config: [],
    rules: [],
    docs: [{ title: 'Kubernetes 1.31 removals and major changes', url: 'https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/' }],
    sources: ["kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section) (Other)",
      "https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)",
      "https://github.com/kubernetes/kubernetes/pull/124815",],
    unverified: ['Stage history of the six gates before 1.31 (recorded only as removed in 1.31).'],
  },

  {
    id: 'removal-dra-v1alpha2',
    title: 'DRA API resource.k8s.io/v1alpha2 replaced by resource.k8s.io/v1alpha3',
    sig: 'node',
    category: 'removal',
    summary:
      'The alpha DRA API of 1.30 (resource.k8s.io/v1alpha2) is no longer served in 1.31; an incompatible v1alpha3 replaces it. ResourceClass became DeviceClass, the parameter kinds vanished, and the pod-level claim reference was flattened.',
    watchOut: [
      'Objects of resource.k8s.io/v1alpha2 (ResourceClass, ResourceClaim, ResourceClaimTemplate, PodSchedulingContext, ResourceSlice, ResourceClaimParameters, ResourceClassParameters) cannot be applied to a 1.31 cluster; rewrite them for v1alpha3.',
      'Pod spec.resourceClaims[].source no longer exists: move resourceClaimName / resourceClaimTemplateName one level up.',
      'DRA drivers built against the v1alpha2 kubelet plugin API stop working; upgrade drivers together with the cluster.',
      'Being alpha, this needed no deprecation period; the 1.31 removals post lists no beta or GA API removals.',
    ],
    stages: [
      { stage: 'alpha', from: '1.26', to: '1.30', note: 'resource.k8s.io/v1alpha2.' },
      { stage: 'removed', from: '1.31', note: 'v1alpha2 no longer served; v1alpha3 replaces it.' },
    ],
    gates: [
      {
        name: 'DynamicResourceAllocation',
        components: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.26', to: '1.31' },
          { stage: 'beta', defaultOn: false, from: '1.32', to: '1.33' },
          { stage: 'stable', defaultOn: true, from: '1.34', to: '1.34' },
          { stage: 'stable', defaultOn: true, from: '1.35', locked: true },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.resourceClaims[].source',
        description: 'Pre-1.31 wrapper holding resourceClaimName or resourceClaimTemplateName.',
        shape: 'object',
        since: '1.26',
        gates: ['DynamicResourceAllocation'],
        removedIn: '1.31',
        replacement: 'spec.resourceClaims[].resourceClaimName or spec.resourceClaims[].resourceClaimTemplateName directly in the entry.',
      },
    ],
    config: [],
    rules: [],
    docs: [
      { title: 'KEP-4381', url: KEP(4381) },
      { title: 'Dynamic Resource Allocation', url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/' },
    ],
    sources: [
      "kubernetes/api@v0.30.0, v0.31.0, v0.32.0, v0.33.0, v0.34.0 resource/*/register.go, core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)",
      "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section) (API Change; Other)",
      "https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-1-31-deprecations-and-removals.md)",
      "https://kubernetes.io/blog/2024/12/11/kubernetes-v1-32-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-32-release/index.md)",
      'kubernetes/api@v0.30.0 core/v1/types.go (PodResourceClaim.source ClaimSource) vs v0.31.0 (source commented out; fields inlined)',
    ],
    unverified: [],
    discrepancies: [
      'The group/version lifecycle itself (v1alpha2 removed, v1alpha3 added) is an ApiVersionLifecycle fact; it is described here in words only because this module exports Enhancement values.',
    ],
  },

  // ------------------------------------------- extra: earlier volume plugins
  {
    id: 'removal-earlier-intree-volume-plugins',
    title: 'In-tree volume plugins removed before 1.31 (photonPersistentDisk, scaleIO, flocker, quobyte, storageos, glusterfs) and gitRepo',
    sig: 'storage',
    category: 'removal',
    summary:
      'Several built-in volume types stopped working in releases before 1.31, though their keys are still in the Pod and PersistentVolume schema. gitRepo is the odd one out: deprecated for a long time and disabled by default from 1.33 behind a gate.',
    watchOut: [
      'The API still accepts these keys (with a warning), so old manifests apply but pods never get the volume.',
      'glusterfs stopped working in 1.26; flocker, quobyte and storageos in 1.25; scaleIO in 1.22; photonPersistentDisk in 1.16.',
      'gitRepo: from 1.33 the kubelet refuses it unless GitRepoVolumeDriver is turned on; clone in an init container into an emptyDir instead.',
      'Cloud disk types (awsElasticBlockStore, azureDisk, azureFile, cinder, gcePersistentDisk, vsphereVolume, portworxVolume) are not listed here: their keys are redirected to CSI drivers, which must be installed.',
    ],
    stages: [
      { stage: 'removed', from: '1.27', note: 'All listed plugins except gitRepo were already non-functional before 1.27.' },
    ],
    gates: [
      {
        name: 'GitRepoVolumeDriver',
        components: ['kubelet'],
        spans: [
          {
            stage: 'deprecated',
            defaultOn: false,
            from: '1.33',
            note: 'Gate added in 1.33 (code back-dates it as GA/on since 1.0). Can be turned on to re-enable gitRepo.',
            unverified: 'A later website revision says the gate is locked to false since 1.33; the code revisions seen are not locked.',
          },
        ],
      },
    ],
    fields: [
      ...removedPluginFields('photonPersistentDisk', 'Photon Controller persistent disk', '1.11', '1.16', 'A CSI driver for the storage system, if one exists.'),
      ...removedPluginFields('scaleIO', 'ScaleIO (Dell EMC PowerFlex)', '1.16', '1.22', 'The vendor CSI driver (PowerFlex CSI).'),
      ...removedPluginFields('flocker', 'Flocker', '1.22', '1.25', 'A CSI driver for the backing storage.'),
      ...removedPluginFields('quobyte', 'Quobyte', '1.22', '1.25', 'The Quobyte CSI driver.'),
      ...removedPluginFields('storageos', 'StorageOS', '1.22', '1.25', 'The StorageOS (Ondat) CSI driver.'),
      ...removedPluginFields('glusterfs', 'GlusterFS', '1.25', '1.26', 'A CSI driver for GlusterFS, or another storage system.'),
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.volumes[].gitRepo',
        description: 'Clones a git repository into an empty directory at pod start. Deprecated for years; disabled by default from 1.33.',
        shape: 'object',
        deprecatedIn: '1.11',
        removedIn: '1.33',
        gates: ['GitRepoVolumeDriver'],
        replacement: 'An emptyDir volume filled by an init container that runs git clone.',
        note: 'From 1.33 it only works with the GitRepoVolumeDriver gate turned on. Pod volumes only; there is no PersistentVolume form.',
      },
    ],
    config: [],
    rules: [],
    docs: [{ title: 'Volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/' }],
    sources: [
      'kubernetes/kubernetes pkg/api/pod/warnings.go (stored revision): photonPersistentDisk deprecated v1.11 non-functional v1.16+; gitRepo deprecated v1.11; scaleIO v1.16/v1.22+; flocker, storageOS, quobyte v1.22/v1.25+; glusterfs v1.25/v1.26+',
      'kubernetes/kubernetes pkg/api/persistentvolume/util.go (stored revision): PV warnings for photonPersistentDisk, scaleIO, storageOS, glusterfs with the same versions',
      'https://github.com/kubernetes/kubernetes/pull/115035 (StorageOS, Quobyte, Flocker plugins removed in 1.25 by #111620, #111619, #111618; GlusterFS removed in 1.26)',
      'kubernetes/api@v0.34.0 core/v1/types.go (Deprecated: ... no longer supported, for glusterfs, flocker, quobyte, photonPersistentDisk, scaleIO, storageos; gitRepo deprecated)',
      'kubernetes/kubernetes pkg/features/kube_features.go versioned specs (stored revisions): GitRepoVolumeDriver GA/on from 1.0, deprecated/off from 1.33',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/GitRepoVolumeDriver.md (two stored revisions: deprecated/off from 1.33; later one says locked)',
    ],
    unverified: [
      'Whether GitRepoVolumeDriver is locked to false (a later website revision says locked since 1.33; code revisions seen are not locked).',
      'PV spec.flocker and spec.quobyte: the PersistentVolume warning code has no entry for them; their removal is inferred from the plugin-code removal in 1.25 (PR #115035 notes).',
      'In-tree code removal releases of the CSI-migrated cloud plugins (awsElasticBlockStore, azureDisk, azureFile, cinder, gcePersistentDisk, vsphereVolume): not checked, not listed as fields.',
    ],
  },
];
