/**
 * Our words on the enhancements of Kubernetes 1.35-1.37 (those that change
 * fields people write), on top of the imported facts.
 *
 * 1.37 is known only from pre-release API types; its feature gates are
 * carried on from 1.36 and marked unconfirmed by the import. Where an entry
 * speaks of 1.37 it says what the 1.37 API types show, and calls anything
 * else a plan.
 */
import type { AllowedValue, ApiField, ComponentConfig, DocLink, Rule } from '../types';
import type { EnhancementOverlay } from './types';

/** A link to the KEP page, titled with the KEP's name. */
const kepLink = (n: number, title: string): DocLink => ({
  title: `KEP-${n}: ${title}`,
  url: `https://kep.k8s.io/${n}`,
});

type ConfigTarget = Pick<ComponentConfig, 'component' | 'kind' | 'apiVersions'>;
const KUBELET_CONFIG: ConfigTarget = { component: 'kubelet', kind: 'KubeletConfiguration', apiVersions: ['kubelet.config.k8s.io/v1beta1'] };
const KUBE_PROXY_CONFIG: ConfigTarget = { component: 'kube-proxy', kind: 'KubeProxyConfiguration', apiVersions: ['kubeproxy.config.k8s.io/v1alpha1'] };

// ---------------------------------------------------------------------------
// KEP-127 user namespaces: the host namespaces a user-namespaced pod may not share
// ---------------------------------------------------------------------------

/** A rule on `hostUsers: false` that needs the host-namespace key to stay false or unset. */
function hostNamespaceRule(key: 'hostNetwork' | 'hostPID' | 'hostIPC', id: string, severity: Rule['severity'], message: string, from: string, to?: string): Rule {
  return {
    id,
    trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.hostUsers', whenValue: ['false'] },
    check: { type: 'equals', path: key, values: ['false'], absentOk: true },
    severity,
    message,
    from,
    ...(to !== undefined ? { to } : {}),
  };
}

const hostUsersRules: Rule[] = [
  hostNamespaceRule(
    'hostNetwork',
    'hostusers-false-forbids-hostnetwork',
    'error',
    'A pod with hostUsers: false cannot also use hostNetwork: true; the API server rejects the combination.',
    '1.25',
    '1.34',
  ),
  hostNamespaceRule(
    'hostNetwork',
    'hostusers-false-hostnetwork-needs-gate',
    'warning',
    'hostUsers: false together with hostNetwork: true is rejected unless the alpha UserNamespacesHostNetworkSupport gate is on (kube-apiserver, kube-scheduler and kubelet).',
    '1.35',
  ),
  hostNamespaceRule(
    'hostPID',
    'hostusers-false-forbids-hostpid',
    'error',
    'A pod with hostUsers: false cannot share the host PID namespace (hostPID: true); the API server rejects it.',
    '1.25',
  ),
  hostNamespaceRule(
    'hostIPC',
    'hostusers-false-forbids-hostipc',
    'error',
    'A pod with hostUsers: false cannot share the host IPC namespace (hostIPC: true); the API server rejects it.',
    '1.25',
  ),
  {
    id: 'hostusers-not-on-windows',
    trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.hostUsers' },
    check: { type: 'equals', path: 'os.name', values: ['linux'], absentOk: true },
    severity: 'error',
    message: 'hostUsers cannot be set on a pod whose os.name is windows; user namespaces are a Linux feature.',
    from: '1.25',
  },
];

// ---------------------------------------------------------------------------
// KEP-5471 numeric toleration operators
// ---------------------------------------------------------------------------

const TOLERATION_OPERATORS: AllowedValue[] = [
  { value: 'Exists', description: 'Tolerate every taint with this key (or every taint at all when key is empty); value must be empty.' },
  { value: 'Equal', description: 'Tolerate a taint whose value is exactly this value (the default when operator is unset).' },
  {
    value: 'Lt',
    description: "Tolerate a taint whose value, read as an integer, is less than this toleration's value.",
    since: '1.35',
    gate: 'TaintTolerationComparisonOperators',
  },
  {
    value: 'Gt',
    description: "Tolerate a taint whose value, read as an integer, is greater than this toleration's value.",
    since: '1.35',
    gate: 'TaintTolerationComparisonOperators',
  },
];

const numericTolerationRules: Rule[] = [
  {
    id: 'toleration-compare-needs-integer-value',
    trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.tolerations[].operator', whenValue: ['Lt', 'Gt'] },
    check: { type: 'notMatching', path: 'value', pattern: '^(?!(?:0|-?[1-9][0-9]*)$)' },
    severity: 'error',
    message:
      'With operator Lt or Gt the value must be a plain decimal integer such as "100" or "-5" (no sign +, no leading zeros, no units); the API server rejects anything else.',
    from: '1.35',
  },
  {
    id: 'toleration-compare-needs-value',
    trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.tolerations[].operator', whenValue: ['Lt', 'Gt'] },
    check: { type: 'present', path: 'value' },
    severity: 'error',
    message: 'Operators Lt and Gt compare numbers, so the toleration needs a value holding the threshold; an empty value is rejected.',
    from: '1.35',
  },
  {
    id: 'toleration-compare-needs-key',
    trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.tolerations[].operator', whenValue: ['Lt', 'Gt'] },
    check: { type: 'present', path: 'key' },
    severity: 'error',
    message: 'A toleration without a key must use operator Exists; name the taint key that Lt or Gt compares.',
    from: '1.35',
  },
];

// ---------------------------------------------------------------------------
// Workload-aware scheduling (scheduling.k8s.io v1alpha1 → v1alpha2 → v1alpha3)
// ---------------------------------------------------------------------------

const GANG_CHILDREN = [{ key: 'minCount', shape: 'integer' as const, example: '4', required: true }];

/** Pod group template fields that repeat in Workload v1alpha2 and v1alpha3. */
function workloadTemplateFields(apiVersion: string, since: string): ApiField[] {
  return [
    {
      apiVersion,
      kind: 'Workload',
      path: 'spec.podGroupTemplates',
      description:
        'Named templates of pod groups, each with a scheduling policy (basic or gang); a workload controller creates PodGroup objects from them at run time.',
      shape: 'list',
      since,
      gates: ['GenericWorkload'],
      children: [
        { key: 'name', shape: 'string', required: true, example: 'workers' },
        { key: 'schedulingPolicy', shape: 'object', required: true },
      ],
    },
    {
      apiVersion,
      kind: 'Workload',
      path: 'spec.podGroupTemplates[].schedulingPolicy.gang',
      description: 'All-or-nothing placement: the scheduler binds none of the group until at least minCount of its pods fit.',
      shape: 'object',
      since,
      gates: ['GenericWorkload'],
      children: GANG_CHILDREN,
    },
    {
      apiVersion,
      kind: 'Workload',
      path: 'spec.controllerRef',
      description: 'Optional reference to the object (for example a Job) whose pods this Workload describes; informational for tooling.',
      shape: 'object',
      since,
      gates: ['GenericWorkload'],
    },
  ];
}

function podGroupPolicyFields(apiVersion: string, since: string): ApiField[] {
  return [
    {
      apiVersion,
      kind: 'PodGroup',
      path: 'spec.schedulingPolicy',
      description: 'How the pods of this group are placed: basic (each pod on its own) or gang (all-or-nothing with minCount).',
      shape: 'object',
      since,
      gates: ['GenericWorkload'],
      children: [
        { key: 'gang', shape: 'object' },
        { key: 'basic', shape: 'object' },
      ],
    },
    {
      apiVersion,
      kind: 'PodGroup',
      path: 'spec.schedulingPolicy.gang',
      description: 'Gang policy: the scheduler waits until at least minCount pods of the group can be placed, then binds them together.',
      shape: 'object',
      since,
      gates: ['GenericWorkload'],
      children: GANG_CHILDREN,
    },
  ];
}

