/**
 * Our words and curated facts about the enhancements Kubernetes 1.31 lists,
 * with what later releases changed about them (up to 1.36, and the 1.37
 * pre-release where it says so).
 *
 * The imported facts (gate stages, defaults and locks per release, KEP
 * titles and SIGs, when a field appeared) are not restated here; the
 * catalog joins them to these entries by KEP number, gate name and field
 * path. What stays is what the sources state only in prose: summaries,
 * watch-outs, rules, component flags and config fields, annotations, value
 * descriptions, and the field facts a test checks against the import.
 * Maintainer notes on how each fact was checked are in docs/data-notes.md.
 */
import type { AllowedValue, ApiField, ChildField, ComponentConfig, Rule, RuleCheck } from '../types';
import type { EnhancementOverlay } from './types';

/** A link to the KEP page, titled with the KEP's name in our spelling. */
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

/** Address of a KEP page, for links titled just `KEP-<n>`. */
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

/** KEP-4192: the status fields StorageVersionMigration has in v1alpha1 and v1beta1 alike. */
function migrationStatusFields(apiVersion: string): ApiField[] {
  return [
    {
      apiVersion,
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
      apiVersion,
      kind: 'StorageVersionMigration',
      path: 'status.resourceVersion',
      description: 'Resource version from which the migration started.',
      shape: 'string',
      readOnly: true,
    },
  ];
}

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
      note: `The key stays in the API schema; it stopped working in ${removedIn}.`,
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
      note: `The key stays in the API schema; it stopped working in ${removedIn}.`,
    });
  }
  return out;
}

/** KEP-4381: the top-level keys of a ResourceSlice spec, a ResourceClaimTemplate spec and a DeviceClass spec. */
const RESOURCE_SLICE_CHILDREN: ChildField[] = [
  { key: 'driver', shape: 'string', required: true },
  { key: 'pool', shape: 'object', required: true },
  { key: 'nodeName', shape: 'string' },
  { key: 'nodeSelector', shape: 'object' },
  { key: 'allNodes', shape: 'boolean' },
  { key: 'devices', shape: 'list' },
];
const CLAIM_TEMPLATE_CHILDREN: ChildField[] = [
  { key: 'metadata', shape: 'object' },
  { key: 'spec', shape: 'object', required: true },
];
const DEVICE_CLASS_CHILDREN: ChildField[] = [
  { key: 'selectors', shape: 'list' },
  { key: 'config', shape: 'list' },
];

/** KEP-4381: how many devices a request asks for. */
const DRA_ALLOCATION_MODES: AllowedValue[] = [
  { value: 'ExactCount', description: 'Allocate exactly `count` devices (the default, with count 1).' },
  { value: 'All', description: 'Allocate every matching device in the pool; fails if any is already taken.' },
];

/**
 * KEP-4381: the DRA API versions after 1.31's v1alpha3, with the release that
 * brought each. From v1beta2 on, a request's device fields sit under `exactly`
 * and a ResourceSlice device has its attributes directly, without `basic`.
 */
const DRA_LATER_VERSIONS = [
  { apiVersion: 'resource.k8s.io/v1beta1', since: '1.32', exactly: false },
  { apiVersion: 'resource.k8s.io/v1beta2', since: '1.33', exactly: true },
  { apiVersion: 'resource.k8s.io/v1', since: '1.34', exactly: true },
] as const;

function draLaterFields(): ApiField[] {
  return DRA_LATER_VERSIONS.flatMap(({ apiVersion, since, exactly }): ApiField[] => {
    const deviceChildren: ChildField[] = [
      { key: 'deviceClassName', shape: 'string', required: true, example: 'gpu.example.com' },
      { key: 'selectors', shape: 'list' },
      { key: 'allocationMode', shape: 'string', values: DRA_ALLOCATION_MODES },
      { key: 'count', shape: 'integer', example: '1' },
    ];
    const fields: ApiField[] = [
      {
        apiVersion,
        kind: 'ResourceClaim',
        path: 'spec.devices.requests[]',
        description: exactly
          ? 'One device request of the claim: either exactly one kind of device (exactly) or a list of alternatives (firstAvailable).'
          : 'One device request of the claim: which class, optional CEL filters, and how many devices.',
        shape: 'list',
        since,
        gates: ['DynamicResourceAllocation'],
        children: exactly
          ? [{ key: 'name', shape: 'string', required: true, example: 'gpu' }, { key: 'exactly', shape: 'object' }, { key: 'firstAvailable', shape: 'list' }]
          : [{ key: 'name', shape: 'string', required: true, example: 'gpu' }, ...deviceChildren],
      },
      {
        apiVersion,
        kind: 'DeviceClass',
        path: 'spec',
        description: 'Cluster-wide device category set up by an administrator: CEL selectors every request of this class inherits, plus default driver config.',
        shape: 'object',
        since,
        gates: ['DynamicResourceAllocation'],
        children: DEVICE_CLASS_CHILDREN,
      },
      {
        apiVersion,
        kind: 'ResourceSlice',
        path: 'spec',
        description: 'Published by a DRA driver: the devices of one pool, their attributes and capacities, and which nodes can reach them.',
        shape: 'object',
        since,
        gates: ['DynamicResourceAllocation'],
        children: RESOURCE_SLICE_CHILDREN,
        note: 'Normally written by drivers, not by hand. Exactly one of nodeName, nodeSelector, allNodes (or, with partitionable devices, perDeviceNodeSelection).',
      },
      {
        apiVersion,
        kind: 'ResourceClaimTemplate',
        path: 'spec',
        description: 'Blueprint from which a per-pod ResourceClaim is generated.',
        shape: 'object',
        since,
        gates: ['DynamicResourceAllocation'],
        children: CLAIM_TEMPLATE_CHILDREN,
      },
    ];
    if (exactly) {
      fields.push({
        apiVersion,
        kind: 'ResourceClaim',
        path: 'spec.devices.requests[].exactly',
        description: 'A request for one or more identical devices of one class; holds the fields that sat directly on the request in v1alpha3 and v1beta1.',
        shape: 'object',
        since,
        gates: ['DynamicResourceAllocation'],
        children: deviceChildren,
      });
    }
    return fields;
  });
}

// ---------------------------------------------------------------------------
// The entries
// ---------------------------------------------------------------------------


/** The actions of a Job's pod failure policy rule, listed on the rule and on its `action` field. */
const podFailurePolicyActions: AllowedValue[] = [
  { value: 'FailJob', description: 'Mark the whole Job failed and stop its remaining pods.' },
  { value: 'FailIndex', description: 'Mark only this index failed; needs backoffLimitPerIndex on an Indexed Job (KEP-3850, gate JobBackoffLimitPerIndex).', since: '1.28' },
  { value: 'Ignore', description: 'Do not count this failure against backoffLimit; the pod is replaced.' },
  { value: 'Count', description: 'Count the failure against backoffLimit, as without a policy.' },
];

