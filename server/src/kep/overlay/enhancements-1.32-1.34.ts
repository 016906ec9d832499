/**
 * Our words on the enhancements of Kubernetes 1.32-1.34 (those that change
 * fields people write), on top of the imported facts.
 *
 * An entry covers the whole life of its KEP, also where it reached beta or
 * GA after 1.34. Gate stages and defaults, KEP titles and the release in
 * which a field appeared come from the import; what stays here is prose,
 * the rules the API server enforces (checked against the validation code
 * of each release), value descriptions and component configuration.
 */
import type { AllowedValue, ApiField, ChildField, ComponentConfig, DocLink, Rule } from '../types';
import type { EnhancementOverlay } from './types';

/** A link to the KEP page, titled with the KEP's name in our spelling. */
const kepLink = (n: number, title: string): DocLink => ({ title: `KEP-${n}: ${title}`, url: `https://kep.k8s.io/${n}` });

/** A page of the Kubernetes documentation. */
const docsPage = (title: string, path: string): DocLink => ({ title, url: `https://kubernetes.io/docs/${path}` });

// ---------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------

/** Container lists of a pod spec. */
const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;
/** Container lists whose entries may carry resources, probes and lifecycle hooks. */
const RUNNING_CONTAINER_LISTS = ['containers', 'initContainers'] as const;

/** The same field fact under every container list it exists in. */
function containerFields(lists: readonly string[], path: string, field: Omit<ApiField, 'kind' | 'path' | 'apiVersion'>): ApiField[] {
  return lists.map((list) => ({ apiVersion: 'v1', kind: 'Pod', path: `spec.${list}[].${path}`, ...field }));
}

/** The same rule under every container list, with ids told apart by list. */
function containerRules(lists: readonly string[], path: string, rule: Omit<Rule, 'id' | 'trigger'> & { id: string; whenValue?: string[] }): Rule[] {
  const { id, whenValue, ...rest } = rule;
  return lists.map((list) => ({
    id: `${id}-${list.toLowerCase()}`,
    trigger: { apiVersion: 'v1', kind: 'Pod', path: `spec.${list}[].${path}`, ...(whenValue ? { whenValue } : {}) },
    ...rest,
  }));
}

/** A kubelet configuration file field. */
function kubeletConfig(path: string, description: string, extra: Partial<ComponentConfig> = {}): ComponentConfig {
  return { component: 'kubelet', kind: 'KubeletConfiguration', apiVersions: ['kubelet.config.k8s.io/v1beta1'], path, description, ...extra };
}

/** An entry of the kubelet's cpuManagerPolicyOptions map (an option name), with its flag form. */
function cpuManagerOption(option: AllowedValue): ComponentConfig[] {
  return [
    kubeletConfig('cpuManagerPolicyOptions', 'Extra options of the static CPU manager policy, a map of option name to "true" or "false".', { entries: [option] }),
    {
      component: 'kubelet',
      flag: '--cpu-manager-policy-options',
      entries: [option],
      description: 'Flag form of cpuManagerPolicyOptions: comma-separated name=value pairs.',
    },
  ];
}

/** Printable ASCII other than `=`: what relaxed environment variable names may hold. */
const NOT_RELAXED_ENV_NAME = '[^ -~]|=';

const resourceMapChildren: ChildField[] = [
  { key: 'requests', shape: 'map' },
  { key: 'limits', shape: 'map' },
];

// ---------------------------------------------------------------------------
// KEP-2837: pod-level resources
// ---------------------------------------------------------------------------

const podLevelResources: EnhancementOverlay = {
  id: 'kep-2837',
  kep: 2837,
  summary:
    'A pod can declare CPU and memory requests and limits for the whole pod in spec.resources, next to or instead of per-container values. ' +
    'The containers share that budget, so a container without its own limits can use what the others leave free.',
  watchOut: [
    'Alpha and off in 1.32 and 1.33 (PodLevelResources on kube-apiserver, kube-scheduler and the kubelet); beta and on by default from 1.34.',
    'Only cpu and memory are accepted in 1.32; hugepages-<size> is accepted as well from 1.33. Any other resource name, and a claims list, is rejected at pod level.',
    'For every resource set at both levels, the pod request must be at least the sum of the container requests, and no single container limit may exceed the pod limit.',
    'From 1.33 the pod limit for a hugepages size must also cover the sum of the container limits for it.',
    'From 1.34 a pod with spec.os.name: windows may not set spec.resources at all.',
    'The resize subresource refuses pods that set pod-level resources through 1.34; resizing them in place needs InPlacePodLevelResourcesVerticalScaling (KEP-5419, alpha and off in 1.35, beta and on in 1.36).',
    'When the field is set, the pod-level values decide the QoS class of the pod and what the scheduler reserves for it.',
  ],
  fields: [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      path: 'spec.resources',
      description: 'CPU, memory (and from 1.33 hugepages) requests and limits for the pod as a whole; containers draw on this shared budget.',
      shape: 'object',
      since: '1.32',
      children: resourceMapChildren,
    },
  ],
  rules: [
    {
      id: 'pod-resources-not-on-windows',
      trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.resources' },
      check: { type: 'equals', path: 'os.name', values: ['linux'], absentOk: true },
      severity: 'error',
      message: 'A Windows pod (spec.os.name: windows) may not set pod-level resources.',
      from: '1.34',
    },
  ],
  docs: [
    kepLink(2837, 'Pod Level Resource Specifications'),
    docsPage('Assign Pod-level CPU and memory resources', 'tasks/configure-pod-container/assign-pod-level-resources/'),
    docsPage('Resource Management for Pods and Containers', 'concepts/configuration/manage-resources-containers/'),
  ],
};

// ---------------------------------------------------------------------------
// KEP-753: sidecar containers
// ---------------------------------------------------------------------------

/** Values of a container's restartPolicy; the last two arrive with KEP-5307. */
const CONTAINER_RESTART_POLICY_VALUES: AllowedValue[] = [
  {
    value: 'Always',
    description: 'On an init container: run it as a sidecar that starts in init order and keeps running beside the main containers. On a regular container (from 1.34, with ContainerRestartRules): always restart it.',
  },
  {
    value: 'OnFailure',
    description: 'Restart this container only when it exits with an error, whatever the pod restartPolicy says (KEP-5307).',
    since: '1.34',
    gate: 'ContainerRestartRules',
  },
  {
    value: 'Never',
    description: 'Do not restart this container when it exits, unless a restartPolicyRules entry says so (KEP-5307).',
    since: '1.34',
    gate: 'ContainerRestartRules',
  },
];

const sidecarContainers: EnhancementOverlay = {
  id: 'kep-753',
  kep: 753,
  summary:
    'An init container with restartPolicy: Always becomes a sidecar: it starts before the main containers in init order, keeps running for the life of the pod and is stopped only after the main containers have finished. ' +
    'Log shippers, proxies and similar helpers no longer keep a Job from completing or need tricks to start first.',
  watchOut: [
    'Stable from 1.33; the SidecarContainers gate is locked on from then. It was beta and on by default from 1.29.',
    'Through 1.33, Always is the only restartPolicy an init container accepts, and a regular container may not set restartPolicy at all.',
    'The next init container starts as soon as the sidecar has started, or once its startupProbe has succeeded if it has one; use a startupProbe when later containers depend on the sidecar being ready.',
    'Probes and lifecycle hooks are only accepted on init containers that are sidecars; an ordinary init container with them is rejected.',
    'A sidecar does not keep a Job or a restartPolicy: Never pod from finishing: it is stopped once the main containers have exited.',
    'Sidecar resources count towards the pod for its whole life, unlike ordinary init containers, whose requests only matter while they run.',
  ],
  fields: [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      path: 'spec.initContainers[].restartPolicy',
      description: 'Restart behaviour of this one container. On an init container, Always turns it into a sidecar that runs beside the main containers.',
      shape: 'string',
      since: '1.28',
      gates: ['SidecarContainers'],
      values: CONTAINER_RESTART_POLICY_VALUES,
    },
  ],
  docs: [
    kepLink(753, 'Sidecar Containers'),
    docsPage('Sidecar Containers', 'concepts/workloads/pods/sidecar-containers/'),
    docsPage('Init Containers', 'concepts/workloads/pods/init-containers/'),
  ],
};

// ---------------------------------------------------------------------------
// KEP-1287: in-place pod resize
// ---------------------------------------------------------------------------

const RESIZE_RESOURCE_VALUES: AllowedValue[] = [
  { value: 'cpu', description: 'The policy applies to CPU requests and limits.' },
  { value: 'memory', description: 'The policy applies to memory requests and limits.' },
];

const RESIZE_RESTART_VALUES: AllowedValue[] = [
  { value: 'NotRequired', description: 'Apply the new value to the running container without restarting it, where the runtime can (the default).' },
  { value: 'RestartContainer', description: 'Restart the container to apply a new value for this resource.' },
];

/** KEP-1287 also names InPlacePodVerticalScalingAllocatedStatus, which only governs a status field. */
const RESIZE_GATES = ['InPlacePodVerticalScaling'];

const resizePolicyChildren: ChildField[] = [
  { key: 'resourceName', shape: 'string', required: true, values: RESIZE_RESOURCE_VALUES },
  { key: 'restartPolicy', shape: 'string', required: true, values: RESIZE_RESTART_VALUES },
];

const inPlacePodResize: EnhancementOverlay = {
  id: 'kep-1287',
  kep: 1287,
  summary:
    'CPU and memory requests and limits of a running pod can be changed without recreating it, through the pod\'s resize subresource. ' +
    'Each container says per resource, in resizePolicy, whether a change may be applied live or needs a container restart.',
  watchOut: [
    'Alpha and off through 1.32 (InPlacePodVerticalScaling on kube-apiserver, kube-scheduler and the kubelet); beta and on by default in 1.33 and 1.34; stable from 1.35.',
    'From 1.32 resizing goes through the resize subresource, for example kubectl patch pod NAME --subresource resize with kubectl 1.32 or newer; a plain pod update that changes container resources is rejected. (With the alpha gate on in 1.27 to 1.31, plain updates were the way to resize.)',
    'Only cpu and memory can change, the QoS class of the pod must stay the same, and requests or limits that were set cannot be removed.',
    'In 1.33 a memory limit can only be lowered or added when the memory resizePolicy is RestartContainer; 1.34 drops that restriction.',
    'resizePolicy names each of cpu and memory at most once, with NotRequired or RestartContainer; a pod with restartPolicy: Never only accepts NotRequired.',
    'Windows pods, static pods and (through 1.34) pods with pod-level resources cannot be resized. Sidecar containers can; ordinary init containers cannot.',
    'From 1.33 progress shows in the PodResizePending and PodResizeInProgress pod conditions; status.resize is deprecated. status.containerStatuses[].resources shows what is actually applied.',
  ],
  fields: [
    ...containerFields(RUNNING_CONTAINER_LISTS, 'resizePolicy', {
      description: 'Per resource, whether a resize of this container is applied live or by restarting it.',
      shape: 'list',
      since: '1.27',
      gates: RESIZE_GATES,
      children: resizePolicyChildren,
    }),
    ...containerFields(RUNNING_CONTAINER_LISTS, 'resizePolicy[].resourceName', {
      description: 'Resource this resize policy is for.',
      shape: 'string',
      since: '1.27',
      gates: RESIZE_GATES,
      values: RESIZE_RESOURCE_VALUES,
    }),
    ...containerFields(RUNNING_CONTAINER_LISTS, 'resizePolicy[].restartPolicy', {
      description: 'What resizing this resource does to the running container.',
      shape: 'string',
      since: '1.27',
      gates: RESIZE_GATES,
      values: RESIZE_RESTART_VALUES,
    }),
    {
      apiVersion: 'v1',
      kind: 'Pod',
      path: 'status.resize',
      description: 'Older summary of a pending resize, replaced from 1.33 by the PodResizePending and PodResizeInProgress conditions.',
      shape: 'string',
      since: '1.27',
      gates: RESIZE_GATES,
      readOnly: true,
      deprecatedIn: '1.33',
      replacement: 'the PodResizePending and PodResizeInProgress pod conditions',
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      path: 'status.containerStatuses[].resources',
      description: 'Requests and limits the runtime has actually applied to this container, which lag behind the spec while a resize is under way.',
      shape: 'object',
      since: '1.27',
      gates: RESIZE_GATES,
      readOnly: true,
    },
  ],
  docs: [
    kepLink(1287, 'In-place Update of Pod Resources'),
    docsPage('Resize CPU and Memory Resources assigned to Containers', 'tasks/configure-pod-container/resize-container-resources/'),
  ],
};

// ---------------------------------------------------------------------------
// KEP-4960: container stop signals
// ---------------------------------------------------------------------------

const STOP_SIGNAL_VALUES: AllowedValue[] = [
  { value: 'SIGTERM', description: 'The usual polite stop request; also one of the two signals Windows pods accept.' },
  { value: 'SIGKILL', description: 'Kill at once, without a chance to clean up; also accepted for Windows pods.' },
  { value: 'SIGINT', description: 'Interrupt, as Ctrl-C would; Linux pods only.' },
  { value: 'SIGQUIT', description: 'Quit, which many programs answer with a core dump or a graceful drain; Linux pods only.' },
  { value: 'SIGUSR1', description: 'Application-defined signal; Linux pods only.' },
];

