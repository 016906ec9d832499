/**
 * Kubernetes 1.31 enhancements that the release counts as graduated to
 * stable (10) or promoted to / remaining in beta (20, including KEP-2340,
 * which the original brief listed as alpha but which ships as beta).
 *
 * Facts come from /work/shared/kep-facts/keps-1.31.json, re-checked where
 * marked; see docs/data-notes-stable-beta.md for every change against that
 * file. Prose (summary, watchOut, descriptions, messages) is our own.
 */
import type { Enhancement, Rule, RuleCheck } from '../types';

// ---------------------------------------------------------------------------
// Shared source strings (citations)
// ---------------------------------------------------------------------------

const SRC_CHANGELOG_131 = 'kubernetes/kubernetes CHANGELOG/CHANGELOG-1.31.md (v1.31.0 section)';
const SRC_BLOG_131 =
  'https://kubernetes.io/blog/2024/08/13/kubernetes-v1-31-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-31-release.md)';
const SRC_BLOG_132 =
  'https://kubernetes.io/blog/2024/12/11/kubernetes-v1-32-release/ (kubernetes/website content/en/blog/_posts/2024/kubernetes-v1-32-release/index.md)';
const SRC_BLOG_133 = 'kubernetes/website content/en/blog/_posts/2025/kubernetes-v1-33-release/index.md (v1.33 release announcement)';
const SRC_BLOG_134 = 'kubernetes/website content/en/blog/_posts/2025/kubernetes-v1-34-release/index.md (v1.34 release announcement)';
const SRC_ZH_APISERVER_131 =
  'kubernetes/website content/zh-cn/docs/reference/command-line-tools-reference/kube-apiserver.md (v1.31-era revision; the English --feature-gates help text listing every non-GA gate with its 1.31 default is embedded)';
const SRC_VFL_134 =
  'kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml @002acc1a391120e71e0b789198f15b8d9e8b206a (snapshot from the v1.34 development cycle)';
const SRC_VFL_133 =
  'kubernetes/kubernetes test/compatibility_lifecycle/reference/versioned_feature_list.yaml @fbba6b47ad9824012048624a5ef60669e8109517 (snapshot from the v1.33 development cycle; checked for this file: lockToDefault values and which gates still existed)';
const SRC_KF_131DEV =
  'kubernetes/kubernetes pkg/features/kube_features.go (v1.31 development-cycle revision, read for this file: LockToDefault flags and "remove in 1.3x" comments of GA gates)';
const SRC_GARDENER =
  'gardener/gardener pkg/utils/validation/features/featuregates.go (secondary: a table of AddedInVersion/RemovedInVersion/LockedToDefaultInVersion that its header says is extracted from kubernetes release-1.xx versioned_feature_list.yaml; used to date gate removals)';
const SRC_DEPRECATED_GATES_DOC =
  'stored migration note listing graduated gate names removed in 1.33.0 (CPUManager, PDBUnhealthyPodEvictionPolicy, PersistentVolumeLastPhaseTransitionTime, AppArmor, AppArmorFields, KubeProxyDrainingTerminatingNodes, JobPodFailurePolicy) and in 1.34.0 (DevicePluginCDIDevices, PodDisruptionConditions); corroboration only';

const kepLink = (n: number, title: string) => ({
  title: `KEP-${n}: ${title}`,
  url: `https://kep.k8s.io/${n}`,
});

// ---------------------------------------------------------------------------
// Rule builders for facts that repeat over several manifest locations
// ---------------------------------------------------------------------------

/** KEP-3633: the four pod-affinity term locations, relative to the Pod root. */
const AFFINITY_TERMS: { path: string; label: string }[] = [
  {
    path: 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[]',
    label: 'podaffinity-required',
  },
  {
    path: 'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[].podAffinityTerm',
    label: 'podaffinity-preferred',
  },
  {
    path: 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[]',
    label: 'podantiaffinity-required',
  },
  {
    path: 'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[].podAffinityTerm',
    label: 'podantiaffinity-preferred',
  },
];

function labelKeysRules(): Rule[] {
  const rules: Rule[] = [];
  for (const term of AFFINITY_TERMS) {
    for (const key of ['matchLabelKeys', 'mismatchLabelKeys']) {
      rules.push({
        id: `${key.toLowerCase()}-needs-labelselector-${term.label}`,
        trigger: { apiVersion: 'v1', kind: 'Pod', path: `${term.path}.${key}` },
        check: { type: 'present', path: 'labelSelector' },
        severity: 'error',
        message: `${key} only works together with a labelSelector in the same affinity term; the API server rejects the term when labelSelector is missing.`,
        from: '1.29',
      });
    }
    rules.push({
      id: `matchlabelkeys-mismatchlabelkeys-disjoint-${term.label}`,
      trigger: {
        apiVersion: 'v1',
        kind: 'Pod',
        path: `${term.path}.matchLabelKeys`,
      },
      check: {
        type: 'disjoint',
        path: 'matchLabelKeys',
        otherPath: 'mismatchLabelKeys',
      },
      severity: 'error',
      message: 'A label key cannot be listed in both matchLabelKeys and mismatchLabelKeys of the same term; the API server rejects it.',
      from: '1.29',
    });
  }
  return rules;
}

/** KEP-3857: recursiveReadOnly rules for every container list of a pod. */
function recursiveReadOnlyRules(): Rule[] {
  const rules: Rule[] = [];
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    const path = `spec.${list}[].volumeMounts[].recursiveReadOnly`;
    rules.push({
      id: `rro-needs-readonly-${list.toLowerCase()}`,
      trigger: {
        apiVersion: 'v1',
        kind: 'Pod',
        path,
        whenValue: ['Enabled', 'IfPossible'],
      },
      check: { type: 'equals', path: 'readOnly', values: ['true'] },
      severity: 'error',
      message: 'recursiveReadOnly: {value} is only accepted on a mount that also sets readOnly: true.',
      from: '1.30',
      fix: {
        type: 'set',
        path: 'readOnly',
        value: 'true',
        title: 'Set readOnly: true on this mount',
      },
    });
    rules.push({
      id: `rro-needs-no-propagation-${list.toLowerCase()}`,
      trigger: {
        apiVersion: 'v1',
        kind: 'Pod',
        path,
        whenValue: ['Enabled', 'IfPossible'],
      },
      check: {
        type: 'equals',
        path: 'mountPropagation',
        values: ['None'],
        absentOk: true,
      },
      severity: 'error',
      message: 'recursiveReadOnly: {value} cannot be combined with mount propagation; leave mountPropagation unset or set it to None.',
      from: '1.30',
      fix: {
        type: 'set',
        path: 'mountPropagation',
        value: 'None',
        title: 'Set mountPropagation: None',
      },
    });
  }
  return rules;
}

/** KEP-24: localhostProfile must be set exactly when type is Localhost. */
function appArmorRules(): Rule[] {
  const locations: { path: string; label: string }[] = [
    { path: 'spec.securityContext.appArmorProfile', label: 'pod' },
    {
      path: 'spec.containers[].securityContext.appArmorProfile',
      label: 'containers',
    },
    {
      path: 'spec.initContainers[].securityContext.appArmorProfile',
      label: 'initcontainers',
    },
    {
      path: 'spec.ephemeralContainers[].securityContext.appArmorProfile',
      label: 'ephemeralcontainers',
    },
  ];
  const rules: Rule[] = [];
  for (const loc of locations) {
    rules.push({
      id: `apparmor-localhost-needs-profile-${loc.label}`,
      trigger: {
        apiVersion: 'v1',
        kind: 'Pod',
        path: `${loc.path}.type`,
        whenValue: ['Localhost'],
      },
      check: { type: 'present', path: 'localhostProfile' },
      severity: 'error',
      message: 'An AppArmor profile of type Localhost must name the profile to load in localhostProfile.',
      from: '1.30',
    });
    rules.push({
      id: `apparmor-profile-only-for-localhost-${loc.label}`,
      trigger: {
        apiVersion: 'v1',
        kind: 'Pod',
        path: `${loc.path}.localhostProfile`,
      },
      check: { type: 'equals', path: 'type', values: ['Localhost'] },
      severity: 'error',
      message: 'localhostProfile is only allowed when the AppArmor profile type is Localhost.',
      from: '1.30',
    });
  }
  return rules;
}

const sameValue = (path: string, otherPath: string): RuleCheck => ({
  type: 'sameValue',
  path,
  otherPath,
});

// ---------------------------------------------------------------------------
// The data
// ---------------------------------------------------------------------------