/** Fields of KEP-5729 and KEP-5732 on both PodGroup versions and their Workload templates. */
function podGroupGatedFields(
  path: 'resourceClaims' | 'schedulingConstraints',
  description: string,
  shape: 'list' | 'object',
  gate: string,
  children: ApiField['children'],
): ApiField[] {
  const out: ApiField[] = [];
  for (const [apiVersion, since] of [
    ['scheduling.k8s.io/v1alpha2', '1.36'],
    ['scheduling.k8s.io/v1alpha3', '1.37'],
  ] as const) {
    out.push({ apiVersion, kind: 'PodGroup', path: `spec.${path}`, description, shape, since, gates: [gate], children });
    out.push({
      apiVersion,
      kind: 'Workload',
      path: `spec.podGroupTemplates[].${path}`,
      description: `${description} Set on the template, it is copied into every PodGroup made from it.`,
      shape,
      since,
      gates: [gate],
      children,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// The entries
// ---------------------------------------------------------------------------

export const overlays135to137: readonly EnhancementOverlay[] = [
  // =========================================================================
  // First listed by 1.35
  // =========================================================================
  {
    id: 'kep-3983',
    kep: 3983,
    summary:
      'The kubelet can read its configuration from a drop-in directory given with --config-dir: each *.conf file there is a KubeletConfiguration fragment that overrides the main --config file. GA in 1.35.',
    watchOut: [
      'Files are applied in alphanumeric order, and only files ending in .conf are read; others are skipped.',
      'A list in a drop-in replaces the list from earlier files instead of being merged with it.',
      'Each drop-in is a full KubeletConfiguration document (apiVersion and kind included), holding only the fields it changes.',
      'The flag is empty by default, so nothing changes until you set it; /etc/kubernetes/kubelet.conf.d is the suggested directory.',
      'The KEP has no feature gate; the effective result shows at /api/v1/nodes/<node>/proxy/configz.',
    ],
    config: [
      {
        component: 'kubelet',
        flag: '--config-dir',
        description: 'Directory of KubeletConfiguration drop-in files (*.conf), merged over the --config file in alphanumeric order.',
      },
    ],
    docs: [
      kepLink(3983, 'Add support for a kubelet drop-in configuration directory'),
      { title: 'Set Kubelet Parameters Via A Configuration File', url: 'https://kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/' },
    ],
  },

  {
    id: 'kep-4210',
    kep: 4210,
    // kep.yaml names the gate ImageGCMaximumAge; the code's gate is ImageMaximumGCAge.
    gates: ['ImageMaximumGCAge'],
    summary:
      'The kubelet can garbage-collect images that have not been used for a set time, whatever the disk usage, with imageMaximumGCAge in its configuration. GA in 1.35.',
    watchOut: [
      'Default 0s: images are never removed for age alone; set e.g. 168h to drop images unused for a week.',
      'The age is measured from the last time the kubelet saw the image in use; garbage collection runs periodically, so removal can lag by a few minutes.',
      'An image that is pulled rarely but regularly (say weekly) is pulled again each time if the maximum age is shorter than that interval.',
      'The gate ImageMaximumGCAge is GA and locked on from 1.35.',
    ],
    notes: ['The gate is ImageMaximumGCAge; the name ImageGCMaximumAge in the KEP is not a gate the kubelet accepts.'],
    config: [
      {
        ...KUBELET_CONFIG,
        path: 'imageMaximumGCAge',
        description: 'Longest time an image may stay unused before the kubelet removes it. "0s" (the default) turns age-based removal off.',
      },
    ],
    docs: [
      kepLink(4210, 'ImageMaximumGCAge in Kubelet'),
      { title: 'Garbage Collection: Container image lifecycle', url: 'https://kubernetes.io/docs/concepts/architecture/garbage-collection/#container-image-lifecycle' },
    ],
    sources: ['k8s.io/kubelet kubernetes-1.35.0 config/v1beta1 KubeletConfiguration.imageMaximumGCAge comment; kubernetes kube_features.go ImageMaximumGCAge'],
  },

  {
    id: 'kep-961',
    kep: 961,
    summary:
      'A StatefulSet rolling update can replace several pods at once: updateStrategy.rollingUpdate.maxUnavailable sets how many pods (or what percentage) may be down during the update, instead of one at a time.',
    watchOut: [
      'maxUnavailable cannot be 0; write a positive number or a percentage (percentages are rounded up).',
      'With the default podManagementPolicy OrderedReady the controller still brings pods up one by one, so the setting may have little effect; it pays off with podManagementPolicy: Parallel.',
      'The MaxUnavailableStatefulSet gate went beta and on in 1.35.0, was switched back to off in the 1.35.4 patch release, and is beta but off in 1.36. With the gate off the API server drops the field and updates go one pod at a time.',
      'Every unavailable pod in the range 0 to replicas-1 counts against the budget, not only the pods being updated.',
    ],
    notes: ['MaxUnavailableStatefulSet is on by default in 1.35.0–1.35.3 only; from 1.35.4 on, turn it on explicitly (kube-apiserver and kube-controller-manager).'],
    fields: [
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        path: 'spec.updateStrategy.rollingUpdate.maxUnavailable',
        description: 'Most pods that may be unavailable at once during a rolling update: a number (e.g. 2) or a percentage of replicas (e.g. 25%). Defaults to 1.',
        shape: 'string',
        since: '1.24',
      },
    ],
    rules: [
      {
        id: 'statefulset-maxunavailable-not-zero',
        trigger: { apiVersion: 'apps/v1', kind: 'StatefulSet', path: 'spec.updateStrategy.rollingUpdate.maxUnavailable' },
        check: { type: 'minimum', path: '.', min: 1 },
        severity: 'error',
        message: 'maxUnavailable must allow at least one pod to be down; 0 is rejected.',
        from: '1.24',
      },
    ],
    docs: [
      kepLink(961, 'Implement maxUnavailable for StatefulSets'),
      { title: 'StatefulSets: Maximum unavailable Pods', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#maximum-unavailable-pods' },
    ],
    sources: ['kubernetes v1.35.0–v1.35.4 and v1.36.0 pkg/features/kube_features.go (MaxUnavailableStatefulSet); k8s.io/api apps/v1 RollingUpdateStatefulSetStrategy comment ("This can not be 0")'],
  },

  {
    id: 'kep-5538',
    kep: 5538,
    summary:
      'A CSIDriver can ask the kubelet to hand it service account tokens in the secrets field of the CSI NodePublishVolume call instead of in the volume context, so the tokens stay out of driver logs.',
    watchOut: [
      'Only for drivers that request tokens: the field is accepted only together with spec.tokenRequests.',
      'The driver must read the tokens from the secrets (key csi.storage.k8s.io/serviceAccount.tokens); a driver that still reads the volume context gets nothing once this is true.',
      'Unset or false keeps the old behaviour (tokens in the volume context).',
      'The CSIServiceAccountTokenSecrets gate is beta and on in 1.35 and GA, locked on, in 1.36.',
    ],
    fields: ['storage.k8s.io/v1', 'storage.k8s.io/v1beta1'].map(
      (apiVersion): ApiField => ({
        apiVersion,
        kind: 'CSIDriver',
        path: 'spec.serviceAccountTokenInSecrets',
        description: 'true: the kubelet passes the pod service account tokens in the NodePublishVolume secrets rather than in the volume context.',
        shape: 'boolean',
        since: '1.35',
      }),
    ),
    rules: ['storage.k8s.io/v1', 'storage.k8s.io/v1beta1'].map(
      (apiVersion): Rule => ({
        id: `csidriver-tokens-in-secrets-needs-tokenrequests-${apiVersion.split('/')[1]}`,
        trigger: { apiVersion, kind: 'CSIDriver', path: 'spec.serviceAccountTokenInSecrets', whenValue: ['true'] },
        check: { type: 'present', path: 'tokenRequests' },
        severity: 'error',
        message: 'serviceAccountTokenInSecrets only makes sense when the driver requests tokens; the API server rejects it without spec.tokenRequests.',
        from: '1.35',
      }),
    ),
    docs: [kepLink(5538, 'CSI driver opt-in for service account tokens via secrets field')],
    sources: ['k8s.io/api storage/v1 CSIDriverSpec.serviceAccountTokenInSecrets comment (kubernetes-1.35.0, kubernetes-1.36.0)'],
  },

  {
    id: 'kep-5573',
    kep: 5573,
    summary:
      'The kubelet refuses to start on a cgroup v1 host by default from 1.35: failCgroupV1 now defaults to true. Setting it to false keeps such nodes running for now, on the way to cgroup v1 support being removed.',
    watchOut: [
      'Check every node (stat -fc %T /sys/fs/cgroup/ prints cgroup2fs on cgroup v2) before upgrading kubelets to 1.35.',
      'failCgroupV1: false is a stop-gap; plan the move of the remaining hosts to cgroup v2.',
      'There is no feature gate: the change is the new default of the kubelet setting.',
    ],
    config: [
      {
        ...KUBELET_CONFIG,
        path: 'failCgroupV1',
        description: 'Whether the kubelet refuses to run on a cgroup v1 host. Defaults to true from 1.35 (false before); set false only to keep old hosts running while they are migrated.',
      },
    ],
    docs: [
      kepLink(5573, 'Remove cgroup v1 support'),
      { title: 'About cgroup v2', url: 'https://kubernetes.io/docs/concepts/architecture/cgroups/' },
    ],
    sources: ['k8s.io/kubelet config/v1beta1 KubeletConfiguration.failCgroupV1 comment (kubernetes-1.34.0: default false; kubernetes-1.35.0: default true)'],
  },

  {
    id: 'kep-4671',
    kep: 4671,
    summary:
      'The scheduler can place a group of pods all at once or not at all (gang scheduling). A Workload object in scheduling.k8s.io describes the pod groups of an application and their policy, such as a gang with a minimum count.',
    watchOut: [
      'Alpha: needs the GenericWorkload gate (kube-apiserver, kube-controller-manager, kube-scheduler) and the scheduling.k8s.io alpha API version enabled with --runtime-config.',
      'The API moved every release: scheduling.k8s.io/v1alpha1 in 1.35 (spec.podGroups[].policy), v1alpha2 in 1.36 (spec.podGroupTemplates[].schedulingPolicy, plus separate PodGroup objects), v1alpha3 in the 1.37 API types. Manifests must be rewritten for each.',
      'In 1.35 a pod joins a group with spec.workloadRef (name, podGroup); from 1.36 that field is gone and a pod names its PodGroup in spec.schedulingGroup.podGroupName.',
      'The gang waits: none of its pods bind until minCount of them fit, so a gang larger than the free capacity stays Pending.',
      'A Workload spec is immutable once created (in v1alpha2 and later: at most 8 pod group templates); to change it, create a new Workload.',
      'kep.yaml plans beta for 1.37; the 1.37 gate state is not confirmed by the data.',
    ],
    fields: [
      {
        apiVersion: 'scheduling.k8s.io/v1alpha1',
        kind: 'Workload',
        path: 'spec.podGroups',
        description: 'The pod groups of this workload, each with a name and a scheduling policy (basic or gang).',
        shape: 'list',
        since: '1.35',
        children: [
          { key: 'name', shape: 'string', required: true, example: 'workers' },
          { key: 'policy', shape: 'object', required: true },
        ],
      },
      {
        apiVersion: 'scheduling.k8s.io/v1alpha1',
        kind: 'Workload',
        path: 'spec.podGroups[].policy.gang',
        description: 'All-or-nothing placement: the scheduler binds none of the group until at least minCount of its pods fit.',
        shape: 'object',
        since: '1.35',
        children: GANG_CHILDREN,
      },
      ...workloadTemplateFields('scheduling.k8s.io/v1alpha2', '1.36'),
      ...workloadTemplateFields('scheduling.k8s.io/v1alpha3', '1.37'),
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.workloadRef',
        description: 'Links the pod to a pod group of a Workload (1.35 only): name of the Workload, podGroup, and an optional podGroupReplicaKey.',
        shape: 'object',
        since: '1.35',
        removedIn: '1.36',
        replacement: 'spec.schedulingGroup.podGroupName, naming a PodGroup object (scheduling.k8s.io/v1alpha2 or later).',
        children: [
          { key: 'name', shape: 'string', required: true },
          { key: 'podGroup', shape: 'string', required: true },
          { key: 'podGroupReplicaKey', shape: 'string' },
        ],
      },
    ],
    docs: [
      kepLink(4671, 'Gang Scheduling'),
      { title: 'Workload API', url: 'https://kubernetes.io/docs/concepts/workloads/workload-api/' },
    ],
  },

  {
    id: 'kep-5832',
    kep: 5832,
    summary:
      'Pod groups become objects of their own: a PodGroup (scheduling.k8s.io) carries the scheduling policy and status of one group of pods, and a pod joins it by name with spec.schedulingGroup. The Workload keeps only templates for them.',
    watchOut: [
      'Alpha behind the GenericWorkload gate, with the scheduling.k8s.io alpha version enabled through --runtime-config.',
      'spec.schedulingGroup is immutable: a pod cannot move to another group once created.',
      'A pod that names a PodGroup that does not exist yet stays Pending until it appears.',
      'PodGroup is served as v1alpha2 in 1.36 and v1alpha3 in the 1.37 API types; in v1alpha3 the link back to the Workload is spec.workloadRef (workloadName, templateName) instead of spec.podGroupTemplateRef.workload.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.schedulingGroup',
        description: 'The PodGroup (same namespace) this pod belongs to; the scheduler applies that group’s policy, such as gang scheduling.',
        shape: 'object',
        since: '1.36',
        gates: ['GenericWorkload'],
        children: [{ key: 'podGroupName', shape: 'string', required: true, example: 'training-workers-0' }],
      },
      ...podGroupPolicyFields('scheduling.k8s.io/v1alpha2', '1.36'),
      ...podGroupPolicyFields('scheduling.k8s.io/v1alpha3', '1.37'),
      {
        apiVersion: 'scheduling.k8s.io/v1alpha2',
        kind: 'PodGroup',
        path: 'spec.podGroupTemplateRef',
        description: 'Optional back-reference to the Workload template this group was made from (workload.workloadName and workload.podGroupTemplateName).',
        shape: 'object',
        since: '1.36',
        gates: ['GenericWorkload'],
      },
      {
        apiVersion: 'scheduling.k8s.io/v1alpha3',
        kind: 'PodGroup',
        path: 'spec.workloadRef',
        description: 'Optional back-reference to the Workload and template this group was made from (workloadName, templateName).',
        shape: 'object',
        since: '1.37',
        gates: ['GenericWorkload'],
        children: [
          { key: 'workloadName', shape: 'string' },
          { key: 'templateName', shape: 'string' },
        ],
      },
    ],
    docs: [
      kepLink(5832, 'Decouple PodGroup API'),
      { title: 'PodGroup API', url: 'https://kubernetes.io/docs/concepts/workloads/podgroup-api/' },
      { title: 'Scheduling Group', url: 'https://kubernetes.io/docs/concepts/workloads/pods/scheduling-group/' },
    ],
  },

  {
    id: 'kep-5710',
    kep: 5710,
    // kep.yaml names only GenericWorkload; the 1.36 preemption fields are guarded by WorkloadAwarePreemption.
    gates: ['WorkloadAwarePreemption'],
    summary:
      'The scheduler can preempt for a whole pod group at once: a PodGroup gets its own priority and a disruption mode that says whether its pods may be preempted one by one or only all together.',
    watchOut: [
      'In 1.36 (scheduling.k8s.io/v1alpha2) disruptionMode, priorityClassName and priority need the alpha WorkloadAwarePreemption gate, which in turn needs GangScheduling and GenericWorkload.',
      'disruptionMode changes shape between versions: a string (Pod or PodGroup) in v1alpha2, an object with single or all in the 1.37 v1alpha3 types.',
      'The 1.37 API types add spec.preemptionPolicy (PreemptLowerPriority or Never) behind a PodGroupPreemptionPolicy gate; that gate is not in the data yet.',
      'These fields are immutable once the PodGroup exists.',
    ],
    fields: [
      {
        apiVersion: 'scheduling.k8s.io/v1alpha2',
        kind: 'PodGroup',
        path: 'spec.disruptionMode',
        description: 'Whether preemption may take single pods of this group or must take the group as a whole.',
        shape: 'string',
        since: '1.36',
        gates: ['WorkloadAwarePreemption'],
        values: [
          { value: 'Pod', description: 'Pods of the group can be preempted individually.' },
          { value: 'PodGroup', description: 'The group is preempted as one unit: all of its pods or none.' },
        ],
      },
      {
        apiVersion: 'scheduling.k8s.io/v1alpha2',
        kind: 'PodGroup',
        path: 'spec.priorityClassName',
        description: 'PriorityClass that sets the priority of the whole group for scheduling and preemption.',
        shape: 'string',
        since: '1.36',
        gates: ['WorkloadAwarePreemption'],
      },
      {
        apiVersion: 'scheduling.k8s.io/v1alpha3',
        kind: 'PodGroup',
        path: 'spec.disruptionMode',
        description: 'Whether preemption may take single pods of this group (single: {}) or only the whole group (all: {}).',
        shape: 'object',
        since: '1.37',
        gates: ['GenericWorkload'],
        children: [
          { key: 'single', shape: 'object', example: '{}' },
          { key: 'all', shape: 'object', example: '{}' },
        ],
      },
    ],
    docs: [kepLink(5710, 'Workload-aware preemption')],
  },

  {
    id: 'kep-5030',
    kep: 5030,
    summary:
      'A CSIDriver can declare that pods using it must not be scheduled to nodes where the driver is not installed yet, which also lets the cluster autoscaler account for CSI volume attach limits on nodes it plans to add.',
    watchOut: [
      'The gate VolumeLimitScaling exists from 1.35, but the CSIDriver field only appears in the 1.36 API types.',
      'Alpha and off: the gate must be on in kube-apiserver and kube-scheduler (and in the cluster autoscaler).',
      'Components that simulate scheduling (such as the cluster autoscaler) must also simulate CSINode objects for new nodes, or every new node looks like it lacks the driver.',
      'kep.yaml plans beta for 1.37; not confirmed by the data.',
    ],
    fields: ['storage.k8s.io/v1', 'storage.k8s.io/v1beta1'].map(
      (apiVersion): ApiField => ({
        apiVersion,
        kind: 'CSIDriver',
        path: 'spec.preventPodSchedulingIfMissing',
        description: 'true: pods that use this driver are kept off nodes whose CSINode does not list the driver. Default false.',
        shape: 'boolean',
        since: '1.36',
      }),
    ),
    docs: [kepLink(5030, 'Integrate CSI Volume attach limits with cluster autoscaler')],
  },

  {
    id: 'kep-5284',
    kep: 5284,
    summary:
      'RBAC can grant impersonation narrowly: a subject may impersonate an identity only for chosen actions, through the verbs impersonate:<mode> on the identity and impersonate-on:<mode>:<verb> on the resources of the impersonated request.',
    watchOut: [
      'The modes are user-info, serviceaccount, arbitrary-node and associated-node (a service account impersonating the node its pod runs on).',
      'The impersonate:<mode> checks are made against users, groups, uids, userextras, serviceaccounts and nodes in the authentication.k8s.io API group, not the core group the legacy impersonate verb uses; write rules with apiGroups: ["authentication.k8s.io"].',
      'Both checks must pass: for example impersonate:serviceaccount on the service account and impersonate-on:serviceaccount:list on pods.',
      'The plain impersonate verb keeps working as before; the new verbs only add narrower grants.',
      'Gate ConstrainedImpersonation (kube-apiserver): alpha and off in 1.35, beta and on from 1.36.',
    ],
    docs: [
      kepLink(5284, 'Constrained Impersonation'),
      { title: 'User impersonation', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation' },
    ],
    sources: ['k8s.io/apiserver kubernetes-1.36.0 pkg/endpoints/filters/impersonation (mode.go, constrained_impersonation.go)'],
  },

  {
    id: 'kep-5328',
    kep: 5328,
    summary:
      'Each kubelet publishes in Node status.declaredFeatures which gated features it supports, so the scheduler and admission can keep pods that need a feature away from older nodes during an upgrade.',
    watchOut: [
      'Written by the kubelet; nothing to set in manifests.',
      'Gate NodeDeclaredFeatures: alpha off in 1.35, beta on in 1.36; kep.yaml plans GA for 1.37 (not confirmed by the data).',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Node',
        path: 'status.declaredFeatures',
        description: 'Names of the features this node declares it supports, used to match pods to nodes that can run them.',
        shape: 'stringList',
        since: '1.35',
        readOnly: true,
      },
    ],
    docs: [kepLink(5328, 'Node Declared Features')],
  },

  {
    id: 'kep-5381',
    kep: 5381,
    summary:
      'The node affinity of an existing PersistentVolume can be edited, for example after its data moved from zonal to regional storage, instead of deleting and recreating the PersistentVolume.',
    watchOut: [
      'Without the MutablePVNodeAffinity gate (alpha, off in 1.35 and 1.36) spec.nodeAffinity can only be added to a PV that had none; changing an existing one is rejected, apart from renames of a few well-known topology labels.',
      'Changing the affinity does not move data: the storage must already be reachable from the nodes the new affinity allows.',
      'kep.yaml planned beta for 1.36; the gate stayed alpha in the 1.36 code.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        path: 'spec.nodeAffinity',
        description: 'Nodes from which this volume can be used. Mutable on existing volumes only with the MutablePVNodeAffinity gate.',
        shape: 'object',
      },
    ],
    docs: [kepLink(5381, 'Mutable PersistentVolume Node Affinity')],
    sources: ['kubernetes v1.36.0 pkg/apis/core/validation ValidatePersistentVolumeUpdate (MutablePVNodeAffinity)'],
  },

  {
    id: 'kep-5419',
    kep: 5419,
    summary:
      'Pod-level resources (spec.resources) can be resized in place on a running pod, like container resources, and the pod status reports what the kubelet has allocated and applied at pod level.',
    watchOut: [
      'Resize goes through the resize subresource (kubectl patch --subresource resize), and only cpu and memory at pod level can change.',
      'Pod-level requests and limits cannot be removed by a resize; the QoS class of the pod must not change.',
      'Static pods and Windows pods cannot be resized.',
      'Gate InPlacePodLevelResourcesVerticalScaling: alpha off in 1.35, beta on in 1.36; it depends on InPlacePodVerticalScaling, PodLevelResources and NodeDeclaredFeatures.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.allocatedResources',
        description: 'Pod-level resources the kubelet has admitted for this pod.',
        shape: 'map',
        since: '1.35',
        readOnly: true,
        gates: ['InPlacePodLevelResourcesVerticalScaling'],
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.resources',
        description: 'Pod-level requests and limits actually applied to the pod sandbox.',
        shape: 'object',
        since: '1.35',
        readOnly: true,
        gates: ['InPlacePodLevelResourcesVerticalScaling'],
      },
    ],
    docs: [
      kepLink(5419, 'In-Place Pod-Level Resources Resize'),
      { title: 'Resize CPU and Memory Resources assigned to Pods', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/resize-pod-resources/' },
    ],
    sources: ['kubernetes v1.36.0 pkg/apis/core/validation ValidatePodResize, validatePodLevelResourcesResize'],
  },

  {
    id: 'kep-5440',
    kep: 5440,
    summary:
      'While a Job is suspended, a queueing controller can change the resource requests and limits in its pod template (CPU, memory, GPUs and other extended resources) before letting it run.',
    watchOut: [
      'Only while spec.suspend is true; a Job that already ran must first have no active pods left. Once resumed, the template is immutable again.',
      'Only resources.requests and resources.limits of the containers become mutable; ResourceClaimTemplates referenced by the pods stay as they are.',
      'Gates MutablePodResourcesForSuspendedJobs and MutableSchedulingDirectivesForSuspendedJobs: alpha off in 1.35, beta on in 1.36.',
    ],
    docs: [kepLink(5440, 'Mutable Pod Resources for Suspended Jobs')],
  },

  {
    id: 'kep-5471',
    kep: 5471,
    summary:
      'Tolerations can compare numbers: operator Gt or Lt tolerates a taint whose value is greater or less than the toleration’s value, so a pod can accept, say, nodes whose taint reports a reliability score above a threshold.',
    watchOut: [
      'Alpha and off in 1.35 and 1.36: the TaintTolerationComparisonOperators gate must be on in kube-apiserver (otherwise Lt and Gt are rejected) and in kube-scheduler (otherwise such tolerations never match). The 1.37 state is not confirmed by the data.',
      'Lt tolerates taints whose value is smaller than the toleration value; Gt those whose value is larger. A taint with exactly the threshold value is not tolerated by either.',
      'The toleration value must be a canonical decimal integer within 64 bits ("100", "-5"; not "+5", "007" or "1k").',
      'A taint whose value is not such an integer never matches Lt or Gt. Taint values must be valid label values, so a taint cannot carry a negative number.',
      'The key is required: a toleration with an empty key must use Exists.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.tolerations[].operator',
        description: 'How the toleration matches a taint with the same key: Exists, Equal (default), or the numeric Lt and Gt.',
        shape: 'string',
        values: TOLERATION_OPERATORS,
      },
    ],
    rules: numericTolerationRules,
    docs: [
      kepLink(5471, 'Extended Toleration Operators for Threshold-Based Placement'),
      { title: 'Taints and Tolerations', url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/' },
    ],
    sources: [
      'kubernetes v1.36.0 pkg/apis/core/validation ValidateTolerations (Lt/Gt need a decimal integer value within int64)',
      'k8s.io/api kubernetes-1.36.0 core/v1/toleration.go ToleratesTaint (direction of Lt and Gt)',
      'k8s.io/apimachinery kubernetes-1.36.0 pkg/api/validate/content/decimal_int.go',
    ],
  },

  {
    id: 'kep-5532',
    kep: 5532,
    summary:
      'A container restart rule can restart the whole pod in place: action RestartAllContainers stops and restarts every container, init and sidecar containers included, while the pod keeps its sandbox, IP and devices.',
    watchOut: [
      'Works on top of container restart rules (restartPolicy plus restartPolicyRules with exitCodes on the container).',
      'With RestartAllContainers allowed, sidecar containers (init containers with restartPolicy: Always) may carry restartPolicyRules too.',
      'Gate RestartAllContainersOnContainerExits: alpha off in 1.35, beta on in 1.36; kep.yaml plans GA for 1.37 (not confirmed by the data).',
      'While the pod restarts it reports the condition AllContainersRestarting.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.containers[].restartPolicyRules[].action',
        description: 'What to do when the rule matches an exited container.',
        shape: 'string',
        values: [
          { value: 'Restart', description: 'Restart only this container.' },
          {
            value: 'RestartAllContainers',
            description: 'Restart every container of the pod in place, keeping the pod sandbox, IP address and devices.',
            since: '1.35',
            gate: 'RestartAllContainersOnContainerExits',
          },
        ],
      },
    ],
    docs: [kepLink(5532, 'Restart All Containers on Container Exits')],
    sources: ['kubernetes v1.36.0 pkg/apis/core/validation validateContainerRestartPolicy, validateInitContainerRestartPolicy'],
  },

  {
    id: 'kep-5607',
    kep: 5607,
    summary:
      'Pods that use the host network can still run in their own user namespace: with the UserNamespacesHostNetworkSupport gate, hostNetwork: true and hostUsers: false may be combined, for example for control-plane static pods.',
    watchOut: [
      'Alpha and off in 1.35 and 1.36; without the gate the API server rejects the combination.',
      'The gate depends on UserNamespacesSupport and NodeDeclaredFeatures.',
      'hostPID and hostIPC stay forbidden with hostUsers: false.',
      'The node and its runtime must support user namespaces (see KEP-127).',
    ],
    docs: [
      kepLink(5607, 'Allow HostNetwork Pods to Use User Namespaces'),
      { title: 'User Namespaces', url: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/' },
    ],
    sources: ['kubernetes v1.35.0 and v1.36.0 pkg/apis/core/validation validateHostUsers; pkg/features/kube_features.go dependencies'],
  },

  {
    id: 'kep-5495',
    kep: 5495,
    releases: { '1.35': 'deprecation' },
    summary:
      'The ipvs mode of kube-proxy is deprecated from 1.35; kube-proxy logs a warning when it runs in that mode. Clusters should move to the nftables mode (or iptables).',
    watchOut: [
      'Nothing breaks yet: ipvs keeps working in 1.35 and 1.36.',
      'The KEP plans a KubeProxyIPVS gate (on) for 1.37, switching off by default in 1.40 and locked off in 1.43; the 1.37 gate is not in the data.',
      'The ipvs: section of the config may stay (kubeadm writes it with defaults); only mode: ipvs selects the deprecated backend.',
      'The nftables settings have no counterpart to ipvs.scheduler.',
    ],
    config: [
      {
        ...KUBE_PROXY_CONFIG,
        path: 'mode',
        values: [
          {
            value: 'ipvs',
            description: 'IPVS backend (Linux); deprecated from 1.35.',
            deprecatedIn: '1.35',
            replacement: 'nftables',
          },
        ],
        description: 'Proxy mode of kube-proxy.',
      },
      {
        component: 'kube-proxy',
        flag: '--proxy-mode',
        values: [{ value: 'ipvs', description: 'IPVS backend; deprecated from 1.35.', deprecatedIn: '1.35', replacement: 'nftables' }],
        description: 'Command-line form of the proxy mode.',
      },
    ],
    docs: [
      kepLink(5495, 'Deprecate ipvs mode in kube-proxy'),
      { title: 'Virtual IPs and Service Proxies', url: 'https://kubernetes.io/docs/reference/networking/virtual-ips/' },
    ],
  },

  // =========================================================================
  // First listed by 1.36
  // =========================================================================
  {
    id: 'kep-127',
    kep: 127,
    summary:
      'A pod can run in its own Linux user namespace by setting spec.hostUsers: false: root inside the containers maps to an unprivileged user on the node, so a container breakout no longer means root on the host. GA in 1.36.',
    watchOut: [
      'Alpha from 1.25 (gate off), beta from 1.30 but off until 1.32, on by default from 1.33, GA and locked on in 1.36 (UserNamespacesSupport, kube-apiserver and kubelet). Before 1.33 the API server drops hostUsers unless the gate is on.',
      'Linux only: hostUsers cannot be set for a pod with os.name: windows.',
      'hostUsers: false is rejected together with hostPID: true or hostIPC: true, and with hostNetwork: true unless the alpha UserNamespacesHostNetworkSupport gate is on (1.35+).',
      'From 1.34 containers of such a pod may not use volumeDevices (raw block volumes).',
      'The node must support it: the filesystems of the pod volumes and of the kubelet pod directory need idmap mounts (Linux 6.3 or newer for tmpfs), and the runtime must support user namespaces (the docs name containerd 2.0+ or CRI-O 1.25+, with crun 1.9+ or runc 1.2+). A Node shows runtime support in status.runtimeHandlers[].features.userNamespaces.',
      'UIDs and GIDs in the pod (runAsUser, runAsGroup, fsGroup) are IDs inside the namespace; the kubelet maps each pod to its own host range of 65536 IDs (KubeletConfiguration userNamespaces.idsPerPod, a multiple of 65536, from 1.33).',
      'securityContext.procMount: Unmasked is only accepted in a pod with hostUsers: false.',
      'From 1.36 the gate is locked: UserNamespacesSupport=false in --feature-gates or a featureGates map is refused with an error, so remove it before upgrading.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.hostUsers',
        description: 'false runs the pod in a new user namespace, with container IDs mapped to unprivileged IDs on the node; true or unset shares the host user namespace.',
        shape: 'boolean',
        since: '1.25',
      },
      {
        apiVersion: 'v1',
        kind: 'Node',
        path: 'status.runtimeHandlers[].features.userNamespaces',
        description: 'Whether this runtime handler on the node supports pods with hostUsers: false.',
        shape: 'boolean',
        since: '1.31',
        readOnly: true,
      },
    ],
    config: [
      {
        ...KUBELET_CONFIG,
        path: 'userNamespaces.idsPerPod',
        description: 'How many UIDs and GIDs each user-namespaced pod gets on the host. A multiple of 65536 below 2^32; default 65536. Changing it may require recreating the containers on the node.',
      },
    ],
    rules: hostUsersRules,
    docs: [
      kepLink(127, 'Support User Namespaces'),
      { title: 'User Namespaces', url: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/' },
      { title: 'Use a User Namespace With a Pod', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/user-namespaces/' },
    ],
    sources: [
      'kubernetes v1.27–v1.36 pkg/apis/core/validation validateHostUsers and validateWindows',
      'kubernetes v1.36.0 pkg/features/kube_features.go (UserNamespacesSupport, UserNamespacesHostNetworkSupport)',
      'k8s.io/kubelet kubernetes-1.36.0 config/v1beta1 UserNamespaces.idsPerPod comment',
    ],
  },

  {
    id: 'kep-1710',
    kep: 1710,
    summary:
      'Volumes can get their SELinux label at mount time (mount -o context) instead of the container runtime relabelling every file, which makes large volumes start fast. A pod chooses the behaviour with securityContext.seLinuxChangePolicy; a CSI driver opts in with seLinuxMount.',
    watchOut: [
      'Only pods with an SELinux label (securityContext.seLinuxOptions, at pod level or on every container) are affected, and only on SELinux-enabled nodes.',
      'MountOption applies to ReadWriteOncePod volumes of drivers with seLinuxMount: true, and to all eligible volumes only with the SELinuxMount gate, which is still beta and off in 1.36.',
      'With MountOption all pods sharing a volume must use the same SELinux label; use Recursive for volumes shared by privileged and unprivileged pods.',
      'All pods that use a volume should use the same seLinuxChangePolicy, or some of them can hang in ContainerCreating.',
      'seLinuxChangePolicy cannot be set for Windows pods.',
      'GA in 1.36: SELinuxMountReadWriteOncePod and SELinuxChangePolicy are locked on.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.securityContext.seLinuxChangePolicy',
        description: 'How the pod’s SELinux label is applied to its volumes: relabel every file, or mount with the context option.',
        shape: 'string',
        since: '1.32',
        gates: ['SELinuxChangePolicy'],
        values: [
          { value: 'Recursive', description: 'The runtime relabels all files of each volume; slow on big volumes but allows sharing between differently labelled pods.' },
          {
            value: 'MountOption',
            description: 'Mount eligible volumes with -o context; fast, but every pod using the volume must have the same label.',
            gate: 'SELinuxMount',
          },
        ],
      },
      ...['storage.k8s.io/v1', 'storage.k8s.io/v1beta1'].map(
        (apiVersion): ApiField => ({
          apiVersion,
          kind: 'CSIDriver',
          path: 'spec.seLinuxMount',
          description: 'true: the driver can mount each volume with its own -o context option, so Kubernetes may label volumes at mount time.',
          shape: 'boolean',
          since: '1.25',
          gates: ['SELinuxMountReadWriteOncePod'],
        }),
      ),
    ],
    docs: [
      kepLink(1710, 'Skip SELinux relabeling of volumes'),
      {
        title: 'Configure a Security Context: Efficient SELinux volume relabeling',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#efficient-selinux-volume-relabeling',
      },
    ],
  },

  {
    id: 'kep-2258',
    kep: 2258,
    summary:
      'Administrators can read node service logs (kubelet, journald units, files under /var/log) through the API server with kubectl get --raw "/api/v1/nodes/<node>/proxy/logs/?query=kubelet", without logging in to the node. GA in 1.36.',
    watchOut: [
      'Off unless the kubelet sets enableSystemLogQuery: true; enableSystemLogHandler must stay true as well.',
      'Reading node logs needs access to the nodes/proxy subresource, which is powerful; enable it only where needed.',
      'The NodeLogQuery gate is off by default through 1.35 (alpha, then beta from 1.30) and GA, locked on, in 1.36; the kubelet setting still decides.',
    ],
    config: [
      {
        ...KUBELET_CONFIG,
        path: 'enableSystemLogQuery',
        description: 'Enables the node log query on the kubelet /logs endpoint. Default false; needs enableSystemLogHandler: true.',
      },
    ],
    docs: [
      kepLink(2258, 'Node log query'),
      { title: 'System Logs: Log query', url: 'https://kubernetes.io/docs/concepts/cluster-administration/system-logs/#log-query' },
    ],
  },

  {
    id: 'kep-5707',
    kep: 5707,
    releases: { '1.36': 'deprecation' },
    stages: [
      {
        stage: 'deprecated',
        from: '1.36',
        note: 'From kep.yaml (deprecated v1.36). The AllowServiceExternalIPs gate is a GA kill switch that is on; it does not make the field a graduated feature.',
      },
    ],
    summary:
      'Service spec.externalIPs is deprecated from 1.36: the API server warns when a Service sets it, because any user who can write a Service could claim arbitrary IP addresses. Use a LoadBalancer Service, a Gateway or an Ingress instead.',
    watchOut: [
      'It still works in 1.36; the API server answers with a warning (not for headless or ExternalName Services, which ignore the field anyway).',
      'kube-proxy has a gate AllowServiceExternalIPs, on by default; an administrator who turns it off stops kube-proxy from serving externalIPs.',
      'The KEP plans to switch that gate off by default around 1.40 and to lock it around 1.43; there is no replacement field in the Service API.',
      'The DenyServiceExternalIPs admission plugin can already reject the field outright.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Service',
        path: 'spec.externalIPs',
        description: 'Extra IP addresses on which nodes accept traffic for this Service; Kubernetes does not manage or check them.',
        shape: 'stringList',
        deprecatedIn: '1.36',
        replacement: 'type: LoadBalancer (with a load-balancer implementation), a Gateway (Gateway API), or an Ingress.',
      },
    ],
    docs: [
      kepLink(5707, 'Deprecate Service.spec.externalIPs'),
      { title: 'Service: External IPs', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips' },
      { title: 'Gateway API', url: 'https://kubernetes.io/docs/concepts/services-networking/gateway/' },
    ],
    sources: ['kubernetes v1.36.3 pkg/api/service/warnings.go ("spec.externalIPs is deprecated…"); pkg/features/kube_features.go AllowServiceExternalIPs'],
  },

  {
    id: 'kep-5040',
    kep: 5040,
    releases: { '1.33': 'deprecation', '1.36': 'removal' },
    stages: [
      {
        stage: 'deprecated',
        from: '1.33',
        to: '1.35',
        note: 'GitRepoVolumeDriver is deprecated and off by default from 1.33; a kubelet can still turn it back on.',
      },
      {
        stage: 'removed',
        from: '1.36',
        note: 'GitRepoVolumeDriver is locked off in 1.36 (kube_features.go), so no kubelet mounts gitRepo volumes any more; the key stays in the API.',
      },
    ],
    summary:
      'gitRepo volumes no longer work: the kubelet stopped mounting them by default in 1.33 and cannot be told to from 1.36. The API still accepts the key, so the pod is created but never starts; clone the repository yourself into an emptyDir.',
    watchOut: [
      'The API server accepts gitRepo (with a deprecation warning since 1.11); the failure only shows on the node, when the pod cannot be set up.',
      '1.33–1.35: the kubelet refuses gitRepo unless its GitRepoVolumeDriver gate is set to true. From 1.36 the gate is locked off, and a kubelet configured with GitRepoVolumeDriver=true reports an error for the locked gate instead of starting.',
      'Replacement: an emptyDir volume filled by an init container that runs git clone, or a git-sync sidecar for a repository that must stay current.',
      'The driver was switched off because a crafted repository could run code as root on the node (CVE-2024-10220). A ValidatingAdmissionPolicy can block the key cluster-wide.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.volumes[].gitRepo',
        description: 'Clones a git repository into the volume when the pod starts. Deprecated since 1.11, off by default from 1.33, gone from 1.36.',
        shape: 'object',
        deprecatedIn: '1.11',
        removedIn: '1.36',
        replacement: 'An emptyDir volume filled by an init container that runs git clone (or a git-sync sidecar).',
      },
    ],
    rules: [
      {
        id: 'gitrepo-volume-off-by-default',
        trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.volumes[].gitRepo' },
        check: { type: 'always' },
        severity: 'warning',
        message: 'From 1.33 the kubelet refuses gitRepo volumes unless its GitRepoVolumeDriver gate is set to true, and 1.36 removes that way back; the pod will not start on a default node.',
        from: '1.33',
        to: '1.35',
      },
    ],
    docs: [
      kepLink(5040, 'Remove gitRepo volumes driver'),
      { title: 'Volumes: gitRepo', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#gitrepo' },
    ],
    sources: [
      'kubernetes v1.36.0 pkg/features/kube_features.go GitRepoVolumeDriver (GA on → 1.33 deprecated off → 1.36 locked)',
      'kubernetes v1.32 pkg/api/pod/warnings.go ("gitRepo: deprecated in v1.11")',
    ],
  },

  {
    id: 'kep-5365',
    kep: 5365,
    summary:
      'For a pod with an image volume, the container status records the exact image digest that was mounted, so you can tell which content a pod really got from a tag.',
    watchOut: [
      'Written by the kubelet into status.containerStatuses[].volumeMounts[].volumeStatus.image.imageRef; nothing to set.',
      'Alpha and off in 1.36 (ImageVolumeWithDigest, kubelet).',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.containerStatuses[].volumeMounts[].volumeStatus.image',
        description: 'For a mount of an image volume: imageRef, the digest-pinned reference of the image that was mounted.',
        shape: 'object',
        since: '1.36',
        readOnly: true,
      },
    ],
    docs: [kepLink(5365, 'ImageVolume with an image digest')],
  },

  {
    id: 'kep-5491',
    kep: 5491,
    summary:
      'A DRA device attribute can hold a list (ints, bools, strings or versions) instead of one value, so a driver can publish, for example, all NUMA nodes a device is close to; matchAttribute then matches when the lists intersect.',
    watchOut: [
      'Alpha and off in 1.36 (DRAListTypeAttributes, kube-apiserver and kube-scheduler); with it off the list fields are dropped.',
      'An attribute still holds exactly one of its value fields: a single value or one list.',
    ],
    fields: (['ints', 'bools', 'strings', 'versions'] as const).map(
      (key): ApiField => ({
        apiVersion: 'resource.k8s.io/v1',
        kind: 'ResourceSlice',
        path: `spec.devices[].attributes.*.${key}`,
        description: `List form of the attribute (${key}); constraints treat it as matching when it shares a value with the other device’s attribute.`,
        shape: 'list',
        since: '1.36',
      }),
    ),
    docs: [kepLink(5491, 'DRA: List Types for Attributes')],
  },

  {
    id: 'kep-5517',
    kep: 5517,
    summary:
      'A DRA device can stand for node resources the kubelet already accounts for (such as CPU or memory): the ResourceSlice maps device capacity to node allocatable resources, and the pod status shows what each claim took.',
    watchOut: [
      'Alpha and off in 1.36 (DRANodeAllocatableResources).',
      'Pods with such claims cannot be resized in place.',
    ],
    fields: [
      {
        apiVersion: 'resource.k8s.io/v1',
        kind: 'ResourceSlice',
        path: 'spec.devices[].nodeAllocatableResourceMappings',
        description: 'Maps node allocatable resource names to this device: which capacity key counts against it and with what multiplier.',
        shape: 'map',
        since: '1.36',
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.nodeAllocatableResourceClaimStatuses',
        description: 'Per resource claim: the node allocatable resources it consumes and the containers that use them.',
        shape: 'list',
        since: '1.36',
        readOnly: true,
      },
    ],
    docs: [kepLink(5517, 'DRA Node Allocatable Resources')],
  },

  {
    id: 'kep-5541',
    kep: 5541,
    summary:
      'A PersistentVolumeClaim that no pod uses gets an Unused condition telling since when, which helps find and clean up forgotten volumes.',
    watchOut: ['Set by the control plane; alpha and off in 1.36 (PersistentVolumeClaimUnusedSinceTime). kep.yaml plans beta for 1.37 (not confirmed by the data).'],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        path: 'status.conditions[].type',
        description: 'Condition types written by the control plane on claims.',
        shape: 'string',
        readOnly: true,
        values: [{ value: 'Unused', description: 'No pod uses the claim; the transition time tells since when.', since: '1.36' }],
        note: 'Only the value this KEP adds is listed; other claim condition types exist.',
      },
    ],
    docs: [kepLink(5541, 'Report Last Used Time On a PVC')],
  },

  {
    id: 'kep-5677',
    kep: 5677,
    summary:
      'You can ask how many DRA devices are free: create a ResourcePoolStatusRequest naming a driver (and optionally a pool), and the controller fills its status with the device counts of each matching pool.',
    watchOut: [
      'Alpha: resource.k8s.io/v1alpha3 must be enabled with --runtime-config and the DRAResourcePoolStatus gate must be on (off in 1.36).',
      'The controller in kube-controller-manager computes the status once; to get fresh numbers, delete the request and create it again.',
    ],
    fields: [
      {
        apiVersion: 'resource.k8s.io/v1alpha3',
        kind: 'ResourcePoolStatusRequest',
        path: 'spec',
        description: 'Which pools to report on: driver (required), an optional poolName, and a limit on how many pools to return.',
        shape: 'object',
        since: '1.36',
        children: [
          { key: 'driver', shape: 'string', required: true, example: 'gpu.example.com' },
          { key: 'poolName', shape: 'string' },
          { key: 'limit', shape: 'integer' },
        ],
      },
    ],
    docs: [kepLink(5677, 'DRA Resource Availability Visibility')],
  },

  {
    id: 'kep-5729',
    kep: 5729,
    summary:
      'A PodGroup can hold DRA resource claims shared by all of its pods, or have one claim generated per group from a template, instead of every pod claiming its own devices.',
    watchOut: [
      'Alpha behind DRAWorkloadResourceClaims (off in 1.36) and GenericWorkload.',
      'A claim referenced by a PodGroup is reserved for the group as a whole rather than for each pod, so large groups do not run into the per-claim limit of reservedFor entries.',
      'kep.yaml plans beta for 1.37 (not confirmed by the data).',
    ],
    fields: podGroupGatedFields(
      'resourceClaims',
      'DRA claims for the whole group: each entry names an existing ResourceClaim or a ResourceClaimTemplate to create one claim per group.',
      'list',
      'DRAWorkloadResourceClaims',
      [
        { key: 'name', shape: 'string', required: true },
        { key: 'resourceClaimName', shape: 'string' },
        { key: 'resourceClaimTemplateName', shape: 'string' },
      ],
    ),
    docs: [kepLink(5729, 'DRA: ResourceClaim Support for Workloads')],
  },

  {
    id: 'kep-5732',
    kep: 5732,
    summary:
      'A PodGroup can require that all of its pods land in one topology domain, such as one rack or zone, named by a node label key in schedulingConstraints.topology.',
    watchOut: [
      'Alpha behind TopologyAwareWorkloadScheduling (kube-apiserver, kube-scheduler; off in 1.36) and GenericWorkload.',
      'Immutable on a PodGroup once created.',
      'kep.yaml plans beta for 1.37 (not confirmed by the data).',
    ],
    fields: podGroupGatedFields(
      'schedulingConstraints',
      'Placement constraints for the whole group: topology names a node label key (one entry at most for now) whose value must be the same for every pod of the group.',
      'object',
      'TopologyAwareWorkloadScheduling',
      [{ key: 'topology', shape: 'list' }],
    ),
    docs: [kepLink(5732, 'Topology-aware workload scheduling')],
  },

  {
    id: 'kep-5793',
    kep: 5793,
    summary:
      'Admission webhooks and admission policies can be loaded from manifest files by kube-apiserver, so they are active before the API serves requests and cannot be changed or deleted through the API.',
    watchOut: [
      'Set staticManifestsDir in the admission plugin configuration (WebhookAdmission for the webhook plugins, ValidatingAdmissionPolicyConfiguration or MutatingAdmissionPolicyConfiguration for policies) referenced from the AdmissionConfiguration file.',
      'Only admissionregistration.k8s.io/v1 objects in .yaml, .yml or .json files are read.',
      'Gate ManifestBasedAdmissionControlConfig: alpha off in 1.36, beta and on in the 1.37 apiserver sources.',
    ],
    config: [
      {
        component: 'kube-apiserver',
        description:
          'Admission plugin configuration (apiserver.config.k8s.io WebhookAdmission and the admission policy configurations): staticManifestsDir names a directory of webhook or policy manifests loaded at start-up.',
      },
    ],
    docs: [kepLink(5793, 'Manifest Based Admission Control Config')],
    sources: ['k8s.io/apiserver kubernetes-1.36.0 pkg/admission/plugin/webhook/config/apis/webhookadmission/v1 and pkg/admission/plugin/policy/config/apis/policyconfig/v1 (staticManifestsDir)'],
  },

  {
    id: 'kep-2570',
    kep: 2570,
    summary:
      'The kubelet can use cgroup v2 memory controls for quality of service: memory.high throttles a container before it reaches its limit, and from 1.36 a reservation policy can protect the memory requests of Guaranteed and Burstable pods.',
    watchOut: [
      'cgroup v2 only, and alpha and off through 1.36 (MemoryQoS, kubelet); kep.yaml plans beta for 1.37 (not confirmed by the data).',
      'memoryThrottlingFactor (default 0.9) multiplies the memory limit to get memory.high; lower values throttle earlier.',
      'TieredReservation locks requested memory with memory.min for Guaranteed pods, which the kernel never reclaims; reserve enough for the node itself.',
    ],
    config: [
      {
        ...KUBELET_CONFIG,
        path: 'memoryThrottlingFactor',
        description: 'Fraction of the memory limit (or of node allocatable memory) at which memory.high is set. Default 0.9.',
      },
      {
        ...KUBELET_CONFIG,
        path: 'memoryReservationPolicy',
        description: 'Whether the kubelet reserves requested memory with cgroup v2 memory.min / memory.low.',
        values: [
          { value: 'None', description: 'Do not set memory.min for pods and containers (the default).', since: '1.36' },
          {
            value: 'TieredReservation',
            description: 'memory.min for Guaranteed pods and memory.low for Burstable pods, from their memory requests.',
            since: '1.36',
          },
        ],
      },
    ],
    docs: [kepLink(2570, 'Memory QoS')],
    sources: ['k8s.io/kubelet kubernetes-1.36.0 config/v1beta1 KubeletConfiguration.memoryThrottlingFactor and memoryReservationPolicy'],
  },

  // =========================================================================
  // First listed by 1.37 (pre-release API types)
  // =========================================================================
  {
    id: 'kep-3541',
    kep: 3541,
    summary:
      'A StatefulSet can use updateStrategy.type: Recreate: all old pods are deleted and fully terminated before any pod of the new revision starts, so two revisions never run side by side.',
    watchOut: [
      'Only in the 1.37 API types, as an alpha value behind a StatefulSetRecreateStrategy gate; that gate is not in the data yet.',
      'The whole StatefulSet is down during an update; use it for applications that cannot run mixed versions.',
      'Switching to Recreate and back to another strategy is allowed.',
      'The StatefulSet reports a Progressing condition while such an update runs.',
    ],
    fields: [
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        path: 'spec.updateStrategy.type',
        description: 'How pods are replaced when the pod template changes.',
        shape: 'string',
        values: [
          { value: 'RollingUpdate', description: 'Replace pods one by one (or maxUnavailable at a time), from the highest ordinal down (the default).' },
          { value: 'OnDelete', description: 'Create pods of the new revision only when you delete the old ones.' },
          { value: 'Recreate', description: 'Delete all old pods and wait until they are gone before creating new ones.', since: '1.37' },
        ],
      },
    ],
    docs: [kepLink(3541, 'Add Recreate Update Strategy to StatefulSet')],
    sources: ['k8s.io/api v0.37.0-beta.0 apps/v1 RecreateStatefulSetStrategyType'],
  },

  {
    id: 'kep-6012',
    kep: 6012,
    summary:
      'Pod groups can be nested: a CompositePodGroup (scheduling.k8s.io/v1alpha3) groups PodGroups and other composites under one gang or basic policy, for workloads such as multi-slice training.',
    watchOut: [
      'Only in the 1.37 API types: a new kind, plus Workload spec.compositePodGroupTemplates and PodGroup spec.parentCompositePodGroupName, behind a CompositePodGroup gate that is not in the data yet.',
      'A composite gang counts groups, not pods: minGroupCount of its children must fit.',
    ],
    fields: [
      {
        apiVersion: 'scheduling.k8s.io/v1alpha3',
        kind: 'CompositePodGroup',
        path: 'spec.schedulingPolicy',
        description: 'Policy for the children of this composite: basic, or gang with minGroupCount child groups that must be placed together.',
        shape: 'object',
        since: '1.37',
        children: [
          { key: 'gang', shape: 'object' },
          { key: 'basic', shape: 'object' },
        ],
      },
      {
        apiVersion: 'scheduling.k8s.io/v1alpha3',
        kind: 'PodGroup',
        path: 'spec.parentCompositePodGroupName',
        description: 'The CompositePodGroup this group belongs to.',
        shape: 'string',
        since: '1.37',
        gates: ['GenericWorkload'],
      },
      {
        apiVersion: 'scheduling.k8s.io/v1alpha3',
        kind: 'Workload',
        path: 'spec.compositePodGroupTemplates',
        description: 'Templates for composite pod groups, which nest pod group templates and other composite templates.',
        shape: 'list',
        since: '1.37',
        gates: ['GenericWorkload'],
      },
    ],
    docs: [kepLink(6012, 'CompositePodGroup API')],
  },

  {
    id: 'kep-5836',
    kep: 5836,
    summary:
      'The scheduler and kubelet may preempt lower-priority pods to make room for an in-place resize. Autoscalers and administrators can switch that off per node by adding their name to spec.podPreemptionPolicy.disableResizePreemption.',
    watchOut: [
      'Only in the 1.37 API types; the Node field is marked with an InPlacePodVerticalScalingSchedulerPreemption gate that is not in the data yet (kep.yaml names SchedulerPreemptionForPodResize).',
      'Any entry in the list disables resize preemption on that node; entries are label-key-like owner names, at most 20.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Node',
        path: 'spec.podPreemptionPolicy',
        description: 'Node-level preemption settings; disableResizePreemption lists the owners that asked to turn off preemption for in-place resizes on this node.',
        shape: 'object',
        since: '1.37',
        children: [{ key: 'disableResizePreemption', shape: 'stringList', example: '[cluster-autoscaler]' }],
      },
    ],
    docs: [kepLink(5836, 'Scheduler Preemption for In-Place Pod Resize')],
    sources: ['k8s.io/api v0.37.0-beta.0 core/v1 NodeSpec.podPreemptionPolicy'],
  },

  {
    id: 'kep-2021',
    kep: 2021,
    summary:
      'A HorizontalPodAutoscaler can scale its target down to zero replicas and back up, driven by Object or External metrics (for example a queue length), by setting minReplicas: 0.',
    watchOut: [
      'minReplicas: 0 is rejected unless the HPAScaleToZero gate is on (kube-apiserver and kube-controller-manager); the gate is alpha and off through 1.36.',
      'At least one Object or External metric is required: with zero pods there are no pod or resource metrics to scale up from.',
      'kep.yaml plans beta for 1.37, but the 1.37 API types still describe HPAScaleToZero as an alpha gate; the data does not confirm its 1.37 state.',
    ],
    fields: ['autoscaling/v1', 'autoscaling/v2'].map(
      (apiVersion): ApiField => ({
        apiVersion,
        kind: 'HorizontalPodAutoscaler',
        path: 'spec.minReplicas',
        description: 'Lowest replica count the autoscaler sets (default 1); 0 allows scale-to-zero with the HPAScaleToZero gate and an Object or External metric.',
        shape: 'integer',
      }),
    ),
    rules: [
      {
        id: 'hpa-minreplicas-zero-needs-gate',
        trigger: { kind: 'HorizontalPodAutoscaler', path: 'spec.minReplicas' },
        check: { type: 'minimum', path: '.', min: 1 },
        severity: 'warning',
        message: 'minReplicas: 0 is rejected unless the alpha HPAScaleToZero gate is on; with the gate, at least one Object or External metric is also required.',
        from: '1.27',
        to: '1.36',
      },
    ],
    docs: [
      kepLink(2021, 'HPA supports scaling to/from zero pods for object/external metrics'),
      { title: 'Horizontal Pod Autoscaling', url: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/' },
    ],
    sources: ['k8s.io/api autoscaling/v2 HorizontalPodAutoscalerSpec.minReplicas comment and +k8s:ifEnabled/ifDisabled(HPAScaleToZero) minimum markers (kubernetes-1.36.0, v0.37.0-beta.0)'],
  },

  {
    id: 'removal-static-pod-api-references',
    title: 'Static Pods may not reference API objects (PreventStaticPodAPIReferences removed)',
    sig: 'node',
    releases: { '1.37': 'removal' },
    gates: ['PreventStaticPodAPIReferences'],
    stages: [
      {
        stage: 'beta',
        from: '1.34',
        to: '1.36',
        note: 'The kubelet refuses static pods that reference API objects, behind PreventStaticPodAPIReferences (beta, on); turning the gate off restores the old behaviour (kubernetes PR #131837).',
      },
      {
        stage: 'stable',
        from: '1.37',
        note: 'The gate is removed in the 1.37 cycle (kubernetes PR #140226), so the check can no longer be turned off. The data has no 1.37 gate list and still shows the gate, unconfirmed.',
      },
    ],
    summary:
      'A static Pod, a Pod manifest the kubelet reads from its manifest directory, may not use Secrets, ConfigMaps, a service account or other API objects. The kubelet has rejected such pods by default since 1.34, and 1.37 removes the gate that could turn the check off.',
    watchOut: [
      'Rejected references include secret and configMap volumes (also inside projected volumes), env and envFrom from Secrets or ConfigMaps, imagePullSecrets, serviceAccountName, persistentVolumeClaim volumes, ClusterTrustBundle projections and resourceClaims.',
      'Before 1.34 the kubelet ran such a pod anyway but the API server refused its mirror pod, so it was invisible in the API and its references did not work reliably.',
      'Put what the pod needs in files on the node and mount them with hostPath, or run the workload as a DaemonSet.',
      'KEP Lens cannot tell a static Pod manifest from any other Pod manifest, so it reports nothing on these fields; check manifests in the kubelet staticPodPath yourself.',
    ],
    docs: [
      { title: 'Create static Pods', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/' },
      { title: 'kubernetes PR #140226: Remove PreventStaticPodAPIReferences feature gate', url: 'https://github.com/kubernetes/kubernetes/pull/140226' },
    ],
    sources: [
      'kubernetes v1.34.0–v1.36.3 pkg/features/kube_features.go PreventStaticPodAPIReferences (beta, default on, since 1.34)',
      'kubernetes PR #131837 (kubelet admission of static pods) and PR #140226 (gate removed, merged July 2026)',
      'kubernetes plugin/pkg/admission/noderestriction admitPodCreate (the list of API references a mirror pod may not carry)',
    ],
  },
];