const containerStopSignals: EnhancementOverlay = {
  id: 'kep-4960',
  kep: 4960,
  summary:
    'A container can name the signal it is sent when it is being stopped, in lifecycle.stopSignal, instead of relying on the STOPSIGNAL baked into its image or the runtime default. ' +
    'The signal actually used is reported in the container status.',
  watchOut: [
    'Alpha and off in 1.33 to 1.36 (ContainerStopSignals on kube-apiserver and the kubelet).',
    'Only accepted when the pod sets spec.os.name; a pod without it is rejected.',
    'With spec.os.name: windows only SIGTERM and SIGKILL are accepted; Linux pods accept the usual signal names, including SIGRTMIN+n and SIGRTMAX-n.',
    'On an init container, lifecycle (and so stopSignal) is only accepted when it is a sidecar (restartPolicy: Always).',
    'The container runtime must support the setting; status.containerStatuses[].stopSignal shows the signal in effect.',
  ],
  fields: [
    ...containerFields(RUNNING_CONTAINER_LISTS, 'lifecycle.stopSignal', {
      description: 'Signal sent to this container to stop it; when unset, the image or the container runtime decides.',
      shape: 'string',
      since: '1.33',
      values: STOP_SIGNAL_VALUES,
      valuesOpen: true,
    }),
    {
      apiVersion: 'v1',
      kind: 'Pod',
      path: 'status.containerStatuses[].stopSignal',
      description: 'Stop signal in effect for this container, whether it came from the spec, the image or the runtime.',
      shape: 'string',
      since: '1.33',
      readOnly: true,
    },
  ],
  rules: containerRules(RUNNING_CONTAINER_LISTS, 'lifecycle.stopSignal', {
    id: 'stop-signal-needs-os-name',
    check: { type: 'podSpecPresent', path: 'os.name' },
    severity: 'warning',
    message: 'stopSignal is only accepted in a pod that sets spec.os.name (with windows, only SIGTERM and SIGKILL); add spec.os.name to the pod.',
    from: '1.33',
  }),
  docs: [
    kepLink(4960, 'Container Stop Signals'),
    docsPage('Container Lifecycle Hooks', 'concepts/containers/container-lifecycle-hooks/'),
    docsPage('Pod Lifecycle: termination of Pods', 'concepts/workloads/pods/pod-lifecycle/#pod-termination'),
  ],
};

// ---------------------------------------------------------------------------
// KEP-4762: hostnameOverride
// ---------------------------------------------------------------------------

/** An RFC 1123 subdomain: lower-case labels joined by dots. */
const NOT_DNS_SUBDOMAIN = '^(?![a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)';

const hostnameOverride: EnhancementOverlay = {
  id: 'kep-4762',
  kep: 4762,
  summary:
    'A pod can set the hostname its containers see to any DNS subdomain, even one with dots, through spec.hostnameOverride. ' +
    'It takes precedence over hostname and subdomain and changes nothing in cluster DNS.',
  watchOut: [
    'Alpha and off in 1.34 (HostnameOverride on kube-apiserver and the kubelet); beta and on by default from 1.35.',
    'Cannot be combined with setHostnameAsFQDN: true or with hostNetwork: true.',
    'The value must be a valid RFC 1123 subdomain (lower case letters, digits, - and .) of at most 64 characters.',
    'Only the name inside the pod changes: no DNS record is created for it, so other pods cannot resolve the pod by that name.',
  ],
  fields: [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      path: 'spec.hostnameOverride',
      description: 'Hostname the pod\'s containers see, overriding hostname and subdomain; DNS records are not affected.',
      shape: 'string',
      since: '1.34',
    },
  ],
  rules: [
    {
      id: 'hostname-override-not-with-fqdn',
      trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.hostnameOverride' },
      check: { type: 'equals', path: 'setHostnameAsFQDN', values: ['false'], absentOk: true },
      severity: 'error',
      message: 'hostnameOverride cannot be set while setHostnameAsFQDN is true.',
      from: '1.34',
    },
    {
      id: 'hostname-override-not-with-host-network',
      trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.hostnameOverride' },
      check: { type: 'equals', path: 'hostNetwork', values: ['false'], absentOk: true },
      severity: 'error',
      message: 'hostnameOverride cannot be set on a pod that uses hostNetwork: true.',
      from: '1.34',
    },
    {
      id: 'hostname-override-max-length',
      trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.hostnameOverride' },
      check: { type: 'notMatching', path: '.', pattern: '^.{65,}$' },
      severity: 'error',
      message: 'hostnameOverride may hold at most 64 characters.',
      from: '1.34',
    },
    {
      id: 'hostname-override-dns-subdomain',
      trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.hostnameOverride' },
      check: { type: 'notMatching', path: '.', pattern: NOT_DNS_SUBDOMAIN },
      severity: 'error',
      message: '`{value}` is not a valid hostname: use lower-case letters, digits, - and ., starting and ending each label with a letter or digit.',
      from: '1.34',
    },
  ],
  docs: [
    kepLink(4762, 'Allows setting arbitrary FQDN as the pod\'s hostname'),
    docsPage('Pod Hostname', 'concepts/workloads/pods/pod-hostname/'),
    docsPage('DNS for Services and Pods', 'concepts/services-networking/dns-pod-service/'),
  ],
};

// ---------------------------------------------------------------------------
// KEP-4951: HPA tolerance
// ---------------------------------------------------------------------------

const hpaTolerance: EnhancementOverlay = {
  id: 'kep-4951',
  kep: 4951,
  summary:
    'A HorizontalPodAutoscaler can set its own tolerance, separately for scaling up and scaling down, instead of the cluster-wide 10%. ' +
    'A small scale-up tolerance reacts to modest load increases on large deployments, a larger scale-down tolerance avoids flapping.',
  watchOut: [
    'Alpha and off in 1.33 and 1.34 (HPAConfigurableTolerance on kube-apiserver and kube-controller-manager); beta and on by default from 1.35.',
    'Only in autoscaling/v2, under spec.behavior.scaleUp and spec.behavior.scaleDown; autoscaling/v1 has no behavior section.',
    'The value is a ratio written as a quantity, such as "0.05" or "50m" for 5%; it must not be negative.',
    'Unset means the kube-controller-manager value of --horizontal-pod-autoscaler-tolerance applies (0.1 by default).',
    'The tolerance compares the current to the desired metric ratio; with several metrics, each is judged on its own before the largest recommendation wins.',
  ],
  fields: (['scaleUp', 'scaleDown'] as const).map(
    (direction): ApiField => ({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      path: `spec.behavior.${direction}.tolerance`,
      description: 'Relative change of the metric below which the autoscaler leaves the replica count alone in this direction, e.g. "0.05" for 5%; unset means the cluster default.',
      shape: 'string',
      since: '1.33',
    }),
  ),
  rules: (['scaleUp', 'scaleDown'] as const).map(
    (direction): Rule => ({
      id: `hpa-tolerance-not-negative-${direction.toLowerCase()}`,
      trigger: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', path: `spec.behavior.${direction}.tolerance` },
      check: { type: 'notMatching', path: '.', pattern: '^\\s*-' },
      severity: 'error',
      message: 'tolerance cannot be negative.',
      from: '1.33',
    }),
  ),
  docs: [
    kepLink(4951, 'Configurable tolerance for HPA'),
    docsPage('Horizontal Pod Autoscaling: tolerance', 'tasks/run-application/horizontal-pod-autoscale/#tolerance'),
  ],
};

// ---------------------------------------------------------------------------
// KEP-3015: PreferSameZone and PreferSameNode
// ---------------------------------------------------------------------------

// The two values themselves are listed, with their gate and release, on the
// spec.trafficDistribution field of KEP-4444, the field's own enhancement:
// one fact per field keeps value findings from being reported twice.

const preferSameTrafficDistribution: EnhancementOverlay = {
  id: 'kep-3015',
  kep: 3015,
  summary:
    'Service trafficDistribution gains two values with plain names: PreferSameZone, the new name of PreferClose, and PreferSameNode, which keeps traffic on the client\'s own node when a ready endpoint runs there. ' +
    'For PreferSameNode the EndpointSlice controller adds forNodes hints to each endpoint, which kube-proxy follows.',
  watchOut: [
    'Alpha and off in 1.33 (PreferSameTrafficDistribution on kube-apiserver, kube-controller-manager and kube-proxy); beta and on in 1.34; stable from 1.35.',
    'Before the gate is on the API server accepts only PreferClose; PreferSameZone and PreferSameNode are rejected.',
    'PreferSameZone means exactly what PreferClose meant; from 1.35 PreferClose is deprecated and the API server warns when it is used.',
    'PreferSameNode falls back to endpoints in the same zone, then to all endpoints, when the node has no ready endpoint.',
    'Keeping traffic on the node suits per-node agents such as a DaemonSet; with uneven clients it can overload the local endpoints.',
    'Older proxies that do not know forNodes hints still get zone hints, so they behave as with PreferSameZone.',
  ],
  fields: [
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      path: 'endpoints[].hints.forNodes',
      description: 'Nodes whose clients should use this endpoint; written by the EndpointSlice controller for PreferSameNode services.',
      shape: 'list',
      since: '1.33',
      readOnly: true,
    },
  ],
  docs: [
    kepLink(3015, 'PreferSameZone and PreferSameNode Traffic Distribution'),
    docsPage('Virtual IPs and Service Proxies: traffic distribution', 'reference/networking/virtual-ips/#traffic-distribution'),
  ],
};

// ---------------------------------------------------------------------------
// Pods and containers
// ---------------------------------------------------------------------------

const SLEEP_PATHS = ['lifecycle.preStop.sleep', 'lifecycle.postStart.sleep'] as const;