export const stableAndBetaEnhancements: Enhancement[] = [
  // =========================================================================
  // Graduated to stable in 1.31
  // =========================================================================
  {
    id: 'kep-3762',
    kep: 3762,
    title: 'PersistentVolume last phase transition time',
    sig: 'storage',
    category: 'stable',
    summary:
      'Every PersistentVolume records in its status the moment it last moved to a different phase (Pending, Available, Bound, Released, Failed). ' +
      'That timestamp lets operators measure things such as how long volumes wait to be bound or how long released volumes linger.',
    watchOut: [
      'The field is status.lastPhaseTransitionTime; the 1.31 release announcement misnames it status.lastTransitionTime.',
      'It is written by the control plane; setting it in a manifest has no effect.',
      'Volumes that last changed phase before the feature was on have no timestamp until their next phase change.',
      'The PersistentVolumeLastPhaseTransitionTime gate is locked on in 1.31 and 1.32 and no longer exists from 1.33, so passing it to the API server then fails.',
    ],
    stages: [
      { stage: 'alpha', from: '1.28', to: '1.28' },
      { stage: 'beta', from: '1.29', to: '1.30' },
      { stage: 'stable', from: '1.31' },
    ],
    gates: [
      {
        name: 'PersistentVolumeLastPhaseTransitionTime',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.28', to: '1.28' },
          { stage: 'beta', defaultOn: true, from: '1.29', to: '1.30' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.31',
            to: '1.32',
            locked: true,
          },
        ],
        removedIn: '1.33',
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        path: 'status.lastPhaseTransitionTime',
        description: 'Time (RFC 3339) at which the volume last entered its current status.phase.',
        shape: 'string',
        since: '1.28',
        readOnly: true,
      },
    ],
    config: [],
    rules: [],
    docs: [
      kepLink(3762, 'PersistentVolume last phase transition time'),
      {
        title: 'Persistent Volumes: Phase',
        url: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#phase',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-storage/3762-persistent-volume-last-phase-transition-time/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/PersistentVolumeLastPhaseTransitionTime.md',
      'kubernetes/api@v0.31.0 core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_KF_131DEV,
      SRC_VFL_133,
      SRC_GARDENER,
    ],
    unverified: [],
    discrepancies: [
      'The 1.31 release announcement calls the field .status.lastTransitionTime; the API type names it lastPhaseTransitionTime. We follow the API type.',
    ],
  },

  {
    id: 'kep-2305',
    kep: 2305,
    title: 'Dynamic Cardinality Enforcement (metric cardinality enforcement)',
    sig: 'instrumentation',
    category: 'stable',
    summary:
      'Control-plane and node components can be told which label values a metric may carry; any other value is recorded under a catch-all instead of creating a new time series. ' +
      'Operators use it to stop a misbehaving label from blowing up the number of series without waiting for a code fix.',
    watchOut: [
      'The allow-list is set per component with --allow-metric-labels or a manifest file given with --allow-metric-labels-manifest; the inline flag wins over the file.',
      'Values outside the list are not dropped but folded together, and each such rewrite is counted in cardinality_enforcement_unexpected_categorizations_total.',
      'There is no feature gate; kep.yaml records stable in 1.30 while the 1.31 announcement counts it as a 1.31 graduation.',
    ],
    stages: [
      { stage: 'alpha', from: '1.21', to: '1.27' },
      { stage: 'beta', from: '1.28', to: '1.29' },
      {
        stage: 'stable',
        from: '1.30',
        note: 'kep.yaml says stable in v1.30; the v1.31 release announcement lists it among 1.31 stable graduations.',
      },
    ],
    gates: [],
    fields: [],
    config: (['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy'] as const).flatMap((component) => [
      {
        component,
        flag: '--allow-metric-labels',
        description:
          "Allow-list of label values per metric, written as <metric>,<label>='<v1>,<v2>,...'; other values of that label are reported as a single placeholder value.",
      },
      {
        component,
        flag: '--allow-metric-labels-manifest',
        description: 'Path to a file holding the same metric-label allow-list; --allow-metric-labels overrides entries from the file.',
      },
    ]),
    rules: [],
    docs: [
      kepLink(2305, 'Dynamic Cardinality Enforcement'),
      {
        title: 'Metrics for Kubernetes system components',
        url: 'https://kubernetes.io/docs/concepts/cluster-administration/system-metrics/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-instrumentation/2305-metrics-cardinality-enforcement/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'keps/sig-instrumentation/2305-metrics-cardinality-enforcement/README.md',
      SRC_ZH_APISERVER_131,
      'k8s.io/component-base metrics options.go (defines cardinality_enforcement_unexpected_categorizations_total; seen in the public code index)',
      SRC_BLOG_131,
    ],
    unverified: [],
    discrepancies: [
      'kep.yaml records stable in v1.30 (no feature gate); the v1.31 release announcement counts it as a 1.31 stable graduation. With no gate to read, we keep the kep.yaml milestone for the stage span.',
    ],
  },

  {
    id: 'kep-3836',
    kep: 3836,
    title: 'Kube-proxy improved ingress connectivity reliability',
    sig: 'network',
    category: 'stable',
    summary:
      "kube-proxy's health-check endpoint starts failing on a node that is being deleted or tainted for removal by the cluster autoscaler, so cloud load balancers stop sending new connections there before the node disappears. " +
      'A separate liveness path keeps reporting whether kube-proxy itself is working.',
    watchOut: [
      'Mainly affects Services of type LoadBalancer with externalTrafficPolicy: Cluster, whose load balancers probe kube-proxy /healthz.',
      'Load balancer health checks that used /healthz to mean "kube-proxy is alive" should move to /livez.',
      'The KubeProxyDrainingTerminatingNodes gate is locked on in 1.31 and 1.32 and removed in 1.33.',
    ],
    stages: [
      { stage: 'alpha', from: '1.28', to: '1.29' },
      { stage: 'beta', from: '1.30', to: '1.30' },
      { stage: 'stable', from: '1.31' },
    ],
    gates: [
      {
        name: 'KubeProxyDrainingTerminatingNodes',
        components: ['kube-proxy'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.28', to: '1.29' },
          { stage: 'beta', defaultOn: true, from: '1.30', to: '1.30' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.31',
            to: '1.32',
            locked: true,
          },
        ],
        removedIn: '1.33',
        note: 'The website gate page shows an alpha range overlapping 1.30; the KEP milestones (alpha 1.28, beta 1.30) are used.',
      },
    ],
    fields: [],
    config: [
      {
        component: 'kube-proxy',
        kind: 'KubeProxyConfiguration',
        apiVersions: ['kubeproxy.config.k8s.io/v1alpha1'],
        path: 'healthzBindAddress',
        description:
          'Address of the health server. Its /healthz path now also fails while the node is being deleted or carries the ToBeDeletedByClusterAutoscaler taint; /livez reports only whether the proxy rules are fresh.',
      },
    ],
    rules: [],
    docs: [
      kepLink(3836, 'Kube-proxy improved ingress connectivity reliability'),
      {
        title: 'Virtual IPs and Service Proxies',
        url: 'https://kubernetes.io/docs/reference/networking/virtual-ips/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-network/3836-kube-proxy-improved-ingress-connectivity-reliability/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'keps/sig-network/3836-kube-proxy-improved-ingress-connectivity-reliability/README.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/KubeProxyDrainingTerminatingNodes.md',
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_KF_131DEV,
      SRC_GARDENER,
    ],
    unverified: [],
  },

  {
    id: 'kep-4009',
    kep: 4009,
    title: 'Add CDI devices to device plugin API',
    sig: 'node',
    category: 'stable',
    summary:
      'Device plugins can answer an allocation with fully qualified Container Device Interface (CDI) device names, and the kubelet passes them to the container runtime. ' +
      'Vendors can then describe devices once in CDI specs instead of listing raw device nodes, mounts and environment variables.',
    watchOut: [
      'Nothing changes in manifests; this is part of the kubelet device plugin gRPC API (v1beta1, ContainerAllocateResponse.cdi_devices).',
      'The container runtime must have CDI support enabled, otherwise the CDI names are not resolved.',
      'The DevicePluginCDIDevices gate is locked on from 1.31 and removed in 1.34.',
    ],
    stages: [
      { stage: 'alpha', from: '1.28', to: '1.28' },
      { stage: 'beta', from: '1.29', to: '1.30' },
      { stage: 'stable', from: '1.31' },
    ],
    gates: [
      {
        name: 'DevicePluginCDIDevices',
        components: ['kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.28', to: '1.28' },
          { stage: 'beta', defaultOn: true, from: '1.29', to: '1.30' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.31',
            to: '1.33',
            locked: true,
          },
        ],
        removedIn: '1.34',
      },
    ],
    fields: [],
    config: [
      {
        component: 'kubelet',
        description:
          'Device plugin API (deviceplugin v1beta1): ContainerAllocateResponse gains cdi_devices, a list of CDIDevice{name}; the kubelet forwards these fully qualified CDI names to the runtime.',
      },
    ],
    rules: [],
    docs: [
      kepLink(4009, 'Add CDI devices to device plugin API'),
      {
        title: 'Device Plugins',
        url: 'https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/device-plugins/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-node/4009-add-cdi-devices-to-device-plugin-api/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/DevicePluginCDIDevices.md',
      'kubernetes/kubelet@v0.31.0 pkg/apis/deviceplugin/v1beta1/api.proto',
      SRC_VFL_134,
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_GARDENER,
    ],
    unverified: [],
  },

  {
    id: 'kep-24',
    kep: 24,
    title: 'Add AppArmor Support',
    sig: 'node',
    category: 'stable',
    summary:
      'AppArmor profiles are chosen with a securityContext.appArmorProfile field at pod or container level instead of per-container annotations. ' +
      'The profile can be the runtime default, a profile already loaded on the node, or no confinement at all.',
    watchOut: [
      'type: Localhost requires localhostProfile naming a profile that is already loaded on every node the pod can land on; any other type must not set localhostProfile.',
      'A container-level appArmorProfile overrides the pod-level one.',
      'The container.apparmor.security.beta.kubernetes.io/<container> annotations are deprecated since 1.30; the API server warns and the field should be used instead.',
      'If a pod sets both the annotation and the field for the same container, the two must agree.',
      'Both the AppArmor and AppArmorFields gates are locked on in 1.31 and 1.32 and removed in 1.33.',
    ],
    stages: [
      { stage: 'beta', from: '1.4', to: '1.30' },
      { stage: 'stable', from: '1.31' },
    ],
    gates: [
      {
        name: 'AppArmor',
        components: ['kube-apiserver', 'kubelet'],
        spans: [
          { stage: 'beta', defaultOn: true, from: '1.4', to: '1.30' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.31',
            to: '1.32',
            locked: true,
          },
        ],
        removedIn: '1.33',
      },
      {
        name: 'AppArmorFields',
        components: ['kube-apiserver', 'kubelet'],
        spans: [
          { stage: 'beta', defaultOn: true, from: '1.30', to: '1.30' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.31',
            to: '1.32',
            locked: true,
          },
        ],
        removedIn: '1.33',
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.securityContext.appArmorProfile',
        description: 'Default AppArmor profile for every container of the pod, unless a container sets its own.',
        shape: 'object',
        since: '1.30',
        children: [
          {
            key: 'type',
            shape: 'string',
            required: true,
            values: [
              {
                value: 'RuntimeDefault',
                description: "Use the container runtime's default AppArmor profile.",
              },
              {
                value: 'Localhost',
                description: 'Use a profile already loaded on the node, named in localhostProfile.',
              },
              {
                value: 'Unconfined',
                description: 'Run without AppArmor confinement.',
              },
            ],
          },
          { key: 'localhostProfile', shape: 'string', example: 'my-profile' },
        ],
      },
      ...(['containers', 'initContainers', 'ephemeralContainers'] as const).map((list) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        path: `spec.${list}[].securityContext.appArmorProfile`,
        description: 'AppArmor profile for this container; takes precedence over the pod-level profile.',
        shape: 'object' as const,
        since: '1.30',
        children: [
          {
            key: 'type',
            shape: 'string' as const,
            required: true,
            values: [
              {
                value: 'RuntimeDefault',
                description: "Use the container runtime's default AppArmor profile.",
              },
              {
                value: 'Localhost',
                description: 'Use a profile already loaded on the node, named in localhostProfile.',
              },
              {
                value: 'Unconfined',
                description: 'Run without AppArmor confinement.',
              },
            ],
          },
          {
            key: 'localhostProfile',
            shape: 'string' as const,
            example: 'my-profile',
          },
        ],
      })),
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.securityContext.appArmorProfile.type',
        description: 'Which kind of AppArmor profile to apply.',
        shape: 'string',
        since: '1.30',
        values: [
          {
            value: 'RuntimeDefault',
            description: "Use the container runtime's default AppArmor profile.",
          },
          {
            value: 'Localhost',
            description: 'Use a profile already loaded on the node, named in localhostProfile.',
          },
          {
            value: 'Unconfined',
            description: 'Run without AppArmor confinement.',
          },
        ],
      },
      ...(['containers', 'initContainers', 'ephemeralContainers'] as const).map((list) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        path: `spec.${list}[].securityContext.appArmorProfile.type`,
        description: 'Which kind of AppArmor profile to apply to this container.',
        shape: 'string' as const,
        since: '1.30',
        values: [
          {
            value: 'RuntimeDefault',
            description: "Use the container runtime's default AppArmor profile.",
          },
          {
            value: 'Localhost',
            description: 'Use a profile already loaded on the node, named in localhostProfile.',
          },
          {
            value: 'Unconfined',
            description: 'Run without AppArmor confinement.',
          },
        ],
      })),
    ],
    annotations: [
      {
        keyPattern: '^container\\.apparmor\\.security\\.beta\\.kubernetes\\.io/.+$',
        display: 'container.apparmor.security.beta.kubernetes.io/<container>',
        onPodTemplates: true,
        description:
          'Legacy per-container AppArmor setting (runtime/default, localhost/<profile> or unconfined). Still honoured, but the API server warns about it.',
        deprecatedIn: '1.30',
        replacement: 'securityContext.appArmorProfile (pod or container level)',
        migrateTo: 'containerAppArmorProfile',
      },
    ],
    config: [],
    rules: appArmorRules(),
    docs: [
      kepLink(24, 'Add AppArmor Support'),
      {
        title: "Restrict a Container's Access to Resources with AppArmor",
        url: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-node/24-apparmor/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/AppArmor.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/AppArmorFields.md',
      'kubernetes/website AppArmorFields feature-gate page, later (translated) revision: stable 1.31-1.32, removed: true',
      'kubernetes/api@v0.31.0 core/v1/types.go, core/v1/annotation_key_constants.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      'kubernetes/kubernetes pkg/api/pod/warnings.go (warning text: annotation "deprecated since v1.30; use the appArmorProfile field instead")',
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_BLOG_134,
      SRC_KF_131DEV,
      SRC_GARDENER,
      SRC_DEPRECATED_GATES_DOC,
    ],
    unverified: [],
    discrepancies: [
      'The v1.34 release announcement again lists AppArmor support among stable graduations (kep.yaml latest-milestone v1.34); the gates have been GA since 1.31, so we keep stable from 1.31.',
    ],
  },

  {
    id: 'kep-3017',
    kep: 3017,
    title: 'Pod Healthy Policy for PDB (unhealthyPodEvictionPolicy)',
    sig: 'apps',
    category: 'stable',
    summary:
      'A PodDisruptionBudget can say what happens to pods that are running but not ready when something tries to evict them. ' +
      'AlwaysAllow lets such pods be evicted regardless of the budget, so a broken rollout no longer blocks node drains.',
    watchOut: [
      'Leaving the field unset behaves like IfHealthyBudget: unready pods may only be evicted while the budget is not exceeded.',
      'AlwaysAllow only concerns Running pods without Ready=True; healthy pods still respect the budget.',
      'The gate is PDBUnhealthyPodEvictionPolicy, not the PodDisruptionBudgetPodHealthyPolicy name written in kep.yaml; it is locked on in 1.31 and 1.32 and removed in 1.33.',
    ],
    stages: [
      { stage: 'alpha', from: '1.26', to: '1.26' },
      { stage: 'beta', from: '1.27', to: '1.30' },
      { stage: 'stable', from: '1.31' },
    ],
    gates: [
      {
        name: 'PDBUnhealthyPodEvictionPolicy',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.26', to: '1.26' },
          { stage: 'beta', defaultOn: true, from: '1.27', to: '1.30' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.31',
            to: '1.32',
            locked: true,
          },
        ],
        removedIn: '1.33',
        note: 'kep.yaml names the gate PodDisruptionBudgetPodHealthyPolicy; the code uses PDBUnhealthyPodEvictionPolicy.',
      },
    ],
    fields: [
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        path: 'spec.unhealthyPodEvictionPolicy',
        description:
          'Whether running-but-unready pods guarded by this budget may be evicted even when the budget would otherwise forbid it.',
        shape: 'string',
        since: '1.26',
        values: [
          {
            value: 'IfHealthyBudget',
            description:
              'Unready pods can be evicted only while enough healthy pods remain to satisfy the budget (the behaviour when unset).',
          },
          {
            value: 'AlwaysAllow',
            description: 'Unready pods can always be evicted, whatever the budget says.',
          },
        ],
      },
    ],
    config: [],
    rules: [],
    docs: [
      kepLink(3017, 'Pod Healthy Policy for PDB'),
      {
        title: 'Specifying a Disruption Budget: Unhealthy Pod Eviction Policy',
        url: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/#unhealthy-pod-eviction-policy',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-apps/3017-pod-healthy-policy-for-pdb/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/PDBUnhealthyPodEvictionPolicy.md',
      'kubernetes/api@v0.31.0 policy/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      'kubernetes/kubernetes pkg/features/kube_features.go (1.32-dev revision 0021731)',
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_KF_131DEV,
      SRC_GARDENER,
    ],
    unverified: [],
    discrepancies: [
      'kep.yaml lists the gate as PodDisruptionBudgetPodHealthyPolicy; the code and docs use PDBUnhealthyPodEvictionPolicy, which we follow.',
    ],
  },

  {
    id: 'kep-3329',
    kep: 3329,
    title: 'Retriable and non-retriable Pod failures for Jobs (Job pod failure policy)',
    sig: 'apps',
    category: 'stable',
    summary:
      'A Job can decide what a failed pod means, based on container exit codes or pod conditions: fail the whole Job at once, fail only that index, ignore the failure, or count it against backoffLimit as usual. ' +
      'Pods disrupted by preemption, eviction or node loss get a DisruptionTarget condition so a rule can choose not to count them.',
    watchOut: [
      'podFailurePolicy requires the pod template to use restartPolicy: Never.',
      'When podFailurePolicy is set, podReplacementPolicy (if given) must be Failed.',
      'At most 20 rules; the first rule that matches a failed pod decides the action.',
      'FailIndex only makes sense, and is only accepted, together with backoffLimitPerIndex on an Indexed Job.',
      'onExitCodes.values may not contain 0 for operator In; a rule uses either onExitCodes or onPodConditions, not both.',
      'JobPodFailurePolicy is locked on in 1.31-1.32 and removed in 1.33; PodDisruptionConditions is locked on in 1.31-1.33 and removed in 1.34.',
    ],
    stages: [
      { stage: 'alpha', from: '1.25', to: '1.25' },
      { stage: 'beta', from: '1.26', to: '1.30' },
      { stage: 'stable', from: '1.31' },
    ],
    gates: [
      {
        name: 'JobPodFailurePolicy',
        components: ['kube-apiserver', 'kube-controller-manager'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.25', to: '1.25' },
          { stage: 'beta', defaultOn: true, from: '1.26', to: '1.30' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.31',
            to: '1.32',
            locked: true,
          },
        ],
        removedIn: '1.33',
      },
      {
        name: 'PodDisruptionConditions',
        components: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.25', to: '1.25' },
          { stage: 'beta', defaultOn: true, from: '1.26', to: '1.30' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.31',
            to: '1.33',
            locked: true,
          },
        ],
        removedIn: '1.34',
      },
    ],
    fields: [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.podFailurePolicy',
        description: 'Rules that classify failed pods by exit code or pod condition and decide what the Job does about each failure.',
        shape: 'object',
        since: '1.25',
        gates: ['JobPodFailurePolicy'],
        children: [{ key: 'rules', shape: 'list', required: true }],
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.podFailurePolicy.rules',
        description: 'One rule: an action plus a matcher on container exit codes (onExitCodes) or on pod conditions (onPodConditions).',
        shape: 'list',
        since: '1.25',
        gates: ['JobPodFailurePolicy'],
        children: [
          {
            key: 'action',
            shape: 'string',
            required: true,
            values: [
              {
                value: 'FailJob',
                description: 'Mark the whole Job failed and stop its remaining pods.',
              },
              {
                value: 'FailIndex',
                description:
                  'Mark only this index failed; needs backoffLimitPerIndex on an Indexed Job (KEP-3850, gate JobBackoffLimitPerIndex).',
                since: '1.28',
              },
              {
                value: 'Ignore',
                description: 'Do not count this failure against backoffLimit; the pod is replaced.',
              },
              {
                value: 'Count',
                description: 'Count the failure against backoffLimit, as without a policy.',
              },
            ],
          },
          { key: 'onExitCodes', shape: 'object' },
          { key: 'onPodConditions', shape: 'list' },
        ],
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.podFailurePolicy.rules[].action',
        description: 'What to do when this rule matches a failed pod.',
        shape: 'string',
        since: '1.25',
        gates: ['JobPodFailurePolicy'],
        values: [
          {
            value: 'FailJob',
            description: 'Mark the whole Job failed and stop its remaining pods.',
          },
          {
            value: 'FailIndex',
            description:
              'Mark only this index failed; needs backoffLimitPerIndex on an Indexed Job (KEP-3850, gate JobBackoffLimitPerIndex).',
            since: '1.28',
          },
          {
            value: 'Ignore',
            description: 'Do not count this failure against backoffLimit; the pod is replaced.',
          },
          {
            value: 'Count',
            description: 'Count the failure against backoffLimit, as without a policy.',
          },
        ],
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.podFailurePolicy.rules[].onExitCodes',
        description: 'Matches on the exit codes of terminated containers, optionally of one named container only.',
        shape: 'object',
        since: '1.25',
        gates: ['JobPodFailurePolicy'],
        children: [
          { key: 'containerName', shape: 'string' },
          {
            key: 'operator',
            shape: 'string',
            required: true,
            values: [
              {
                value: 'In',
                description: 'Matches when an exit code is one of the listed values.',
              },
              {
                value: 'NotIn',
                description: 'Matches when an exit code is none of the listed values.',
              },
            ],
          },
          { key: 'values', shape: 'list', required: true, example: '[1]' },
        ],
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.podFailurePolicy.rules[].onExitCodes.operator',
        description: 'How the listed exit codes are compared.',
        shape: 'string',
        since: '1.25',
        gates: ['JobPodFailurePolicy'],
        values: [
          {
            value: 'In',
            description: 'Matches when an exit code is one of the listed values.',
          },
          {
            value: 'NotIn',
            description: 'Matches when an exit code is none of the listed values.',
          },
        ],
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.podFailurePolicy.rules[].onPodConditions',
        description: 'Matches when the failed pod carries a condition of this type and status, e.g. DisruptionTarget=True.',
        shape: 'list',
        since: '1.25',
        gates: ['JobPodFailurePolicy'],
        children: [
          {
            key: 'type',
            shape: 'string',
            required: true,
            example: 'DisruptionTarget',
          },
          { key: 'status', shape: 'string', example: 'True' },
        ],
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.conditions[].type',
        description: 'Condition types written by the system on pods.',
        shape: 'string',
        readOnly: true,
        gates: ['PodDisruptionConditions'],
        values: [
          {
            value: 'DisruptionTarget',
            description:
              'The pod is about to be terminated because of a disruption (preemption, eviction, taint, garbage collection or kubelet action).',
            since: '1.25',
          },
        ],
        note: 'Only the value this KEP adds is listed; other pod condition types exist.',
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'status.conditions[].type',
        description: 'Condition types written by the Job controller.',
        shape: 'string',
        readOnly: true,
        gates: ['JobPodFailurePolicy'],
        values: [
          {
            value: 'FailureTarget',
            description: 'The Job has been judged failed and its pods are being terminated before Failed is set.',
            since: '1.25',
          },
        ],
        note: 'Only the value this KEP adds is listed; other Job condition types exist.',
      },
    ],
    config: [],
    rules: [
      {
        id: 'podfailurepolicy-needs-restartpolicy-never',
        trigger: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          path: 'spec.podFailurePolicy',
        },
        check: {
          type: 'equals',
          path: 'template.spec.restartPolicy',
          values: ['Never'],
        },
        severity: 'error',
        message: 'A Job with podFailurePolicy must run its pods with restartPolicy: Never; the API server rejects any other value.',
        from: '1.25',
        fix: {
          type: 'set',
          path: 'template.spec.restartPolicy',
          value: 'Never',
          title: 'Set template.spec.restartPolicy: Never',
        },
      },
      {
        id: 'podfailurepolicy-needs-podreplacementpolicy-failed',
        trigger: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          path: 'spec.podFailurePolicy',
        },
        check: {
          type: 'equals',
          path: 'podReplacementPolicy',
          values: ['Failed'],
          absentOk: true,
        },
        severity: 'error',
        message: 'With podFailurePolicy set, podReplacementPolicy must be Failed (or left unset, which then defaults to Failed).',
        from: '1.28',
        fix: {
          type: 'set',
          path: 'podReplacementPolicy',
          value: 'Failed',
          title: 'Set podReplacementPolicy: Failed',
        },
      },
    ],
    docs: [
      kepLink(3329, 'Retriable and non-retriable Pod failures for Jobs'),
      {
        title: 'Jobs: Pod failure policy',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-failure-policy',
      },
      {
        title: 'Handling retriable and non-retriable pod failures with Pod failure policy',
        url: 'https://kubernetes.io/docs/tasks/job/pod-failure-policy/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-apps/3329-retriable-and-non-retriable-failures/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/JobPodFailurePolicy.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/PodDisruptionConditions.md',
      'kubernetes/api@v0.31.0 batch/v1/types.go, core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      'kubernetes/kubernetes pkg/apis/batch/validation (validation tests: "only \\"Never\\" is supported when podFailurePolicy is specified"; declarative rule "must be \\"Failed\\" when podFailurePolicy is used" for podReplacementPolicy)',
      SRC_VFL_134,
      SRC_VFL_133,
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_KF_131DEV,
      SRC_GARDENER,
      SRC_DEPRECATED_GATES_DOC,
    ],
    unverified: [
      'onExitCodes may not list 0 with operator In, and a rule may not combine onExitCodes with onPodConditions: upstream validation not re-read for this pass.',
    ],
  },

  {
    id: 'kep-3715',
    kep: 3715,
    title: 'Elastic Indexed Job',
    sig: 'apps',
    category: 'stable',
    summary:
      'An Indexed Job can be scaled after creation by changing spec.completions and spec.parallelism together. ' +
      'Scaling down removes the pods with the highest indexes, which suits distributed training and similar work that needs a stable index per worker.',
    watchOut: [
      'Only Indexed Jobs (completionMode: Indexed) can change completions, and only in an update that keeps completions equal to parallelism.',
      'No new field: the change is in what the API server allows on update, so a manifest on its own cannot show it.',
      'The ElasticIndexedJob gate is locked on from 1.31 and removed in 1.34.',
    ],
    stages: [
      { stage: 'beta', from: '1.27', to: '1.30' },
      { stage: 'stable', from: '1.31' },
    ],
    gates: [
      {
        name: 'ElasticIndexedJob',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'beta', defaultOn: true, from: '1.27', to: '1.30' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.31',
            to: '1.33',
            locked: true,
          },
        ],
        removedIn: '1.34',
      },
    ],
    fields: [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.completions',
        description:
          'Number of successful pods the Job needs. For an Indexed Job it may be changed after creation, but only together with parallelism so that both stay equal.',
        shape: 'integer',
        note: 'Mutability for Indexed Jobs arrived with ElasticIndexedJob (beta 1.27).',
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.parallelism',
        description:
          'Maximum number of pods running at once. To resize an Indexed Job, change it in the same update as completions, to the same value.',
        shape: 'integer',
      },
    ],
    config: [],
    rules: [
      {
        id: 'elastic-indexed-job-scale-together',
        trigger: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          path: 'spec.completionMode',
          whenValue: ['Indexed'],
        },
        check: sameValue('completions', 'parallelism'),
        severity: 'hint',
        message:
          'This Indexed Job has completions and parallelism set differently. That is allowed, but an Indexed Job can only be resized later by changing both in one update so that they are equal.',
        from: '1.27',
      },
    ],
    docs: [
      kepLink(3715, 'Elastic Indexed Job'),
      {
        title: 'Jobs: Elastic Indexed Jobs',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#elastic-indexed-jobs',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-apps/3715-elastic-indexed-job/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/ElasticIndexedJob.md',
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_KF_131DEV,
      SRC_VFL_133,
      SRC_VFL_134,
      SRC_GARDENER,
    ],
    unverified: [],
  },

  {
    id: 'kep-3335',
    kep: 3335,
    title: 'StatefulSet Slice (start ordinal)',
    sig: 'apps',
    category: 'stable',
    summary:
      'A StatefulSet can number its replicas from a chosen start ordinal instead of 0. ' +
      'This lets a StatefulSet be split or moved across clusters or namespaces piece by piece while pod names and volumes keep their identities.',
    watchOut: [
      'spec.ordinals.start must be 0 or greater; replicas are then named <name>-<start> up to <name>-<start+replicas-1>.',
      'Changing start on a running StatefulSet deletes the pods that fall out of the new range and creates new ones.',
      'The StatefulSetStartOrdinal gate is locked on from 1.31 and removed in 1.34.',
    ],
    stages: [
      { stage: 'alpha', from: '1.26', to: '1.26' },
      { stage: 'beta', from: '1.27', to: '1.30' },
      { stage: 'stable', from: '1.31' },
    ],
    gates: [
      {
        name: 'StatefulSetStartOrdinal',
        components: ['kube-apiserver', 'kube-controller-manager'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.26', to: '1.26' },
          { stage: 'beta', defaultOn: true, from: '1.27', to: '1.30' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.31',
            to: '1.33',
            locked: true,
          },
        ],
        removedIn: '1.34',
      },
    ],
    fields: [
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        path: 'spec.ordinals',
        description: 'How replica ordinals are assigned.',
        shape: 'object',
        since: '1.26',
        children: [{ key: 'start', shape: 'integer', example: '0' }],
      },
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        path: 'spec.ordinals.start',
        description: 'First ordinal used for replica names; 0 when unset.',
        shape: 'integer',
        since: '1.26',
      },
    ],
    config: [],
    rules: [
      {
        id: 'statefulset-ordinals-start-nonnegative',
        trigger: {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          path: 'spec.ordinals.start',
        },
        check: { type: 'minimum', path: 'start', min: 0 },
        severity: 'error',
        message: 'ordinals.start cannot be negative.',
        from: '1.26',
      },
    ],
    docs: [
      kepLink(3335, 'StatefulSet Slice'),
      {
        title: 'StatefulSets: Start ordinal',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#start-ordinal',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-apps/3335-statefulset-slice/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/StatefulSetStartOrdinal.md',
      'kubernetes/api@v0.31.0 apps/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      'apps validation: ordinals.start checked with the non-negative field validator (seen in ports of upstream ValidateStatefulSetSpec)',
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_KF_131DEV,
      SRC_VFL_133,
      SRC_VFL_134,
      SRC_GARDENER,
    ],
    unverified: [],
  },

  {
    id: 'kep-2185',
    kep: 2185,
    title: 'Random Pod Selection on ReplicaSet Downscale',
    sig: 'apps',
    category: 'stable',
    summary:
      'When a ReplicaSet (and so a Deployment) scales down, pods of similar age are grouped into logarithmic age buckets and the one to delete is picked at random within a bucket. ' +
      'This spreads deletions instead of always removing the newest pod, which could unbalance pods across failure domains.',
    watchOut: [
      'Unscheduled, pending and not-ready pods, and pods with a lower pod-deletion-cost, are still removed first; the randomness only replaces the strict newest-first tie-break on age.',
      'Scripts that assumed the newest pod is always removed first can no longer rely on it.',
      'The LogarithmicScaleDown gate is locked on from 1.31.',
    ],
    stages: [
      { stage: 'alpha', from: '1.21', to: '1.21' },
      { stage: 'beta', from: '1.22', to: '1.30' },
      { stage: 'stable', from: '1.31' },
    ],
    gates: [
      {
        name: 'LogarithmicScaleDown',
        components: ['kube-controller-manager'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.21', to: '1.21' },
          { stage: 'beta', defaultOn: true, from: '1.22', to: '1.30' },
          { stage: 'stable', defaultOn: true, from: '1.31', locked: true },
        ],
        note: 'Still listed (locked on) in the 1.34 development-cycle feature list.',
      },
    ],
    fields: [],
    config: [],
    rules: [],
    docs: [
      kepLink(2185, 'Random Pod Selection on ReplicaSet Downscale'),
      {
        title: 'ReplicaSet: Scaling a ReplicaSet',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#scaling-a-replicaset',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-apps/2185-random-pod-select-on-replicaset-downscale/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/LogarithmicScaleDown.md',
      SRC_VFL_134,
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
    ],
    unverified: [],
  },

  // =========================================================================
  // Beta in 1.31
  // =========================================================================
  {
    id: 'kep-2589',
    kep: 2589,
    title: 'In-tree Storage Plugin to CSI Migration - Portworx',
    sig: 'storage',
    category: 'beta',
    summary:
      'Operations on in-tree Portworx volumes (portworxVolume, provisioner kubernetes.io/portworx-volume) are redirected to the Portworx CSI driver. ' +
      'The migration has been beta since 1.25, but 1.31 turns it on by default.',
    watchOut: [
      'From 1.31 the migration is on by default: install the Portworx CSI driver before upgrading, or existing Portworx volumes stop attaching and provisioning.',
      'Manifests keep working unchanged; portworxVolume sources and the kubernetes.io/portworx-volume StorageClass are translated behind the scenes.',
      'InTreePluginPortworxUnregister (alpha, off) removes the in-tree plugin entirely; it stays alpha.',
      'In 1.33 the migration gate is locked on, so it can no longer be switched off.',
    ],
    stages: [
      { stage: 'alpha', from: '1.23', to: '1.24' },
      {
        stage: 'beta',
        from: '1.25',
        to: '1.32',
        note: 'Default switched on in 1.31.',
      },
      { stage: 'stable', from: '1.33' },
    ],
    gates: [
      {
        name: 'CSIMigrationPortworx',
        components: ['kube-controller-manager', 'kubelet', 'kube-scheduler'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.23', to: '1.24' },
          { stage: 'beta', defaultOn: false, from: '1.25', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.32' },
          { stage: 'stable', defaultOn: true, from: '1.33', locked: true },
        ],
      },
      {
        name: 'InTreePluginPortworxUnregister',
        components: ['kube-controller-manager', 'kubelet', 'kube-scheduler'],
        spans: [{ stage: 'alpha', defaultOn: false, from: '1.23' }],
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.volumes[].portworxVolume',
        description:
          'In-tree Portworx volume source. With CSI migration on (default from 1.31) its operations are served by the Portworx CSI driver.',
        shape: 'object',
        gates: ['CSIMigrationPortworx'],
        note: 'Not new; listed so hover can explain that the Portworx CSI driver must be installed.',
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        path: 'spec.portworxVolume',
        description:
          'In-tree Portworx volume source on a PersistentVolume; handled by the Portworx CSI driver once migration is on (default from 1.31).',
        shape: 'object',
        gates: ['CSIMigrationPortworx'],
        note: 'Not new; listed so hover can explain that the Portworx CSI driver must be installed.',
      },
    ],
    config: [],
    rules: [],
    docs: [
      kepLink(2589, 'In-tree Storage Plugin to CSI Migration - Portworx'),
      {
        title: 'Volumes: portworxVolume',
        url: 'https://kubernetes.io/docs/concepts/storage/volumes/#portworxvolume',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-storage/2589-csi-migration-portworx/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/CSIMigrationPortworx.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/InTreePluginPortworxUnregister.md',
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_BLOG_133,
      SRC_VFL_134,
    ],
    unverified: [],
  },

  {
    id: 'kep-2644',
    kep: 2644,
    title: 'Honor Persistent Volume Reclaim Policy',
    sig: 'storage',
    category: 'beta',
    summary:
      'A bound PersistentVolume with reclaim policy Delete now has its backing storage deleted even when the PV object is deleted before its claim. ' +
      'A finalizer holds the PV until the storage is really gone, so volumes no longer leak in that order of deletion.',
    watchOut: [
      'Deleting a Delete-policy PV now removes the underlying disk even if the PVC still exists; use Retain if you want to keep the data.',
      'PVs carry a kubernetes.io/pv-controller finalizer (in-tree) or external-provisioner.volume.kubernetes.io/finalizer (CSI); removing it by hand can leak storage again.',
      'For CSI volumes the external-provisioner sidecar must be recent enough to add and handle its finalizer.',
    ],
    stages: [
      { stage: 'alpha', from: '1.23', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.32' },
      { stage: 'stable', from: '1.33' },
    ],
    gates: [
      {
        name: 'HonorPVReclaimPolicy',
        components: ['kube-controller-manager', 'external-provisioner'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.23', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.32' },
          { stage: 'stable', defaultOn: true, from: '1.33', locked: true },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        path: 'spec.persistentVolumeReclaimPolicy',
        description:
          'What happens to the storage once the volume is released. With this feature, Delete is honoured no matter whether the PV or its claim is deleted first.',
        shape: 'string',
        values: [
          {
            value: 'Retain',
            description: 'Keep the volume and its data; an administrator reclaims it by hand.',
          },
          {
            value: 'Delete',
            description: 'Delete the backing storage when the volume is released or deleted.',
          },
          {
            value: 'Recycle',
            description: 'Scrub the data and make the volume available again (legacy; only a few in-tree plugins supported it).',
          },
        ],
        note: 'Behaviour change only; the field itself is old.',
      },
    ],
    config: [],
    rules: [],
    docs: [
      kepLink(2644, 'Honor Persistent Volume Reclaim Policy'),
      {
        title: 'Persistent Volumes',
        url: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-storage/2644-honor-pv-reclaim-policy/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'keps/sig-storage/2644-honor-pv-reclaim-policy/README.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/HonorPVReclaimPolicy.md',
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_BLOG_133,
      SRC_VFL_134,
    ],
    unverified: [],
  },

  {
    id: 'kep-3633',
    kep: 3633,
    title: 'Introduce MatchLabelKeys and MismatchLabelKeys to PodAffinity and PodAntiAffinity',
    sig: 'scheduling',
    category: 'beta',
    summary:
      'A pod (anti-)affinity term can list label keys whose values are copied from the incoming pod into the term\'s selector: matchLabelKeys adds "key in (value)", mismatchLabelKeys adds "key notin (value)". ' +
      'A common use is matchLabelKeys: [pod-template-hash], so affinity only considers pods of the same Deployment revision.',
    watchOut: [
      'Both lists require a labelSelector in the same term; without one the pod is rejected.',
      'A key may not appear in both matchLabelKeys and mismatchLabelKeys, nor already be used in the labelSelector.',
      'Values are read from the pod labels at creation time and merged into labelSelector; later label changes do not update the selector.',
      'A key missing from the pod labels is ignored.',
      'Alpha (off) in 1.29-1.30: with older API servers or the gate off, the fields are dropped silently.',
    ],
    stages: [
      { stage: 'alpha', from: '1.29', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.32' },
      { stage: 'stable', from: '1.33' },
    ],
    gates: [
      {
        name: 'MatchLabelKeysInPodAffinity',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.29', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.32' },
          { stage: 'stable', defaultOn: true, from: '1.33', locked: true },
        ],
      },
    ],
    fields: AFFINITY_TERMS.flatMap((term) => [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: `${term.path}.matchLabelKeys`,
        description:
          'Label keys whose values are taken from this pod and added to the term\'s labelSelector as "key in (value)", so only pods sharing those values count.',
        shape: 'stringList' as const,
        since: '1.29',
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: `${term.path}.mismatchLabelKeys`,
        description:
          'Label keys whose values are taken from this pod and added to the term\'s labelSelector as "key notin (value)", so pods sharing those values are excluded.',
        shape: 'stringList' as const,
        since: '1.29',
      },
    ]),
    config: [],
    rules: labelKeysRules(),
    docs: [
      kepLink(3633, 'MatchLabelKeys and MismatchLabelKeys in PodAffinity'),
      {
        title: 'Assigning Pods to Nodes: matchLabelKeys',
        url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#matchlabelkeys',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-scheduling/3633-matchlabelkeys-to-podaffinity/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/MatchLabelKeysInPodAffinity.md',
      'kubernetes/api@v0.31.0 core/v1/types.go (PodAffinityTerm) (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      'kubernetes/kubernetes pkg/apis/core/validation/validation.go (validateLabelKeys: "must not be specified when labelSelector is not set"; "exists in both matchLabelKeys and mismatchLabelKeys"; "exists in both matchLabelKeys and labelSelector")',
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_BLOG_133,
      SRC_VFL_134,
    ],
    unverified: [],
  },

  {
    id: 'kep-3866',
    kep: 3866,
    title: 'Add an nftables-based kube-proxy backend',
    sig: 'network',
    category: 'beta',
    summary:
      'kube-proxy gains an nftables mode on Linux as the successor of the iptables and ipvs modes, with better performance on large clusters. ' +
      'It is beta and available by default in 1.31, but clusters only use it when mode: nftables is chosen.',
    watchOut: [
      'iptables stays the default mode; set mode: nftables (or --proxy-mode=nftables) to use it.',
      'Needs kernel 5.13 or newer and nft 1.0.1 or newer on the nodes in 1.31.',
      'Behaviour differs in edge cases: NodePort services answer only on the primary node IPs by default (like nodePortAddresses: primary), and localhost NodePort access is not supported.',
      'Network plugins and tooling that inspect iptables rules will not see kube-proxy rules in this mode.',
      'Config tuning lives under nftables (masqueradeBit, masqueradeAll, syncPeriod, minSyncPeriod), not under iptables.',
    ],
    stages: [
      { stage: 'alpha', from: '1.29', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.32' },
      { stage: 'stable', from: '1.33' },
    ],
    gates: [
      {
        name: 'NFTablesProxyMode',
        components: ['kube-proxy'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.29', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.32' },
          { stage: 'stable', defaultOn: true, from: '1.33', locked: true },
        ],
      },
    ],
    fields: [],
    config: [
      {
        component: 'kube-proxy',
        kind: 'KubeProxyConfiguration',
        apiVersions: ['kubeproxy.config.k8s.io/v1alpha1'],
        path: 'mode',
        values: [
          {
            value: 'nftables',
            description:
              'Program Service rules with nftables (Linux only). Alpha behind a gate in 1.29-1.30; available by default from 1.31.',
            since: '1.29',
          },
        ],
        description: 'Proxy mode of kube-proxy.',
      },
      {
        component: 'kube-proxy',
        kind: 'KubeProxyConfiguration',
        apiVersions: ['kubeproxy.config.k8s.io/v1alpha1'],
        path: 'nftables',
        description: 'Settings for the nftables mode: masqueradeBit, masqueradeAll, syncPeriod and minSyncPeriod.',
      },
      {
        component: 'kube-proxy',
        kind: 'KubeProxyConfiguration',
        apiVersions: ['kubeproxy.config.k8s.io/v1alpha1'],
        path: 'nodePortAddresses',
        values: [
          {
            value: 'primary',
            description: "Serve NodePorts only on the node's primary IP addresses; the default behaviour of the nftables mode.",
            since: '1.31',
          },
        ],
        description: 'Which node addresses accept NodePort traffic.',
      },
      {
        component: 'kube-proxy',
        flag: '--proxy-mode',
        values: [
          {
            value: 'nftables',
            description: 'Use the nftables backend (Linux only).',
            since: '1.29',
          },
        ],
        description: 'Command-line form of the proxy mode.',
      },
    ],
    rules: [],
    docs: [
      kepLink(3866, 'Add an nftables-based kube-proxy backend'),
      {
        title: 'Virtual IPs and Service Proxies: nftables proxy mode',
        url: 'https://kubernetes.io/docs/reference/networking/virtual-ips/#proxy-mode-nftables',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-network/3866-nftables-proxy/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/NFTablesProxyMode.md',
      'kubernetes/kube-proxy@v0.31.0 config/v1alpha1/types.go',
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_BLOG_133,
      SRC_VFL_134,
    ],
    unverified: [
      'nftables mode not serving NodePorts on localhost: taken from the kube-proxy documentation as remembered, not re-read for this pass.',
    ],
  },

  {
    id: 'kep-4358',
    kep: 4358,
    title: 'Custom Resource Field Selectors',
    sig: 'api-machinery',
    category: 'beta',
    summary:
      'A CustomResourceDefinition can declare, per version, which fields of its custom resources may be used in field selectors. ' +
      'Clients can then list, watch or delete-collection custom resources filtered on those fields, just as with built-in kinds.',
    watchOut: [
      'At most 8 selectable fields per version.',
      'jsonPath must be a simple path (no array indexing) to a string, integer or boolean field; metadata fields cannot be declared because metadata.name and metadata.namespace are always selectable.',
      'Selectable fields are declared per entry of spec.versions, so each served version needs its own list.',
      'Alpha (off) in 1.30: older API servers drop the field.',
    ],
    stages: [
      { stage: 'alpha', from: '1.30', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.31' },
      { stage: 'stable', from: '1.32' },
    ],
    gates: [
      {
        name: 'CustomResourceFieldSelectors',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.30', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.31' },
          { stage: 'stable', defaultOn: true, from: '1.32', locked: true },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        path: 'spec.versions[].selectableFields',
        description: 'Fields of this version that clients may use in field selectors.',
        shape: 'list',
        since: '1.30',
        children: [
          {
            key: 'jsonPath',
            shape: 'string',
            required: true,
            example: '.spec.color',
          },
        ],
      },
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        path: 'spec.versions[].selectableFields[].jsonPath',
        description: 'Simple JSON path, starting with a dot, to a string, integer or boolean field of the custom resource.',
        shape: 'string',
        since: '1.30',
      },
    ],
    config: [],
    rules: [],
    docs: [
      kepLink(4358, 'Custom Resource Field Selectors'),
      {
        title: 'CustomResourceDefinitions: selectable fields',
        url: 'https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#crd-selectable-fields',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-api-machinery/4358-custom-resource-field-selectors/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/CustomResourceFieldSelectors.md',
      'kubernetes/apiextensions-apiserver@v0.31.0 pkg/apis/apiextensions/v1/types.go and @v0.34.0 pkg/features/kube_features.go',
      SRC_CHANGELOG_131,
      SRC_BLOG_132,
      SRC_VFL_134,
    ],
    unverified: [],
  },

  {
    id: 'kep-4420',
    kep: 4420,
    title: 'Retry Generate Name',
    sig: 'api-machinery',
    category: 'beta',
    summary:
      'When an object created with metadata.generateName collides with an existing name, the API server now retries with a fresh random suffix instead of failing. ' +
      'Creating many objects from the same prefix therefore rarely returns a conflict error.',
    watchOut: [
      'Behaviour only: manifests do not change, and collisions are still possible after all attempts (8 in total) are used up.',
      'The 1.31 changelog calls the gate NameGenerationRetries; the real gate is RetryGenerateName.',
    ],
    stages: [
      { stage: 'alpha', from: '1.30', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.31' },
      { stage: 'stable', from: '1.32' },
    ],
    gates: [
      {
        name: 'RetryGenerateName',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.30', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.31' },
          { stage: 'stable', defaultOn: true, from: '1.32', locked: true },
        ],
      },
    ],
    fields: [],
    config: [],
    rules: [],
    docs: [
      kepLink(4420, 'Retry Generate Name'),
      {
        title: 'Object Names and IDs',
        url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-api-machinery/4420-retry-generate-name/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/RetryGenerateName.md',
      'kubernetes/apiserver@v0.31.0 and @v0.34.0 pkg/features/kube_features.go (published copy of staging/src/k8s.io/apiserver)',
      SRC_CHANGELOG_131,
      SRC_BLOG_132,
      SRC_VFL_134,
    ],
    unverified: [],
    discrepancies: [
      'The 1.31 changelog names the gate NameGenerationRetries; code, docs and kep.yaml use RetryGenerateName, which we follow.',
    ],
  },

  {
    id: 'kep-4444',
    kep: 4444,
    title: 'Traffic Distribution for Services',
    sig: 'network',
    category: 'beta',
    summary:
      "A Service can state a preference for how traffic is spread over its endpoints with spec.trafficDistribution; PreferClose asks the proxy to favour endpoints in the client's zone. " +
      'It is a hint that falls back to all endpoints when no close one is ready, and leaving it unset keeps the old behaviour.',
    watchOut: [
      'In 1.31 and 1.32 the only accepted value is PreferClose.',
      'PreferSameZone and PreferSameNode exist from 1.33 behind the PreferSameTrafficDistribution gate (alpha, off in 1.33; beta, on in 1.34); PreferClose is the deprecated alias of PreferSameZone from 1.34.',
      "Keeping traffic in one zone can overload that zone's endpoints if clients are unevenly spread.",
      'If the older service.kubernetes.io/topology-mode: Auto annotation is also set, the annotation wins and trafficDistribution is not used.',
      'A Local internal or external traffic policy already limits endpoints to the node; the distribution hint cannot widen that.',
    ],
    stages: [
      { stage: 'alpha', from: '1.30', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.32' },
      { stage: 'stable', from: '1.33' },
    ],
    gates: [
      {
        name: 'ServiceTrafficDistribution',
        components: ['kube-apiserver', 'kube-controller-manager', 'kube-proxy'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.30', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.32' },
          { stage: 'stable', defaultOn: true, from: '1.33', locked: true },
        ],
      },
      {
        name: 'PreferSameTrafficDistribution',
        components: ['kube-apiserver', 'kube-controller-manager', 'kube-proxy'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.33', to: '1.33' },
          { stage: 'beta', defaultOn: true, from: '1.34' },
        ],
        note: 'Belongs to KEP-3015 (PreferSameZone and PreferSameNode); listed here because it gates two values of spec.trafficDistribution.',
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Service',
        path: 'spec.trafficDistribution',
        description:
          'Preference for which endpoints should receive traffic; a hint to the service proxy, not a guarantee. Unset means no preference.',
        shape: 'string',
        since: '1.30',
        gates: ['ServiceTrafficDistribution'],
        values: [
          {
            value: 'PreferClose',
            description: "Prefer endpoints in the client's zone; from 1.34 a deprecated alias of PreferSameZone.",
            since: '1.30',
            deprecatedIn: '1.34',
            replacement: 'PreferSameZone',
          },
          {
            value: 'PreferSameZone',
            description: "Prefer endpoints in the client's zone, falling back to others when none is ready.",
            since: '1.33',
            gate: 'PreferSameTrafficDistribution',
          },
          {
            value: 'PreferSameNode',
            description: "Prefer endpoints on the client's node, then the same zone, then any.",
            since: '1.33',
            gate: 'PreferSameTrafficDistribution',
          },
        ],
      },
    ],
    config: [],
    rules: [],
    docs: [
      kepLink(4444, 'Traffic Distribution for Services'),
      {
        title: 'Virtual IPs and Service Proxies: Traffic distribution',
        url: 'https://kubernetes.io/docs/reference/networking/virtual-ips/#traffic-distribution',
      },
      {
        title: 'KEP-3015: PreferSameZone and PreferSameNode Traffic Distribution',
        url: 'https://kep.k8s.io/3015',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-network/4444-service-traffic-distribution/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/ServiceTrafficDistribution.md',
      'kubernetes/api@v0.31.0 and v0.34.0 core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      'kubernetes/enhancements keps/sig-network/3015-prefer-same-node/kep.yaml and README.md (alpha v1.33, beta v1.34; "PreferClose is just a deprecated alias for PreferSameZone")',
      'kubernetes/website content/uk/docs/reference/command-line-tools-reference/feature-gates/PreferSameTrafficDistribution.md (alpha off 1.33, beta on 1.34)',
      SRC_VFL_134,
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_BLOG_133,
      SRC_BLOG_134,
    ],
    unverified: [
      'The topology-mode: Auto annotation taking precedence over trafficDistribution: from documentation as remembered, not re-read for this pass.',
    ],
    discrepancies: [
      'PreferSameZone and PreferSameNode were added in 1.33 (alpha, gate PreferSameTrafficDistribution off), not in 1.34; they became usable by default in 1.34 (beta). KEP-3015 declares PreferClose a deprecated alias of PreferSameZone; we date the deprecation at 1.34 (the 1.34 announcement and the release where the replacement is on by default).',
    ],
  },

  {
    id: 'kep-4006',
    kep: 4006,
    title: 'Transition from SPDY to Websockets',
    sig: 'api-machinery',
    category: 'beta',
    summary:
      'kubectl exec, attach, cp and port-forward talk to the API server over WebSockets instead of the deprecated SPDY protocol. ' +
      'From 1.31 the WebSocket transport is the default for port-forward too, on the kubectl side and on the API server side.',
    watchOut: [
      'Proxies, load balancers or gateways in front of the API server must allow WebSocket upgrades, or exec/port-forward break after upgrading kubectl.',
      'Opt out on the client with KUBECTL_PORT_FORWARD_WEBSOCKETS=false or KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false.',
      'kubectl falls back to SPDY when the API server is too old to accept WebSockets.',
      'No manifest fields change.',
      'A later gate (AuthorizePodWebsocketUpgradeCreatePermission, 1.35) requires create permission on pods/exec, pods/attach and pods/portforward for WebSocket upgrades; RBAC that only grants get will break then.',
    ],
    stages: [
      { stage: 'alpha', from: '1.29', to: '1.30' },
      { stage: 'beta', from: '1.31' },
    ],
    gates: [
      {
        name: 'PortForwardWebsockets',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.30', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31' },
        ],
      },
      {
        name: 'TranslateStreamCloseWebsocketRequests',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.29', to: '1.29' },
          { stage: 'beta', defaultOn: true, from: '1.30' },
        ],
      },
      {
        name: 'KUBECTL_PORT_FORWARD_WEBSOCKETS',
        components: ['kubectl (environment variable)'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.30', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31' },
        ],
        note: "Set the variable to 'false' to opt out.",
      },
      {
        name: 'KUBECTL_REMOTE_COMMAND_WEBSOCKETS',
        components: ['kubectl (environment variable)'],
        spans: [
          {
            stage: 'beta',
            defaultOn: true,
            from: '1.30',
            unverified:
              'The sources give no stage label; only that kubectl 1.30 and later use WebSockets for exec/attach/cp unless the variable is false.',
          },
        ],
        note: "kubectl exec, attach and cp; set the variable to 'false' to opt out.",
      },
    ],
    fields: [],
    config: [
      {
        component: 'kubectl',
        description:
          'kubectl exec, attach, cp and port-forward use WebSockets by default; the environment variables KUBECTL_REMOTE_COMMAND_WEBSOCKETS and KUBECTL_PORT_FORWARD_WEBSOCKETS set to false restore SPDY.',
      },
    ],
    rules: [],
    docs: [kepLink(4006, 'Transition from SPDY to Websockets')],
    sources: [
      'kubernetes/enhancements keps/sig-api-machinery/4006-transition-spdy-to-websockets/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/PortForwardWebsockets.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/TranslateStreamCloseWebsocketRequests.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/AuthorizePodWebsocketUpgradeCreatePermission.md',
      'kubernetes/kubectl@v0.30.0, v0.31.0, v0.32.0 pkg/cmd/util/helpers.go and pkg/cmd/{debug,portforward,exec}/*.go (published copy of staging/src/k8s.io/kubectl)',
      SRC_ZH_APISERVER_131,
      'v1.34-era generated kube component reference page (--feature-gates help text with 1.34 defaults; localized copy, used as corroboration only)',
      SRC_CHANGELOG_131,
      SRC_VFL_134,
    ],
    unverified: [
      'Stage label of the kubectl KUBECTL_REMOTE_COMMAND_WEBSOCKETS environment gate (on by default since kubectl 1.30); recorded as beta.',
    ],
  },

  {
    id: 'kep-4193',
    kep: 4193,
    title: 'Bound service account token improvements',
    sig: 'auth',
    category: 'beta',
    summary:
      'Service account tokens gain a unique token ID (jti) and, for pod-bound tokens, the name and UID of the node the pod runs on; tokens can also be bound directly to a Node object. ' +
      'That makes tokens traceable in audit logs and lets a token become invalid when its node goes away.',
    watchOut: [
      'Binding a token to a Node (TokenRequest boundObjectRef.kind: Node) needs ServiceAccountTokenNodeBinding, beta and on from 1.31.',
      'With node-binding validation on, a token that records a node is rejected once that node is gone (or was recreated with a new UID), not only when its pod is deleted.',
      'No workload manifest fields change; the effect is in issued tokens and in the TokenRequest API (kubectl create token).',
    ],
    stages: [
      { stage: 'alpha', from: '1.29', to: '1.29' },
      {
        stage: 'beta',
        from: '1.30',
        to: '1.32',
        note: 'JTI, PodNodeInfo and NodeBindingValidation went GA in 1.32; NodeBinding stayed beta until 1.33.',
      },
      { stage: 'stable', from: '1.33' },
    ],
    gates: [
      {
        name: 'ServiceAccountTokenNodeBinding',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.29', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.32' },
          { stage: 'stable', defaultOn: true, from: '1.33', locked: true },
        ],
      },
      {
        name: 'ServiceAccountTokenJTI',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.29', to: '1.29' },
          { stage: 'beta', defaultOn: true, from: '1.30', to: '1.31' },
          { stage: 'stable', defaultOn: true, from: '1.32', locked: true },
        ],
      },
      {
        name: 'ServiceAccountTokenPodNodeInfo',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.29', to: '1.29' },
          { stage: 'beta', defaultOn: true, from: '1.30', to: '1.31' },
          { stage: 'stable', defaultOn: true, from: '1.32', locked: true },
        ],
      },
      {
        name: 'ServiceAccountTokenNodeBindingValidation',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.29', to: '1.29' },
          { stage: 'beta', defaultOn: true, from: '1.30', to: '1.31' },
          { stage: 'stable', defaultOn: true, from: '1.32', locked: true },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        path: 'spec.boundObjectRef.kind',
        description: 'Kind of object the requested token is bound to; the token stops being valid once that object is deleted.',
        shape: 'string',
        gates: ['ServiceAccountTokenNodeBinding'],
        values: [
          { value: 'Pod', description: 'Bind the token to a pod.' },
          { value: 'Secret', description: 'Bind the token to a Secret.' },
          {
            value: 'Node',
            description: 'Bind the token to a Node.',
            since: '1.29',
            gate: 'ServiceAccountTokenNodeBinding',
          },
        ],
        note: 'The v0.31.0 Go doc comment still mentions only Pod and Secret.',
      },
    ],
    config: [],
    rules: [],
    docs: [
      kepLink(4193, 'Bound service account token improvements'),
      {
        title: 'Managing Service Accounts',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-auth/4193-bound-service-account-token-improvements/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/ServiceAccountTokenNodeBinding.md',
      SRC_VFL_134,
      SRC_ZH_APISERVER_131,
      'kubernetes/api@v0.31.0 authentication/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_BLOG_132,
      SRC_BLOG_133,
    ],
    unverified: [],
    discrepancies: [
      'The v1.32 announcement lists this KEP as stable, but ServiceAccountTokenNodeBinding was still beta in 1.32 (GA, locked, in 1.33 per the versioned feature list). Following the code, the KEP stage is beta through 1.32 and stable from 1.33.',
    ],
  },

  {
    id: 'kep-4033',
    kep: 4033,
    title: 'Discover cgroup driver from CRI',
    sig: 'node',
    category: 'beta',
    summary:
      'The kubelet asks the container runtime which cgroup driver (systemd or cgroupfs) it uses instead of relying on a matching setting in its own configuration. ' +
      'That removes a common source of misconfigured nodes where kubelet and runtime disagree.',
    watchOut: [
      'Only runtimes that implement the CRI RuntimeConfig call answer (containerd 2.0+, CRI-O 1.28+); with older runtimes the kubelet still uses cgroupDriver from its config.',
      'When the runtime answers, KubeletConfiguration cgroupDriver is ignored.',
      'cgroupDriver in KubeletConfiguration is deprecated from 1.34; the fallback is planned to go away no earlier than 1.36, so upgrade the runtime first.',
      'kep.yaml at the 1.31 release still said alpha, although the gate was beta and on.',
    ],
    stages: [
      { stage: 'alpha', from: '1.28', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.33' },
      { stage: 'stable', from: '1.34' },
    ],
    gates: [
      {
        name: 'KubeletCgroupDriverFromCRI',
        components: ['kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.28', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.33' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.34',
            locked: true,
            unverified:
              "Lock in 1.34 taken from Gardener's table extracted from the release-1.34 feature list; the kubernetes/kubernetes 1.34 file itself was not read.",
          },
        ],
      },
    ],
    fields: [],
    config: [
      {
        component: 'kubelet',
        kind: 'KubeletConfiguration',
        apiVersions: ['kubelet.config.k8s.io/v1beta1'],
        path: 'cgroupDriver',
        values: [
          { value: 'systemd', description: 'Manage cgroups through systemd.' },
          {
            value: 'cgroupfs',
            description: 'Manage cgroups directly through the cgroup filesystem.',
          },
        ],
        description:
          'Cgroup driver the kubelet uses; ignored when the runtime reports its own driver over CRI, used as fallback otherwise.',
        deprecatedIn: '1.34',
        replacement: 'Let the container runtime report the driver (containerd 2.0+, CRI-O 1.28+).',
      },
      {
        component: 'kubelet',
        flag: '--cgroup-driver',
        description:
          'Flag form of cgroupDriver (kubelet flags of this kind are deprecated in favour of the config file); same fallback-only meaning.',
        deprecatedIn: '1.34',
        replacement: 'Let the container runtime report the driver.',
      },
    ],
    rules: [],
    docs: [
      kepLink(4033, 'Discover cgroup driver from CRI'),
      {
        title: 'Container Runtimes: cgroup drivers',
        url: 'https://kubernetes.io/docs/setup/production-environment/container-runtimes/#cgroup-drivers',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-node/4033-group-driver-detection-over-cri/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/KubeletCgroupDriverFromCRI.md',
      'kubernetes/kubelet@v0.31.0 and v0.35.0 config/v1beta1/types.go (KubeletConfiguration)',
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_BLOG_134,
      SRC_GARDENER,
    ],
    unverified: ['KubeletCgroupDriverFromCRI locked to its default in 1.34 (secondary source only).'],
    discrepancies: ['kep.yaml at the 1.31 release said stage alpha; the gate was beta and on in 1.31. We follow the code.'],
  },

  {
    id: 'kep-4622',
    kep: 4622,
    title: 'New TopologyManager Policy which configure the value of maxAllowableNUMANodes',
    sig: 'node',
    category: 'beta',
    summary:
      'The kubelet Topology Manager used to refuse to start on machines with more than 8 NUMA nodes. ' +
      'A policy option, max-allowable-numa-nodes, raises that limit so such machines can run with topology alignment enabled.',
    watchOut: [
      'The value must be an integer of at least 8 (the old fixed limit); values above 8 are accepted but the kubelet logs a warning because hint calculation grows quickly with more NUMA nodes.',
      'It is a topologyManagerPolicyOptions entry, so TopologyManagerPolicyOptions and TopologyManagerPolicyBetaOptions must be on (both are by default in 1.31).',
      'Large values can make pod admission slow on big machines.',
    ],
    stages: [
      {
        stage: 'beta',
        from: '1.31',
        note: "The option went GA in 1.35 (outside this data's 1.34 horizon).",
      },
    ],
    gates: [
      {
        name: 'TopologyManagerPolicyOptions',
        components: ['kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.26', to: '1.27' },
          { stage: 'beta', defaultOn: true, from: '1.28', to: '1.31' },
          { stage: 'stable', defaultOn: true, from: '1.32' },
        ],
        note: 'The kubernetes versioned feature lists show GA in 1.32 without lockToDefault; a secondary table claims it was locked in 1.32.',
      },
      {
        name: 'TopologyManagerPolicyBetaOptions',
        components: ['kubelet'],
        spans: [
          { stage: 'beta', defaultOn: false, from: '1.26', to: '1.27' },
          { stage: 'beta', defaultOn: true, from: '1.28' },
        ],
        note: 'Guards the group of beta-level Topology Manager options; it never graduates.',
      },
    ],
    fields: [],
    config: [
      {
        component: 'kubelet',
        kind: 'KubeletConfiguration',
        apiVersions: ['kubelet.config.k8s.io/v1beta1'],
        path: 'topologyManagerPolicyOptions',
        entries: [
          {
            value: 'max-allowable-numa-nodes',
            description:
              'Highest number of NUMA nodes the Topology Manager accepts; an integer written as a string, at least 8 (the default).',
            since: '1.31',
            gate: 'TopologyManagerPolicyBetaOptions',
          },
        ],
        description: 'Map of Topology Manager policy options, e.g. {"max-allowable-numa-nodes": "16"}.',
      },
      {
        component: 'kubelet',
        flag: '--topology-manager-policy-options',
        entries: [
          {
            value: 'max-allowable-numa-nodes',
            description: 'Written as max-allowable-numa-nodes=<n> with n at least 8.',
            since: '1.31',
            gate: 'TopologyManagerPolicyBetaOptions',
          },
        ],
        description: 'Flag form of topologyManagerPolicyOptions.',
      },
    ],
    rules: [],
    docs: [
      kepLink(4622, 'TopologyManager max-allowable-numa-nodes'),
      {
        title: 'Control Topology Management Policies on a node: max-allowable-numa-nodes',
        url: 'https://kubernetes.io/docs/tasks/administer-cluster/topology-manager/#policy-option-max-allowable-numa-nodes',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-node/4622-topologymanager-max-allowable-numa-nodes/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'keps/sig-node/4622-topologymanager-max-allowable-numa-nodes/README.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/TopologyManagerPolicyOptions.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/TopologyManagerPolicyBetaOptions.md',
      'kubernetes/kubelet@v0.31.0 and v0.35.0 config/v1beta1/types.go (KubeletConfiguration)',
      'kubernetes/kubernetes pkg/kubelet/cm/topologymanager/policy_options.go (two stored pre-1.32 revisions: one lists the option as alpha, a later one as beta with the ">= 8" check and the warning for larger values)',
      'kubernetes/website topology-manager task page (translated copies): option beta since 1.31, GA since 1.35',
      'v1.35 release announcement (translated copy): max-allowable-numa-nodes introduced as beta in 1.31, stable in 1.35',
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_VFL_133,
      SRC_VFL_134,
      'https://github.com/kubernetes/enhancements/issues/4622',
    ],
    unverified: [
      'Maturity of the max-allowable-numa-nodes option inside the v1.31.0 kubelet: the KEP, the docs and the v1.35 announcement say beta since 1.31, and a later pre-1.32 revision of policy_options.go lists it as beta, but an earlier 1.31-cycle revision lists it as alpha (needing TopologyManagerPolicyAlphaOptions); the release-tagged file was not read.',
    ],
  },

  {
    id: 'kep-1880',
    kep: 1880,
    title: 'Multiple Service CIDRs',
    sig: 'network',
    category: 'beta',
    summary:
      'The ranges Services take ClusterIPs from are described by ServiceCIDR objects, and each ClusterIP handed out is tracked by its own IPAddress object. ' +
      'Administrators can add or remove Service IP ranges at runtime instead of restarting the API server with a new --service-cluster-ip-range.',
    watchOut: [
      'In 1.31 the gate is beta but off, and the networking.k8s.io/v1beta1 API must be enabled with --runtime-config as well.',
      'API versions: v1alpha1 (1.27-1.33), v1beta1 from 1.31, v1 from 1.33; v1alpha1 is gone from the 1.34 client libraries.',
      'ServiceCIDR spec.cidrs is immutable and holds at most two CIDRs, one per IP family.',
      'Deleting a ServiceCIDR leaves it terminating while Services still hold ClusterIPs from it that no other ServiceCIDR covers.',
      'DisableAllocatorDualWrite (alpha in 1.31) stops writing to the old bitmap allocator once migration is finished.',
    ],
    stages: [
      { stage: 'alpha', from: '1.27', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.32' },
      { stage: 'stable', from: '1.33' },
    ],
    gates: [
      {
        name: 'MultiCIDRServiceAllocator',
        components: ['kube-apiserver', 'kube-controller-manager'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.27', to: '1.30' },
          { stage: 'beta', defaultOn: false, from: '1.31', to: '1.32' },
          { stage: 'stable', defaultOn: true, from: '1.33', to: '1.33' },
          { stage: 'stable', defaultOn: true, from: '1.34', locked: true },
        ],
      },
      {
        name: 'DisableAllocatorDualWrite',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.31', to: '1.32' },
          { stage: 'beta', defaultOn: false, from: '1.33', to: '1.33' },
          {
            stage: 'stable',
            defaultOn: true,
            from: '1.34',
            note: "Locked from 1.35 (outside this data's horizon).",
          },
        ],
      },
    ],
    fields: [
      {
        kind: 'ServiceCIDR',
        path: 'spec.cidrs',
        description:
          'The IP ranges (one IPv4, one IPv6 at most) from which Service ClusterIPs may be allocated. Cannot be changed after creation.',
        shape: 'stringList',
        since: '1.27',
        gates: ['MultiCIDRServiceAllocator'],
        note: 'networking.k8s.io/v1alpha1 from 1.27, v1beta1 from 1.31, v1 from 1.33.',
      },
      {
        kind: 'ServiceCIDR',
        path: 'status.conditions',
        description: 'Conditions reported by the control plane, e.g. whether the range is ready for allocation.',
        shape: 'list',
        since: '1.27',
        readOnly: true,
        gates: ['MultiCIDRServiceAllocator'],
      },
      {
        kind: 'IPAddress',
        path: 'spec.parentRef',
        description: 'The object (normally a Service) that owns this allocated IP address.',
        shape: 'object',
        since: '1.27',
        gates: ['MultiCIDRServiceAllocator'],
        children: [
          { key: 'group', shape: 'string', example: '' },
          {
            key: 'resource',
            shape: 'string',
            required: true,
            example: 'services',
          },
          { key: 'namespace', shape: 'string' },
          { key: 'name', shape: 'string', required: true },
        ],
        note: 'IPAddress objects are normally created by the API server, not by hand.',
      },
    ],
    config: [
      {
        component: 'kube-apiserver',
        flag: '--runtime-config',
        values: [
          {
            value: 'networking.k8s.io/v1beta1=true',
            description:
              'Serves the beta ServiceCIDR and IPAddress API; needed in 1.31 and 1.32 together with the MultiCIDRServiceAllocator gate.',
            since: '1.31',
          },
        ],
        description: 'Enables API groups and versions that are off by default.',
      },
    ],
    rules: [],
    docs: [
      kepLink(1880, 'Multiple Service CIDRs'),
      {
        title: 'Extend Service IP Ranges',
        url: 'https://kubernetes.io/docs/tasks/network/extend-service-ip-ranges/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-network/1880-multiple-service-cidrs/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/MultiCIDRServiceAllocator.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/DisableAllocatorDualWrite.md',
      'kubernetes/api@v0.30.0..v0.34.0 networking/*/register.go, networking/v1beta1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_BLOG_133,
      SRC_VFL_134,
    ],
    unverified: ['ServiceCIDR deletion held back while uncovered ClusterIPs remain: from the KEP design, not re-read in code.'],
  },

  {
    id: 'kep-4568',
    kep: 4568,
    title: 'Resilient watchcache initialization',
    sig: 'api-machinery',
    category: 'beta',
    summary:
      'While the API server is still filling its watch cache for a resource, it rejects watch (and some list) requests with HTTP 429 instead of letting them pile up or all fall through to etcd. ' +
      'That protects etcd and the API server from a thundering herd after restarts.',
    watchOut: [
      'Clients may see 429 Too Many Requests right after an API server restart; well-behaved clients retry.',
      'WatchCacheInitializationPostStartHook (beta but off) can make the API server wait for caches before reporting ready.',
      'No manifest fields change.',
    ],
    stages: [
      { stage: 'beta', from: '1.31', to: '1.33' },
      { stage: 'stable', from: '1.34' },
    ],
    gates: [
      {
        name: 'ResilientWatchCacheInitialization',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.33' },
          { stage: 'stable', defaultOn: true, from: '1.34', locked: true },
        ],
      },
      {
        name: 'WatchCacheInitializationPostStartHook',
        components: ['kube-apiserver'],
        spans: [{ stage: 'beta', defaultOn: false, from: '1.31' }],
      },
    ],
    fields: [],
    config: [
      {
        component: 'kube-apiserver',
        description:
          "Behaviour only: while a resource's watch cache initializes, watch and some list requests get HTTP 429 instead of being queued or forwarded to etcd.",
      },
    ],
    rules: [],
    docs: [kepLink(4568, 'Resilient watchcache initialization')],
    sources: [
      'kubernetes/enhancements keps/sig-api-machinery/4568-resilient-watchcache-initialization/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'keps/sig-api-machinery/4568-resilient-watchcache-initialization/README.md',
      'kubernetes/apiserver@v0.31.0 and @v0.34.0 pkg/features/kube_features.go (published copy of staging/src/k8s.io/apiserver)',
      SRC_ZH_APISERVER_131,
      SRC_BLOG_134,
      SRC_VFL_134,
    ],
    unverified: [],
  },

  {
    id: 'kep-4292',
    kep: 4292,
    title: 'Custom profiling support in kubectl debug command',
    sig: 'cli',
    category: 'beta',
    summary:
      'kubectl debug --custom takes a file with a partial container spec that is applied on top of the chosen debug profile. ' +
      'Users can add environment variables, volume mounts, resources and similar settings to debug containers without a new built-in profile.',
    watchOut: [
      'In kubectl 1.31 the flag is available unless KUBECTL_DEBUG_CUSTOM_PROFILE=false; in 1.30 it needed the variable set to true; from 1.32 it is always there.',
      'The file may be JSON or (from 1.31) YAML, and holds container fields only, not a whole pod.',
      'kep.yaml at the 1.31 release still said alpha.',
    ],
    stages: [
      { stage: 'alpha', from: '1.30', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.31' },
      { stage: 'stable', from: '1.32' },
    ],
    gates: [
      {
        name: 'KUBECTL_DEBUG_CUSTOM_PROFILE',
        components: ['kubectl (environment variable)'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.30', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.31' },
        ],
        removedIn: '1.32',
        note: "1.30: honoured only when the variable is 'true'; 1.31: on unless 'false'; 1.32: no variable, always on.",
      },
    ],
    fields: [],
    config: [
      {
        component: 'kubectl',
        flag: '--custom',
        description: 'kubectl debug: path to a JSON or YAML file with a partial container spec merged into the debug container.',
      },
    ],
    rules: [],
    docs: [
      kepLink(4292, 'Custom profiling support in kubectl debug command'),
      {
        title: 'Debug Running Pods',
        url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-cli/4292-kubectl-debug-custom-profile/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/kubectl@v0.30.0, v0.31.0, v0.32.0 pkg/cmd/util/helpers.go and pkg/cmd/{debug,portforward,exec}/*.go (published copy of staging/src/k8s.io/kubectl)',
      SRC_CHANGELOG_131,
      SRC_BLOG_132,
    ],
    unverified: [],
    discrepancies: [
      'kep.yaml at the 1.31 release said stage alpha, while kubectl 1.31 enabled the flag by default (beta). We follow the code.',
    ],
  },

  {
    id: 'kep-3751',
    kep: 3751,
    title: 'Kubernetes VolumeAttributesClass and ModifyVolume',
    sig: 'storage',
    category: 'beta',
    summary:
      'A VolumeAttributesClass names a set of mutable volume settings, such as IOPS or throughput, that a CSI driver can apply. ' +
      'A PersistentVolumeClaim points at one with volumeAttributesClassName and can switch to another class later to change the volume in place.',
    watchOut: [
      'In 1.31-1.33 the gate is off and the storage.k8s.io/v1beta1 API must also be enabled (--runtime-config); it is on by default only from 1.34 (storage.k8s.io/v1).',
      'The CSI driver must implement ControllerModifyVolume, and the external-provisioner and external-resizer sidecars need the feature enabled.',
      'driverName and parameters of a VolumeAttributesClass are immutable; create a new class instead of editing one.',
      'A class in use by a PVC cannot be deleted.',
      'If the driver rejects a change, the PVC reports Infeasible in status.modifyVolumeStatus; switch back to a valid class to recover.',
    ],
    stages: [
      { stage: 'alpha', from: '1.29', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.33' },
      { stage: 'stable', from: '1.34' },
    ],
    gates: [
      {
        name: 'VolumeAttributesClass',
        components: ['kube-apiserver', 'kube-controller-manager', 'external-provisioner', 'external-resizer'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.29', to: '1.30' },
          { stage: 'beta', defaultOn: false, from: '1.31', to: '1.33' },
          { stage: 'stable', defaultOn: true, from: '1.34' },
        ],
      },
    ],
    fields: [
      {
        kind: 'VolumeAttributesClass',
        path: 'driverName',
        description: "Name of the CSI driver that understands this class's parameters. Immutable.",
        shape: 'string',
        since: '1.29',
        note: 'Top-level field (no spec). storage.k8s.io/v1alpha1 from 1.29, v1beta1 from 1.31, v1 from 1.34.',
      },
      {
        kind: 'VolumeAttributesClass',
        path: 'parameters',
        description: 'Driver-specific key/value settings applied to volumes that use this class. Immutable.',
        shape: 'map',
        since: '1.29',
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        path: 'spec.volumeAttributesClassName',
        description: 'VolumeAttributesClass to apply to the volume; may be changed later to modify the volume in place.',
        shape: 'string',
        since: '1.29',
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        path: 'status.currentVolumeAttributesClassName',
        description: 'VolumeAttributesClass currently applied to the volume.',
        shape: 'string',
        since: '1.29',
        readOnly: true,
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        path: 'status.modifyVolumeStatus',
        description: 'Progress of an in-flight volume modification.',
        shape: 'object',
        since: '1.29',
        readOnly: true,
        children: [
          { key: 'targetVolumeAttributesClassName', shape: 'string' },
          {
            key: 'status',
            shape: 'string',
            values: [
              {
                value: 'Pending',
                description: 'The change waits for a precondition, e.g. the class does not exist yet.',
              },
              {
                value: 'InProgress',
                description: 'The driver is applying the change.',
              },
              {
                value: 'Infeasible',
                description: 'The driver rejected the change as invalid; choose another class.',
              },
            ],
          },
        ],
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        path: 'status.conditions[].type',
        description: 'Condition types written on claims.',
        shape: 'string',
        readOnly: true,
        values: [
          {
            value: 'ModifyingVolume',
            description: 'A volume modification is under way.',
            since: '1.29',
          },
          {
            value: 'ModifyVolumeError',
            description: 'The last modification attempt failed.',
            since: '1.29',
          },
        ],
        note: 'Only the values this KEP adds are listed; other claim condition types exist.',
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        path: 'spec.volumeAttributesClassName',
        description: 'VolumeAttributesClass the volume was provisioned or last modified with.',
        shape: 'string',
        since: '1.29',
      },
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        path: 'spec.volumeClaimTemplates[].spec.volumeAttributesClassName',
        description: 'VolumeAttributesClass for each claim created from this template.',
        shape: 'string',
        since: '1.29',
      },
    ],
    config: [
      {
        component: 'kube-apiserver',
        flag: '--runtime-config',
        values: [
          {
            value: 'storage.k8s.io/v1beta1=true',
            description: 'Serves the beta VolumeAttributesClass API; needed in 1.31-1.33 together with the VolumeAttributesClass gate.',
            since: '1.31',
          },
        ],
        description: 'Enables API groups and versions that are off by default.',
      },
    ],
    rules: [],
    docs: [
      kepLink(3751, 'VolumeAttributesClass and ModifyVolume'),
      {
        title: 'Volume Attributes Classes',
        url: 'https://kubernetes.io/docs/concepts/storage/volume-attributes-classes/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-storage/3751-volume-attributes-class/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/VolumeAttributesClass.md',
      'kubernetes/api@v0.31.0 and v0.34.0 core/v1/types.go, storage/*/register.go, storage/v1beta1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_BLOG_131,
      SRC_BLOG_134,
    ],
    unverified: ['VolumeAttributesClass deletion blocked while a PVC uses it: from the KEP design, not re-read in code.'],
  },

  {
    id: 'kep-4265',
    kep: 4265,
    title: 'Add ProcMount option',
    sig: 'node',
    category: 'beta',
    summary:
      'A container can ask for an unmasked /proc with securityContext.procMount: Unmasked, instead of the runtime hiding and read-only-mounting sensitive /proc paths. ' +
      'It is meant for nested containers, such as building images inside a pod, and is safe only inside a user namespace.',
    watchOut: [
      'Unmasked requires a user-namespaced pod (spec.hostUsers: false), which itself needs the UserNamespacesSupport gate.',
      'Beta but off by default in 1.31 and 1.32 (it follows UserNamespacesSupport); on by default from 1.33.',
      'The Baseline Pod Security Standard only allows Default.',
      'Requires a container runtime that supports the setting.',
    ],
    stages: [
      { stage: 'alpha', from: '1.12', to: '1.30' },
      {
        stage: 'beta',
        from: '1.31',
        note: 'Off by default in 1.31-1.32, on from 1.33.',
      },
    ],
    gates: [
      {
        name: 'ProcMountType',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.12', to: '1.30' },
          { stage: 'beta', defaultOn: false, from: '1.31', to: '1.32' },
          { stage: 'beta', defaultOn: true, from: '1.33' },
        ],
      },
    ],
    fields: (['containers', 'initContainers', 'ephemeralContainers'] as const).map((list) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      path: `spec.${list}[].securityContext.procMount`,
      description: "How /proc is mounted in this container: with the runtime's usual masking, or unmasked.",
      shape: 'string' as const,
      since: '1.12',
      values: [
        {
          value: 'Default',
          description: 'Mask and make read-only the sensitive /proc paths (the usual behaviour).',
        },
        {
          value: 'Unmasked',
          description: 'Mount /proc without masking; only allowed in a user-namespaced pod (hostUsers: false).',
        },
      ],
    })),
    config: [],
    rules: [],
    docs: [
      kepLink(4265, 'Add ProcMount option'),
      {
        title: 'Configure a Security Context for a Pod or Container',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-node/4265-proc-mount/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'keps/sig-node/4265-proc-mount/README.md',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/ProcMountType.md',
      'kubernetes/api@v0.31.0 core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      SRC_VFL_134,
      SRC_ZH_APISERVER_131,
      'v1.34-era generated kube component reference page (--feature-gates help text with 1.34 defaults; localized copy, used as corroboration only)',
      SRC_CHANGELOG_131,
      SRC_KF_131DEV,
    ],
    unverified: [],
    discrepancies: [
      'Promoted to beta in 1.31 with default on during the cycle (still on in a mid-cycle kube_features.go), then switched to default off before v1.31.0 to follow UserNamespacesSupport; we follow the released default (off). Current kep.yaml rewrites the beta milestone as v1.33.',
    ],
  },

  {
    id: 'kep-3857',
    kep: 3857,
    title: 'Recursive read-only mounts',
    sig: 'node',
    category: 'beta',
    summary:
      'A read-only volume mount can be made read-only all the way down, including any mounts nested inside it, with volumeMounts[].recursiveReadOnly. ' +
      'Plain readOnly: true leaves sub-mounts writable, which surprises many users of hostPath and similar volumes.',
    watchOut: [
      'IfPossible and Enabled are only accepted together with readOnly: true and without mount propagation (mountPropagation unset or None).',
      "Enabled makes the pod fail to start if the node's runtime or kernel cannot do recursive read-only mounts; IfPossible quietly falls back to a plain read-only mount.",
      'Needs Linux 5.12+ and a runtime that supports it (e.g. containerd 2.0+); node status.runtimeHandlers[].features.recursiveReadOnlyMounts tells whether a node can.',
      'The effective result per mount is reported in status.containerStatuses[].volumeMounts[].',
    ],
    stages: [
      { stage: 'alpha', from: '1.30', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.32' },
      { stage: 'stable', from: '1.33' },
    ],
    gates: [
      {
        name: 'RecursiveReadOnlyMounts',
        components: ['kube-apiserver', 'kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.30', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.32' },
          { stage: 'stable', defaultOn: true, from: '1.33', locked: true },
        ],
      },
    ],
    fields: [
      ...(['containers', 'initContainers', 'ephemeralContainers'] as const).map((list) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        path: `spec.${list}[].volumeMounts[].recursiveReadOnly`,
        description: 'Whether a read-only mount is also read-only for mounts nested under it.',
        shape: 'string' as const,
        since: '1.30',
        values: [
          {
            value: 'Disabled',
            description: 'Only the top mount is read-only (the behaviour when unset).',
          },
          {
            value: 'IfPossible',
            description: 'Make it recursively read-only when the node supports it, otherwise fall back silently.',
          },
          {
            value: 'Enabled',
            description: 'Require a recursively read-only mount; the pod fails to start if the node cannot provide it.',
          },
        ],
      })),
      ...(['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses'] as const).map((list) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        path: `status.${list}[].volumeMounts`,
        description: 'Mounts as actually set up for this container, including whether they ended up recursively read-only.',
        shape: 'list' as const,
        since: '1.30',
        readOnly: true,
        children: [
          { key: 'name', shape: 'string' as const },
          { key: 'mountPath', shape: 'string' as const },
          { key: 'readOnly', shape: 'boolean' as const },
          {
            key: 'recursiveReadOnly',
            shape: 'string' as const,
            values: [
              {
                value: 'Disabled',
                description: 'The mount is not recursively read-only.',
              },
              {
                value: 'Enabled',
                description: 'The mount is recursively read-only.',
              },
            ],
          },
        ],
      })),
      {
        apiVersion: 'v1',
        kind: 'Node',
        path: 'status.runtimeHandlers[].features.recursiveReadOnlyMounts',
        description: 'Whether this runtime handler on the node supports recursive read-only mounts.',
        shape: 'boolean',
        since: '1.30',
        readOnly: true,
      },
    ],
    config: [],
    rules: recursiveReadOnlyRules(),
    docs: [
      kepLink(3857, 'Recursive read-only mounts'),
      {
        title: 'Volumes: Recursive read-only mounts',
        url: 'https://kubernetes.io/docs/concepts/storage/volumes/#recursive-read-only-mounts',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-node/3857-rro-mounts/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/RecursiveReadOnlyMounts.md',
      'kubernetes/api@v0.31.0 core/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      'kubernetes/kubernetes pkg/apis/core/validation/validation.go validateMountRecursiveReadOnly (Enabled and IfPossible both need readOnly true and mountPropagation None or unset)',
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_BLOG_133,
      SRC_VFL_134,
    ],
    unverified: [
      'Kernel 5.12+ and runtime support (e.g. containerd 2.0+) as prerequisites: from documentation, not re-read for this pass.',
    ],
  },

  {
    id: 'kep-3998',
    kep: 3998,
    title: 'Job success/completion policy',
    sig: 'apps',
    category: 'beta',
    summary:
      'An Indexed Job can be declared successful as soon as chosen indexes, or a given number of indexes, have succeeded, without waiting for every index. ' +
      'Once a rule is met the Job gets a SuccessCriteriaMet condition and its remaining pods are terminated; useful for leader/worker jobs.',
    watchOut: [
      'successPolicy is only accepted on Jobs with completionMode: Indexed.',
      'It needs at least one rule and at most 20; each rule sets succeededIndexes, succeededCount or both.',
      'succeededIndexes uses interval syntax such as "0,2-4" and must stay within completions; succeededCount cannot exceed completions (or the size of succeededIndexes).',
      'The policy is immutable after creation.',
      'The Job is only marked Complete after its remaining pods have terminated, so watch for SuccessCriteriaMet if you need the earlier signal.',
    ],
    stages: [
      { stage: 'alpha', from: '1.30', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.32' },
      { stage: 'stable', from: '1.33' },
    ],
    gates: [
      {
        name: 'JobSuccessPolicy',
        components: ['kube-apiserver', 'kube-controller-manager'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.30', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.32' },
          { stage: 'stable', defaultOn: true, from: '1.33', locked: true },
        ],
      },
    ],
    fields: [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.successPolicy',
        description: 'Rules that let an Indexed Job succeed before every index has succeeded.',
        shape: 'object',
        since: '1.30',
        children: [{ key: 'rules', shape: 'list', required: true }],
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.successPolicy.rules',
        description: 'One success rule; the Job succeeds as soon as any rule is satisfied.',
        shape: 'list',
        since: '1.30',
        children: [
          { key: 'succeededIndexes', shape: 'string', example: '0' },
          { key: 'succeededCount', shape: 'integer', example: '1' },
        ],
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.successPolicy.rules[].succeededIndexes',
        description: 'Indexes that must all succeed, written as a list of numbers and ranges such as "0,2-4".',
        shape: 'string',
        since: '1.30',
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.successPolicy.rules[].succeededCount',
        description: 'How many indexes must succeed (taken from succeededIndexes when that is set too).',
        shape: 'integer',
        since: '1.30',
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'status.conditions[].type',
        description: 'Condition types written by the Job controller.',
        shape: 'string',
        readOnly: true,
        values: [
          {
            value: 'SuccessCriteriaMet',
            description: 'A success rule (or all completions) has been met; remaining pods are being terminated before Complete is set.',
            since: '1.30',
          },
        ],
        note: 'Only the value this KEP adds is listed; other Job condition types exist.',
      },
    ],
    config: [],
    rules: [
      {
        id: 'job-successpolicy-needs-indexed',
        trigger: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          path: 'spec.successPolicy',
        },
        check: { type: 'equals', path: 'completionMode', values: ['Indexed'] },
        severity: 'error',
        message: 'successPolicy is only allowed on Indexed Jobs; set completionMode: Indexed.',
        from: '1.30',
        fix: {
          type: 'set',
          path: 'completionMode',
          value: 'Indexed',
          title: 'Set completionMode: Indexed',
        },
      },
      {
        id: 'job-successpolicy-needs-rules',
        trigger: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          path: 'spec.successPolicy',
        },
        check: { type: 'present', path: 'successPolicy.rules' },
        severity: 'error',
        message: 'successPolicy needs at least one entry in rules.',
        from: '1.30',
      },
    ],
    docs: [
      kepLink(3998, 'Job success/completion policy'),
      {
        title: 'Jobs: Success policy',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#success-policy',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-apps/3998-job-success-completion-policy/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/JobSuccessPolicy.md',
      'kubernetes/api@v0.31.0 batch/v1/types.go (published copy of kubernetes/kubernetes staging/src/k8s.io/api)',
      'kubernetes/kubernetes pkg/apis/batch/validation tests ("spec.successPolicy ... requires indexed completion mode"; "at least one rules must be specified when the successPolicy is specified")',
      SRC_VFL_134,
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_BLOG_133,
    ],
    unverified: [
      'succeededIndexes and succeededCount bounded by completions (and by each other): upstream validation not re-read for this pass.',
    ],
  },

  {
    id: 'kep-1029',
    kep: 1029,
    title: 'Quotas for Ephemeral Storage',
    sig: 'node',
    category: 'beta',
    summary:
      'The kubelet can measure emptyDir and other local ephemeral storage with filesystem project quotas instead of periodically walking directories. ' +
      'Measurement becomes faster and also counts files that were deleted but are still held open.',
    watchOut: [
      'Beta but off by default from 1.31 on, because it is only used for pods in a user namespace (hostUsers: false), which itself is still gated.',
      'The node filesystem (XFS, or ext4 with project quotas) must be mounted with project quota support.',
      'Quotas are used for monitoring, not enforcement: eviction still decides what happens when limits are exceeded.',
    ],
    stages: [
      { stage: 'alpha', from: '1.15', to: '1.30' },
      { stage: 'beta', from: '1.31', note: 'Default off.' },
    ],
    gates: [
      {
        name: 'LocalStorageCapacityIsolationFSQuotaMonitoring',
        components: ['kubelet'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.15', to: '1.30' },
          { stage: 'beta', defaultOn: false, from: '1.31' },
        ],
      },
    ],
    fields: [],
    config: [],
    rules: [],
    docs: [
      kepLink(1029, 'Quotas for Ephemeral Storage'),
      {
        title: 'Resource Management for Pods and Containers: local ephemeral storage',
        url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      },
    ],
    sources: [
      'kubernetes/enhancements keps/sig-node/1029-ephemeral-storage-quotas/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/LocalStorageCapacityIsolationFSQuotaMonitoring.md',
      SRC_VFL_134,
      SRC_ZH_APISERVER_131,
      'v1.34-era generated kube component reference page (--feature-gates help text with 1.34 defaults; localized copy, used as corroboration only)',
      SRC_CHANGELOG_131,
      SRC_KF_131DEV,
    ],
    unverified: [],
    discrepancies: [
      'Promoted to beta with default on during the 1.31 cycle (a mid-cycle kube_features.go still shows it on), then switched to default off before v1.31.0; we follow the released default (off).',
    ],
  },

  {
    id: 'kep-2340',
    kep: 2340,
    title: 'Consistent Reads from Cache',
    sig: 'api-machinery',
    category: 'beta',
    summary:
      "Consistent LIST requests (those without a resourceVersion) are served from the API server's watch cache after confirming the cache is up to date with etcd, instead of always reading from etcd. " +
      'This cuts etcd load and API server memory for large lists without weakening consistency.',
    watchOut: [
      'Needs etcd v3.4.31+ or v3.5.13+ for reliable progress notifications; with older etcd the API server falls back to reading from etcd.',
      'Beta and on by default in v1.31.0 although the promotion was reverted in rc.0 and re-applied in rc.1.',
      'No manifest or client changes; results of consistent lists stay the same.',
    ],
    stages: [
      { stage: 'alpha', from: '1.28', to: '1.30' },
      { stage: 'beta', from: '1.31', to: '1.33' },
      { stage: 'stable', from: '1.34' },
    ],
    gates: [
      {
        name: 'ConsistentListFromCache',
        components: ['kube-apiserver'],
        spans: [
          { stage: 'alpha', defaultOn: false, from: '1.28', to: '1.30' },
          { stage: 'beta', defaultOn: true, from: '1.31', to: '1.33' },
          { stage: 'stable', defaultOn: true, from: '1.34', locked: true },
        ],
      },
    ],
    fields: [],
    config: [
      {
        component: 'kube-apiserver',
        description:
          'Behaviour only: consistent LISTs are answered from the watch cache once a progress notification confirms it is current.',
      },
    ],
    rules: [],
    docs: [kepLink(2340, 'Consistent Reads from Cache')],
    sources: [
      'kubernetes/enhancements keps/sig-api-machinery/2340-Consistent-reads-from-cache/kep.yaml (master, and revision ab493f8 of 2024-08-13 for the state at the 1.31 release)',
      'kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/ConsistentListFromCache.md',
      'kubernetes/apiserver tags v0.31.0-rc.0, v0.31.0-rc.1, v0.31.0 pkg/features/kube_features.go',
      'kubernetes/apiserver@v0.31.0 and @v0.34.0 pkg/features/kube_features.go (published copy of staging/src/k8s.io/apiserver)',
      SRC_ZH_APISERVER_131,
      SRC_CHANGELOG_131,
      SRC_BLOG_134,
      SRC_VFL_133,
      SRC_VFL_134,
    ],
    unverified: [],
    discrepancies: [
      'The original brief listed this KEP as alpha in 1.31; the v1.31.0 code ships it as beta and on by default (the promotion was reverted in v1.31.0-rc.0 and re-applied in rc.1). We follow the code.',
    ],
  },
];