export const enhancementOverlays: readonly EnhancementOverlay[] = [
  // =========================================================================
  // Counted by 1.31 as graduated to stable
  // =========================================================================
  {
    id: 'kep-3762',
    kep: 3762,
    releases: { '1.31': 'stable' },
    summary:
      'Every PersistentVolume records in its status the moment it last moved to a different phase (Pending, Available, Bound, Released, Failed). ' +
      'That timestamp lets operators measure things such as how long volumes wait to be bound or how long released volumes linger.',
    watchOut: [
      'The field is status.lastPhaseTransitionTime; the name status.lastTransitionTime used in the 1.31 release announcement does not exist.',
      'It is written by the control plane; setting it in a manifest has no effect.',
      'Volumes that last changed phase before the feature was on have no timestamp until their next phase change.',
      'The PersistentVolumeLastPhaseTransitionTime gate is locked on in 1.31 and 1.32 and no longer exists from 1.33, so passing it to the API server then fails.',
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
    docs: [
      kepLink(3762, 'PersistentVolume last phase transition time'),
      {
        title: 'Persistent Volumes: Phase',
        url: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#phase',
      },
    ],
  },

  {
    id: 'kep-2305',
    kep: 2305,
    releases: { '1.31': 'stable' },
    summary:
      'kube-apiserver, kube-controller-manager and kube-scheduler can be told which label values a metric may carry; any other value is recorded under a catch-all instead of creating a new time series. ' +
      'Operators use it to stop a misbehaving label from blowing up the number of series without waiting for a code fix.',
    watchOut: [
      'The allow-list is set per component with --allow-metric-labels or a manifest file given with --allow-metric-labels-manifest; the inline flag wins over the file.',
      'Values outside the list are not dropped but folded together, and each such rewrite is counted in cardinality_enforcement_unexpected_categorizations_total.',
      'The kubelet and kube-proxy have neither flag; only the three control-plane components above accept them.',
      'There is no feature gate to turn on; the flags work without any other setting.',
    ],
    stages: [
      { stage: 'alpha', from: '1.21', to: '1.27', note: 'From the kep.yaml milestones; the KEP has no feature gate.' },
      { stage: 'beta', from: '1.28', to: '1.29', note: 'From the kep.yaml milestones; the KEP has no feature gate.' },
      {
        stage: 'stable',
        from: '1.30',
        note: 'From the kep.yaml milestones (stable in v1.30); the 1.31 release counts the graduation in 1.31.',
      },
    ],
    config: (['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const).flatMap((component) => [
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
    docs: [
      kepLink(2305, 'Dynamic Cardinality Enforcement'),
      {
        title: 'Metrics for Kubernetes system components',
        url: 'https://kubernetes.io/docs/concepts/cluster-administration/system-metrics/',
      },
    ],
  },

  {
    id: 'kep-3836',
    kep: 3836,
    releases: { '1.31': 'stable' },
    summary:
      "kube-proxy's health-check endpoint starts failing on a node that is being deleted or tainted for removal by the cluster autoscaler, so cloud load balancers stop sending new connections there before the node disappears. " +
      'A separate liveness path keeps reporting whether kube-proxy itself is working.',
    watchOut: [
      'Mainly affects Services of type LoadBalancer with externalTrafficPolicy: Cluster, whose load balancers probe kube-proxy /healthz.',
      'Load balancer health checks that used /healthz to mean "kube-proxy is alive" should move to /livez.',
      'The KubeProxyDrainingTerminatingNodes gate is locked on in 1.31 and 1.32 and removed in 1.33.',
    ],
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
    docs: [
      kepLink(3836, 'Kube-proxy improved ingress connectivity reliability'),
      {
        title: 'Virtual IPs and Service Proxies',
        url: 'https://kubernetes.io/docs/reference/networking/virtual-ips/',
      },
    ],
  },

  {
    id: 'kep-4009',
    kep: 4009,
    releases: { '1.31': 'stable' },
    summary:
      'Device plugins can answer an allocation with fully qualified Container Device Interface (CDI) device names, and the kubelet passes them to the container runtime. ' +
      'Vendors can then describe devices once in CDI specs instead of listing raw device nodes, mounts and environment variables.',
    watchOut: [
      'Nothing changes in manifests; this is part of the kubelet device plugin gRPC API (v1beta1, ContainerAllocateResponse.cdi_devices).',
      'The container runtime must have CDI support enabled, otherwise the CDI names are not resolved.',
      'The DevicePluginCDIDevices gate is locked on from 1.31 and removed in 1.34.',
    ],
    config: [
      {
        component: 'kubelet',
        description:
          'Device plugin API (deviceplugin v1beta1): ContainerAllocateResponse gains cdi_devices, a list of CDIDevice{name}; the kubelet forwards these fully qualified CDI names to the runtime.',
      },
    ],
    docs: [
      kepLink(4009, 'Add CDI devices to device plugin API'),
      {
        title: 'Device Plugins',
        url: 'https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/device-plugins/',
      },
    ],
  },

  {
    id: 'kep-24',
    kep: 24,
    releases: { '1.31': 'stable' },
    // kep.yaml names only AppArmor; the fields are guarded by AppArmorFields too.
    gates: ['AppArmorFields'],
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
    rules: appArmorRules(),
    docs: [
      kepLink(24, 'Add AppArmor Support'),
      {
        title: "Restrict a Container's Access to Resources with AppArmor",
        url: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
      },
    ],
  },

  {
    id: 'kep-3017',
    kep: 3017,
    releases: { '1.31': 'stable' },
    // kep.yaml names PodDisruptionBudgetPodHealthyPolicy, a gate no component has ever had.
    gates: ['PDBUnhealthyPodEvictionPolicy'],
    summary:
      'A PodDisruptionBudget can say what happens to pods that are running but not ready when something tries to evict them. ' +
      'AlwaysAllow lets such pods be evicted regardless of the budget, so a broken rollout no longer blocks node drains.',
    watchOut: [
      'Leaving the field unset behaves like IfHealthyBudget: unready pods may only be evicted while the budget is not exceeded.',
      'AlwaysAllow only concerns Running pods without Ready=True; healthy pods still respect the budget.',
      'The PDBUnhealthyPodEvictionPolicy gate is locked on in 1.31 and 1.32 and removed in 1.33, so passing it to the API server then fails.',
    ],
    notes: [
      'The gate is called PDBUnhealthyPodEvictionPolicy. The name PodDisruptionBudgetPodHealthyPolicy in the KEP is not a gate any component accepts.',
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
    docs: [
      kepLink(3017, 'Pod Healthy Policy for PDB'),
      {
        title: 'Specifying a Disruption Budget: Unhealthy Pod Eviction Policy',
        url: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/#unhealthy-pod-eviction-policy',
      },
    ],
  },

  {
    id: 'kep-3329',
    kep: 3329,
    releases: { '1.31': 'stable' },
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
            values: podFailurePolicyActions,
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
        values: podFailurePolicyActions,
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
  },

  {
    id: 'kep-3715',
    kep: 3715,
    releases: { '1.31': 'stable' },
    summary:
      'An Indexed Job can be scaled after creation by changing spec.completions and spec.parallelism together. ' +
      'Scaling down removes the pods with the highest indexes, which suits distributed training and similar work that needs a stable index per worker.',
    watchOut: [
      'Only Indexed Jobs (completionMode: Indexed) can change completions, and only in an update that keeps completions equal to parallelism.',
      'No new field: the change is in what the API server allows on update, so a manifest on its own cannot show it.',
      'The ElasticIndexedJob gate is locked on from 1.31 and removed in 1.34.',
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
  },

  {
    id: 'kep-3335',
    kep: 3335,
    releases: { '1.31': 'stable' },
    summary:
      'A StatefulSet can number its replicas from a chosen start ordinal instead of 0. ' +
      'This lets a StatefulSet be split or moved across clusters or namespaces piece by piece while pod names and volumes keep their identities.',
    watchOut: [
      'spec.ordinals.start must be 0 or greater; replicas are then named <name>-<start> up to <name>-<start+replicas-1>.',
      'Changing start on a running StatefulSet deletes the pods that fall out of the new range and creates new ones.',
      'The StatefulSetStartOrdinal gate is locked on from 1.31 and removed in 1.34.',
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
  },

  {
    id: 'kep-2185',
    kep: 2185,
    releases: { '1.31': 'stable' },
    summary:
      'When a ReplicaSet (and so a Deployment) scales down, pods of similar age are grouped into logarithmic age buckets and the one to delete is picked at random within a bucket. ' +
      'This spreads deletions instead of always removing the newest pod, which could unbalance pods across failure domains.',
    watchOut: [
      'Unscheduled, pending and not-ready pods, and pods with a lower pod-deletion-cost, are still removed first; the randomness only replaces the strict newest-first tie-break on age.',
      'Scripts that assumed the newest pod is always removed first can no longer rely on it.',
      'The LogarithmicScaleDown gate is locked on from 1.31; it still exists in 1.36, so setting it to false is rejected.',
    ],
    docs: [
      kepLink(2185, 'Random Pod Selection on ReplicaSet Downscale'),
      {
        title: 'ReplicaSet: Scaling a ReplicaSet',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#scaling-a-replicaset',
      },
    ],
  },

  // =========================================================================
  // Counted by 1.31 as beta
  // =========================================================================
  {
    id: 'kep-2589',
    kep: 2589,
    releases: { '1.31': 'beta' },
    summary:
      'Operations on in-tree Portworx volumes (portworxVolume, provisioner kubernetes.io/portworx-volume) are redirected to the Portworx CSI driver. ' +
      'The migration, beta since 1.25, is on by default from 1.31 and GA from 1.33, after which it can no longer be switched off.',
    watchOut: [
      'From 1.31 the migration is on by default: install the Portworx CSI driver before upgrading, or existing Portworx volumes stop attaching and provisioning.',
      'Manifests keep working unchanged; portworxVolume sources and the kubernetes.io/portworx-volume StorageClass are translated behind the scenes.',
      'InTreePluginPortworxUnregister (alpha, off) removes the in-tree plugin entirely; it stays alpha for as long as it exists.',
      'GA in 1.33: CSIMigrationPortworx is locked on in 1.33–1.35, so setting it to false is rejected.',
      'Both Portworx gates are gone in 1.36: remove CSIMigrationPortworx and InTreePluginPortworxUnregister from --feature-gates before upgrading.',
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
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        path: 'spec.portworxVolume',
        description:
          'In-tree Portworx volume source on a PersistentVolume; handled by the Portworx CSI driver once migration is on (default from 1.31).',
        shape: 'object',
        gates: ['CSIMigrationPortworx'],
      },
    ],
    docs: [
      kepLink(2589, 'In-tree Storage Plugin to CSI Migration - Portworx'),
      {
        title: 'Volumes: portworxVolume',
        url: 'https://kubernetes.io/docs/concepts/storage/volumes/#portworxvolume',
      },
    ],
  },

  {
    id: 'kep-2644',
    kep: 2644,
    releases: { '1.31': 'beta' },
    summary:
      'A bound PersistentVolume with reclaim policy Delete now has its backing storage deleted even when the PV object is deleted before its claim. ' +
      'A finalizer holds the PV until the storage is really gone, so volumes no longer leak in that order of deletion.',
    watchOut: [
      'Deleting a Delete-policy PV now removes the underlying disk even if the PVC still exists; use Retain if you want to keep the data.',
      'PVs carry a kubernetes.io/pv-controller finalizer (in-tree) or external-provisioner.volume.kubernetes.io/finalizer (CSI); removing it by hand can leak storage again.',
      'For CSI volumes the external-provisioner sidecar must be recent enough to add and handle its finalizer.',
      'HonorPVReclaimPolicy is beta and on in 1.31–1.32, GA and locked on in 1.33–1.35, and gone from 1.36: remove it from the kube-controller-manager --feature-gates before upgrading to 1.36.',
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
    docs: [
      kepLink(2644, 'Honor Persistent Volume Reclaim Policy'),
      {
        title: 'Persistent Volumes',
        url: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/',
      },
    ],
  },

  {
    id: 'kep-3633',
    kep: 3633,
    releases: { '1.31': 'beta' },
    summary:
      'A pod (anti-)affinity term can list label keys whose values are copied from the incoming pod into the term\'s selector: matchLabelKeys adds "key in (value)", mismatchLabelKeys adds "key notin (value)". ' +
      'A common use is matchLabelKeys: [pod-template-hash], so affinity only considers pods of the same Deployment revision.',
    watchOut: [
      'Both lists require a labelSelector in the same term; without one the pod is rejected.',
      'A key may not appear in both matchLabelKeys and mismatchLabelKeys, nor already be used in the labelSelector.',
      'Values are read from the pod labels at creation time and merged into labelSelector; later label changes do not update the selector.',
      'A key missing from the pod labels is ignored.',
      'Alpha (off) in 1.29–1.30, beta and on in 1.31–1.32, GA from 1.33 with MatchLabelKeysInPodAffinity locked on. A 1.29 or 1.30 API server with the gate off, or an older one, drops the fields silently.',
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
    rules: labelKeysRules(),
    docs: [
      kepLink(3633, 'MatchLabelKeys and MismatchLabelKeys in PodAffinity'),
      {
        title: 'Assigning Pods to Nodes: matchLabelKeys',
        url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#matchlabelkeys',
      },
    ],
  },

  {
    id: 'kep-3866',
    kep: 3866,
    releases: { '1.31': 'beta' },
    summary:
      'kube-proxy gains an nftables mode on Linux as the successor of the iptables and ipvs modes, with better performance on large clusters. ' +
      'Beta and available by default from 1.31 and GA from 1.33, it is only used where mode: nftables is chosen.',
    watchOut: [
      'iptables stays the default mode (still so in 1.36); set mode: nftables (or --proxy-mode=nftables) to use it.',
      'GA from 1.33: NFTablesProxyMode is locked on, so setting it to false is rejected.',
      'The ipvs mode is deprecated from 1.35 (KEP-5495); nftables is the mode to move to.',
      'Needs kernel 5.13 or newer and nft 1.0.1 or newer on the nodes in 1.31.',
      'Behaviour differs in edge cases: NodePort services answer only on the primary node IPs by default (like nodePortAddresses: primary), and localhost NodePort access is not supported.',
      'Network plugins and tooling that inspect iptables rules will not see kube-proxy rules in this mode.',
      'Config tuning lives under nftables (masqueradeBit, masqueradeAll, syncPeriod, minSyncPeriod), not under iptables.',
    ],
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
              'Program Service rules with nftables (Linux only). Alpha behind a gate in 1.29-1.30; beta and available by default from 1.31; GA from 1.33.',
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
    docs: [
      kepLink(3866, 'Add an nftables-based kube-proxy backend'),
      {
        title: 'Virtual IPs and Service Proxies: nftables proxy mode',
        url: 'https://kubernetes.io/docs/reference/networking/virtual-ips/#proxy-mode-nftables',
      },
    ],
  },

  {
    id: 'kep-4358',
    kep: 4358,
    releases: { '1.31': 'beta' },
    summary:
      'A CustomResourceDefinition can declare, per version, which fields of its custom resources may be used in field selectors. ' +
      'Clients can then list, watch or delete-collection custom resources filtered on those fields, just as with built-in kinds.',
    watchOut: [
      'At most 8 selectable fields per version.',
      'jsonPath must be a simple path (no array indexing) to a string, integer or boolean field; metadata fields cannot be declared because metadata.name and metadata.namespace are always selectable.',
      'Selectable fields are declared per entry of spec.versions, so each served version needs its own list.',
      'Alpha (off) in 1.30, beta and on in 1.31, GA from 1.32 with CustomResourceFieldSelectors locked on. A 1.30 API server with the gate off, or an older one, drops the field.',
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
    docs: [
      kepLink(4358, 'Custom Resource Field Selectors'),
      {
        title: 'CustomResourceDefinitions: selectable fields',
        url: 'https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#crd-selectable-fields',
      },
    ],
  },

  {
    id: 'kep-4420',
    kep: 4420,
    releases: { '1.31': 'beta' },
    summary:
      'When an object created with metadata.generateName collides with an existing name, the API server now retries with a fresh random suffix instead of failing. ' +
      'Creating many objects from the same prefix therefore rarely returns a conflict error.',
    watchOut: [
      'Behaviour only: manifests do not change, and collisions are still possible after all attempts (8 in total) are used up.',
      'Alpha (off) in 1.30, beta and on in 1.31, GA from 1.32 with RetryGenerateName locked on.',
    ],
    notes: ['The 1.31 changelog calls the gate NameGenerationRetries; the gate the API server accepts is RetryGenerateName.'],
    docs: [
      kepLink(4420, 'Retry Generate Name'),
      {
        title: 'Object Names and IDs',
        url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
      },
    ],
  },

  {
    id: 'kep-4444',
    kep: 4444,
    releases: { '1.31': 'beta' },
    summary:
      "A Service can state a preference for how traffic is spread over its endpoints with spec.trafficDistribution; PreferClose asks the proxy to favour endpoints in the client's zone. " +
      'It is a hint that falls back to all endpoints when no close one is ready, and leaving it unset keeps the old behaviour.',
    watchOut: [
      'In 1.31 and 1.32 the only accepted value is PreferClose.',
      'PreferSameZone and PreferSameNode exist from 1.33 behind the PreferSameTrafficDistribution gate (alpha, off in 1.33; beta, on in 1.34; GA in 1.35). PreferSameZone means the same as PreferClose, and from 1.35 the API marks PreferClose as deprecated in its favour and the API server warns when a Service uses it.',
      'The ServiceTrafficDistribution gate is locked on from 1.33 and gone from 1.36; remove it from --feature-gates before upgrading.',
      "Keeping traffic in one zone can overload that zone's endpoints if clients are unevenly spread.",
      'If the older service.kubernetes.io/topology-mode: Auto annotation is also set, the annotation wins and trafficDistribution is not used.',
      'A Local internal or external traffic policy already limits endpoints to the node; the distribution hint cannot widen that.',
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
            description: "Prefer endpoints in the client's zone; the original name of PreferSameZone, deprecated from 1.35.",
            since: '1.30',
            deprecatedIn: '1.35',
            replacement: 'PreferSameZone',
          },
          {
            value: 'PreferSameZone',
            description: "Prefer endpoints in the client's zone, falling back to others when none is ready (KEP-3015).",
            since: '1.33',
            gate: 'PreferSameTrafficDistribution',
          },
          {
            value: 'PreferSameNode',
            description: "Prefer endpoints on the client's node, then the same zone, then any (KEP-3015).",
            since: '1.33',
            gate: 'PreferSameTrafficDistribution',
          },
        ],
      },
    ],
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
  },

  {
    id: 'kep-4006',
    kep: 4006,
    releases: { '1.31': 'beta' },
    summary:
      'kubectl exec, attach, cp and port-forward talk to the API server over WebSockets instead of the deprecated SPDY protocol. ' +
      'From 1.31 the WebSocket transport is the default for port-forward too, on the kubectl side and on the API server side.',
    watchOut: [
      'Proxies, load balancers or gateways in front of the API server must allow WebSocket upgrades, or exec/port-forward break after upgrading kubectl.',
      'Opt out on the client with KUBECTL_PORT_FORWARD_WEBSOCKETS=false or KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false; kubectl 1.36 still reads both.',
      'kubectl falls back to SPDY when the API server is too old to accept WebSockets.',
      'No manifest fields change.',
      'The API server side (PortForwardWebsockets, TranslateStreamCloseWebsocketRequests) is still beta and on in 1.36. kep.yaml plans GA for 1.37; that is not confirmed.',
      'From 1.35 a WebSocket upgrade for exec, attach or port-forward also needs create permission on pods/exec, pods/attach or pods/portforward (AuthorizePodWebsocketUpgradeCreatePermission, beta and on). RBAC roles that grant only get on these subresources stop working.',
      'From 1.36 the API server can pass exec and attach WebSocket streams on to kubelets that declare support for them (ExtendWebSocketsToKubelet, beta and on; it builds on the node declared features of KEP-5328, also on by default in 1.36).',
    ],
    config: [
      {
        component: 'kubectl',
        description:
          'kubectl exec, attach, cp and port-forward use WebSockets by default; the environment variables KUBECTL_REMOTE_COMMAND_WEBSOCKETS and KUBECTL_PORT_FORWARD_WEBSOCKETS set to false restore SPDY.',
      },
    ],
    docs: [kepLink(4006, 'Transition from SPDY to Websockets')],
  },

  {
    id: 'kep-4193',
    kep: 4193,
    releases: { '1.31': 'beta' },
    summary:
      'Service account tokens gain a unique token ID (jti) and, for pod-bound tokens, the name and UID of the node the pod runs on; tokens can also be bound directly to a Node object. ' +
      'That makes tokens traceable in audit logs and lets a token become invalid when its node goes away.',
    watchOut: [
      'Binding a token to a Node (TokenRequest boundObjectRef.kind: Node) needs ServiceAccountTokenNodeBinding, beta and on from 1.31.',
      'The token ID, the node information in pod-bound tokens and node-binding validation are stable from 1.32; binding tokens to a Node is stable from 1.33.',
      'With node-binding validation on, a token that records a node is rejected once that node is gone (or was recreated with a new UID), not only when its pod is deleted.',
      'No workload manifest fields change; the effect is in issued tokens and in the TokenRequest API (kubectl create token).',
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
      },
    ],
    docs: [
      kepLink(4193, 'Bound service account token improvements'),
      {
        title: 'Managing Service Accounts',
        url: 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/',
      },
    ],
  },

  {
    id: 'kep-4033',
    kep: 4033,
    releases: { '1.31': 'beta' },
    summary:
      'The kubelet asks the container runtime which cgroup driver (systemd or cgroupfs) it uses instead of relying on a matching setting in its own configuration. ' +
      'That removes a common source of misconfigured nodes where kubelet and runtime disagree.',
    watchOut: [
      'Only runtimes that implement the CRI RuntimeConfig call answer (containerd 2.0+, CRI-O 1.28+); with older runtimes the kubelet still uses cgroupDriver from its config.',
      'When the runtime answers, KubeletConfiguration cgroupDriver is ignored.',
      'The KEP plans to deprecate cgroupDriver and --cgroup-driver now that the feature is GA (1.34) and to remove them, with the fallback, in 1.38; upgrade runtimes that cannot report their driver before then.',
    ],
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
      },
      {
        component: 'kubelet',
        flag: '--cgroup-driver',
        description:
          'Flag form of cgroupDriver (kubelet flags of this kind are deprecated in favour of the config file); same fallback-only meaning.',
      },
    ],
    docs: [
      kepLink(4033, 'Discover cgroup driver from CRI'),
      {
        title: 'Container Runtimes: cgroup drivers',
        url: 'https://kubernetes.io/docs/setup/production-environment/container-runtimes/#cgroup-drivers',
      },
    ],
  },

  {
    id: 'kep-4622',
    kep: 4622,
    releases: { '1.31': 'beta' },
    // The option is only accepted while this beta-options gate is on; kep.yaml names only TopologyManagerPolicyOptions.
    gates: ['TopologyManagerPolicyBetaOptions'],
    summary:
      'The kubelet Topology Manager used to refuse to start on machines with more than 8 NUMA nodes. ' +
      'A policy option, max-allowable-numa-nodes, raises that limit so such machines can run with topology alignment enabled.',
    watchOut: [
      'The value must be an integer of at least 8 (the old fixed limit); values above 8 are accepted but the kubelet logs a warning because hint calculation grows quickly with more NUMA nodes.',
      'It is a topologyManagerPolicyOptions entry, so TopologyManagerPolicyOptions must be on (on by default; GA from 1.32, locked on in 1.36), and while the option is beta so must TopologyManagerPolicyBetaOptions (on by default through 1.36).',
      'kep.yaml records the option as GA in 1.35, which would make TopologyManagerPolicyBetaOptions unnecessary for it; the kubelet code confirms beta up to 1.33, and its later option lists were not available to confirm the GA.',
      'Large values can make pod admission slow on big machines.',
    ],
    // The gate kep.yaml names (TopologyManagerPolicyOptions) governs every policy option and went GA in 1.32;
    // the option itself has its own maturity in the kubelet's list of options.
    stages: [
      {
        stage: 'beta',
        from: '1.31',
        to: '1.34',
        note: "From kep.yaml (beta v1.31, stable v1.35); the kubelet lists max-allowable-numa-nodes among its beta options in 1.31, 1.32 and 1.33. The TopologyManagerPolicyOptions gate's own GA in 1.32 does not promote the option.",
      },
      { stage: 'stable', from: '1.35', note: 'From kep.yaml (stable v1.35, status implemented); not confirmed in a release-tagged kubelet option list, none after 1.33 being available.' },
    ],
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
    docs: [
      kepLink(4622, 'TopologyManager max-allowable-numa-nodes'),
      {
        title: 'Control Topology Management Policies on a node: max-allowable-numa-nodes',
        url: 'https://kubernetes.io/docs/tasks/administer-cluster/topology-manager/#policy-option-max-allowable-numa-nodes',
      },
    ],
  },

  {
    id: 'kep-1880',
    kep: 1880,
    releases: { '1.31': 'beta' },
    summary:
      'The ranges Services take ClusterIPs from are described by ServiceCIDR objects, and each ClusterIP handed out is tracked by its own IPAddress object. ' +
      'Administrators can add or remove Service IP ranges at runtime instead of restarting the API server with a new --service-cluster-ip-range.',
    watchOut: [
      'In 1.31 and 1.32 the gate is beta but off, and the networking.k8s.io/v1beta1 API must be enabled with --runtime-config as well. From 1.33 it is GA and on by default, served as networking.k8s.io/v1; the gate is locked on from 1.34.',
      'API versions: v1alpha1 (ServiceCIDR 1.29–1.33, IPAddress 1.27–1.33; no longer served from 1.33 and gone from the 1.34 client libraries), v1beta1 from 1.31 (deprecated from 1.34, removal scheduled for 1.37), v1 from 1.33.',
      'ServiceCIDR spec.cidrs is immutable and holds at most two CIDRs, one per IP family.',
      'Deleting a ServiceCIDR leaves it terminating while Services still hold ClusterIPs from it that no other ServiceCIDR covers.',
      'DisableAllocatorDualWrite stops writing to the old bitmap allocator once migration is finished: alpha (off) in 1.31–1.32, beta but off in 1.33, GA and on from 1.34, locked on from 1.35.',
    ],
    fields: [
      {
        kind: 'ServiceCIDR',
        path: 'spec.cidrs',
        description:
          'The IP ranges (one IPv4, one IPv6 at most) from which Service ClusterIPs may be allocated. Cannot be changed after creation.',
        shape: 'stringList',
        since: '1.29',
        gates: ['MultiCIDRServiceAllocator'],
        note: 'networking.k8s.io/v1alpha1 from 1.29, v1beta1 from 1.31, v1 from 1.33.',
      },
      {
        kind: 'ServiceCIDR',
        path: 'status.conditions',
        description: 'Conditions reported by the control plane, e.g. whether the range is ready for allocation.',
        shape: 'list',
        since: '1.29',
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
        note: 'IPAddress objects are normally created by the API server, not by hand. networking.k8s.io/v1alpha1 from 1.27, v1beta1 from 1.31, v1 from 1.33.',
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
    docs: [
      kepLink(1880, 'Multiple Service CIDRs'),
      {
        title: 'Extend Service IP Ranges',
        url: 'https://kubernetes.io/docs/tasks/network/extend-service-ip-ranges/',
      },
    ],
  },

  {
    id: 'kep-4568',
    kep: 4568,
    releases: { '1.31': 'beta' },
    summary:
      'While the API server is still filling its watch cache for a resource, it rejects watch (and some list) requests with HTTP 429 instead of letting them pile up or all fall through to etcd. ' +
      'That protects etcd and the API server from a thundering herd after restarts.',
    watchOut: [
      'Clients may see 429 Too Many Requests right after an API server restart; well-behaved clients retry.',
      'ResilientWatchCacheInitialization is GA and locked on from 1.34; the 1.37 pre-release of k8s.io/apiserver no longer has the gate, so drop it from --feature-gates before moving to 1.37.',
      'WatchCacheInitializationPostStartHook (beta; off by default through 1.35, on from 1.36; GA and locked on in the 1.37 pre-release) makes the API server wait for its caches before reporting ready.',
      'No manifest fields change.',
    ],
    config: [
      {
        component: 'kube-apiserver',
        description:
          "Behaviour only: while a resource's watch cache initializes, watch and some list requests get HTTP 429 instead of being queued or forwarded to etcd.",
      },
    ],
    docs: [kepLink(4568, 'Resilient watchcache initialization')],
  },

  {
    id: 'kep-4292',
    kep: 4292,
    releases: { '1.31': 'beta' },
    summary:
      'kubectl debug --custom takes a file with a partial container spec that is applied on top of the chosen debug profile. ' +
      'Users can add environment variables, volume mounts, resources and similar settings to debug containers without a new built-in profile.',
    watchOut: [
      'In kubectl 1.31 the flag is available unless KUBECTL_DEBUG_CUSTOM_PROFILE=false; in 1.30 it needed the variable set to true; from 1.32 it is always there, and kubectl 1.34 no longer knows the variable.',
      'The file may be JSON or (from 1.31) YAML, and holds container fields only, not a whole pod.',
    ],
    config: [
      {
        component: 'kubectl',
        flag: '--custom',
        description: 'kubectl debug: path to a JSON or YAML file with a partial container spec merged into the debug container.',
      },
    ],
    docs: [
      kepLink(4292, 'Custom profiling support in kubectl debug command'),
      {
        title: 'Debug Running Pods',
        url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/',
      },
    ],
  },

  {
    id: 'kep-3751',
    kep: 3751,
    releases: { '1.31': 'beta' },
    summary:
      'A VolumeAttributesClass names a set of mutable volume settings, such as IOPS or throughput, that a CSI driver can apply. ' +
      'A PersistentVolumeClaim points at one with volumeAttributesClassName and can switch to another class later to change the volume in place.',
    watchOut: [
      'In 1.31-1.33 the gate is off and the storage.k8s.io/v1beta1 API must also be enabled (--runtime-config); from 1.34 it is GA and on by default (storage.k8s.io/v1), and the gate is locked on from 1.36.',
      'storage.k8s.io/v1beta1 VolumeAttributesClass is deprecated from 1.34, with removal scheduled for 1.37; write storage.k8s.io/v1 on 1.34 and later.',
      'The CSI driver must implement ControllerModifyVolume, and the external-provisioner and external-resizer sidecars need the feature enabled.',
      'driverName and parameters of a VolumeAttributesClass are immutable; create a new class instead of editing one.',
      'A class in use by a PVC cannot be deleted.',
      'If the driver rejects a change, the PVC reports Infeasible in status.modifyVolumeStatus; switch back to a valid class to recover.',
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
    docs: [
      kepLink(3751, 'VolumeAttributesClass and ModifyVolume'),
      {
        title: 'Volume Attributes Classes',
        url: 'https://kubernetes.io/docs/concepts/storage/volume-attributes-classes/',
      },
    ],
  },

  {
    id: 'kep-4265',
    kep: 4265,
    releases: { '1.31': 'beta' },
    summary:
      'A container can ask for an unmasked /proc with securityContext.procMount: Unmasked, instead of the runtime hiding and read-only-mounting sensitive /proc paths. ' +
      'It is meant for nested containers, such as building images inside a pod, and is safe only inside a user namespace.',
    watchOut: [
      'Unmasked requires a user-namespaced pod (spec.hostUsers: false), which itself needs the UserNamespacesSupport gate (KEP-127): off by default before 1.33, on from 1.33, locked on from 1.36.',
      'ProcMountType is beta but off by default in 1.31 and 1.32 (it follows UserNamespacesSupport), on by default from 1.33, and GA with the gate locked on from 1.36.',
      'Pod Security Standards: up to policy version 1.34 the Baseline level only allows Default. From policy version 1.35 Baseline also allows Unmasked in a pod with hostUsers: false; Restricted still only allows Default.',
      'Requires a container runtime that supports the setting.',
    ],
    fields: (['containers', 'initContainers', 'ephemeralContainers'] as const).map((list) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      path: `spec.${list}[].securityContext.procMount`,
      description: "How /proc is mounted in this container: with the runtime's usual masking, or unmasked.",
      shape: 'string' as const,
      // Ephemeral containers themselves arrived in 1.16.
      since: list === 'ephemeralContainers' ? '1.16' : '1.12',
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
    docs: [
      kepLink(4265, 'Add ProcMount option'),
      {
        title: 'Configure a Security Context for a Pod or Container',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      },
    ],
  },

  {
    id: 'kep-3857',
    kep: 3857,
    releases: { '1.31': 'beta' },
    summary:
      'A read-only volume mount can be made read-only all the way down, including any mounts nested inside it, with volumeMounts[].recursiveReadOnly. ' +
      'Plain readOnly: true leaves sub-mounts writable, which surprises many users of hostPath and similar volumes.',
    watchOut: [
      'IfPossible and Enabled are only accepted together with readOnly: true and without mount propagation (mountPropagation unset or None).',
      "Enabled makes the pod fail to start if the node's runtime or kernel cannot do recursive read-only mounts; IfPossible quietly falls back to a plain read-only mount.",
      'Needs Linux 5.12+ and a container runtime that supports it (at the OCI level runc 1.1+ or crun 1.4+); node status.runtimeHandlers[].features.recursiveReadOnlyMounts tells whether a node can.',
      'The effective result per mount is reported in status.containerStatuses[].volumeMounts[].',
      'Alpha (off) in 1.30, beta and on in 1.31–1.32, GA from 1.33 with RecursiveReadOnlyMounts locked on.',
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
    rules: recursiveReadOnlyRules(),
    docs: [
      kepLink(3857, 'Recursive read-only mounts'),
      {
        title: 'Volumes: Recursive read-only mounts',
        url: 'https://kubernetes.io/docs/concepts/storage/volumes/#recursive-read-only-mounts',
      },
    ],
  },

  {
    id: 'kep-3998',
    kep: 3998,
    releases: { '1.31': 'beta' },
    summary:
      'An Indexed Job can be declared successful as soon as chosen indexes, or a given number of indexes, have succeeded, without waiting for every index. ' +
      'Once a rule is met the Job gets a SuccessCriteriaMet condition and its remaining pods are terminated; useful for leader/worker jobs.',
    watchOut: [
      'successPolicy is only accepted on Jobs with completionMode: Indexed.',
      'It needs at least one rule and at most 20; each rule sets succeededIndexes, succeededCount or both.',
      'succeededIndexes uses interval syntax such as "0,2-4" and must stay within 0 to completions-1; succeededCount must be positive, and when succeededIndexes is also set only those indexes count towards it.',
      'The policy is immutable after creation.',
      'The Job is only marked Complete after its remaining pods have terminated, so watch for SuccessCriteriaMet if you need the earlier signal.',
      'Alpha (off) in 1.30, beta and on in 1.31–1.32, GA from 1.33 with JobSuccessPolicy locked on.',
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
  },

  {
    id: 'kep-1029',
    kep: 1029,
    releases: { '1.31': 'beta' },
    summary:
      'The kubelet can measure emptyDir and other local ephemeral storage with filesystem project quotas instead of periodically walking directories. ' +
      'Measurement becomes faster and also counts files that were deleted but are still held open.',
    watchOut: [
      'Beta but off by default from 1.31 (still so in 1.36), and even when on it is only used for pods in a user namespace (hostUsers: false). Those need UserNamespacesSupport, off by default until 1.33 and locked on from 1.36.',
      'The node filesystem (XFS, or ext4 with project quotas) must be mounted with project quota support.',
      'Quotas are used for monitoring, not enforcement: eviction still decides what happens when limits are exceeded.',
    ],
    docs: [
      kepLink(1029, 'Quotas for Ephemeral Storage'),
      {
        title: 'Resource Management for Pods and Containers: local ephemeral storage',
        url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      },
    ],
  },

  {
    id: 'kep-2340',
    kep: 2340,
    releases: { '1.31': 'beta' },
    summary:
      "Consistent LIST requests (those without a resourceVersion) are served from the API server's watch cache after confirming the cache is up to date with etcd, instead of always reading from etcd. " +
      'This cuts etcd load and API server memory for large lists without weakening consistency.',
    watchOut: [
      'Needs etcd v3.4.31+ or v3.5.13+ for reliable progress notifications; with older etcd the API server falls back to reading from etcd.',
      'No manifest or client changes; results of consistent lists stay the same.',
      'Beta and on in 1.31–1.33, GA from 1.34 with ConsistentListFromCache locked on; the 1.37 pre-release of k8s.io/apiserver no longer has the gate, so drop it from --feature-gates before moving to 1.37.',
    ],
    config: [
      {
        component: 'kube-apiserver',
        description:
          'Behaviour only: consistent LISTs are answered from the watch cache once a progress notification confirms it is current.',
      },
    ],
    docs: [kepLink(2340, 'Consistent Reads from Cache')],
  },

  {
    id: 'kep-4191',
    kep: 4191,
    releases: { '1.31': 'beta' },
    summary:
      'The kubelet copes with container runtimes that keep the read-only image layers on a different filesystem from the writable container layers. ' +
      'Image garbage collection, disk-usage statistics and eviction then treat the image filesystem and the container filesystem separately instead of assuming one disk holds both.',
    watchOut: [
      'Beta and on by default from 1.31, still beta in 1.36 (KubeletSeparateDiskGC, kubelet only). It matters on nodes whose runtime is configured to split the two filesystems; elsewhere both are the same filesystem and are reported as such.',
      'Nothing changes in manifests: this is kubelet and container runtime (CRI) behaviour.',
      'The kubelet learns the layout from the runtime over CRI (ImageFsInfo); `crictl imagefsinfo` shows whether the image and container filesystems of a node are split.',
      'Eviction knows containerfs.available and containerfs.inodesFree for the filesystem of the writable layers; the kubelet maps them onto the nodefs or imagefs signals, depending on where those layers live, and overrides values you set for them.',
      'With a split layout, pressure on the image filesystem makes the kubelet delete unused images, while pressure on the node filesystem also counts the writable layers of containers.',
    ],
    docs: [
      kepLink(4191, 'Split Image Filesystem'),
      {
        title: 'Node-pressure Eviction',
        url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/',
      },
    ],
  },

  // =========================================================================
  // Counted by 1.31 as alpha
  // =========================================================================
  {
    id: 'kep-4601',
    kep: 4601,
    releases: { '1.31': 'alpha' },
    summary:
      'Authorizers get to see the field and label selectors of list and watch requests, so a policy can say "you may list pods, but only those on your node". With the node variant of the gate, the Node authorizer itself uses this to narrow what kubelets can read.',
    watchOut: [
      'Alpha and off in 1.31: both AuthorizeWithSelectors and AuthorizeNodeWithSelectors must be enabled on kube-apiserver; beta and on in 1.32–1.33; stable from 1.34, with both gates locked on.',
      'In a SubjectAccessReview selector, set rawSelector or requirements, never both.',
      'Webhook authorizers only benefit if they read the new selector attributes; older webhooks simply ignore them.',
      'CEL match conditions in an AuthorizationConfiguration can only refer to request.resourceAttributes.fieldSelector / labelSelector while AuthorizeWithSelectors is on.',
      'Turning on AuthorizeNodeWithSelectors tightens what kubelet credentials may list; node-side tooling that borrowed kubelet credentials can start getting denials.',
    ],
    fields: accessReviewSelectorFields,
    config: [
      {
        component: 'kube-apiserver',
        kind: 'AuthorizationConfiguration',
        apiVersions: ['apiserver.config.k8s.io/v1alpha1', 'apiserver.config.k8s.io/v1beta1', 'apiserver.config.k8s.io/v1'],
        path: 'authorizers[].webhook.matchConditions[].expression',
        description:
          'CEL match conditions of a webhook authorizer. With AuthorizeWithSelectors on, expressions may read request.resourceAttributes.fieldSelector and .labelSelector to decide whether the webhook is consulted. v1alpha1 and v1beta1 carry the kind in 1.31; v1 exists from 1.32.',
      },
    ],
    docs: [
      { title: 'KEP-4601', url: KEP(4601) },
      { title: 'Authorization', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authorization/' },
    ],
  },

  {
    id: 'kep-4633',
    kep: 4633,
    releases: { '1.31': 'alpha' },
    summary:
      'Anonymous access to kube-apiserver can be limited to a fixed list of paths, typically the health endpoints, instead of being all-or-nothing. A mistaken RBAC grant to system:anonymous then cannot expose the rest of the API.',
    watchOut: [
      'Configured in the AuthenticationConfiguration file (kube-apiserver --authentication-config), not with a flag; needs AnonymousAuthConfigurableEndpoints in 1.31 (alpha, off), which is beta and on in 1.32–1.33 and stable, locked on, from 1.34.',
      'Setting the anonymous section in the file and also passing --anonymous-auth is rejected: pick one.',
      'Paths must match exactly; list each health endpoint (/livez, /readyz, /healthz) you want reachable without credentials.',
    ],
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
    docs: [
      { title: 'KEP-4633', url: KEP(4633) },
      { title: 'Authenticating', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/' },
    ],
  },

  {
    id: 'kep-3063',
    kep: 3063,
    releases: { '1.31': 'alpha' },
    summary:
      'The original DRA design, in which a driver-specific controller in the control plane allocates devices and negotiates node choice with the scheduler through PodSchedulingContext objects. In 1.31 it was split out behind its own gate, and in 1.32 it was withdrawn in favour of structured parameters (KEP-4381).',
    watchOut: [
      'Needs both DRAControlPlaneController and DynamicResourceAllocation, plus the resource.k8s.io/v1alpha3 API enabled with --runtime-config.',
      'Gone in 1.32: the gate, ResourceClaim spec.controller, DeviceClass spec.suitableNodes and the PodSchedulingContext kind were all removed. Do not build on it.',
      'Manifests written for resource.k8s.io/v1alpha2 (1.30 and earlier) do not load in 1.31: the group was rewritten as v1alpha3.',
    ],
    // Stated here because the gate kep.yaml lists first, DynamicResourceAllocation, is shared with
    // structured parameters (KEP-4381) and went on to beta and GA without this design.
    stages: [
      {
        stage: 'alpha',
        from: '1.26',
        to: '1.31',
        note: 'Part of DynamicResourceAllocation until 1.30; in 1.31 it also needs its own DRAControlPlaneController gate, which exists only in 1.31.',
      },
      {
        stage: 'removed',
        from: '1.32',
        note: 'Withdrawn: DRAControlPlaneController, PodSchedulingContext and the controller fields are gone from the 1.32 code and API types.',
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
    docs: [
      { title: 'KEP-3063', url: KEP(3063) },
      { title: 'Dynamic Resource Allocation', url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/' },
    ],
  },

  {
    id: 'kep-4176',
    kep: 4176,
    releases: { '1.31': 'alpha' },
    summary:
      'With the static CPU manager policy, this kubelet option hands a container its exclusive CPUs one per physical core where it can, instead of taking both hyperthreads of a core before moving to the next. It helps workloads that suffer when sibling threads compete for one core.',
    watchOut: [
      'Only works with cpuManagerPolicy: static, and only for Guaranteed pods that request whole CPUs.',
      'It is an alpha option: the kubelet also needs the CPUManagerPolicyAlphaOptions gate (off by default, still alpha in 1.36), besides CPUManagerPolicyOptions (on by default; GA and locked on from 1.33).',
      'Cannot be combined with full-pcpus-only or distribute-cpus-across-numa.',
      'Changing CPU manager options on an existing node usually means draining it and deleting the kubelet cpu_manager_state file before restarting.',
    ],
    notes: [
      'The 1.31 release notes call this option SpreadPhysicalCPUsPreferredOption; in kubelet configuration and flags it is written distribute-cpus-across-cores.',
    ],
    // The gate kep.yaml names, CPUManagerPolicyAlphaOptions, is an umbrella for every alpha CPU manager
    // option and is older than this one, so it cannot date the option.
    stages: [
      {
        stage: 'alpha',
        from: '1.31',
        note: "From the kubelet's list of CPU manager options: absent in 1.30, alpha in 1.31, 1.32 and 1.33; no release-tagged list after 1.33 was available. The beta (1.31) and stable (1.33) milestones in kep.yaml did not happen.",
      },
    ],
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
    docs: [
      { title: 'KEP-4176', url: KEP(4176) },
      { title: 'Control CPU Management Policies on the Node', url: 'https://kubernetes.io/docs/tasks/administer-cluster/cpu-management-policies/' },
      { title: 'Blog: distributing CPUs across cores (1.31)', url: 'https://kubernetes.io/blog/2024/08/22/cpumanager-static-policy-distributed-cpu-across-cores/' },
    ],
  },

  {
    id: 'kep-4381',
    kep: 4381,
    releases: { '1.31': 'alpha' },
    summary:
      'Devices such as GPUs are described by drivers in ResourceSlice objects, and pods ask for them through ResourceClaims with CEL selectors; the scheduler itself picks matching devices. Because allocation happens in the scheduler, autoscalers can reason about it too.',
    watchOut: [
      'Alpha and off in 1.31: enable DynamicResourceAllocation on all components and serve resource.k8s.io/v1alpha3 via kube-apiserver --runtime-config.',
      'The 1.31 API (v1alpha3) is not compatible with 1.30\'s v1alpha2: ResourceClass became DeviceClass and the *Parameters kinds disappeared; rewrite manifests.',
      'Pod spec.resourceClaims[] entries set exactly one of resourceClaimName or resourceClaimTemplateName; the nested source object is gone in 1.31.',
      'A container lists the claims it uses in resources.claims[] by the pod-level claim name; the optional request key picks a single request of that claim.',
      'Later releases move the API (v1beta1 in 1.32, v1beta2 in 1.33, v1 in 1.34) and reshape some fields, so 1.31 manifests need updating again.',
      '1.32: beta but still off by default; enable DynamicResourceAllocation on kube-apiserver, kube-controller-manager, kube-scheduler and the kubelet, and serve resource.k8s.io/v1beta1 with --runtime-config. v1beta1 has the v1alpha3 shape without the control-plane controller fields, and device capacities become objects with a value.',
      '1.33: resource.k8s.io/v1beta2 moves deviceClassName, selectors, allocationMode, count, adminAccess and tolerations of a request under requests[].exactly, and drops the basic wrapper around ResourceSlice device attributes; still beta and off.',
      '1.34: stable and on by default, with resource.k8s.io/v1 served without --runtime-config; v1 has the v1beta2 shape. The gate is locked on from 1.35.',
      'The beta versions are on their way out: v1beta1 is deprecated from 1.35 and removed in 1.38, v1beta2 deprecated from 1.36 and removed in 1.39. Write resource.k8s.io/v1 on 1.34 and later.',
      'Pod spec.resourceClaims and containers[].resources.claims keep the 1.31 shape through 1.36; only the claim and class objects change.',
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
          { key: 'allocationMode', shape: 'string', values: DRA_ALLOCATION_MODES },
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
        children: CLAIM_TEMPLATE_CHILDREN,
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'DeviceClass',
        path: 'spec',
        description: 'Cluster-wide device category set up by an administrator: CEL selectors every request of this class inherits, plus default driver config.',
        shape: 'object',
        since: '1.31',
        children: DEVICE_CLASS_CHILDREN,
        note: 'DeviceClass replaces the 1.30 ResourceClass.',
      },
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourceSlice',
        path: 'spec',
        description: 'Published by a DRA driver: the devices of one pool, their attributes and capacities, and which nodes can reach them.',
        shape: 'object',
        since: '1.31',
        children: RESOURCE_SLICE_CHILDREN,
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
        since: '1.28',
        readOnly: true,
      },
      ...draLaterFields(),
    ],
    config: [
      {
        component: 'kube-apiserver',
        flag: '--runtime-config',
        values: [
          { value: 'resource.k8s.io/v1alpha3=true', description: 'Serves the 1.31 DRA API group version, which is off by default.', since: '1.31' },
          { value: 'resource.k8s.io/v1beta1=true', description: 'Serves the beta DRA API of 1.32, which is off by default.', since: '1.32' },
          { value: 'resource.k8s.io/v1beta2=true', description: 'Serves the beta DRA API of 1.33, which is off by default.', since: '1.33' },
        ],
        description: 'Before 1.34 the DRA API has to be switched on explicitly in addition to the feature gate; resource.k8s.io/v1 needs no flag.',
      },
    ],
    docs: [
      { title: 'KEP-4381', url: KEP(4381) },
      { title: 'Dynamic Resource Allocation', url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/' },
    ],
  },

  {
    id: 'kep-4639',
    kep: 4639,
    releases: { '1.31': 'alpha' },
    summary:
      'A pod volume can be filled from an OCI image or artifact: the kubelet pulls it like a container image and mounts its contents into containers. Useful for shipping models, data or config separately from the application image.',
    watchOut: [
      'Alpha and off in 1.31 and 1.32 (ImageVolume on kube-apiserver and kubelet); beta in 1.33 and 1.34 but still off by default; beta and on by default in 1.35; stable from 1.36, with the gate locked on.',
      'The container runtime must support image volumes too; without it the pod does not start.',
      'The volume is always read-only and mounted noexec.',
      'subPath and subPathExpr on mounts of an image volume are rejected before 1.33; from 1.33 a mount may use them to mount just one directory of the image.',
      'pullPolicy defaults like a container image: Always for :latest or untagged references, IfNotPresent otherwise.',
      'Pull failures block the whole pod from starting and are retried with volume backoff.',
    ],
    notes: [
      "The website's ImageVolume feature-gate page says the gate is on by default from 1.33. The code keeps it off in 1.33 and 1.34 and turns it on in 1.35, so on 1.33 and 1.34 enable it yourself on kube-apiserver and the kubelet.",
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
  },

  {
    id: 'kep-3619',
    kep: 3619,
    releases: { '1.31': 'alpha' },
    summary:
      'Pods can choose whether group memberships defined inside the container image (/etc/group) are added to the process\'s supplementary groups, or whether only the groups given in the pod spec apply. Container status also reports the uid, gid and groups the process actually got.',
    watchOut: [
      'Alpha and off in 1.31 and 1.32 (SupplementalGroupsPolicy on kube-apiserver and kubelet); beta and on from 1.33; stable from 1.35.',
      'Strict needs a container runtime that supports it; Node status.features.supplementalGroupsPolicy tells you whether the node does.',
      'Leaving the field out means Merge, the behaviour from before the field existed, where image-defined groups are added silently.',
      'The field cannot be set when spec.os.name is windows.',
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
    docs: [
      { title: 'KEP-3619', url: KEP(3619) },
      { title: 'Configure a Security Context', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    ],
  },

  {
    id: 'kep-4192',
    kep: 4192,
    releases: { '1.31': 'alpha' },
    summary:
      'kube-controller-manager gains a controller that rewrites every stored object of a resource so etcd holds it in the current storage version or under the current encryption key. You ask for it by creating a StorageVersionMigration object.',
    watchOut: [
      'Alpha and off in 1.30–1.34 (1.31 did not promote it): needs the StorageVersionMigrator gate and storagemigration.k8s.io/v1alpha1 enabled via --runtime-config.',
      'Beta from 1.35 but still off by default in 1.35 and 1.36: turn the gate on and serve storagemigration.k8s.io/v1beta1 with --runtime-config, as beta APIs are not served by default.',
      'storagemigration.k8s.io/v1alpha1 is deprecated from 1.33 and no longer served from 1.35. Its replacement v1beta1 drops spec.resource.version and spec.continueToken, so v1alpha1 manifests need changes.',
      'The 1.37 pre-release of the API types adds storagemigration.k8s.io/v1 and kep.yaml plans GA for 1.37; the gate\'s 1.37 state is not confirmed.',
      'Migrations rewrite every object of the resource, which costs etcd and API server load on big resources.',
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
      ...migrationStatusFields('storagemigration.k8s.io/v1alpha1'),
      {
        apiVersion: 'storagemigration.k8s.io/v1beta1',
        kind: 'StorageVersionMigration',
        path: 'spec.resource',
        description: 'The resource whose stored objects should be rewritten, by group and resource only; immutable.',
        shape: 'object',
        since: '1.35',
        children: [
          { key: 'group', shape: 'string', example: 'apps' },
          { key: 'resource', shape: 'string', required: true, example: 'deployments' },
        ],
      },
      ...migrationStatusFields('storagemigration.k8s.io/v1beta1'),
    ],
    config: [
      {
        component: 'kube-apiserver',
        flag: '--runtime-config',
        values: [
          { value: 'storagemigration.k8s.io/v1alpha1=true', description: 'Serves the alpha StorageVersionMigration API.', since: '1.30', removedIn: '1.35', replacement: 'storagemigration.k8s.io/v1beta1=true' },
          { value: 'storagemigration.k8s.io/v1beta1=true', description: 'Serves the beta StorageVersionMigration API.', since: '1.35' },
        ],
        description: 'The alpha (1.30–1.34) or beta (from 1.35) API version must be enabled besides the gate.',
      },
    ],
    docs: [
      { title: 'KEP-4192', url: KEP(4192) },
      { title: 'Migrate Kubernetes Objects Using Storage Version Migration', url: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/storage-version-migration/' },
    ],
  },

  {
    id: 'kep-4680',
    kep: 4680,
    releases: { '1.31': 'alpha' },
    // kep.yaml names only ResourceHealthStatus; the 1.36 code ties ResourceHealthStatusMessage to this KEP too.
    gates: ['ResourceHealthStatusMessage'],
    summary:
      'Container status lists the health of each device allocated to the container, so a failed GPU shows up on the pod instead of only in node logs. In 1.31 the data comes from device plugins; the kubelet API for DRA drivers to report health follows in 1.34.',
    watchOut: [
      'Alpha and off in 1.31–1.35 (ResourceHealthStatus on kubelet and kube-apiserver); beta and on by default from 1.36. kep.yaml plans GA for 1.37, which is not confirmed.',
      'From 1.35 the gate needs DynamicResourceAllocation to be on as well (it is on by default from 1.34).',
      'From 1.36 an entry can carry a message explaining its health, filled when the DRA driver sends one (ResourceHealthStatusMessage, beta and on).',
      'Status only: it reports health, it does not restart or evict anything by itself.',
      'Devices whose plugin reports nothing show Unknown.',
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
        gates: ['ResourceHealthStatus'],
        note: 'The 1.31 API documents resources[].resourceID as deviceplugin:<id> or dra:<driver>/<pool>/<device>; from 1.32 without the prefixes (the device plugin\'s device ID, or <driver>/<pool>/<device>), and a DRA entry is named claim:<claim>/<request>. resources[].health is Healthy, Unhealthy or Unknown. Also under initContainerStatuses[] and ephemeralContainerStatuses[].',
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.containerStatuses[].allocatedResourcesStatus[].resources[].health',
        description: 'Health reported for one device.',
        shape: 'string',
        since: '1.31',
        readOnly: true,
        gates: ['ResourceHealthStatus'],
        values: [
          { value: 'Healthy', description: 'The device works.' },
          { value: 'Unhealthy', description: 'The plugin or driver reports the device as failed.' },
          { value: 'Unknown', description: 'No health information is available.' },
        ],
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.containerStatuses[].allocatedResourcesStatus[].resources[].message',
        description: 'Why the device has this health, in words the DRA driver chose; empty when the driver sends none. Long messages are cut at 1024 characters.',
        shape: 'string',
        since: '1.36',
        readOnly: true,
        gates: ['ResourceHealthStatusMessage'],
      },
    ],
    docs: [
      { title: 'KEP-4680', url: KEP(4680) },
      { title: 'Device Plugins', url: 'https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/device-plugins/' },
    ],
  },

  {
    id: 'kep-4368',
    kep: 4368,
    releases: { '1.31': 'alpha' },
    summary:
      'A Job can name the controller responsible for it; the built-in Job controller leaves Jobs alone whose managedBy names someone else. This lets systems such as multi-cluster dispatchers own a Job\'s status while the Job object stays standard.',
    watchOut: [
      'Alpha and off in 1.30 and 1.31 (JobManagedBy on kube-apiserver and kube-controller-manager); beta and on from 1.32; stable from 1.35.',
      'The field is immutable: pick the manager at creation time.',
      'Any value other than kubernetes.io/job-controller means the built-in controller will never create pods for that Job; if no external controller acts, the Job just sits there.',
      'Value must be a domain-prefixed path (example.com/name) of at most 63 characters.',
      'The KEP title speaks of a label, but what shipped is the field spec.managedBy.',
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
  },

  {
    id: 'kep-4355',
    kep: 4355,
    releases: { '1.31': 'alpha' },
    summary:
      'Leader-elected control-plane components (kube-controller-manager, kube-scheduler) can register as candidates in LeaseCandidate objects and let the API server pick the leader, instead of racing each other for the Lease. ' +
      'The coordinator prefers the candidate with the oldest version, so a node-by-node upgrade or rollback does not leave a newer leader running ahead of older API servers.',
    watchOut: [
      'Alpha and off in 1.31 and 1.32 (CoordinatedLeaderElection on kube-apiserver, kube-controller-manager and kube-scheduler); beta from 1.33 but still off by default.',
      'Besides the gate, kube-apiserver must serve the LeaseCandidate API, enabled with --runtime-config: coordination.k8s.io/v1alpha1 in 1.31, v1alpha2 in 1.32, v1beta1 from 1.33.',
      'LeaseCandidate objects are written by the components that stand for election; you do not normally create them. Their API changes from release to release: v1alpha2 in 1.32 replaces the preferredStrategies list with a single strategy, and v1beta1 arrives in 1.33. v1alpha2 is deprecated from 1.35 (removal scheduled for 1.38) and v1beta1 from 1.36 (removal scheduled for 1.39).',
      'Lease spec.strategy has a single value, OldestEmulationVersion: the candidate with the lowest emulation version wins, then the lowest binary version, then the oldest LeaseCandidate object.',
      'spec.preferredHolder only means something together with spec.strategy: it asks the current holder to give the lease up to a better candidate.',
    ],
    fields: [
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        path: 'spec.strategy',
        description: 'How the election coordinator in the API server picks the holder of this lease; unset means the lease is not coordinated.',
        shape: 'string',
        since: '1.31',
        gates: ['CoordinatedLeaderElection'],
        values: [
          {
            value: 'OldestEmulationVersion',
            description: 'Pick the candidate with the lowest emulation version, then the lowest binary version, then the oldest candidate.',
          },
        ],
      },
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        path: 'spec.preferredHolder',
        description: 'Candidate the coordinator would rather see holding the lease; the current holder should let the lease go. Only set together with spec.strategy.',
        shape: 'string',
        since: '1.31',
        gates: ['CoordinatedLeaderElection'],
      },
      {
        apiVersion: 'coordination.k8s.io/v1alpha1',
        kind: 'LeaseCandidate',
        path: 'spec',
        description: 'One component instance standing for a lease: which lease, its binary and emulation versions, and the election strategies it supports.',
        shape: 'object',
        since: '1.31',
        readOnly: true,
        removedIn: '1.32',
        replacement: 'coordination.k8s.io/v1alpha2 (1.32) or coordination.k8s.io/v1beta1 (from 1.33), with a single spec.strategy.',
        children: [
          { key: 'leaseName', shape: 'string', required: true },
          { key: 'binaryVersion', shape: 'string' },
          { key: 'emulationVersion', shape: 'string' },
          { key: 'preferredStrategies', shape: 'stringList', required: true, example: '[OldestEmulationVersion]' },
          { key: 'pingTime', shape: 'string' },
          { key: 'renewTime', shape: 'string' },
        ],
        note: 'Written by kube-controller-manager and kube-scheduler, not by hand; v1alpha1 ships only in 1.31.',
      },
    ],
    config: [
      {
        component: 'kube-apiserver',
        flag: '--runtime-config',
        values: [
          {
            value: 'coordination.k8s.io/v1alpha1=true',
            description: 'Serves the 1.31 LeaseCandidate API, which coordinated leader election needs besides its gate.',
            since: '1.31',
            removedIn: '1.32',
            replacement: 'coordination.k8s.io/v1alpha2=true (1.32) or coordination.k8s.io/v1beta1=true (from 1.33)',
          },
          {
            value: 'coordination.k8s.io/v1alpha2=true',
            description: 'Serves the 1.32 LeaseCandidate API (single spec.strategy).',
            since: '1.32',
          },
          {
            value: 'coordination.k8s.io/v1beta1=true',
            description: 'Serves the beta LeaseCandidate API, from 1.33.',
            since: '1.33',
          },
        ],
        description: 'Enables API groups and versions that are off by default.',
      },
    ],
    docs: [
      kepLink(4355, 'Coordinated Leader Election'),
      {
        title: 'Coordinated Leader Election',
        url: 'https://kubernetes.io/docs/concepts/cluster-administration/coordinated-leader-election/',
      },
    ],
  },

  // =========================================================================
  // Counted by 1.31 as deprecations
  // =========================================================================
  {
    id: 'kep-4569',
    kep: 4569,
    releases: { '1.31': 'deprecation' },
    summary:
      'From 1.31 the kubelet\'s cgroup v1 support is frozen: no new features, only security and important bug fixes. A new kubelet setting lets administrators refuse to start on cgroup v1 hosts, and the kubelet warns when it runs on one.',
    watchOut: [
      'Nothing breaks in 1.31 itself, but new node features may require cgroup v2; plan host OS upgrades.',
      'failCgroupV1 defaults to false in 1.31–1.34; set it to true to catch cgroup v1 nodes early.',
      'From 1.35 failCgroupV1 defaults to true: a kubelet on a cgroup v1 host refuses to start unless you set it to false.',
      'The kubelet logs a warning, emits an event and exposes a metric on cgroup v1 hosts.',
      'The KEP itself is stable (GA in 1.31, without a feature gate); what it deprecates is running nodes on cgroup v1.',
    ],
    // No feature gate: the stage comes from kep.yaml. The 1.31 release counts the KEP as a deprecation.
    stages: [
      {
        stage: 'stable',
        from: '1.31',
        note: 'From kep.yaml (alpha, beta and stable all v1.31); the KEP has no feature gate. It puts cgroup v1 support into maintenance mode.',
      },
    ],
    config: [
      {
        component: 'kubelet',
        kind: 'KubeletConfiguration',
        apiVersions: ['kubelet.config.k8s.io/v1beta1'],
        path: 'failCgroupV1',
        values: [
          { value: 'false', description: 'Start on cgroup v1 hosts (the default in 1.31–1.34).', since: '1.31' },
          { value: 'true', description: 'Refuse to start on a cgroup v1 host (the default from 1.35).', since: '1.31' },
        ],
        description: 'Whether the kubelet refuses to run on cgroup v1. Added in 1.31.',
      },
      {
        component: 'kubelet',
        flag: '--fail-cgroupv1',
        description: 'Flag form of failCgroupV1 (added in 1.31).',
      },
    ],
    docs: [
      { title: 'KEP-4569', url: KEP(4569) },
      { title: 'About cgroup v2', url: 'https://kubernetes.io/docs/concepts/architecture/cgroups/' },
    ],
  },

  {
    id: 'kep-4004',
    kep: 4004,
    releases: { '1.31': 'deprecation' },
    summary:
      'Node status carries a kubeProxyVersion that the kubelet fills with its own version, which says nothing reliable about kube-proxy. The field is deprecated, and a kubelet gate stops filling it; the field stays in the API but is left empty once the gate is on.',
    watchOut: [
      'Tools that read status.nodeInfo.kubeProxyVersion to learn the kube-proxy version get the kubelet\'s version while the gate is off, and an empty string once it is on.',
      'The gate is on by default from 1.33 and locked on from 1.36; the field is not removed from the schema, only no longer populated.',
    ],
    notes: [
      'Patch releases differ in 1.31: v1.31.0 shipped DisableNodeKubeProxyVersion as beta and on, so its kubelets leave the field empty; v1.31.1 and later 1.31 patches turn the gate back off (deprecated), and the field is filled again.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Node',
        path: 'status.nodeInfo.kubeProxyVersion',
        description: 'Version string the kubelet reported as kube-proxy version; actually the kubelet\'s own version and not meaningful.',
        shape: 'string',
        readOnly: true,
        deprecatedIn: '1.31',
        removedIn: '1.33',
        replacement: 'Ask kube-proxy itself (its /version or the DaemonSet image tag); do not rely on Node status.',
        note: 'The field stays in the v1 schema; from 1.33 the kubelet leaves it empty by default (DisableNodeKubeProxyVersion on), which is what removedIn marks here.',
      },
    ],
    docs: [{ title: 'KEP-4004', url: KEP(4004) }],
  },

  // =========================================================================
  // Counted by 1.31 as removals
  // =========================================================================
  {
    id: 'removal-kubelet-keep-terminated-pod-volumes',
    title: 'Removal of kubelet --keep-terminated-pod-volumes flag',
    sig: 'node',
    releases: { '1.31': 'removal' },
    summary:
      'The kubelet flag that left a terminated pod\'s volumes mounted (for debugging) is gone in 1.31. It had been deprecated for years and never had a KubeletConfiguration counterpart.',
    watchOut: [
      'A kubelet started with --keep-terminated-pod-volumes fails on the unknown flag from 1.31; remove it from unit files and node bootstrap scripts before upgrading.',
      'There is no config-file field to migrate to; the behaviour is simply gone.',
    ],
    stages: [
      { stage: 'deprecated', from: '1.27', to: '1.30', note: 'The flag was deprecated years before 1.27, the oldest release this data covers.' },
      { stage: 'removed', from: '1.31', note: 'Removed by kubernetes PR #122082 (CHANGELOG-1.31, urgent upgrade notes).' },
    ],
    config: [
      {
        component: 'kubelet',
        flag: '--keep-terminated-pod-volumes',
        description: 'Kept volumes of terminated pods mounted on the node for debugging. Flag only; no KubeletConfiguration field.',
        removedIn: '1.31',
      },
    ],
    docs: [
      { title: 'Kubernetes 1.31 removals and major changes', url: 'https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/' },
    ],
  },

  {
    id: 'removal-cephfs-volume-plugin',
    title: 'Removal of the in-tree CephFS volume plugin (kubernetes.io/cephfs)',
    sig: 'storage',
    releases: { '1.31': 'removal' },
    summary:
      'The built-in CephFS volume type no longer works from 1.31. CephFS storage has to be consumed through the ceph-csi CephFS driver.',
    watchOut: [
      'The cephfs key is still accepted by the API server (with a warning), so manifests apply cleanly but pods cannot mount the volume.',
      'There was no CSI migration for CephFS: existing PersistentVolumes must be recreated for the CSI driver and workloads redeployed.',
    ],
    stages: [
      { stage: 'deprecated', from: '1.28', to: '1.30', note: 'The API server warns that cephfs is deprecated in v1.28 (pod and PersistentVolume warnings).' },
      { stage: 'removed', from: '1.31', note: 'Non-functional from v1.31 (the same warnings; kubernetes PR #124544). The fields remain in the schema but do nothing.' },
    ],
    fields: removedPluginFields('cephfs', 'CephFS', '1.28', '1.31', 'A ceph-csi CephFS volume: csi (inline) or a PersistentVolumeClaim bound to a CSI PersistentVolume.'),
    docs: [
      { title: 'Volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/' },
      { title: 'Kubernetes 1.31 removals and major changes', url: 'https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/' },
    ],
  },

  {
    id: 'removal-rbd-volume-plugin',
    title: 'Removal of the in-tree Ceph RBD volume plugin (kubernetes.io/rbd) and its CSI migration',
    sig: 'storage',
    releases: { '1.31': 'removal' },
    summary:
      'The built-in Ceph RBD volume type and its never-finished CSI migration were removed in 1.31. RBD block storage must go through the ceph-csi RBD driver.',
    watchOut: [
      'The rbd key is still accepted (with a warning), but pods using it cannot mount the volume from 1.31.',
      'The CSIMigrationRBD and InTreePluginRBDUnregister gates are gone too: setting either in --feature-gates makes components fail to start.',
      'Migrating means recreating PersistentVolumes for ceph-csi and redeploying workloads.',
    ],
    gates: ['CSIMigrationRBD', 'InTreePluginRBDUnregister'],
    stages: [
      { stage: 'deprecated', from: '1.28', to: '1.30', note: 'The API server warns that rbd is deprecated in v1.28; both RBD gates are deprecated from 1.28.' },
      { stage: 'removed', from: '1.31', note: 'Non-functional from v1.31 (kubernetes PR #124546); both gates are gone from the 1.31 code. The fields remain in the schema but do nothing.' },
    ],
    fields: removedPluginFields('rbd', 'Ceph RBD', '1.28', '1.31', 'A ceph-csi RBD volume through a PersistentVolumeClaim (or an inline csi volume where the driver allows it).'),
    docs: [
      { title: 'Volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/' },
      { title: 'Kubernetes 1.31 removals and major changes', url: 'https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/' },
    ],
  },

  {
    id: 'deprecation-scheduler-non-csi-volume-limit-plugins',
    title: 'Deprecation of non-CSI volume limit scheduler plugins (AzureDiskLimits, CinderLimits, EBSLimits, GCEPDLimits)',
    sig: 'scheduling',
    releases: { '1.31': 'deprecation' },
    summary:
      'The four cloud-specific volume-count plugins of kube-scheduler were deprecated and dropped from the default plugin set in 1.31, then deleted in 1.32. Those disk types are CSI-migrated, so the NodeVolumeLimits plugin enforces the same limits.',
    watchOut: [
      'Only custom KubeSchedulerConfiguration files are affected: remove these names from enabled/disabled lists and pluginConfig.',
      'From 1.32 the plugins no longer exist, so a profile that still names them must be fixed before upgrading.',
      'Disabling them explicitly is also a reference to a plugin that no longer exists in 1.32; delete those entries too.',
    ],
    stages: [
      { stage: 'deprecated', from: '1.31', to: '1.31', note: 'Deprecated and dropped from the default plugin set by kubernetes PR #124500 (CHANGELOG-1.31).' },
      { stage: 'removed', from: '1.32', note: 'Plugins deleted by kubernetes PR #124003 (CHANGELOG-1.32).' },
    ],
    config: schedulerPluginConfigs,
    docs: [
      { title: 'Scheduler Configuration', url: 'https://kubernetes.io/docs/reference/scheduling/config/' },
      { title: 'Kubernetes 1.31 removals and major changes', url: 'https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/' },
    ],
  },

  {
    id: 'kep-2395',
    kep: 2395,
    releases: { '1.31': 'removal' },
    summary:
      'With 1.31 the last cloud-provider code left Kubernetes itself; node lifecycle, routes and load balancers for a cloud now always come from an external cloud-controller-manager. The gates that disabled the in-tree providers went GA.',
    watchOut: [
      'Only --cloud-provider=external (or no cloud provider) works on kube-apiserver, kube-controller-manager and kubelet; provider names such as gce are rejected.',
      'Clusters that relied on in-tree providers need the cloud\'s external cloud-controller-manager and the matching CSI drivers before upgrading.',
      'Kubelet image credential helpers for clouds must be configured as external credential provider plugins.',
      'DisableCloudProviders and DisableKubeletCloudCredentialProviders are locked on in 1.31 and 1.32 and removed in 1.33; drop them from --feature-gates before upgrading to 1.33.',
    ],
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
    docs: [
      { title: 'KEP-2395', url: KEP(2395) },
      { title: 'Cloud Controller Manager', url: 'https://kubernetes.io/docs/concepts/architecture/cloud-controller/' },
    ],
  },

  {
    id: 'removal-intree-plugin-unregister-gates',
    title: 'Removal of InTreePlugin*Unregister feature gates',
    sig: 'storage',
    releases: { '1.31': 'removal' },
    summary:
      'Six alpha gates that only simulated the absence of in-tree volume plugins (AWS, Azure Disk, Azure File, GCE, OpenStack, vSphere) were deleted in 1.31, because the plugins themselves are gone. Only the Portworx one remains.',
    watchOut: [
      'Naming any of these gates in --feature-gates makes the component refuse to start on 1.31 and later; clean up kubelet and kube-controller-manager flags first.',
      'InTreePluginPortworxUnregister still exists (alpha, off) until it is removed in 1.36.',
    ],
    gates: [
      'InTreePluginAWSUnregister',
      'InTreePluginAzureDiskUnregister',
      'InTreePluginAzureFileUnregister',
      'InTreePluginGCEUnregister',
      'InTreePluginOpenStackUnregister',
      'InTreePluginvSphereUnregister',
    ],
    stages: [
      { stage: 'alpha', from: '1.27', to: '1.30', note: 'The six gates are alpha and off in the 1.27–1.30 code.' },
      { stage: 'removed', from: '1.31', note: 'Gone from the 1.31 code (kubernetes PR #124815).' },
    ],
    docs: [{ title: 'Kubernetes 1.31 removals and major changes', url: 'https://kubernetes.io/blog/2024/07/19/kubernetes-1-31-upcoming-changes/' }],
  },

  {
    id: 'removal-dra-v1alpha2',
    title: 'DRA API resource.k8s.io/v1alpha2 replaced by resource.k8s.io/v1alpha3',
    sig: 'node',
    releases: { '1.31': 'removal' },
    summary:
      'The alpha DRA API of 1.30 (resource.k8s.io/v1alpha2) is no longer served in 1.31; an incompatible v1alpha3 replaces it. ResourceClass became DeviceClass, the parameter kinds vanished, and the pod-level claim reference was flattened.',
    watchOut: [
      'Objects of resource.k8s.io/v1alpha2 (ResourceClass, ResourceClaim, ResourceClaimTemplate, PodSchedulingContext, ResourceSlice, ResourceClaimParameters, ResourceClassParameters) cannot be applied to a 1.31 or later cluster; rewrite them for v1alpha3 on 1.31, and for resource.k8s.io/v1 on 1.34 and later (KEP-4381).',
      'Pod spec.resourceClaims[].source no longer exists: move resourceClaimName / resourceClaimTemplateName one level up.',
      'DRA drivers built against the v1alpha2 kubelet plugin API stop working; upgrade drivers together with the cluster.',
      'Being alpha, this needed no deprecation period; the 1.31 removals post lists no beta or GA API removals.',
    ],
    gates: ['DynamicResourceAllocation'],
    stages: [
      { stage: 'alpha', from: '1.27', to: '1.30', note: 'resource.k8s.io/v1alpha2 is registered in the 1.27–1.30 API types (off by default, behind DynamicResourceAllocation).' },
      { stage: 'removed', from: '1.31', note: 'The 1.31 API types no longer register v1alpha2; v1alpha3 replaces it.' },
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
        note: 'In the Pod schema through 1.30 only.',
      },
    ],
    docs: [
      { title: 'KEP-4381', url: KEP(4381) },
      { title: 'Dynamic Resource Allocation', url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/' },
    ],
  },

  // =========================================================================
  // Volume plugins that stopped working before 1.31 (listed with the 1.31 removals)
  // =========================================================================
  {
    id: 'removal-earlier-intree-volume-plugins',
    title: 'In-tree volume plugins removed before 1.31 (photonPersistentDisk, scaleIO, flocker, quobyte, storageos, glusterfs)',
    sig: 'storage',
    releases: { '1.31': 'removal' },
    summary:
      'Several built-in volume types stopped working in releases before 1.31, though their keys are still in the Pod and PersistentVolume schema.',
    watchOut: [
      'The API still accepts these keys (with a warning), so old manifests apply but pods never get the volume.',
      'glusterfs stopped working in 1.26; flocker, quobyte and storageos in 1.25; scaleIO in 1.22; photonPersistentDisk in 1.16.',
      'gitRepo, long deprecated but still working in 1.31, has its own entry (KEP-5040): disabled by default from 1.33 and gone for good from 1.36.',
      'Cloud disk types (awsElasticBlockStore, azureDisk, azureFile, cinder, gcePersistentDisk, vsphereVolume, portworxVolume) are not listed here: their keys are redirected to CSI drivers, which must be installed.',
    ],
    stages: [
      {
        stage: 'removed',
        from: '1.27',
        note: 'All listed plugins were already non-functional before 1.27, the oldest release this data covers (pod and PersistentVolume warnings of the API server).',
      },
    ],
    fields: [
      ...removedPluginFields('photonPersistentDisk', 'Photon Controller persistent disk', '1.11', '1.16', 'A CSI driver for the storage system, if one exists.'),
      ...removedPluginFields('scaleIO', 'ScaleIO (Dell EMC PowerFlex)', '1.16', '1.22', 'The vendor CSI driver (PowerFlex CSI).'),
      ...removedPluginFields('flocker', 'Flocker', '1.22', '1.25', 'A CSI driver for the backing storage.'),
      ...removedPluginFields('quobyte', 'Quobyte', '1.22', '1.25', 'The Quobyte CSI driver.'),
      ...removedPluginFields('storageos', 'StorageOS', '1.22', '1.25', 'The StorageOS (Ondat) CSI driver.'),
      ...removedPluginFields('glusterfs', 'GlusterFS', '1.25', '1.26', 'A CSI driver for GlusterFS, or another storage system.'),
    ],
    docs: [{ title: 'Volumes', url: 'https://kubernetes.io/docs/concepts/storage/volumes/' }],
  },
];