const podEntries: EnhancementOverlay[] = [
  {
    id: 'kep-4369',
    kep: 4369,
    summary:
      'Environment variable names may use any printable ASCII character except =, not only letters, digits, _, - and . with no leading digit. ' +
      'Applications that expect names such as 1PASSWORD or FOO:BAR can get them from the pod spec directly.',
    watchOut: [
      'Alpha and off in 1.30 and 1.31, beta and on in 1.32 and 1.33, stable from 1.34 (RelaxedEnvironmentVariableValidation on kube-apiserver).',
      'The same relaxed rule applies to envFrom[].prefix.',
      'An API server that still validates strictly rejects such pods, so keep strict names while any control plane in the path is older than 1.32.',
      'Whether the program in the container can read an unusual name depends on its language and shell.',
    ],
    fields: [
      ...containerFields(CONTAINER_LISTS, 'env[].name', {
        description: 'Name of the environment variable; from 1.32 any printable ASCII except =, before that letters, digits, _, - and . not starting with a digit.',
        shape: 'string',
      }),
      ...containerFields(CONTAINER_LISTS, 'envFrom[].prefix', {
        description: 'Text put before every key taken from the source; follows the same naming rule as env[].name.',
        shape: 'string',
      }),
    ],
    rules: [
      ...containerRules(CONTAINER_LISTS, 'env[].name', {
        id: 'env-name-strict',
        check: { type: 'notMatching', path: '.', pattern: '^(?![-._a-zA-Z][-._a-zA-Z0-9]*$)|^\\.\\.?$' },
        severity: 'error',
        message: '`{value}` is not accepted as an environment variable name before 1.32 (unless RelaxedEnvironmentVariableValidation is on): use letters, digits, _, - and ., not starting with a digit.',
        to: '1.31',
      }),
      ...containerRules(CONTAINER_LISTS, 'env[].name', {
        id: 'env-name-relaxed',
        check: { type: 'notMatching', path: '.', pattern: NOT_RELAXED_ENV_NAME },
        severity: 'error',
        message: 'An environment variable name may only hold printable ASCII characters other than =.',
        from: '1.32',
      }),
    ],
    docs: [
      kepLink(4369, 'Allow special characters environment variable'),
      docsPage('Define Environment Variables for a Container', 'tasks/inject-data-application/define-environment-variable-container/'),
    ],
  },

  {
    id: 'kep-4427',
    kep: 4427,
    summary:
      'Pod dnsConfig.searches may contain underscores and may be a single dot: search domains such as _sip._tcp.example.com work, and a "." entry helps avoid needless lookups of external names under the cluster domains.',
    watchOut: [
      'Alpha and off in 1.32, beta and on in 1.33, stable from 1.34 (RelaxedDNSSearchValidation on kube-apiserver).',
      'At most 32 search domains, and 2048 characters for the whole list including the spaces between entries.',
      'Other characters still follow DNS subdomain rules; upper-case letters are rejected.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.dnsConfig.searches',
        description: 'Extra DNS search domains for the pod; from 1.33 (1.32 with the gate) names may contain _ and the list may hold a single ".".',
        shape: 'stringList',
      },
    ],
    docs: [
      kepLink(4427, 'Relaxed DNS search string validation'),
      docsPage("DNS for Services and Pods: Pod's DNS config", 'concepts/services-networking/dns-pod-service/#pod-dns-config'),
    ],
  },

  {
    id: 'kep-3960',
    kep: 3960,
    summary:
      'A preStop or postStart hook can simply wait for a number of seconds with sleep, without a sleep binary in the image. ' +
      'It is the usual way to give load balancers time to stop sending traffic before a container shuts down.',
    watchOut: [
      'Alpha and off in 1.29, beta and on from 1.30, stable from 1.34 (PodLifecycleSleepAction on kube-apiserver and the kubelet).',
      'The sleep must not be longer than the pod terminationGracePeriodSeconds.',
      'Zero seconds is only accepted from 1.33 (1.32 with PodLifecycleSleepActionAllowZero, KEP-4818).',
      'On an init container, lifecycle hooks are only accepted when it is a sidecar (restartPolicy: Always).',
    ],
    fields: SLEEP_PATHS.flatMap((path) =>
      containerFields(RUNNING_CONTAINER_LISTS, path, {
        description: 'Hook that pauses for the given number of seconds before the container goes on stopping or starting.',
        shape: 'object',
        since: '1.29',
        children: [{ key: 'seconds', shape: 'integer', required: true, example: '5' }],
      }),
    ),
    docs: [
      kepLink(3960, 'Pod lifecycle sleep action'),
      docsPage('Container Lifecycle Hooks', 'concepts/containers/container-lifecycle-hooks/'),
    ],
  },

  {
    id: 'kep-4818',
    kep: 4818,
    summary: 'A sleep lifecycle hook may wait zero seconds, so a hook can be kept in place but switched off without deleting it.',
    watchOut: [
      'Alpha and off in 1.32, beta and on in 1.33, stable from 1.34 (PodLifecycleSleepActionAllowZero on kube-apiserver).',
      'Before that the API server rejects seconds: 0; negative values are always rejected.',
    ],
    notes: ['When 1.32 and 1.33 API servers reject seconds: 0, the message names a gate AllowPodLifecycleSleepActionZeroValue; the gate to set is PodLifecycleSleepActionAllowZero.'],
    fields: SLEEP_PATHS.flatMap((path) =>
      containerFields(RUNNING_CONTAINER_LISTS, `${path}.seconds`, {
        description: 'Seconds to sleep; 0 is accepted from 1.33, and the value may not exceed terminationGracePeriodSeconds.',
        shape: 'integer',
      }),
    ),
    rules: SLEEP_PATHS.flatMap((path) => [
      ...containerRules(RUNNING_CONTAINER_LISTS, `${path}.seconds`, {
        id: `sleep-seconds-positive-${path.split('.')[1]?.toLowerCase()}`,
        check: { type: 'minimum', path: '.', min: 1 },
        severity: 'error',
        message: 'A sleep hook must wait at least 1 second before 1.33 (unless PodLifecycleSleepActionAllowZero is on).',
        from: '1.29',
        to: '1.32',
      }),
      ...containerRules(RUNNING_CONTAINER_LISTS, `${path}.seconds`, {
        id: `sleep-seconds-not-negative-${path.split('.')[1]?.toLowerCase()}`,
        check: { type: 'minimum', path: '.', min: 0 },
        severity: 'error',
        message: 'A sleep hook cannot wait a negative number of seconds.',
        from: '1.33',
      }),
    ]),
    docs: [kepLink(4818, 'Allow zero value for Sleep Action of PreStop Hook'), docsPage('Container Lifecycle Hooks', 'concepts/containers/container-lifecycle-hooks/')],
  },

  {
    id: 'kep-3721',
    kep: 3721,
    summary:
      'An environment variable can take its value from a key in an env file (KEY=value lines) that an init container writes into an emptyDir volume. ' +
      'Values computed at start-up no longer need a ConfigMap or a wrapper script.',
    watchOut: [
      'Alpha and off in 1.34 (EnvFiles on kube-apiserver and the kubelet); beta and on by default from 1.35.',
      'volumeName must name an emptyDir volume of the same pod; any other volume type is rejected.',
      'path is relative to the volume and may not contain ..; key follows the relaxed environment variable rule (printable ASCII other than =).',
      'The file is read when the container starts, so it must have been written by an init container before that; a missing key fails the start unless optional is true.',
    ],
    fields: [
      ...containerFields(CONTAINER_LISTS, 'env[].valueFrom.fileKeyRef', {
        description: 'Reads the value from a key of an env file in one of the pod\'s emptyDir volumes.',
        shape: 'object',
        since: '1.34',
        children: [
          { key: 'volumeName', shape: 'string', required: true, example: 'config' },
          { key: 'path', shape: 'string', required: true, example: 'app.env' },
          { key: 'key', shape: 'string', required: true, example: 'API_URL' },
          { key: 'optional', shape: 'boolean', example: 'false' },
        ],
      }),
    ],
    rules: [
      ...containerRules(CONTAINER_LISTS, 'env[].valueFrom.fileKeyRef.path', {
        id: 'env-file-path-no-backsteps',
        check: { type: 'notMatching', path: '.', pattern: '(^|/)\\.\\.(/|$)' },
        severity: 'error',
        message: 'The env file path may not contain .. segments.',
        from: '1.34',
      }),
      ...containerRules(CONTAINER_LISTS, 'env[].valueFrom.fileKeyRef.key', {
        id: 'env-file-key-chars',
        check: { type: 'notMatching', path: '.', pattern: NOT_RELAXED_ENV_NAME },
        severity: 'error',
        message: 'An env file key may only hold printable ASCII characters other than =.',
        from: '1.34',
      }),
    ],
    docs: [kepLink(3721, 'Support for env files'), docsPage('Define Environment Variables for a Container', 'tasks/inject-data-application/define-environment-variable-container/')],
  },

  {
    id: 'kep-5307',
    kep: 5307,
    summary:
      'A container can have its own restartPolicy and a list of restartPolicyRules that restart it in place on chosen exit codes, even in a pod with restartPolicy: Never. ' +
      'Batch workloads can retry a container after a known transient failure without the whole pod being replaced.',
    watchOut: [
      'Alpha and off in 1.34 (ContainerRestartRules on kube-apiserver and the kubelet); beta and on by default from 1.35.',
      'A container that lists restartPolicyRules must also set restartPolicy explicitly, even if it matches the pod\'s.',
      'At most 20 rules; exitCodes is required, with operator In or NotIn and at most 255 values. The action is Restart; 1.35 adds RestartAllContainers (KEP-5532).',
      'The first rule that matches an exit decides; without a match the container restartPolicy applies.',
      'Sidecar init containers (restartPolicy: Always) may not have restartPolicyRules, unless RestartAllContainersOnContainerExits (KEP-5532) is on.',
    ],
    fields: [
      ...containerFields(RUNNING_CONTAINER_LISTS, 'restartPolicyRules', {
        description: 'Ordered rules that restart this container on chosen exit codes, checked before its restartPolicy.',
        shape: 'list',
        since: '1.34',
        children: [
          // Its values are KEP-5532's entry, which adds the second one: one list per field, or each finding comes twice.
          { key: 'action', shape: 'string', required: true },
          { key: 'exitCodes', shape: 'object', required: true },
        ],
      }),
      ...containerFields(RUNNING_CONTAINER_LISTS, 'restartPolicyRules[].exitCodes.operator', {
        description: 'How the exit code is compared with values.',
        shape: 'string',
        since: '1.34',
        values: [
          { value: 'In', description: 'The rule matches when the exit code is one of values.' },
          { value: 'NotIn', description: 'The rule matches when the exit code is none of values.' },
        ],
      }),
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.containers[].restartPolicy',
        description: 'From 1.34 (with ContainerRestartRules) a regular container may set its own restart policy, overriding the pod\'s for this container.',
        shape: 'string',
      },
    ],
    rules: [
      ...containerRules(RUNNING_CONTAINER_LISTS, 'restartPolicyRules', {
        id: 'restart-rules-need-restart-policy',
        check: { type: 'present', path: 'restartPolicy' },
        severity: 'error',
        message: 'A container with restartPolicyRules must also set restartPolicy.',
        from: '1.34',
      }),
      ...containerRules(RUNNING_CONTAINER_LISTS, 'restartPolicyRules[].action', {
        id: 'restart-rule-needs-exit-codes',
        check: { type: 'present', path: 'exitCodes' },
        severity: 'error',
        message: 'Every restart rule needs exitCodes.',
        from: '1.34',
      }),
    ],
    docs: [kepLink(5307, 'Container Restart Policy'), docsPage('Pod Lifecycle: container restarts', 'concepts/workloads/pods/pod-lifecycle/#container-restarts')],
  },

  {
    id: 'kep-5067',
    kep: 5067,
    summary:
      'Pods count their spec changes in metadata.generation, and the kubelet reports in status.observedGeneration, and per condition, which generation it has acted on. ' +
      'Controllers and users can tell whether a change such as a resize has been seen by the node.',
    watchOut: [
      'Alpha and off in 1.33, beta and on in 1.34, stable from 1.35 (PodObservedGenerationTracking on kube-controller-manager, kube-scheduler and the kubelet).',
      'Written by the system; setting the fields in a manifest has no effect.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.observedGeneration',
        description: 'The metadata.generation of the pod that this status reflects.',
        shape: 'integer',
        since: '1.33',
        readOnly: true,
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.conditions[].observedGeneration',
        description: 'The metadata.generation the condition was computed from.',
        shape: 'integer',
        since: '1.33',
        readOnly: true,
      },
    ],
    docs: [kepLink(5067, 'Pod Generation'), docsPage('Pod Lifecycle', 'concepts/workloads/pods/pod-lifecycle/')],
  },

  {
    id: 'kep-1967',
    kep: 1967,
    summary:
      'A memory-backed emptyDir (medium: Memory) gets the size of its sizeLimit, or the pod\'s memory limit when none is set, instead of half of the node\'s memory.',
    watchOut: [
      'Beta and on by default before 1.32, stable and locked on in 1.32 to 1.34; the SizeMemoryBackedVolumes gate is gone from 1.35.',
      'Data in the volume counts as memory of the pod; filling it can get containers killed for running out of memory.',
      'Without sizeLimit and without pod memory limits the volume can still grow to the node\'s allocatable memory.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.volumes[].emptyDir.sizeLimit',
        description: 'Upper size of the emptyDir; for medium: Memory it also sets the size of the tmpfs, capped by the pod memory limit.',
        shape: 'string',
        note: 'Behaviour change only; the field itself is old.',
      },
    ],
    docs: [kepLink(1967, 'Size memory backed volumes'), docsPage('Volumes: emptyDir', 'concepts/storage/volumes/#emptydir')],
  },

  {
    id: 'kep-3094',
    kep: 3094,
    summary:
      'A topology spread constraint can say whether nodes excluded by the pod\'s node affinity, or tainted nodes the pod does not tolerate, count when the skew is computed. ' +
      'That avoids pods stuck Pending because of domains they could never be placed in.',
    watchOut: [
      'Beta and on by default before 1.33, stable from 1.33 (NodeInclusionPolicyInPodTopologySpread on kube-apiserver and kube-scheduler).',
      'Unset nodeAffinityPolicy behaves like Honor, unset nodeTaintsPolicy like Ignore: the old behaviour counts tainted nodes.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.topologySpreadConstraints[].nodeAffinityPolicy',
        description: 'Whether only nodes matching the pod\'s nodeAffinity and nodeSelector count when computing the skew.',
        shape: 'string',
        since: '1.25',
        values: [
          { value: 'Honor', description: 'Count only nodes the pod could be scheduled to by its node affinity and selector (the default).' },
          { value: 'Ignore', description: 'Count all nodes, whatever the pod\'s node affinity says.' },
        ],
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.topologySpreadConstraints[].nodeTaintsPolicy',
        description: 'Whether tainted nodes the pod does not tolerate count when computing the skew.',
        shape: 'string',
        since: '1.25',
        values: [
          { value: 'Honor', description: 'Count untainted nodes and tainted nodes the pod tolerates.' },
          { value: 'Ignore', description: 'Count all nodes, tainted or not (the default).' },
        ],
      },
    ],
    docs: [
      kepLink(3094, 'Take taints/tolerations into consideration when calculating PodTopologySpread skew'),
      docsPage('Pod Topology Spread Constraints', 'concepts/scheduling-eviction/topology-spread-constraints/'),
    ],
  },

  {
    id: 'kep-4940',
    kep: 4940,
    title: 'Pod Security baseline forbids host in probes and lifecycle handlers',
    summary:
      'From policy version 1.34 the Baseline (and so the Restricted) Pod Security Standard rejects probes and lifecycle handlers that send their request to another host through httpGet.host or tcpSocket.host. ' +
      'Such a host field could make the kubelet reach addresses the pod itself should not.',
    watchOut: [
      'Applies in namespaces that enforce, audit or warn at baseline or restricted with policy version 1.34 or latest; pinning an older version keeps the old rules.',
      'Leave host empty so the request goes to the pod IP; to reach a service, call it from inside the container instead.',
      'No feature gate: the check is part of the Pod Security admission policy of 1.34.',
    ],
    fields: (['httpGet', 'tcpSocket'] as const).map(
      (action): ApiField => ({
        apiVersion: 'v1',
        kind: 'Pod',
        path: `spec.containers[].livenessProbe.${action}.host`,
        description: 'Host the kubelet connects to for this probe or hook instead of the pod IP; Pod Security baseline rejects it from policy version 1.34.',
        shape: 'string',
      }),
    ),
    rules: (['httpGet', 'tcpSocket'] as const).map(
      (action): Rule => ({
        id: `pss-baseline-no-probe-host-${action.toLowerCase()}`,
        trigger: { apiVersion: 'v1', kind: 'Pod', path: `spec.containers[].livenessProbe.${action}.host` },
        check: { type: 'notMatching', path: '.', pattern: '.' },
        severity: 'warning',
        message: 'A host in a probe or lifecycle handler is rejected where Pod Security enforces baseline or restricted at policy version 1.34 or later.',
        from: '1.34',
        fix: { type: 'removeTrigger', title: 'Remove host (use the pod IP)' },
        // A pod in a host namespace fails baseline anyway, and on the host network 127.0.0.1 is how it reaches itself.
        unlessPodSpec: ['hostNetwork', 'hostPID', 'hostIPC'].map((path) => ({ path, value: 'true' })),
      }),
    ),
    docs: [docsPage('Pod Security Standards: Baseline', 'concepts/security/pod-security-standards/#baseline'), kepLink(4940, 'Pod Security: block host field in probes and lifecycle handlers')],
    sources: ['k8s.io/pod-security-admission v0.34.0 policy/check_hostProbesAndhostLifecycle.go'],
  },
];

// ---------------------------------------------------------------------------
// Workloads
// ---------------------------------------------------------------------------

const RETENTION_VALUES: AllowedValue[] = [
  { value: 'Retain', description: 'Keep the claims and their volumes (the default).' },
  { value: 'Delete', description: 'Delete the claims, and with them volumes whose reclaim policy is Delete.' },
];

const workloadEntries: EnhancementOverlay[] = [
  {
    id: 'kep-1847',
    kep: 1847,
    summary:
      'A StatefulSet can have the PersistentVolumeClaims made from its volumeClaimTemplates deleted when the StatefulSet is deleted, when it is scaled down, or both. ' +
      'Without the policy the claims, and the storage behind them, stay around until someone deletes them.',
    watchOut: [
      'Beta and on by default before 1.32, stable and locked on in 1.32 to 1.34; the StatefulSetAutoDeletePVC gate is gone from 1.35.',
      'Both whenDeleted and whenScaled default to Retain, the old behaviour.',
      'With whenScaled: Delete the claims of replicas above the new count are deleted, so scaling back up starts those replicas with new, empty volumes.',
      'Whether the storage itself is deleted depends on the reclaim policy of the PersistentVolume, not on this field.',
    ],
    fields: [
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        path: 'spec.persistentVolumeClaimRetentionPolicy',
        description: 'What happens to the claims created from volumeClaimTemplates when the StatefulSet is deleted or scaled down.',
        shape: 'object',
        since: '1.23',
        children: [
          { key: 'whenDeleted', shape: 'string', values: RETENTION_VALUES },
          { key: 'whenScaled', shape: 'string', values: RETENTION_VALUES },
        ],
      },
    ],
    docs: [
      kepLink(1847, 'Auto delete PVCs created by StatefulSet'),
      docsPage('StatefulSets: PersistentVolumeClaim retention', 'concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention'),
    ],
  },

  {
    id: 'kep-3850',
    kep: 3850,
    summary:
      'An Indexed Job can give each index its own retry budget with backoffLimitPerIndex, so one flaky index does not use up the retries of all others; maxFailedIndexes stops the Job once too many indexes have failed.',
    watchOut: [
      'Alpha and off in 1.28, beta and on in 1.29 to 1.32, stable from 1.33 (JobBackoffLimitPerIndex on kube-apiserver and kube-controller-manager).',
      'backoffLimitPerIndex needs completionMode: Indexed and a pod template with restartPolicy: Never; it cannot be changed after creation.',
      'maxFailedIndexes is only accepted together with backoffLimitPerIndex and may not exceed completions.',
      'With backoffLimitPerIndex set, backoffLimit defaults to the largest int32 instead of 6, so only the per-index budget limits retries.',
      'Failed indexes are listed in status.failedIndexes; a podFailurePolicy rule with action FailIndex ends an index at once.',
    ],
    fields: [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.backoffLimitPerIndex',
        description: 'How many times each index may be retried before that index alone is marked failed. Immutable.',
        shape: 'integer',
        since: '1.28',
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.maxFailedIndexes',
        description: 'How many indexes may fail before the whole Job is marked failed; unset lets every index run to its end.',
        shape: 'integer',
        since: '1.28',
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'status.failedIndexes',
        description: 'Indexes that have failed, written as a list of numbers and ranges such as "1,3-5".',
        shape: 'string',
        since: '1.28',
        readOnly: true,
      },
    ],
    rules: [
      {
        id: 'job-backofflimitperindex-needs-indexed',
        trigger: { apiVersion: 'batch/v1', kind: 'Job', path: 'spec.backoffLimitPerIndex' },
        check: { type: 'equals', path: 'completionMode', values: ['Indexed'] },
        severity: 'error',
        message: 'backoffLimitPerIndex is only allowed on Indexed Jobs; set completionMode: Indexed.',
        from: '1.28',
        fix: { type: 'set', path: 'completionMode', value: 'Indexed', title: 'Set completionMode: Indexed' },
      },
      {
        id: 'job-backofflimitperindex-needs-restart-never',
        trigger: { apiVersion: 'batch/v1', kind: 'Job', path: 'spec.backoffLimitPerIndex' },
        check: { type: 'equals', path: 'template.spec.restartPolicy', values: ['Never'] },
        severity: 'error',
        message: 'backoffLimitPerIndex requires the pod template to use restartPolicy: Never.',
        from: '1.28',
        fix: { type: 'set', path: 'template.spec.restartPolicy', value: 'Never', title: 'Set restartPolicy: Never in the pod template' },
      },
      {
        id: 'job-maxfailedindexes-needs-backofflimitperindex',
        trigger: { apiVersion: 'batch/v1', kind: 'Job', path: 'spec.maxFailedIndexes' },
        check: { type: 'present', path: 'backoffLimitPerIndex' },
        severity: 'error',
        message: 'maxFailedIndexes can only be set together with backoffLimitPerIndex.',
        from: '1.28',
      },
    ],
    docs: [
      kepLink(3850, 'Backoff Limits Per Index For Indexed Jobs'),
      docsPage('Jobs: Backoff limit per index', 'concepts/workloads/controllers/job/#backoff-limit-per-index'),
    ],
  },

  {
    id: 'kep-3939',
    kep: 3939,
    summary:
      'A Job can wait until a failed or deleted pod has fully terminated before starting its replacement, so two pods of the same index never run at once. ' +
      'status.terminating counts the pods that are still shutting down.',
    watchOut: [
      'Alpha and off in 1.28, beta and on in 1.29 to 1.33, stable from 1.34 (JobPodReplacementPolicy on kube-controller-manager).',
      'With a podFailurePolicy, Failed is the only accepted value and also the default; without one the default is TerminatingOrFailed.',
      'Waiting for termination makes replacement slower when pods have long grace periods.',
    ],
    fields: [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'spec.podReplacementPolicy',
        description: 'When the Job controller creates a replacement pod: as soon as the old one starts terminating, or only once it has fully stopped.',
        shape: 'string',
        since: '1.28',
        values: [
          { value: 'TerminatingOrFailed', description: 'Replace a pod as soon as it is terminating or has failed (the default without podFailurePolicy).' },
          { value: 'Failed', description: 'Replace a pod only once it has reached phase Failed or Succeeded; required with podFailurePolicy.' },
        ],
      },
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        path: 'status.terminating',
        description: 'Number of pods of this Job that are terminating: being deleted but not yet Failed or Succeeded.',
        shape: 'integer',
        since: '1.28',
        readOnly: true,
      },
    ],
    docs: [kepLink(3939, 'Allow Replacement of Pods in a Job when fully terminating'), docsPage('Jobs: Delayed creation of replacement pods', 'concepts/workloads/controllers/job/#pod-replacement-policy')],
  },

  {
    id: 'kep-3973',
    kep: 3973,
    summary:
      'Deployments and ReplicaSets report how many of their pods are still terminating, in status.terminatingReplicas, so tools can see pods that still hold resources after a scale-down or rollout.',
    watchOut: [
      'Alpha and off in 1.33 and 1.34, beta and on by default from 1.35 (DeploymentReplicaSetTerminatingReplicas on kube-apiserver and kube-controller-manager).',
      'Written by the controllers; a terminating pod is one with a deletionTimestamp that has not yet reached Failed or Succeeded.',
    ],
    fields: (['Deployment', 'ReplicaSet'] as const).map(
      (kind): ApiField => ({
        apiVersion: 'apps/v1',
        kind,
        path: 'status.terminatingReplicas',
        description: `Number of pods of this ${kind} that are being deleted but have not stopped yet.`,
        shape: 'integer',
        since: '1.33',
        readOnly: true,
      }),
    ),
    docs: [kepLink(3973, 'Consider Terminating Pods in Deployments'), docsPage('Deployments', 'concepts/workloads/controllers/deployment/')],
  },
];

// ---------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------

const storageEntries: EnhancementOverlay[] = [
  {
    id: 'kep-1790',
    kep: 1790,
    summary:
      'When expanding a PersistentVolumeClaim fails, for example because the storage backend cannot grow that far, the requested size can be lowered again to a size that works. ' +
      'Claim status shows how far each resize got, so users and tools can see what is stuck.',
    watchOut: [
      'Alpha and off through 1.31, beta and on in 1.32 and 1.33, stable from 1.34 (RecoverVolumeExpansionFailure on kube-apiserver, kube-controller-manager, the kubelet and the external-resizer).',
      'The requested size can only be lowered to a value above status.capacity: volumes never shrink.',
      'status.allocatedResourceStatuses uses ControllerResizeInProgress, ControllerResizeInfeasible, NodeResizePending, NodeResizeInProgress and NodeResizeInfeasible; the API comments still say ...Failed for two of them.',
      'The CSI external-resizer must be new enough to record these statuses.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        path: 'spec.resources.requests',
        description: 'Requested size (storage). With recovery on it may be lowered after a failed expansion, as long as it stays above status.capacity.',
        shape: 'map',
        note: 'Behaviour change only; the field itself is old.',
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        path: 'status.allocatedResources',
        description: 'Size the system is working towards for the claim, which can be larger than status.capacity while a resize is under way.',
        shape: 'map',
        since: '1.23',
        readOnly: true,
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        path: 'status.allocatedResourceStatuses',
        description: 'Per resource (normally storage), where a resize stands: in the controller, pending on the node, in progress there, or infeasible.',
        shape: 'map',
        since: '1.28',
        readOnly: true,
      },
    ],
    docs: [
      kepLink(1790, 'Recover from volume expansion failure'),
      docsPage('Persistent Volumes: Recovering from failure when expanding volumes', 'concepts/storage/persistent-volumes/#recovering-from-failure-when-expanding-volumes'),
    ],
  },

  {
    id: 'kep-1495',
    kep: 1495,
    summary:
      'A PersistentVolumeClaim can name any object, such as a custom resource of a volume populator, in dataSourceRef as the source of the new volume\'s content, not only snapshots and other claims.',
    watchOut: [
      'Beta and on by default before 1.33, stable from 1.33 (AnyVolumeDataSource on kube-apiserver).',
      'A matching volume populator (or a provisioner that understands the kind) must be installed, otherwise the claim stays Pending.',
      'If both dataSource and dataSourceRef are set they must name the same object; when one is set without a namespace the API server copies it into the other.',
      'dataSourceRef.namespace (a source in another namespace) needs the separate CrossNamespaceVolumeDataSource gate and then dataSource must be empty.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        path: 'spec.dataSourceRef',
        description: 'Object to populate the new volume from: a snapshot, another claim or a custom resource that a volume populator handles.',
        shape: 'object',
        since: '1.22',
        children: [
          { key: 'apiGroup', shape: 'string', example: 'snapshot.storage.k8s.io' },
          { key: 'kind', shape: 'string', required: true, example: 'VolumeSnapshot' },
          { key: 'name', shape: 'string', required: true },
          { key: 'namespace', shape: 'string' },
        ],
      },
    ],
    rules: (['name', 'kind'] as const).map(
      (key): Rule => ({
        id: `pvc-datasource-ref-matches-datasource-${key}`,
        trigger: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', path: 'spec.dataSourceRef' },
        check: { type: 'sameValue', path: `dataSourceRef.${key}`, otherPath: `dataSource.${key}` },
        severity: 'error',
        message: 'dataSource and dataSourceRef must name the same object when both are set.',
      }),
    ),
    docs: [kepLink(1495, 'Volume Populators'), docsPage('Persistent Volumes: Volume populators and data sources', 'concepts/storage/persistent-volumes/#volume-populators-and-data-sources')],
  },

  {
    id: 'kep-4876',
    kep: 4876,
    summary:
      'A CSI driver can ask the kubelet to refresh, at a set interval, the number of volumes the node can still attach; with the interval set, an attach failure caused by missing capacity triggers a refresh too. ' +
      'The scheduler then stops sending pods to nodes whose attach slots were used up outside Kubernetes.',
    watchOut: [
      'Alpha and off in 1.33, beta but off in 1.34, beta and on in 1.35, stable from 1.36 (MutableCSINodeAllocatableCount on kube-apiserver and the kubelet).',
      'nodeAllocatableUpdatePeriodSeconds must be at least 10 seconds.',
      'Set on the CSIDriver object, normally by the driver\'s installer, not in workload manifests.',
    ],
    fields: [
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'CSIDriver',
        path: 'spec.nodeAllocatableUpdatePeriodSeconds',
        description: 'How often, in seconds, the kubelet asks the driver again how many volumes the node can attach; unset means never.',
        shape: 'integer',
        since: '1.33',
      },
    ],
    rules: [
      {
        id: 'csidriver-allocatable-update-period-min',
        trigger: { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', path: 'spec.nodeAllocatableUpdatePeriodSeconds' },
        check: { type: 'minimum', path: '.', min: 10 },
        severity: 'error',
        message: 'nodeAllocatableUpdatePeriodSeconds must be at least 10.',
        from: '1.33',
      },
    ],
    docs: [kepLink(4876, 'Mutable CSINode Allocatable Property'), docsPage('Node-specific Volume Limits', 'concepts/storage/storage-limits/')],
  },

  {
    id: 'kep-3257',
    kep: 3257,
    summary:
      'ClusterTrustBundle objects publish sets of CA certificates cluster-wide, optionally tied to a signer, and pods can mount them through a clusterTrustBundle projected volume source instead of copying CA bundles into ConfigMaps.',
    watchOut: [
      'Alpha through 1.32 (certificates.k8s.io/v1alpha1); beta in certificates.k8s.io/v1beta1 from 1.33 but still off by default: enable ClusterTrustBundle (kube-apiserver, kube-controller-manager) and ClusterTrustBundleProjection (kube-apiserver, kubelet), and serve the API with --runtime-config.',
      'A projected clusterTrustBundle names either one bundle by name or a signerName with a labelSelector, plus the path of the file in the volume.',
      'Bundles tied to a signer must be named <signer name with / replaced by :>:<suffix>, and creating or changing them needs the attest permission on that signer.',
      'A missing bundle blocks the pod from starting unless optional is true.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.volumes[].projected.sources[].clusterTrustBundle',
        description: 'Projects the certificates of one ClusterTrustBundle, or of all bundles of a signer that match a label selector, into a file of the volume.',
        shape: 'object',
        since: '1.29',
        gates: ['ClusterTrustBundleProjection'],
        children: [
          { key: 'name', shape: 'string' },
          { key: 'signerName', shape: 'string', example: 'example.com/my-signer' },
          { key: 'labelSelector', shape: 'object' },
          { key: 'path', shape: 'string', required: true, example: 'ca.pem' },
          { key: 'optional', shape: 'boolean', example: 'false' },
        ],
      },
      {
        kind: 'ClusterTrustBundle',
        path: 'spec',
        description: 'A PEM bundle of trust anchors (trustBundle), optionally linked to the signer whose certificates it verifies (signerName).',
        shape: 'object',
        gates: ['ClusterTrustBundle'],
        children: [
          { key: 'signerName', shape: 'string' },
          { key: 'trustBundle', shape: 'string', required: true },
        ],
        note: 'certificates.k8s.io/v1alpha1 from 1.27, v1beta1 from 1.33.',
      },
    ],
    docs: [kepLink(3257, 'Cluster Trust Bundles'), docsPage('Certificates and Certificate Signing Requests: cluster trust bundles', 'reference/access-authn-authz/certificate-signing-requests/#cluster-trust-bundles')],
  },
];

// ---------------------------------------------------------------------------
// Networking
// ---------------------------------------------------------------------------

/** IPv4 octets or prefix lengths with leading zeros, and IPv4-mapped IPv6: what strict IP validation rejects. */
const AMBIGUOUS_IP = '(^|\\.)0\\d|/0\\d|^::[fF]{4}:';

const networkingEntries: EnhancementOverlay[] = [
  {
    id: 'kep-1860',
    kep: 1860,
    summary:
      'A load balancer integration can say, per ingress IP of a LoadBalancer Service, whether traffic arrives at the nodes still addressed to that IP (VIP) or already rewritten by a proxy (Proxy). ' +
      'With Proxy, kube-proxy stops short-circuiting traffic to the load balancer IP inside the cluster, so it passes through the load balancer as intended.',
    watchOut: [
      'Alpha and off in 1.29, beta and on in 1.30 and 1.31, stable and locked on in 1.32 to 1.34; the LoadBalancerIPMode gate is gone from 1.35.',
      'Written by the cloud controller into Service status; Service authors do not set it.',
      'ipMode is only accepted together with ip; when a load balancer writes an ip without ipMode, the API server fills in VIP.',
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Service',
        path: 'status.loadBalancer.ingress[].ipMode',
        description: 'How traffic sent to this load balancer IP reaches the nodes: still addressed to the IP, or re-addressed by a proxy.',
        shape: 'string',
        since: '1.29',
        readOnly: true,
        values: [
          { value: 'VIP', description: 'Traffic arrives with the load balancer IP as destination; kube-proxy may handle it locally.' },
          { value: 'Proxy', description: 'Traffic arrives already sent on to a node or pod address; in-cluster clients go through the load balancer too.' },
        ],
      },
    ],
    docs: [kepLink(1860, 'Make Kubernetes aware of the load balancer behaviour'), docsPage('Service: load balancer IP mode', 'concepts/services-networking/service/#load-balancer-ip-mode')],
  },

  {
    id: 'kep-2433',
    kep: 2433,
    summary:
      'With the service.kubernetes.io/topology-mode: Auto annotation, the EndpointSlice controller adds zone hints to endpoints in proportion to the capacity of each zone, and kube-proxy sends traffic to endpoints in the client\'s zone when it safely can.',
    watchOut: [
      'Beta and on by default before 1.33, stable and locked on in 1.33 to 1.35; the TopologyAwareHints gate is gone from 1.36.',
      'The older annotation service.kubernetes.io/topology-aware-hints is deprecated since 1.27, and the API server warns when a Service uses it; write topology-mode instead.',
      'The controller sets no hints when endpoints cannot be spread safely over the zones, for example with too few endpoints or nodes without a zone label; traffic then goes to all endpoints.',
      'spec.trafficDistribution (KEP-4444) is the simpler way to prefer the same zone; when both are set the annotation wins.',
    ],
    annotations: [
      {
        keyPattern: '^service\\.kubernetes\\.io/topology-mode$',
        display: 'service.kubernetes.io/topology-mode',
        onPodTemplates: false,
        description: 'On a Service: Auto turns on topology aware routing with zone hints, Disabled turns it off; other implementations may define domain-prefixed values.',
      },
      {
        keyPattern: '^service\\.kubernetes\\.io/topology-aware-hints$',
        display: 'service.kubernetes.io/topology-aware-hints',
        onPodTemplates: false,
        description: 'Older spelling of service.kubernetes.io/topology-mode (Auto or Disabled).',
        deprecatedIn: '1.27',
        replacement: 'service.kubernetes.io/topology-mode',
      },
    ],
    fields: [
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        path: 'endpoints[].hints.forZones',
        description: 'Zones whose clients should use this endpoint; written by the EndpointSlice controller when topology aware routing is on.',
        shape: 'list',
        since: '1.21',
        readOnly: true,
      },
    ],
    docs: [kepLink(2433, 'Topology Aware Hints'), docsPage('Topology Aware Routing', 'concepts/services-networking/topology-aware-routing/')],
  },

  {
    id: 'kep-4974',
    kep: 4974,
    releases: { '1.33': 'deprecation' },
    summary:
      'The v1 Endpoints API is deprecated in favour of discovery.k8s.io/v1 EndpointSlice, which already carries everything newer Service features need. ' +
      'Endpoints keeps working and is still maintained by the control plane; there is no removal date.',
    watchOut: [
      'From 1.33 clients that write Endpoints get a deprecation warning from the API server.',
      'Dual-stack, topology hints and Services with more than 1000 endpoints are only fully described by EndpointSlices; kube-proxy reads only those.',
      'Manually managed Endpoints (for a Service without selector) still work and are mirrored into EndpointSlices; writing EndpointSlices directly avoids the mirroring.',
    ],
    stages: [
      {
        stage: 'deprecated',
        from: '1.33',
        note: 'No feature gate: the API types mark Endpoints deprecated from the 1.33 tag (k8s.io/api v0.33.0).',
      },
    ],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Endpoints',
        path: 'subsets',
        description: 'Addresses and ports of the endpoints behind a Service, in the legacy format.',
        shape: 'list',
        deprecatedIn: '1.33',
        replacement: 'discovery.k8s.io/v1 EndpointSlice',
      },
    ],
    docs: [kepLink(4974, 'Deprecate v1.Endpoints and Associated Controllers'), docsPage('EndpointSlices', 'concepts/services-networking/endpoint-slices/')],
  },

  {
    id: 'kep-5311',
    kep: 5311,
    summary:
      'Service names may follow the RFC 1123 label rule, like most other names, so they may start with a digit; before, a Service name had to start with a letter (RFC 1035).',
    watchOut: [
      'Alpha and off in 1.34 and 1.35, beta and on by default from 1.36 (RelaxedServiceNameValidation on kube-apiserver).',
      'The rule is then that of other DNS labels: at most 63 lower-case letters, digits and -, starting and ending with a letter or digit.',
      'Service names become environment variable prefixes and DNS names; tools that assume a leading letter may break on names such as 1-api.',
    ],
    docs: [kepLink(5311, 'Relaxed validation for Services names'), docsPage('Service', 'concepts/services-networking/service/')],
  },

  {
    id: 'kep-4858',
    kep: 4858,
    summary:
      'IP addresses and CIDRs in API fields are validated strictly: IPv4 octets and prefix lengths with leading zeros, IPv4-mapped IPv6 addresses and CIDRs with host bits set are rejected, because different software reads them differently.',
    watchOut: [
      'Alpha and off in 1.33 to 1.35, beta and on by default from 1.36 (StrictIPCIDRValidation on kube-apiserver).',
      'Objects that already hold such values can still be updated as long as the old values are kept unchanged.',
      'Write 10.0.0.0/8, not 10.0.0.1/8 or 010.0.0.0/8, and 1.2.3.4, not ::ffff:1.2.3.4.',
      'Affected fields include Service externalIPs and loadBalancerSourceRanges, NetworkPolicy ipBlock, pod hostAliases and dnsConfig nameservers.',
    ],
    fields: [
      ...(['ingress[].from[]', 'egress[].to[]'] as const).map(
        (peer): ApiField => ({
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          path: `spec.${peer}.ipBlock.cidr`,
          description: 'CIDR of the peer range; with strict validation it must be a plain network address without host bits or leading zeros.',
          shape: 'string',
        }),
      ),
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.hostAliases[].ip',
        description: 'IP address written to the pod\'s /etc/hosts for these hostnames; strict validation rejects leading zeros and IPv4-mapped IPv6.',
        shape: 'string',
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        path: 'spec.externalIPs',
        description: 'Extra IPs on which the Service is reachable; each entry is checked as an IP address, strictly from 1.36.',
        shape: 'stringList',
      },
    ],
    rules: [
      ...(['ingress[].from[]', 'egress[].to[]'] as const).map(
        (peer): Rule => ({
          id: `networkpolicy-cidr-strict-${peer.split('[')[0]}`,
          trigger: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', path: `spec.${peer}.ipBlock.cidr` },
          check: { type: 'notMatching', path: '.', pattern: AMBIGUOUS_IP },
          severity: 'warning',
          message: '`{value}` has leading zeros or an IPv4-mapped address, which strict IP validation (on by default from 1.36) rejects.',
          from: '1.33',
        }),
      ),
      {
        id: 'hostalias-ip-strict',
        trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.hostAliases[].ip' },
        check: { type: 'notMatching', path: '.', pattern: AMBIGUOUS_IP },
        severity: 'warning',
        message: '`{value}` has leading zeros or is IPv4-mapped IPv6, which strict IP validation (on by default from 1.36) rejects.',
        from: '1.33',
      },
    ],
    docs: [kepLink(4858, 'IP/CIDR Validation Improvements')],
  },

  {
    id: 'kep-3503',
    kep: 3503,
    summary:
      'The alpha support for putting ordinary (non-HostProcess) Windows containers into the node\'s network namespace with hostNetwork: true is withdrawn; the WindowsHostNetwork gate is deprecated and off from 1.33.',
    watchOut: [
      'WindowsHostNetwork (kubelet) was alpha; it is deprecated and off by default from 1.33 and the KEP is withdrawn, so do not build on it.',
      'HostProcess containers, which always run in the host network, are not affected.',
      'On Windows, hostNetwork is otherwise ignored for pods without HostProcess containers.',
    ],
    notes: ['Kubelets of 1.27 to 1.32 have WindowsHostNetwork on by default although it is alpha; the gate history in later releases lists it as off.'],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.hostNetwork',
        description: 'Run the pod in the node\'s network namespace. On Windows this only works for HostProcess pods; the alpha support for other Windows pods is withdrawn.',
        shape: 'boolean',
      },
    ],
    docs: [kepLink(3503, 'Host Network Support for Windows Pods'), docsPage('Create a Windows HostProcess Pod', 'tasks/configure-pod-container/create-hostprocess-pod/')],
  },

  {
    id: 'kep-5100',
    kep: 5100,
    summary:
      'kube-proxy on Windows supports Direct Server Return, where return traffic skips the load-balancing node, and overlay networks such as VXLAN; both reach GA in 1.34.',
    watchOut: [
      'WinDSR was alpha and off through 1.32, beta and on in 1.33, stable from 1.34; WinOverlay was beta and on before 1.34 and is stable from 1.34 (both kube-proxy on Windows).',
      'DSR is chosen with winkernel.enableDSR: true (or --enable-dsr); an overlay network needs winkernel.sourceVip and the HNS network name in winkernel.networkName.',
      'The Windows host networking service (HNS) and the CNI plugin must support the chosen mode.',
    ],
    config: [
      {
        component: 'kube-proxy',
        kind: 'KubeProxyConfiguration',
        apiVersions: ['kubeproxy.config.k8s.io/v1alpha1'],
        path: 'winkernel.enableDSR',
        description: 'Create the Windows load-balancing policies with Direct Server Return, so replies go straight back to the client.',
      },
      {
        component: 'kube-proxy',
        kind: 'KubeProxyConfiguration',
        apiVersions: ['kubeproxy.config.k8s.io/v1alpha1'],
        path: 'winkernel.sourceVip',
        description: 'IP of the source VIP endpoint kube-proxy uses for NAT on overlay networks.',
      },
      {
        component: 'kube-proxy',
        kind: 'KubeProxyConfiguration',
        apiVersions: ['kubeproxy.config.k8s.io/v1alpha1'],
        path: 'winkernel.networkName',
        description: 'Name of the HNS network in which kube-proxy creates endpoints and policies.',
      },
    ],
    docs: [kepLink(5100, 'DSR and Overlay support in Windows kube-proxy'), docsPage('Networking on Windows', 'concepts/services-networking/windows-networking/')],
  },
];

// ---------------------------------------------------------------------------
// Dynamic resource allocation: the features built on structured parameters
// ---------------------------------------------------------------------------

const DRA_DOCS = docsPage('Dynamic Resource Allocation', 'concepts/scheduling-eviction/dynamic-resource-allocation/');

const TAINT_EFFECT_VALUES: AllowedValue[] = [
  { value: 'NoSchedule', description: 'Do not allocate the device to claims that do not tolerate the taint.' },
  { value: 'NoExecute', description: 'Also evict pods using claims that hold the device without tolerating the taint.' },
  { value: 'None', description: 'No effect on allocation or running pods; only makes the taint visible.', since: '1.35' },
];

const draEntries: EnhancementOverlay[] = [
  {
    id: 'kep-5018',
    kep: 5018,
    summary:
      'A ResourceClaim can ask for administrative access to devices that are already in use, for monitoring or maintenance agents, without taking them away from the workloads that hold them. ' +
      'Only namespaces an administrator has labelled for it may create such claims.',
    watchOut: [
      'Alpha and off in 1.32 and 1.33, beta and on in 1.34 and 1.35, stable from 1.36 (DRAAdminAccess on kube-apiserver, kube-controller-manager and kube-scheduler).',
      'The namespace of the claim or template must carry the label resource.k8s.io/admin-access: "true" in 1.33, and resource.kubernetes.io/admin-access: "true" from 1.34; the key changed between the two releases.',
      'In resource.k8s.io/v1beta2 and v1 the field sits under requests[].exactly; in v1beta1 it is directly on the request. Subrequests of firstAvailable cannot ask for admin access.',
      'Admin access ignores other claims on the device, so the agent can see or change what the workload is doing; grant the namespace label sparingly.',
    ],
    fields: [
      {
        kind: 'ResourceClaim',
        path: 'spec.devices.requests[].exactly.adminAccess',
        description: 'Ask for administrative access to the matching devices even if other claims hold them.',
        shape: 'boolean',
        since: '1.33',
      },
      {
        kind: 'ResourceClaim',
        path: 'spec.devices.requests[].adminAccess',
        description: 'Ask for administrative access to the matching devices even if other claims hold them (request-level spelling of v1alpha3 and v1beta1).',
        shape: 'boolean',
        since: '1.31',
      },
    ],
    docs: [kepLink(5018, 'DRA Admin Access'), DRA_DOCS],
  },

  {
    id: 'kep-4817',
    kep: 4817,
    summary:
      'DRA drivers can report the state of each allocated device in the ResourceClaim status, with conditions, free-form data and, for network devices, the interface name, IP addresses and hardware address.',
    watchOut: [
      'Alpha and off in 1.32, beta and on by default from 1.33 (DRAResourceClaimDeviceStatus on kube-apiserver).',
      'Written by the driver that owns the device; the driver needs RBAC to update claim status.',
      'Entries are keyed by driver, pool and device (and shareID for shared devices); there is one entry per allocated device.',
    ],
    fields: [
      {
        kind: 'ResourceClaim',
        path: 'status.devices',
        description: 'Driver-reported state of each allocated device: conditions, opaque data and network details.',
        shape: 'list',
        since: '1.32',
        readOnly: true,
      },
    ],
    docs: [kepLink(4817, 'Resource Claim Status With Possible Standardized Network Interface Data'), DRA_DOCS],
  },

  {
    id: 'kep-4816',
    kep: 4816,
    summary:
      'A device request can list alternatives in firstAvailable, for example one large GPU or else two small ones, and the scheduler takes the first that can be satisfied.',
    watchOut: [
      'Alpha and off in 1.33, beta and on in 1.34 and 1.35, stable from 1.36 (DRAPrioritizedList on kube-apiserver, kube-controller-manager and kube-scheduler).',
      'In v1beta2 and v1 a request sets exactly one of exactly and firstAvailable; at most 8 subrequests.',
      'Constraints and config can refer to one subrequest as <request>/<subrequest>; a container\'s resources.claims[].request names the request and gets whichever subrequest the scheduler chose.',
      'There is no scoring yet: the first subrequest that fits is used even if a later one would fit better.',
    ],
    fields: [
      {
        kind: 'ResourceClaim',
        path: 'spec.devices.requests[].firstAvailable',
        description: 'Alternatives for this request, tried in order; the first one that can be allocated is used.',
        shape: 'list',
        since: '1.33',
        children: [
          { key: 'name', shape: 'string', required: true, example: 'large' },
          { key: 'deviceClassName', shape: 'string', required: true, example: 'gpu.example.com' },
          { key: 'selectors', shape: 'list' },
          { key: 'allocationMode', shape: 'string' },
          { key: 'count', shape: 'integer', example: '1' },
        ],
      },
    ],
    docs: [kepLink(4816, 'DRA Prioritized List'), DRA_DOCS],
  },

  {
    id: 'kep-4815',
    kep: 4815,
    summary:
      'A DRA driver can publish overlapping ways to use one piece of hardware, such as a whole GPU and its partitions, by letting devices draw on shared counters; allocating one device then uses up capacity the others need.',
    watchOut: [
      'Alpha and off in 1.33 to 1.35, beta and on by default from 1.36 (DRAPartitionableDevices on kube-apiserver and kube-scheduler).',
      'Counter set names must be unique within the slice and the slice may define at most 32 counters in all; a device may consume from each set once, with at most 32 entries per device and 1024 per slice.',
      'With perDeviceNodeSelection: true every device names its own nodeName, nodeSelector or allNodes; the slice then must not set those itself.',
      'Written by DRA drivers, not by workload authors; claims do not change.',
    ],
    fields: [
      {
        kind: 'ResourceSlice',
        path: 'spec.sharedCounters',
        description: 'Named sets of counters (for example memory slices of a GPU) that devices of this slice consume when allocated.',
        shape: 'list',
        since: '1.33',
      },
      {
        kind: 'ResourceSlice',
        path: 'spec.devices[].consumesCounters',
        description: 'How much of each shared counter set this device uses up when it is allocated.',
        shape: 'list',
        since: '1.33',
      },
      {
        kind: 'ResourceSlice',
        path: 'spec.perDeviceNodeSelection',
        description: 'When true, each device says itself which nodes can reach it, instead of the slice.',
        shape: 'boolean',
        since: '1.33',
      },
    ],
    docs: [kepLink(4815, 'DRA Partitionable Devices'), DRA_DOCS],
  },

  {
    id: 'kep-5055',
    kep: 5055,
    summary:
      'Devices can be tainted, by their driver in the ResourceSlice or by an administrator with a DeviceTaintRule, and claims can tolerate such taints, much like node taints and pod tolerations. ' +
      'A NoExecute taint on an allocated device evicts the pods that use it.',
    watchOut: [
      'Alpha and off in 1.33 to 1.35, beta and on by default from 1.36 (DRADeviceTaints on kube-apiserver, kube-controller-manager and kube-scheduler); DeviceTaintRule objects also need DRADeviceTaintRules (alpha from 1.35, beta but off in 1.36).',
      'At most 4 taints per device and 16 tolerations per request.',
      'DeviceTaintRule is served as resource.k8s.io/v1alpha3 from 1.33, v1beta2 from 1.36 and v1 from 1.37.',
      'Effect None (from 1.35) only marks a device; NoSchedule keeps it from new allocations; NoExecute also evicts pods whose claims do not tolerate it.',
    ],
    fields: [
      {
        kind: 'ResourceSlice',
        path: 'spec.devices[].taints',
        description: 'Driver-defined taints of this device; claims must tolerate them to get it.',
        shape: 'list',
        since: '1.33',
        gates: ['DRADeviceTaints'],
      },
      {
        kind: 'ResourceSlice',
        path: 'spec.devices[].basic.taints',
        description: 'Driver-defined taints of this device (v1alpha3 and v1beta1 spelling).',
        shape: 'list',
        since: '1.33',
        gates: ['DRADeviceTaints'],
      },
      {
        kind: 'ResourceClaim',
        path: 'spec.devices.requests[].exactly.tolerations',
        description: 'Device taints this request accepts, written like pod tolerations.',
        shape: 'list',
        since: '1.33',
        gates: ['DRADeviceTaints'],
        children: [
          { key: 'key', shape: 'string' },
          { key: 'operator', shape: 'string', values: [
            { value: 'Equal', description: 'Tolerate taints with this key and value (the default).' },
            { value: 'Exists', description: 'Tolerate every taint with this key, or every taint when the key is empty.' },
          ] },
          { key: 'value', shape: 'string' },
          { key: 'effect', shape: 'string', values: TAINT_EFFECT_VALUES },
          { key: 'tolerationSeconds', shape: 'integer' },
        ],
      },
      {
        kind: 'DeviceTaintRule',
        path: 'spec',
        description: 'A taint that an administrator puts on all devices matching a selector of driver, pool and device name.',
        shape: 'object',
        since: '1.33',
        gates: ['DRADeviceTaints', 'DRADeviceTaintRules'],
        children: [
          { key: 'deviceSelector', shape: 'object' },
          { key: 'taint', shape: 'object', required: true },
        ],
      },
    ],
    docs: [kepLink(5055, 'DRA: device taints and tolerations'), DRA_DOCS],
  },

  {
    id: 'kep-5004',
    kep: 5004,
    summary:
      'A DeviceClass can be tied to an extended resource name, so pods that simply request that resource in resources.requests (for example example.com/gpu: 1) are served by DRA devices without writing a ResourceClaim.',
    watchOut: [
      'Alpha and off in 1.34 and 1.35, beta and on by default from 1.36 (DRAExtendedResource on kube-apiserver, kube-controller-manager, kube-scheduler and the kubelet).',
      'The scheduler creates the claim for the pod and reports it in the pod\'s status.extendedResourceClaimStatus.',
      'If two DeviceClasses name the same extended resource, the one created later wins; keep the names unique.',
    ],
    fields: [
      {
        kind: 'DeviceClass',
        path: 'spec.extendedResourceName',
        description: 'Extended resource name whose pod requests this class satisfies, written like any extended resource (domain/name).',
        shape: 'string',
        since: '1.34',
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'status.extendedResourceClaimStatus',
        description: 'The ResourceClaim made for the pod\'s extended resource requests, and which container request maps to which device request.',
        shape: 'object',
        since: '1.34',
        readOnly: true,
      },
    ],
    docs: [kepLink(5004, 'DRA Extended Resource'), DRA_DOCS],
  },

  {
    id: 'kep-5007',
    kep: 5007,
    summary:
      'A device that needs preparation before use, such as a fabric-attached accelerator, can make the scheduler wait before binding the pod until the driver reports chosen conditions as True in the claim status.',
    watchOut: [
      'Alpha and off in 1.34 and 1.35, beta and on by default from 1.36 (DRADeviceBindingConditions on kube-scheduler); the fields also need DRAResourceClaimDeviceStatus on kube-apiserver.',
      'At most 4 binding conditions and 4 binding failure conditions per device; a failure condition set to True makes the scheduler give up the allocation.',
      'bindsToNode: true limits the allocation to the node chosen when allocating.',
    ],
    fields: [
      {
        kind: 'ResourceSlice',
        path: 'spec.devices[].bindingConditions',
        description: 'Condition types that must all be True in the device status before the pod is bound to a node.',
        shape: 'stringList',
        since: '1.34',
        gates: ['DRADeviceBindingConditions', 'DRAResourceClaimDeviceStatus'],
      },
      {
        kind: 'ResourceSlice',
        path: 'spec.devices[].bindingFailureConditions',
        description: 'Condition types that, when True in the device status, mean preparation failed.',
        shape: 'stringList',
        since: '1.34',
        gates: ['DRADeviceBindingConditions', 'DRAResourceClaimDeviceStatus'],
      },
      {
        kind: 'ResourceSlice',
        path: 'spec.devices[].bindsToNode',
        description: 'Restrict the allocation to the node chosen during scheduling.',
        shape: 'boolean',
        since: '1.34',
        gates: ['DRADeviceBindingConditions', 'DRAResourceClaimDeviceStatus'],
      },
    ],
    docs: [kepLink(5007, 'DRA Device Binding Conditions'), DRA_DOCS],
  },

  {
    id: 'kep-5075',
    kep: 5075,
    summary:
      'A device can be shared by several claims, each consuming part of its capacity (for example bandwidth or memory), instead of being allocated whole to one claim.',
    watchOut: [
      'Alpha and off in 1.34 and 1.35, beta and on by default from 1.36 (DRAConsumableCapacity on kube-apiserver, kube-scheduler and the kubelet).',
      'The driver marks a device with allowMultipleAllocations and can limit the amounts a request may take with a requestPolicy per capacity (default plus validValues or validRange).',
      'Claims ask for amounts in requests[].exactly.capacity.requests; each allocation gets a shareID in the claim status.',
      'constraints[].distinctAttribute makes the requests of a claim land on different devices.',
    ],
    fields: [
      {
        kind: 'ResourceSlice',
        path: 'spec.devices[].allowMultipleAllocations',
        description: 'Whether this device may be allocated to several requests at once, each using part of its capacity.',
        shape: 'boolean',
        since: '1.34',
      },
      {
        kind: 'ResourceClaim',
        path: 'spec.devices.requests[].exactly.capacity',
        description: 'How much of each capacity of the device this request consumes when the device is shared.',
        shape: 'object',
        since: '1.34',
        children: [{ key: 'requests', shape: 'map' }],
      },
      {
        kind: 'ResourceClaim',
        path: 'spec.devices.constraints[].distinctAttribute',
        description: 'Attribute whose value must differ between the devices picked for the listed requests.',
        shape: 'string',
        since: '1.34',
      },
    ],
    docs: [kepLink(5075, 'DRA Consumable Capacity'), DRA_DOCS],
  },
];

// ---------------------------------------------------------------------------
// Node and kubelet configuration
// ---------------------------------------------------------------------------

const CPU_MANAGER_DOCS = docsPage('Control CPU Management Policies on the Node', 'tasks/administer-cluster/cpu-management-policies/');

/** Note for stage spans of a CPU manager option: the umbrella gate does not date the option. */
const cpuOptionNote = (option: string, span: string, checked: string): string =>
  `From kep.yaml (${span}); the kubelet's list of CPU manager options has ${option} at that maturity in ${checked}. The CPUManagerPolicyOptions gate, GA in 1.33, covers all options and does not promote this one.`;

const nodeEntries: EnhancementOverlay[] = [
  {
    id: 'kep-1769',
    kep: 1769,
    summary:
      'With memoryManagerPolicy: Static the kubelet pins the memory and hugepages of Guaranteed pods to NUMA nodes, so memory-sensitive workloads get memory close to their CPUs.',
    watchOut: [
      'Beta and on by default before 1.32, stable and locked on in 1.32 to 1.35; the MemoryManager gate is gone from 1.36.',
      'Static needs reservedMemory per NUMA node, and the reservations must add up to the memory the node keeps back (kube-reserved, system-reserved and the hard eviction threshold).',
      'Only Guaranteed pods get NUMA-pinned memory; combine with the static CPU manager and a topology manager policy for full alignment.',
      'Changing the policy on a node means draining it and removing the kubelet memory_manager_state file before restarting.',
    ],
    config: [
      kubeletConfig('memoryManagerPolicy', 'Policy of the kubelet memory manager.', {
        values: [
          { value: 'None', description: 'No NUMA-aware memory placement (the default).' },
          { value: 'Static', description: 'Pin memory and hugepages of Guaranteed pods to NUMA nodes.' },
        ],
      }),
      kubeletConfig('reservedMemory', 'Memory and hugepages kept back per NUMA node; required with the Static policy and must match the node\'s reserved memory in total.'),
    ],
    docs: [kepLink(1769, 'Memory Manager'), docsPage('Utilizing the NUMA-aware Memory Manager', 'tasks/administer-cluster/memory-manager/')],
  },

  {
    id: 'kep-3545',
    kep: 3545,
    summary:
      'The Topology Manager option prefer-closest-numa-nodes makes the kubelet prefer sets of NUMA nodes that are close to each other when a pod has to span several, which lowers memory latency on large machines.',
    watchOut: [
      'The TopologyManagerPolicyOptions gate is stable from 1.32; options of beta maturity still need TopologyManagerPolicyBetaOptions (on by default).',
      'Only matters with a topology manager policy other than none and on machines whose NUMA distances differ.',
    ],
    config: [
      kubeletConfig('topologyManagerPolicyOptions', 'Map of Topology Manager policy options, for example {"prefer-closest-numa-nodes": "true"}.', {
        entries: [{ value: 'prefer-closest-numa-nodes', description: 'Set to "true" to prefer the NUMA nodes with the shortest distance between them when several are needed.' }],
      }),
      {
        component: 'kubelet',
        flag: '--topology-manager-policy-options',
        entries: [{ value: 'prefer-closest-numa-nodes', description: 'Written as prefer-closest-numa-nodes=true.' }],
        description: 'Flag form of topologyManagerPolicyOptions.',
      },
    ],
    docs: [kepLink(3545, 'Improved multi-numa alignment in Topology Manager'), docsPage('Control Topology Management Policies on a node', 'tasks/administer-cluster/topology-manager/')],
  },

  {
    id: 'kep-3673',
    kep: 3673,
    summary: 'The kubelet can pull several images at the same time, with maxParallelImagePulls capping how many, instead of pulling them one after another.',
    watchOut: [
      'Parallel pulls need serializeImagePulls: false; maxParallelImagePulls may not be set while serializeImagePulls is true, which is still the default.',
      'Without maxParallelImagePulls there is no limit once serial pulls are off.',
      'The KEP has no feature gate: the settings exist from 1.27; kep.yaml dates beta to 1.32 and GA to 1.35.',
    ],
    config: [
      kubeletConfig('serializeImagePulls', 'Pull one image at a time (true, the default) or several at once (false).'),
      kubeletConfig('maxParallelImagePulls', 'Highest number of image pulls running at the same time when serializeImagePulls is false; unset means no limit.'),
    ],
    docs: [kepLink(3673, 'Kubelet limit of Parallel Image Pulls'), docsPage('Images: serial and parallel image pulls', 'concepts/containers/images/#serial-and-parallel-image-pulls')],
  },

  {
    id: 'kep-2625',
    kep: 2625,
    summary:
      'The static CPU manager option full-pcpus-only gives a container whole physical cores, never sharing a core\'s hyperthreads with another container, and rejects pods whose CPU request cannot be met that way.',
    watchOut: [
      'Needs cpuManagerPolicy: static; only Guaranteed pods with whole-CPU requests are affected.',
      'With SMT, a request that is not a multiple of the threads per core is rejected with SMTAlignmentError at admission.',
      'Stable from 1.33; before that it was a beta option, on by default through CPUManagerPolicyBetaOptions.',
    ],
    config: cpuManagerOption({ value: 'full-pcpus-only', description: 'Set to "true" to allocate whole physical cores only.' }),
    docs: [kepLink(2625, 'SMT aware cpumanager policy'), CPU_MANAGER_DOCS],
  },

  {
    id: 'kep-2902',
    kep: 2902,
    summary:
      'The static CPU manager option distribute-cpus-across-numa spreads the CPUs of a container evenly over the NUMA nodes it needs, instead of filling one NUMA node before using the next.',
    watchOut: [
      'An alpha option through 1.32 (needs CPUManagerPolicyAlphaOptions, off by default) and a beta option from 1.33 (CPUManagerPolicyBetaOptions, on by default).',
      'Only applies when a container needs CPUs from more than one NUMA node, with cpuManagerPolicy: static.',
    ],
    stages: [
      { stage: 'alpha', from: '1.27', to: '1.32', note: cpuOptionNote('distribute-cpus-across-numa', 'alpha v1.23', 'v1.32.0') },
      { stage: 'beta', from: '1.33', to: '1.34', note: cpuOptionNote('distribute-cpus-across-numa', 'beta v1.33', 'v1.33.0') },
      { stage: 'stable', from: '1.35', note: 'From kep.yaml (stable v1.35).', unverified: 'No copy of the kubelet option list at a 1.35 or later tag was available to confirm it.' },
    ],
    config: cpuManagerOption({ value: 'distribute-cpus-across-numa', description: 'Set to "true" to spread a container\'s CPUs evenly over the NUMA nodes it needs.' }),
    docs: [kepLink(2902, 'CPUManager Policy Option to Distribute CPUs Across NUMA Nodes'), CPU_MANAGER_DOCS],
  },

  {
    id: 'kep-4540',
    kep: 4540,
    summary:
      'The static CPU manager option strict-cpu-reservation keeps the CPUs in reservedSystemCPUs for system daemons and interrupts only: burstable and best-effort pods no longer run on them either.',
    watchOut: [
      'Needs cpuManagerPolicy: static and reservedSystemCPUs.',
      'An alpha option in 1.32 (CPUManagerPolicyAlphaOptions) and a beta option from 1.33 (CPUManagerPolicyBetaOptions, on by default).',
      'Best-effort and burstable pods get fewer CPUs to share, so leave room for them.',
    ],
    stages: [
      { stage: 'alpha', from: '1.32', to: '1.32', note: cpuOptionNote('strict-cpu-reservation', 'alpha v1.32', 'v1.32.0') },
      { stage: 'beta', from: '1.33', to: '1.34', note: cpuOptionNote('strict-cpu-reservation', 'beta v1.33', 'v1.33.0') },
      { stage: 'stable', from: '1.35', note: 'From kep.yaml (stable v1.35).', unverified: 'No copy of the kubelet option list at a 1.35 or later tag was available to confirm it.' },
    ],
    config: cpuManagerOption({ value: 'strict-cpu-reservation', description: 'Set to "true" so that no pod, not even a burstable one, runs on the reserved CPUs.', since: '1.32' }),
    docs: [kepLink(4540, 'Strict CPU reservation'), CPU_MANAGER_DOCS],
  },

  {
    id: 'kep-4800',
    kep: 4800,
    summary:
      'The static CPU manager option prefer-align-cpus-by-uncorecache places a container\'s exclusive CPUs within as few uncore (last-level) cache groups as possible, which helps on processors with split L3 caches.',
    watchOut: [
      'An alpha option in 1.32 and 1.33 (CPUManagerPolicyAlphaOptions, off) and a beta option from 1.34 (CPUManagerPolicyBetaOptions, on by default).',
      'A preference, not a requirement: pods are still admitted when the CPUs cannot be aligned.',
      'Needs cpuManagerPolicy: static.',
    ],
    stages: [
      { stage: 'alpha', from: '1.32', to: '1.33', note: cpuOptionNote('prefer-align-cpus-by-uncorecache', 'alpha v1.32', 'v1.32.0 and v1.33.0') },
      { stage: 'beta', from: '1.34', to: '1.35', note: 'From kep.yaml (beta v1.34).', unverified: 'No copy of the kubelet option list at a 1.34 or later tag was available to confirm it.' },
      { stage: 'stable', from: '1.36', note: 'From kep.yaml (stable v1.36).', unverified: 'No copy of the kubelet option list at a 1.36 or later tag was available to confirm it.' },
    ],
    config: cpuManagerOption({ value: 'prefer-align-cpus-by-uncorecache', description: 'Set to "true" to keep exclusive CPUs of a container within the fewest uncore cache groups.', since: '1.32' }),
    docs: [kepLink(4800, 'Split UnCoreCache Topology Awareness in CPU Manager'), CPU_MANAGER_DOCS],
  },

  {
    id: 'kep-2535',
    kep: 2535,
    summary:
      'The kubelet can check that a pod is allowed to use an image it finds already on the node, by re-verifying the pod\'s pull credentials, so one tenant cannot run another tenant\'s private image just because it was pulled before.',
    watchOut: [
      'Alpha and off in 1.33 and 1.34, beta and on by default from 1.35 (KubeletEnsureSecretPulledImages, kubelet).',
      'imagePullCredentialsVerificationPolicy decides which cached images need re-verification; preloadedImagesVerificationAllowlist lists images exempt under NeverVerifyAllowlistedImages.',
      'Allowlist entries are image names without tag or digest; a trailing /* matches a whole path segment.',
      'When a pod\'s credentials do not match those the image was pulled with, the kubelet checks them with the registry, which must then be reachable.',
    ],
    config: [
      kubeletConfig('imagePullCredentialsVerificationPolicy', 'Which images already on the node need their pull credentials verified again before a pod may use them.', {
        values: [
          { value: 'NeverVerify', description: 'Any pod may use any image on the node (the old behaviour).', since: '1.33' },
          { value: 'NeverVerifyPreloadedImages', description: 'Images the kubelet did not pull itself may be used without checks; images it pulled need matching credentials.', since: '1.33' },
          { value: 'NeverVerifyAllowlistedImages', description: 'Like NeverVerifyPreloadedImages, but only for images listed in preloadedImagesVerificationAllowlist.', since: '1.33' },
          { value: 'AlwaysVerify', description: 'Every image needs its credentials verified for each pod.', since: '1.33' },
        ],
      }),
      kubeletConfig('preloadedImagesVerificationAllowlist', 'Images (without tag or digest, optionally ending in /*) that need no re-verification under NeverVerifyAllowlistedImages.'),
    ],
    docs: [kepLink(2535, 'Ensure Secret Pulled Images'), docsPage('Images: ensure image pull credential verification', 'concepts/containers/images/#ensureimagepullcredentialverification')],
  },

  {
    id: 'kep-2400',
    kep: 2400,
    summary:
      'Nodes with swap enabled are supported: the kubelet can start on them, and with swapBehavior: LimitedSwap Burstable pods may use swap in proportion to their memory request.',
    watchOut: [
      'Stable from 1.34; beta and on by default in 1.30 to 1.33 (NodeSwap on kube-apiserver and the kubelet).',
      'The kubelet still refuses to start on a node with swap unless failSwapOn is false.',
      'NoSwap, the default, keeps workloads out of swap even when the node has it; LimitedSwap needs cgroup v2.',
      'Guaranteed and BestEffort pods, and high-priority pods, do not get swap under LimitedSwap.',
    ],
    config: [
      kubeletConfig('memorySwap.swapBehavior', 'How much swap containers may use.', {
        values: [
          { value: 'NoSwap', description: 'Workloads cannot use swap (the default, also when unset).' },
          { value: 'LimitedSwap', description: 'Burstable pods may use swap in proportion to their memory request.' },
        ],
      }),
      kubeletConfig('failSwapOn', 'Refuse to start when the node has swap on (true, the default); set false on swap-enabled nodes.'),
    ],
    docs: [kepLink(2400, 'Node system swap support'), docsPage('Swap memory management', 'concepts/cluster-administration/swap-memory-management/')],
  },

  {
    id: 'kep-2831',
    kep: 2831,
    summary: 'The kubelet can export OpenTelemetry traces of its gRPC calls to the container runtime and of pod lifecycle work, configured in the tracing section of its configuration file.',
    watchOut: [
      'Stable from 1.34; beta and on by default before (KubeletTracing, kubelet).',
      'Without tracing.endpoint the kubelet sends to the default OTLP gRPC address localhost:4317, over an unencrypted connection; without samplingRatePerMillion only work whose parent span is sampled is traced.',
      'The container runtime must support tracing too for spans to continue into it.',
    ],
    config: [kubeletConfig('tracing', 'OpenTelemetry tracing of the kubelet: endpoint (OTLP gRPC collector) and samplingRatePerMillion.')],
    docs: [kepLink(2831, 'Kubelet OpenTelemetry Tracing'), docsPage('Traces For Kubernetes System Components', 'concepts/cluster-administration/system-traces/')],
  },

  {
    id: 'kep-5593',
    kep: 5593,
    summary: 'The longest wait between restarts of a crashing container (300 seconds by default) can be lowered per node with crashLoopBackOff.maxContainerRestartPeriod in the kubelet configuration.',
    watchOut: [
      'Alpha and off in 1.32 to 1.34, beta and on by default from 1.35 (KubeletCrashLoopBackOffMax, kubelet).',
      'The value must be between 1 second and 300 seconds; unset keeps 300 seconds.',
      'A short maximum means crashing containers restart, and load the node, much more often.',
    ],
    config: [kubeletConfig('crashLoopBackOff.maxContainerRestartPeriod', 'Upper limit of the back-off delay between container restarts, as a duration from 1s to 300s.')],
    docs: [kepLink(5593, 'Configure the max CrashLoopBackOff delay'), docsPage('Pod Lifecycle: container restarts', 'concepts/workloads/pods/pod-lifecycle/#container-restarts')],
  },

  {
    id: 'kep-4802',
    kep: 4802,
    summary:
      'The kubelet on Windows nodes takes part in graceful node shutdown: it delays the shutdown and stops pods, critical ones last, within shutdownGracePeriod, as on Linux.',
    watchOut: [
      'Alpha and off in 1.32 and 1.33, beta and on by default from 1.34 (WindowsGracefulNodeShutdown, kubelet on Windows).',
      'Nothing happens unless shutdownGracePeriod is set above zero; shutdownGracePeriodCriticalPods is the part kept for critical pods.',
    ],
    config: [
      kubeletConfig('shutdownGracePeriod', 'Total time the node delays its shutdown to stop pods; also honoured on Windows with WindowsGracefulNodeShutdown.'),
      kubeletConfig('shutdownGracePeriodCriticalPods', 'Part of shutdownGracePeriod kept for stopping critical pods after the others.'),
    ],
    docs: [kepLink(4802, 'Windows Graceful Node Shutdown'), docsPage('Node Shutdowns: graceful node shutdown', 'concepts/cluster-administration/node-shutdown/#graceful-node-shutdown')],
  },

  {
    id: 'kep-4412',
    kep: 4412,
    summary:
      'A kubelet image credential provider plugin can receive a service account token of the pod it pulls for, so registries can grant access per workload identity instead of per node, without image pull Secrets.',
    watchOut: [
      'Alpha and off in 1.33, beta and on by default from 1.34 (KubeletServiceAccountTokenForCredentialProviders, kubelet).',
      'Configured per provider under tokenAttributes in the CredentialProviderConfig (kubelet.config.k8s.io/v1): the token audience, whether a service account is required, and annotation keys to pass on; cacheType (Token or ServiceAccount) is required from 1.34.',
      'requiredServiceAccountAnnotationKeys needs requireServiceAccount: true and may not overlap optionalServiceAccountAnnotationKeys.',
      'With ServiceAccountNodeAudienceRestriction (kube-apiserver, beta and on from 1.32) a kubelet may only request tokens for an audience that an API object such as a CSIDriver names, or that RBAC grants with the request-serviceaccounts-token-audience verb; grant the registry audience that way.',
    ],
    config: [
      {
        component: 'kubelet',
        kind: 'CredentialProviderConfig',
        apiVersions: ['kubelet.config.k8s.io/v1'],
        path: 'providers[].tokenAttributes',
        description: 'Settings for handing the pod\'s service account token to this plugin: serviceAccountTokenAudience, cacheType, requireServiceAccount and the annotation keys to pass.',
      },
      {
        component: 'kubelet',
        kind: 'CredentialProviderConfig',
        apiVersions: ['kubelet.config.k8s.io/v1'],
        path: 'providers[].tokenAttributes.cacheType',
        description: 'How the kubelet caches credentials returned for a token.',
        values: [
          { value: 'Token', description: 'Cache per token: the credentials live no longer than the token.', since: '1.34' },
          { value: 'ServiceAccount', description: 'Cache per service account, shared by every pod that uses it.', since: '1.34' },
        ],
      },
    ],
    docs: [kepLink(4412, 'Projected Service Account Tokens for Kubelet Image Credential Providers'), docsPage('Configure a kubelet image credential provider', 'tasks/administer-cluster/kubelet-credential-provider/')],
  },

  {
    id: 'kep-4049',
    kep: 4049,
    summary:
      'The scheduler can score nodes by how much free storage capacity they have for dynamically provisioned volumes, through the shape of the VolumeBinding plugin; by default it prefers nodes with more free capacity.',
    watchOut: [
      'Alpha and off in 1.33 to 1.36 (StorageCapacityScoring, kube-scheduler); it replaces VolumeCapacityPriority, which is gone from 1.33.',
      'The default shape turned around: 10 points at 0% utilization and 0 at 100%, where VolumeCapacityPriority preferred nodes that were already fuller. Write the shape explicitly for bin-packing.',
      'Needs CSI drivers that publish CSIStorageCapacity objects.',
    ],
    config: [
      {
        component: 'kube-scheduler',
        kind: 'VolumeBindingArgs',
        apiVersions: ['kubescheduler.config.k8s.io/v1'],
        path: 'shape',
        description: 'Points (utilization 0-100, score 0-10) of the function that scores nodes by storage utilization, in increasing utilization order.',
      },
    ],
    docs: [kepLink(4049, 'Storage Capacity Scoring of Nodes for Dynamic Provisioning'), docsPage('Scheduler Configuration', 'reference/scheduling/config/')],
  },
];

// ---------------------------------------------------------------------------
// Control plane configuration and API machinery
// ---------------------------------------------------------------------------

const controlPlaneEntries: EnhancementOverlay[] = [
  {
    id: 'kep-3221',
    kep: 3221,
    gates: ['StructuredAuthorizationConfiguration'],
    summary:
      'kube-apiserver takes its authorizer chain from an AuthorizationConfiguration file (--authorization-config): several webhooks in a chosen order, each with its own timeouts, failure policy and CEL match conditions, and the file is reloaded without a restart.',
    watchOut: [
      'apiserver.config.k8s.io/v1 exists from 1.32; v1beta1 from 1.30 and v1alpha1 from 1.29 remain readable.',
      '--authorization-config cannot be combined with --authorization-mode or the --authorization-webhook-* flags.',
      'Node and RBAC stay in the chain as entries of type Node and RBAC; list them explicitly.',
    ],
    notes: ['The gate is called StructuredAuthorizationConfiguration; the name StructuredAuthorizationConfig in the KEP is not one any component accepts.'],
    config: [
      {
        component: 'kube-apiserver',
        kind: 'AuthorizationConfiguration',
        apiVersions: ['apiserver.config.k8s.io/v1'],
        path: 'authorizers',
        description: 'Ordered authorizers (Node, RBAC, Webhook, …); each webhook entry carries its own connection, timeouts, failurePolicy and matchConditions.',
      },
      { component: 'kube-apiserver', flag: '--authorization-config', description: 'Path of the AuthorizationConfiguration file; replaces --authorization-mode and the webhook flags.' },
    ],
    docs: [kepLink(3221, 'Structured Authorization Configuration'), docsPage('Authorization: configuring the API server using an authorization config file', 'reference/access-authn-authz/authorization/#configuring-the-api-server-using-an-authorization-config-file')],
  },

  {
    id: 'kep-3331',
    kep: 3331,
    summary:
      'kube-apiserver takes JWT authenticators from an AuthenticationConfiguration file (--authentication-config): several OIDC issuers, CEL rules for claim mapping and validation, and reloading without a restart.',
    watchOut: [
      'Stable from 1.34, with apiserver.config.k8s.io/v1; beta (v1beta1) and on by default in 1.30 to 1.33.',
      '--authentication-config cannot be combined with the --oidc-* flags.',
      'Each issuer url must use https and be unique across the authenticators; claimMappings.username is required.',
    ],
    config: [
      {
        component: 'kube-apiserver',
        kind: 'AuthenticationConfiguration',
        apiVersions: ['apiserver.config.k8s.io/v1'],
        path: 'jwt',
        description: 'JWT authenticators: per issuer the URL and audiences, claim validation rules, claim mappings (username, groups, uid, extra) and user validation rules.',
      },
      { component: 'kube-apiserver', flag: '--authentication-config', description: 'Path of the AuthenticationConfiguration file; cannot be used with the --oidc-* flags.' },
    ],
    docs: [kepLink(3331, 'Structured authentication config'), docsPage('Authenticating: using authentication configuration', 'reference/access-authn-authz/authentication/#using-authentication-configuration')],
  },

  {
    id: 'kep-647',
    kep: 647,
    summary: 'kube-apiserver can export OpenTelemetry traces of incoming requests and of its calls to etcd and webhooks, set up with a TracingConfiguration file given to --tracing-config-file.',
    watchOut: [
      'Stable from 1.34; beta and on by default before (APIServerTracing, kube-apiserver). The gate is gone from 1.37.',
      'apiserver.config.k8s.io/v1 TracingConfiguration exists from 1.34; v1beta1 and v1alpha1 remain readable.',
      'Without samplingRatePerMillion only requests whose parent span is sampled are traced; the default endpoint is localhost:4317, without TLS.',
    ],
    config: [
      {
        component: 'kube-apiserver',
        kind: 'TracingConfiguration',
        apiVersions: ['apiserver.config.k8s.io/v1', 'apiserver.config.k8s.io/v1beta1'],
        path: 'endpoint',
        description: 'Address of the OTLP gRPC collector that receives the traces.',
      },
      {
        component: 'kube-apiserver',
        kind: 'TracingConfiguration',
        apiVersions: ['apiserver.config.k8s.io/v1', 'apiserver.config.k8s.io/v1beta1'],
        path: 'samplingRatePerMillion',
        description: 'How many requests out of a million are traced.',
      },
      { component: 'kube-apiserver', flag: '--tracing-config-file', description: 'Path of the TracingConfiguration file.' },
    ],
    docs: [kepLink(647, 'APIServer Tracing'), docsPage('Traces For Kubernetes System Components', 'concepts/cluster-administration/system-traces/')],
  },
];

// ---------------------------------------------------------------------------
// API extensions, admission and certificates
// ---------------------------------------------------------------------------

const MAP_VERSIONS = 'admissionregistration.k8s.io/v1alpha1 from 1.32, v1beta1 from 1.34, v1 from 1.36.';

const apiEntries: EnhancementOverlay[] = [
  {
    id: 'kep-4008',
    kep: 4008,
    summary:
      'Updates to custom resources are no longer rejected for schema or CEL validation errors in parts of the object the update did not change, so tightening a CRD schema does not lock existing objects. ' +
      'A transition rule can set optionalOldSelf: true to be evaluated on create as well, with oldSelf as an optional value.',
    watchOut: [
      'Alpha and off in 1.28 and 1.29, beta and on in 1.30 to 1.32, stable from 1.33 (CRDValidationRatcheting on kube-apiserver).',
      'Ratcheting only lets unchanged invalid values stay; any field the update touches must satisfy the current schema.',
      'Rules that use oldSelf are transition rules; without optionalOldSelf they are skipped on create, with it they run and must handle oldSelf.hasValue().',
      'optionalOldSelf may only be set on a rule that uses oldSelf.',
    ],
    docs: [
      kepLink(4008, 'CRD Validation Ratcheting'),
      docsPage('Extend the Kubernetes API with CustomResourceDefinitions: validation ratcheting', 'tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-ratcheting'),
    ],
  },

  {
    id: 'kep-3962',
    kep: 3962,
    summary:
      'MutatingAdmissionPolicy objects change requests inside kube-apiserver with CEL, either as an apply configuration or as a JSON patch, instead of calling a mutating webhook. ' +
      'A MutatingAdmissionPolicyBinding says where a policy applies and with which parameters.',
    watchOut: [
      'Alpha and off from 1.32 (admissionregistration.k8s.io/v1alpha1), beta but still off in 1.34 and 1.35 (v1beta1), stable and on from 1.36 (v1). Before 1.36 enable MutatingAdmissionPolicy on kube-apiserver and serve the API version with --runtime-config.',
      'A policy does nothing until a binding names it in spec.policyName.',
      'matchConstraints is required; policies match CREATE, UPDATE and CONNECT only, never DELETE, and cannot match MutatingAdmissionPolicy or its bindings.',
      'Apply configurations may not change atomic lists, maps or structs; use patchType: JSONPatch for those.',
      'reinvocationPolicy: IfNeeded runs the policy again when later admission plugins changed the object; the default is Never.',
    ],
    fields: [
      {
        kind: 'MutatingAdmissionPolicy',
        path: 'spec.mutations',
        description: 'CEL mutations applied in order; each is an apply configuration or a JSON patch built from the request.',
        shape: 'list',
        since: '1.32',
        note: MAP_VERSIONS,
        children: [
          { key: 'patchType', shape: 'string', required: true, values: [
            { value: 'ApplyConfiguration', description: 'The expression returns an apply configuration merged into the object with server-side apply rules.' },
            { value: 'JSONPatch', description: 'The expression returns a list of JSON patch operations.' },
          ] },
          { key: 'applyConfiguration', shape: 'object' },
          { key: 'jsonPatch', shape: 'object' },
        ],
      },
      {
        kind: 'MutatingAdmissionPolicy',
        path: 'spec.reinvocationPolicy',
        description: 'Whether the policy runs again when a later admission step changed the object.',
        shape: 'string',
        since: '1.32',
        note: MAP_VERSIONS,
        values: [
          { value: 'Never', description: 'Run the policy once per request (the default).' },
          { value: 'IfNeeded', description: 'Run it again if later mutations changed the object after it ran.' },
        ],
      },
      {
        kind: 'MutatingAdmissionPolicyBinding',
        path: 'spec.policyName',
        description: 'Name of the MutatingAdmissionPolicy this binding puts into effect.',
        shape: 'string',
        since: '1.32',
        note: MAP_VERSIONS,
      },
    ],
    docs: [kepLink(3962, 'Mutating Admission Policies'), docsPage('Mutating Admission Policy', 'reference/access-authn-authz/mutating-admission-policy/')],
  },

  {
    id: 'kep-4317',
    kep: 4317,
    summary:
      'A pod can get a private key and an X.509 certificate issued for it through a podCertificate projected volume source: the kubelet creates a PodCertificateRequest that a signer answers, and keeps the credentials rotated.',
    watchOut: [
      'Alpha and off in 1.34 (certificates.k8s.io/v1alpha1), beta but still off in 1.35 and 1.36 (v1beta1); enable PodCertificateRequest on kube-apiserver and the kubelet and serve the API with --runtime-config.',
      'Nothing issues the certificate unless a signer controller for the named signerName runs in the cluster.',
      'maxExpirationSeconds defaults to 86400, must be at least 3600 and at most 7862400 (91 days).',
      'Prefer credentialBundlePath (key and chain in one file) to keyPath plus certificateChainPath, which can be read mid-rotation.',
    ],
    notes: ['The API types mark the field with a gate named PodCertificateProjection, which no component accepts; the gate to enable is PodCertificateRequest.'],
    fields: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        path: 'spec.volumes[].projected.sources[].podCertificate',
        description: 'Writes a private key and a certificate issued by the named signer into the projected volume, renewed by the kubelet.',
        shape: 'object',
        since: '1.34',
        gates: ['PodCertificateRequest'],
        children: [
          { key: 'signerName', shape: 'string', required: true, example: 'example.com/my-signer' },
          { key: 'keyType', shape: 'string', required: true, values: (['RSA3072', 'RSA4096', 'ECDSAP256', 'ECDSAP384', 'ECDSAP521', 'ED25519'] as const).map((value) => ({ value, description: `Generate a ${value} key pair.` })) },
          { key: 'maxExpirationSeconds', shape: 'integer', example: '86400' },
          { key: 'credentialBundlePath', shape: 'string', example: 'credentials.pem' },
          { key: 'keyPath', shape: 'string' },
          { key: 'certificateChainPath', shape: 'string' },
        ],
      },
      {
        kind: 'PodCertificateRequest',
        path: 'spec',
        description: 'Request made by the kubelet for a certificate for one pod: the signer, the pod, service account and node it is for, and the public key.',
        shape: 'object',
        since: '1.34',
        readOnly: true,
        note: 'certificates.k8s.io/v1alpha1 in 1.34, v1beta1 from 1.35; written by the kubelet.',
      },
    ],
    rules: [
      {
        id: 'pod-certificate-min-expiration',
        trigger: { apiVersion: 'v1', kind: 'Pod', path: 'spec.volumes[].projected.sources[].podCertificate.maxExpirationSeconds' },
        check: { type: 'minimum', path: '.', min: 3600 },
        severity: 'error',
        message: 'maxExpirationSeconds must be at least 3600 (one hour).',
        from: '1.34',
      },
    ],
    docs: [kepLink(4317, 'Pod Certificates'), docsPage('Projected Volumes: podCertificate', 'concepts/storage/projected-volumes/#podcertificate')],
  },

  {
    id: 'kep-5526',
    kep: 5526,
    summary:
      'The kubelet CPU, memory and topology managers learn to use pod-level resources (spec.resources), aligning the pod as a whole to NUMA nodes and sharing its exclusive CPUs among its containers.',
    watchOut: [
      'Alpha and off from 1.36 (PodLevelResourceManagers, kubelet), on top of PodLevelResources.',
      'Without it the CPU, memory and topology managers look only at container-level resources.',
    ],
    // kep.yaml lists PodLevelResources first, a gate that is older than this KEP; the KEP's own gate dates it.
    stages: [{ stage: 'alpha', from: '1.36', note: 'From the PodLevelResourceManagers gate, alpha and off in 1.36; kep.yaml also names PodLevelResources, whose 1.32 alpha belongs to KEP-2837.' }],
    docs: [kepLink(5526, 'Pod-Level Resource Managers'), docsPage('Assign Pod-level CPU and memory resources', 'tasks/configure-pod-container/assign-pod-level-resources/')],
  },
];

// ---------------------------------------------------------------------------
// The entries
// ---------------------------------------------------------------------------

export const overlays132to134: readonly EnhancementOverlay[] = [
  // Full cards: the changes most users meet.
  podLevelResources,
  sidecarContainers,
  inPlacePodResize,
  containerStopSignals,
  hostnameOverride,
  hpaTolerance,
  preferSameTrafficDistribution,
  ...podEntries,
  ...workloadEntries,
  ...storageEntries,
  ...networkingEntries,
  ...draEntries,
  ...nodeEntries,
  ...controlPlaneEntries,
  ...apiEntries,
];
