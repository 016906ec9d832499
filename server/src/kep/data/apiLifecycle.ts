/**
 * Lifecycle of built-in Kubernetes API group/versions: which ones were
 * deprecated or removed, when, and what a manifest must change to move on.
 * Also the group/versions each common kind is served under, for apiVersion
 * completion.
 *
 * Primary sources (see docs/data-notes-api-lifecycle.md):
 *  - the Deprecated API Migration Guide (kubernetes/website);
 *  - the `+k8s:prerelease-lifecycle-gen` markers on the API types and the
 *    generated `zz_generated.prerelease-lifecycle.go` files (kubernetes/api,
 *    the published copy of kubernetes/kubernetes staging/src/k8s.io/api;
 *    kubernetes/apiextensions-apiserver; kubernetes/kube-aggregator). Since
 *    1.19 the apiserver stops serving a type whose generated "removed"
 *    release has been reached, so these values are enforced, not advisory;
 *  - which types each release registers (`register.go` at the
 *    kubernetes-1.N.0 tags), for alpha versions that were dropped outright.
 *
 * Descriptions are our own words.
 */
import type { ApiVersionLifecycle } from '../types';

const GUIDE = 'kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md';
const guide = (anchor: string): string => `${GUIDE}#${anchor}`;
/** Lifecycle markers on the types of a kubernetes/api package (`dir` as in that repo, e.g. `networking/v1beta1`). */
const markers = (dir: string): string =>
  `kubernetes/api ${dir}/types.go +k8s:prerelease-lifecycle-gen markers (= kubernetes/kubernetes staging/src/k8s.io/api/${dir}/types.go)`;
/** Generated lifecycle values, as enforced by the apiserver. */
const generated = (dir: string, tag = 'kubernetes-1.36.0'): string =>
  `kubernetes/api ${dir}/zz_generated.prerelease-lifecycle.go @ ${tag}`;
/** Presence of the kinds in the package's register.go across release tags. */
const registered = (dir: string, range: string): string =>
  `kubernetes/api ${dir}/register.go at tags ${range}`;

const INGRESS_CHANGES = [
  '`spec.backend` is called `spec.defaultBackend`.',
  'A backend no longer has `serviceName`/`servicePort`: it names the Service under `service.name` and the port under `service.port.number` (numeric port) or `service.port.name` (named port).',
  'Every path under `spec.rules[].http.paths[]` must state `pathType` (`Exact`, `Prefix` or `ImplementationSpecific`); `ImplementationSpecific` keeps the old, controller-defined matching.',
];

const INGRESS_MIGRATIONS: ApiVersionLifecycle['migrations'] = [
  { type: 'rename', from: 'spec.backend', to: 'spec.defaultBackend' },
  { type: 'ingressBackend', path: 'spec.defaultBackend' },
  { type: 'ingressBackend', path: 'spec.rules[].http.paths[].backend' },
  { type: 'addIfMissing', path: 'spec.rules[].http.paths[].pathType', value: 'ImplementationSpecific' },
];

const FLOWCONTROL_SHARES_CHANGES = [
  'PriorityLevelConfiguration: `spec.limited.assuredConcurrencyShares` is called `spec.limited.nominalConcurrencyShares`.',
  'In flowcontrol.apiserver.k8s.io/v1 an explicit `nominalConcurrencyShares: 0` stays 0 (the level then only runs on borrowed seats); the betas turned 0 into the default of 30. Leave the field out to get 30.',
  'For clusters at 1.26–1.28, flowcontrol.apiserver.k8s.io/v1beta3 is the newest version available; it has the same rename.',
];

const DRA_V1_CLAIM_CHANGES = [
  'ResourceClaim / ResourceClaimTemplate: the fields of a plain request (`deviceClassName`, `selectors`, `allocationMode`, `count`, `adminAccess`, `tolerations`) move one level down into `spec.devices.requests[].exactly` (template: `spec.spec.devices.requests[].exactly`). Requests that use `firstAvailable` keep that list where it is.',
];

export const apiVersionLifecycles: ApiVersionLifecycle[] = [
  // ───────────────────────────── removed in 1.16 ─────────────────────────────
  {
    groupVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    introducedIn: '1.1',
    deprecatedIn: '1.8',
    removedIn: '1.16',
    replacement: 'apps/v1',
    dropIn: false,
    changes: [
      '`spec.selector` is mandatory and cannot be changed after creation; apps/v1 does not fill it from the pod template labels. Copy the template labels into `spec.selector.matchLabels` to adopt existing pods.',
      'Deployment: `spec.rollbackTo` does not exist any more (use `kubectl rollout undo`).',
      'Deployment: unset fields get new defaults — `progressDeadlineSeconds` 600 (was: no deadline), `revisionHistoryLimit` 10 (was: keep every ReplicaSet), rolling-update `maxSurge`/`maxUnavailable` 25% (was 1). Write the old values out if you depend on them.',
      'DaemonSet: `spec.templateGeneration` is gone, and `spec.updateStrategy.type` defaults to `RollingUpdate` (was `OnDelete`).',
    ],
    sources: [guide('deployment-v116'), guide('daemonset-v116'), guide('replicaset-v116'), markers('extensions/v1beta1'), generated('extensions/v1beta1')],
    note: 'Deployment and DaemonSet arrived in 1.1, ReplicaSet in 1.2.',
  },
  {
    groupVersion: 'extensions/v1beta1',
    kinds: ['NetworkPolicy'],
    introducedIn: '1.3',
    deprecatedIn: '1.9',
    removedIn: '1.16',
    replacement: 'networking.k8s.io/v1',
    dropIn: true,
    sources: [guide('networkpolicy-v116'), markers('extensions/v1beta1'), generated('extensions/v1beta1')],
  },
  {
    groupVersion: 'extensions/v1beta1',
    kinds: ['PodSecurityPolicy'],
    introducedIn: '1.2',
    deprecatedIn: '1.11',
    removedIn: '1.16',
    replacement: 'policy/v1beta1',
    dropIn: true,
    sources: [guide('psp-v116'), generated('extensions/v1beta1', 'kubernetes-1.26.0')],
    note: 'The replacement policy/v1beta1 PodSecurityPolicy was itself removed in 1.25, with no successor API; see that row.',
  },
  {
    groupVersion: 'apps/v1beta1',
    kinds: ['Deployment', 'StatefulSet'],
    introducedIn: '1.5',
    deprecatedIn: '1.8',
    removedIn: '1.16',
    replacement: 'apps/v1',
    dropIn: false,
    changes: [
      '`spec.selector` is mandatory and immutable in apps/v1; it is no longer taken from the pod template labels. Copy the template labels into `spec.selector.matchLabels`.',
      'Deployment: `spec.rollbackTo` is gone (use `kubectl rollout undo`), and an unset `revisionHistoryLimit` now means 10 instead of 2.',
      'StatefulSet: `spec.updateStrategy.type` defaults to `RollingUpdate` (was `OnDelete`); set `OnDelete` explicitly to keep manual rollouts.',
    ],
    sources: [guide('deployment-v116'), guide('statefulset-v116'), markers('apps/v1beta1'), generated('apps/v1beta1')],
    note: 'StatefulSet arrived in apps/v1beta1 in 1.5, Deployment in 1.6. The guide also lists ReplicaSet under apps/v1beta1, but that package never registered a ReplicaSet kind.',
  },
  {
    groupVersion: 'apps/v1beta1',
    kinds: ['ControllerRevision'],
    introducedIn: '1.7',
    deprecatedIn: '1.8',
    removedIn: '1.16',
    replacement: 'apps/v1',
    dropIn: true,
    sources: [markers('apps/v1beta1'), generated('apps/v1beta1')],
  },
  {
    groupVersion: 'apps/v1beta2',
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'],
    introducedIn: '1.8',
    deprecatedIn: '1.9',
    removedIn: '1.16',
    replacement: 'apps/v1',
    dropIn: true,
    sources: [guide('deployment-v116'), guide('daemonset-v116'), guide('statefulset-v116'), guide('replicaset-v116'), markers('apps/v1beta2'), generated('apps/v1beta2')],
    note: 'apps/v1beta2 already required `spec.selector` and already had the apps/v1 defaults (RollingUpdate, revisionHistoryLimit 10, progressDeadlineSeconds 600, 25% surge), so only apiVersion changes. The guide groups it with the older versions when listing those changes.',
  },

  // ───────────────────────────── removed in 1.22 ─────────────────────────────
  {
    groupVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    introducedIn: '1.9',
    deprecatedIn: '1.16',
    removedIn: '1.22',
    replacement: 'admissionregistration.k8s.io/v1',
    dropIn: false,
    changes: [
      '`webhooks[].sideEffects` must be written and may only be `None` or `NoneOnDryRun` (v1beta1 defaulted it to `Unknown`).',
      '`webhooks[].admissionReviewVersions` must be written (e.g. `["v1"]`); v1beta1 defaulted it to `["v1beta1"]`, and the webhook must answer with the version it is sent.',
      'Changed defaults when unset: `failurePolicy` Fail (was Ignore), `matchPolicy` Equivalent (was Exact), `timeoutSeconds` 10 (was 30). Write the old values to keep the old behaviour.',
      'Webhook `name`s must be unique within one configuration.',
    ],
    sources: [guide('webhook-resources-v122'), markers('admissionregistration/v1beta1'), generated('admissionregistration/v1beta1')],
  },
  {
    groupVersion: 'apiextensions.k8s.io/v1beta1',
    kinds: ['CustomResourceDefinition'],
    introducedIn: '1.7',
    deprecatedIn: '1.16',
    removedIn: '1.22',
    replacement: 'apiextensions.k8s.io/v1',
    dropIn: false,
    changes: [
      '`spec.scope` must be written (no longer defaults to Namespaced).',
      'The single `spec.version` is gone: list every version under `spec.versions[]`, each with `served` and `storage`.',
      'Schema, subresources and printer columns move from the top of the spec into each version: `spec.versions[].schema.openAPIV3Schema`, `spec.versions[].subresources`, `spec.versions[].additionalPrinterColumns` (whose `JSONPath` key is spelled `jsonPath`).',
      'Every version needs a structural `openAPIV3Schema` (types on every node, no unspecified fields except where `x-kubernetes-preserve-unknown-fields: true` says so); `spec.preserveUnknownFields: true` is rejected.',
      'Conversion webhook settings move under `spec.conversion.webhook` (`clientConfig`, `conversionReviewVersions`).',
    ],
    sources: [
      guide('customresourcedefinition-v122'),
      'kubernetes/apiextensions-apiserver pkg/apis/apiextensions/v1beta1/types.go +k8s:prerelease-lifecycle-gen markers',
    ],
  },
  {
    groupVersion: 'apiregistration.k8s.io/v1beta1',
    kinds: ['APIService'],
    introducedIn: '1.7',
    deprecatedIn: '1.19',
    removedIn: '1.22',
    replacement: 'apiregistration.k8s.io/v1',
    dropIn: true,
    sources: [guide('apiservice-v122'), 'kubernetes/kube-aggregator pkg/apis/apiregistration/v1beta1/types.go +k8s:prerelease-lifecycle-gen markers'],
  },
  {
    groupVersion: 'authentication.k8s.io/v1beta1',
    kinds: ['TokenReview'],
    introducedIn: '1.4',
    deprecatedIn: '1.19',
    removedIn: '1.22',
    replacement: 'authentication.k8s.io/v1',
    dropIn: true,
    sources: [guide('tokenreview-v122'), markers('authentication/v1beta1'), generated('authentication/v1beta1')],
  },
  {
    groupVersion: 'authorization.k8s.io/v1beta1',
    kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'],
    introducedIn: '1.2',
    deprecatedIn: '1.19',
    removedIn: '1.22',
    replacement: 'authorization.k8s.io/v1',
    dropIn: false,
    changes: ['(Local)SubjectAccessReview: the list of the user\'s groups is spelled `spec.groups` (v1beta1 used the singular key `spec.group` for the same list).'],
    migrations: [{ type: 'rename', from: 'spec.group', to: 'spec.groups' }],
    sources: [guide('subjectaccessreview-resources-v122'), markers('authorization/v1beta1'), generated('authorization/v1beta1')],
    note: 'SelfSubjectRulesReview arrived in 1.8. Only the two kinds with a `spec.group` key are affected by the rename; `spec.resourceAttributes.group` is a different field and keeps its name.',
  },
  {
    groupVersion: 'certificates.k8s.io/v1beta1',
    kinds: ['CertificateSigningRequest'],
    introducedIn: '1.12',
    deprecatedIn: '1.19',
    removedIn: '1.22',
    replacement: 'certificates.k8s.io/v1',
    dropIn: false,
    changes: [
      '`spec.signerName` must be written, and `kubernetes.io/legacy-unknown` cannot be requested through v1.',
      '`spec.usages` must be written, without duplicates, using only known usages.',
      'Approvers/signers: status conditions must have distinct types and a `status`; `status.certificate` must hold only PEM `CERTIFICATE` blocks.',
    ],
    sources: [guide('certificatesigningrequest-v122'), markers('certificates/v1beta1'), generated('certificates/v1beta1')],
  },
  {
    groupVersion: 'coordination.k8s.io/v1beta1',
    kinds: ['Lease'],
    introducedIn: '1.12',
    deprecatedIn: '1.19',
    removedIn: '1.22',
    replacement: 'coordination.k8s.io/v1',
    dropIn: true,
    sources: [guide('lease-v122'), markers('coordination/v1beta1'), generated('coordination/v1beta1')],
    note: 'coordination.k8s.io/v1beta1 is served again from 1.33 for a different kind (LeaseCandidate); Lease itself stays removed.',
  },
  {
    groupVersion: 'extensions/v1beta1',
    kinds: ['Ingress'],
    introducedIn: '1.1',
    deprecatedIn: '1.14',
    removedIn: '1.22',
    replacement: 'networking.k8s.io/v1',
    dropIn: false,
    changes: INGRESS_CHANGES,
    migrations: INGRESS_MIGRATIONS,
    sources: [guide('ingress-v122'), markers('extensions/v1beta1'), generated('extensions/v1beta1')],
  },
  {
    groupVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress'],
    introducedIn: '1.14',
    deprecatedIn: '1.19',
    removedIn: '1.22',
    replacement: 'networking.k8s.io/v1',
    dropIn: false,
    changes: INGRESS_CHANGES,
    migrations: INGRESS_MIGRATIONS,
    sources: [guide('ingress-v122'), markers('networking/v1beta1'), generated('networking/v1beta1')],
  },
  {
    groupVersion: 'networking.k8s.io/v1beta1',
    kinds: ['IngressClass'],
    introducedIn: '1.18',
    deprecatedIn: '1.19',
    removedIn: '1.22',
    replacement: 'networking.k8s.io/v1',
    dropIn: true,
    sources: [guide('ingressclass-v122'), markers('networking/v1beta1'), generated('networking/v1beta1')],
    note: 'networking.k8s.io/v1beta1 is served again from 1.31 for other kinds (IPAddress, ServiceCIDR).',
  },
  {
    groupVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
    introducedIn: '1.6',
    deprecatedIn: '1.17',
    removedIn: '1.22',
    replacement: 'rbac.authorization.k8s.io/v1',
    dropIn: true,
    sources: [guide('rbac-resources-v122'), markers('rbac/v1beta1'), generated('rbac/v1beta1')],
  },
  {
    groupVersion: 'scheduling.k8s.io/v1beta1',
    kinds: ['PriorityClass'],
    introducedIn: '1.11',
    deprecatedIn: '1.14',
    removedIn: '1.22',
    replacement: 'scheduling.k8s.io/v1',
    dropIn: true,
    sources: [guide('priorityclass-v122'), markers('scheduling/v1beta1'), generated('scheduling/v1beta1')],
  },
  {
    groupVersion: 'storage.k8s.io/v1beta1',
    kinds: ['StorageClass', 'VolumeAttachment', 'CSIDriver'],
    introducedIn: '1.4',
    deprecatedIn: '1.19',
    removedIn: '1.22',
    replacement: 'storage.k8s.io/v1',
    dropIn: true,
    sources: [guide('storage-resources-v122'), markers('storage/v1beta1'), generated('storage/v1beta1')],
    note: 'StorageClass arrived in v1beta1 in 1.4, VolumeAttachment in 1.10, CSIDriver in 1.14. storage.k8s.io/v1 serves StorageClass since 1.6, VolumeAttachment since 1.13 and CSIDriver since 1.18 (the guide says 1.19 for CSIDriver; the type marker and the 1.18 release both say 1.18).',
  },
  {
    groupVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSINode'],
    introducedIn: '1.14',
    deprecatedIn: '1.17',
    removedIn: '1.22',
    replacement: 'storage.k8s.io/v1',
    dropIn: true,
    sources: [guide('storage-resources-v122'), markers('storage/v1beta1'), generated('storage/v1beta1')],
  },

  // ───────────────────────────── removed in 1.25 ─────────────────────────────
  {
    groupVersion: 'batch/v1beta1',
    kinds: ['CronJob'],
    introducedIn: '1.8',
    deprecatedIn: '1.21',
    removedIn: '1.25',
    replacement: 'batch/v1',
    dropIn: true,
    sources: [guide('cronjob-v125'), markers('batch/v1beta1'), generated('batch/v1beta1')],
    note: 'Same fields; batch/v1 only adds optional ones (e.g. `spec.timeZone`).',
  },
  {
    groupVersion: 'discovery.k8s.io/v1beta1',
    kinds: ['EndpointSlice'],
    introducedIn: '1.17',
    deprecatedIn: '1.21',
    removedIn: '1.25',
    replacement: 'discovery.k8s.io/v1',
    dropIn: false,
    changes: [
      'The per-endpoint `topology` map is not writable in v1 (it survives read-only as `deprecatedTopology`): put the node name in `endpoints[].nodeName` and the zone in `endpoints[].zone`.',
    ],
    sources: [guide('endpointslice-v125'), markers('discovery/v1beta1'), generated('discovery/v1beta1'), registered('discovery/v1beta1', 'kubernetes-1.16.0…1.17.0')],
    note: 'The type marker says introduced 1.16, but the 1.16 release only had discovery.k8s.io/v1alpha1; v1beta1 first ships in 1.17.',
  },
  {
    groupVersion: 'events.k8s.io/v1beta1',
    kinds: ['Event'],
    introducedIn: '1.8',
    deprecatedIn: '1.22',
    removedIn: '1.25',
    replacement: 'events.k8s.io/v1',
    dropIn: false,
    changes: [
      'Creating an Event through events.k8s.io/v1 is validated strictly: `eventTime`, `reportingController`, `reportingInstance`, `action` and `reason` are required, and `type` must be `Normal` or `Warning`.',
      'The legacy fields (`deprecatedFirstTimestamp`, `deprecatedLastTimestamp`, `deprecatedCount`, `deprecatedSource`) must be left empty on new Events: use `eventTime`, `series.lastObservedTime`, `series.count` and `reportingController`/`reportingInstance` instead.',
    ],
    sources: [guide('event-v125'), markers('events/v1beta1'), generated('events/v1beta1')],
    note: 'The field names of v1beta1 and v1 are identical; the difference is validation. Core `v1` Event (involvedObject, firstTimestamp, …) is a separate, still-served API.',
  },
  {
    groupVersion: 'autoscaling/v2beta1',
    kinds: ['HorizontalPodAutoscaler'],
    introducedIn: '1.8',
    deprecatedIn: '1.22',
    removedIn: '1.25',
    replacement: 'autoscaling/v2',
    dropIn: false,
    changes: [
      'Metric targets become a `target` object with a `type`: `targetAverageUtilization: N` → `target: {type: Utilization, averageUtilization: N}`; `targetAverageValue: Q` → `target: {type: AverageValue, averageValue: Q}`; `targetValue: Q` → `target: {type: Value, value: Q}`.',
      'Pods, Object and External metrics name their metric in a `metric` object: `metricName`/`metricSelector` → `metric: {name, selector}`.',
      'Object metrics: the referenced object moves from `target` to `describedObject` (the name `target` now means the threshold).',
    ],
    sources: [guide('horizontalpodautoscaler-v125'), markers('autoscaling/v2beta1'), generated('autoscaling/v2beta1', 'kubernetes-1.35.0')],
  },
  {
    groupVersion: 'policy/v1beta1',
    kinds: ['PodDisruptionBudget'],
    introducedIn: '1.5',
    deprecatedIn: '1.21',
    removedIn: '1.25',
    replacement: 'policy/v1',
    // Same fields: only apiVersion changes. The one behavioural difference is kept in `changes`.
    dropIn: true,
    changes: [
      'An empty selector (`spec.selector: {}`) selects every pod in the namespace under policy/v1; under policy/v1beta1 it selected none. A missing selector still selects none. Only apiVersion needs changing unless the selector is empty.',
    ],
    sources: [guide('poddisruptionbudget-v125'), markers('policy/v1beta1'), generated('policy/v1beta1')],
  },
  {
    groupVersion: 'policy/v1beta1',
    kinds: ['PodSecurityPolicy'],
    introducedIn: '1.10',
    deprecatedIn: '1.21',
    removedIn: '1.25',
    dropIn: false,
    changes: [
      'There is no successor kind: PodSecurityPolicy and its admission plugin are gone. Enforce pod security with Pod Security Admission (labels `pod-security.kubernetes.io/enforce|audit|warn` on Namespaces, levels privileged/baseline/restricted) or with a policy webhook / ValidatingAdmissionPolicy.',
      'Pod Security Admission only checks pods against fixed profiles; it does not mutate pods (no defaulting of securityContext as PSP could do), so pod specs may need explicit securityContext settings.',
    ],
    sources: [guide('psp-v125'), generated('policy/v1beta1', 'kubernetes-1.28.0')],
    note: 'Replacement: Pod Security Admission (an admission controller, not an API group/version), so `replacement` is left unset.',
  },
  {
    groupVersion: 'node.k8s.io/v1beta1',
    kinds: ['RuntimeClass'],
    introducedIn: '1.13',
    deprecatedIn: '1.22',
    removedIn: '1.25',
    replacement: 'node.k8s.io/v1',
    dropIn: true,
    sources: [guide('runtimeclass-v125'), markers('node/v1beta1'), generated('node/v1beta1')],
  },

  // ───────────────────────────── removed in 1.26 ─────────────────────────────
  {
    groupVersion: 'autoscaling/v2beta2',
    kinds: ['HorizontalPodAutoscaler'],
    introducedIn: '1.12',
    deprecatedIn: '1.23',
    removedIn: '1.26',
    replacement: 'autoscaling/v2',
    dropIn: true,
    sources: [guide('horizontalpodautoscaler-v126'), markers('autoscaling/v2beta2'), generated('autoscaling/v2beta2', 'kubernetes-1.35.0')],
    note: 'autoscaling/v2 has exactly the field names of v2beta2. The guide repeats the v2beta1 note about `targetAverageUtilization` here, which does not apply: v2beta2 already used `target.averageUtilization`.',
  },
  {
    groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    introducedIn: '1.20',
    deprecatedIn: '1.23',
    removedIn: '1.26',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
    dropIn: false,
    changes: FLOWCONTROL_SHARES_CHANGES,
    migrations: [{ type: 'rename', from: 'spec.limited.assuredConcurrencyShares', to: 'spec.limited.nominalConcurrencyShares' }],
    sources: [guide('flowcontrol-resources-v126'), markers('flowcontrol/v1beta1'), generated('flowcontrol/v1beta1')],
    note: 'The guide names v1beta2 as the target, which was itself removed in 1.29; v1 (1.29+) is the lasting target. FlowSchema needs no change beyond apiVersion.',
  },

  // ───────────────────────────── removed in 1.27 ─────────────────────────────
  {
    groupVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIStorageCapacity'],
    introducedIn: '1.21',
    deprecatedIn: '1.24',
    removedIn: '1.27',
    replacement: 'storage.k8s.io/v1',
    dropIn: true,
    sources: [guide('csistoragecapacity-v127'), markers('storage/v1beta1'), generated('storage/v1beta1')],
  },

  // ───────────────────────────── removed in 1.29 ─────────────────────────────
  {
    groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    introducedIn: '1.23',
    deprecatedIn: '1.26',
    removedIn: '1.29',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
    dropIn: false,
    changes: FLOWCONTROL_SHARES_CHANGES,
    migrations: [{ type: 'rename', from: 'spec.limited.assuredConcurrencyShares', to: 'spec.limited.nominalConcurrencyShares' }],
    sources: [guide('flowcontrol-resources-v129'), markers('flowcontrol/v1beta2'), generated('flowcontrol/v1beta2')],
  },

  // ───────────────────────────── removed in 1.32 ─────────────────────────────
  {
    groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    introducedIn: '1.26',
    deprecatedIn: '1.29',
    removedIn: '1.32',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
    // Same fields: only apiVersion changes; the one change of meaning is kept in `changes`.
    dropIn: true,
    changes: [
      'Same field names. Only PriorityLevelConfiguration `spec.limited.nominalConcurrencyShares: 0` changes meaning: v1beta3 replaced 0 with the default 30, v1 keeps 0. Leave the field out (or write 30) to keep the old behaviour.',
    ],
    sources: [guide('flowcontrol-resources-v132'), markers('flowcontrol/v1beta3'), generated('flowcontrol/v1beta3')],
  },

  // ─────────────── alpha versions and newer betas (not in the guide) ───────────────
  {
    groupVersion: 'flowcontrol.apiserver.k8s.io/v1alpha1',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    introducedIn: '1.18',
    deprecatedIn: '1.20',
    removedIn: '1.21',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
    dropIn: false,
    changes: FLOWCONTROL_SHARES_CHANGES,
    migrations: [{ type: 'rename', from: 'spec.limited.assuredConcurrencyShares', to: 'spec.limited.nominalConcurrencyShares' }],
    sources: [generated('flowcontrol/v1alpha1', 'kubernetes-1.28.0')],
    note: 'Alpha; off unless enabled. The generated removal release is 1.21 (the types lingered in k8s.io/api until 1.28 but were not served).',
  },
  {
    groupVersion: 'batch/v2alpha1',
    kinds: ['CronJob'],
    removedIn: '1.21',
    replacement: 'batch/v1',
    dropIn: true,
    sources: [registered('batch/v2alpha1', 'kubernetes-1.16.0…1.21.0')],
    note: 'Alpha; off unless enabled. Last shipped in 1.20. Same spec fields as batch/v1.',
  },
  {
    groupVersion: 'discovery.k8s.io/v1alpha1',
    kinds: ['EndpointSlice'],
    introducedIn: '1.16',
    removedIn: '1.21',
    replacement: 'discovery.k8s.io/v1',
    dropIn: false,
    changes: ['The per-endpoint `topology` map is read-only in v1 (`deprecatedTopology`); use `endpoints[].nodeName` and `endpoints[].zone`.'],
    sources: [registered('discovery/v1alpha1', 'kubernetes-1.16.0…1.21.0')],
    note: 'Alpha; last shipped in 1.20.',
  },
  {
    groupVersion: 'storage.k8s.io/v1alpha1',
    kinds: ['VolumeAttachment'],
    introducedIn: '1.9',
    deprecatedIn: '1.21',
    removedIn: '1.24',
    replacement: 'storage.k8s.io/v1',
    dropIn: true,
    sources: [markers('storage/v1alpha1'), generated('storage/v1alpha1')],
    note: 'Alpha; off unless enabled.',
  },
  {
    groupVersion: 'storage.k8s.io/v1alpha1',
    kinds: ['CSIStorageCapacity'],
    introducedIn: '1.19',
    deprecatedIn: '1.21',
    removedIn: '1.24',
    replacement: 'storage.k8s.io/v1',
    dropIn: true,
    sources: [markers('storage/v1alpha1'), generated('storage/v1alpha1')],
    note: 'Alpha; off unless enabled.',
  },
  {
    groupVersion: 'settings.k8s.io/v1alpha1',
    kinds: ['PodPreset'],
    removedIn: '1.20',
    dropIn: false,
    changes: ['No successor API: inject the settings with a mutating admission webhook or write them into the pod templates.'],
    sources: [registered('settings/v1alpha1', 'kubernetes-1.16.0…1.20.0')],
    note: 'Alpha; last shipped in 1.19.',
  },
  {
    groupVersion: 'auditregistration.k8s.io/v1alpha1',
    kinds: ['AuditSink'],
    removedIn: '1.19',
    dropIn: false,
    changes: ['No successor API: configure audit webhooks with the kube-apiserver `--audit-webhook-*` flags.'],
    sources: [registered('auditregistration/v1alpha1', 'kubernetes-1.16.0…1.19.0')],
    note: 'Alpha; last shipped in 1.18.',
  },
  {
    groupVersion: 'networking.k8s.io/v1alpha1',
    kinds: ['ClusterCIDR'],
    introducedIn: '1.25',
    removedIn: '1.29',
    dropIn: false,
    changes: ['No successor API: the multi-CIDR node IPAM feature was withdrawn; node pod CIDRs come from kube-controller-manager flags again.'],
    sources: [registered('networking/v1alpha1', 'kubernetes-1.25.0…1.29.0'), 'kubernetes/api commit 6e5a9f37e "remove ClusterCIDR" (1.29 cycle)'],
    note: 'Alpha; last shipped in 1.28.',
  },
  {
    groupVersion: 'networking.k8s.io/v1alpha1',
    kinds: ['IPAddress'],
    introducedIn: '1.27',
    deprecatedIn: '1.30',
    removedIn: '1.33',
    replacement: 'networking.k8s.io/v1',
    dropIn: true,
    sources: [markers('networking/v1alpha1'), generated('networking/v1alpha1', 'kubernetes-1.33.0'), registered('networking/v1alpha1', 'kubernetes-1.27.0…1.34.0')],
    note: 'Alpha. networking.k8s.io/v1 serves IPAddress from 1.33; on 1.31–1.32 use v1beta1.',
  },
  {
    groupVersion: 'networking.k8s.io/v1alpha1',
    kinds: ['ServiceCIDR'],
    introducedIn: '1.29',
    deprecatedIn: '1.30',
    removedIn: '1.33',
    replacement: 'networking.k8s.io/v1',
    dropIn: true,
    sources: [markers('networking/v1alpha1'), generated('networking/v1alpha1', 'kubernetes-1.33.0'), registered('networking/v1alpha1', 'kubernetes-1.27.0…1.34.0')],
    note: 'Alpha. First shipped in 1.29 (its type marker says 1.27, copied from IPAddress). networking.k8s.io/v1 serves ServiceCIDR from 1.33; on 1.31–1.32 use v1beta1.',
  },
  {
    groupVersion: 'networking.k8s.io/v1beta1',
    kinds: ['IPAddress', 'ServiceCIDR'],
    introducedIn: '1.31',
    deprecatedIn: '1.34',
    removedIn: '1.37',
    replacement: 'networking.k8s.io/v1',
    dropIn: true,
    sources: [markers('networking/v1beta1'), generated('networking/v1beta1')],
    note: 'Off by default (new betas are not enabled by default). Deprecation and removal releases are the lifecycle defaults generated from the introduced marker (1.31 + 3, + 3 again); 1.37 is a plan, not yet a release.',
  },
  {
    groupVersion: 'admissionregistration.k8s.io/v1alpha1',
    kinds: ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'],
    introducedIn: '1.26',
    deprecatedIn: '1.29',
    removedIn: '1.32',
    replacement: 'admissionregistration.k8s.io/v1',
    dropIn: true,
    sources: [markers('admissionregistration/v1alpha1'), generated('admissionregistration/v1alpha1')],
    note: 'Alpha. admissionregistration.k8s.io/v1 serves these kinds from 1.30. The group/version stays served for MutatingAdmissionPolicy (alpha, 1.32+).',
  },
  {
    groupVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'],
    introducedIn: '1.28',
    deprecatedIn: '1.31',
    removedIn: '1.34',
    replacement: 'admissionregistration.k8s.io/v1',
    dropIn: true,
    sources: [markers('admissionregistration/v1beta1'), generated('admissionregistration/v1beta1')],
    note: 'Off by default. Values are the generated lifecycle defaults (no explicit deprecated/removed markers). The group/version is served again from 1.34 for MutatingAdmissionPolicy.',
  },
  {
    groupVersion: 'authentication.k8s.io/v1alpha1',
    kinds: ['SelfSubjectReview'],
    introducedIn: '1.26',
    deprecatedIn: '1.29',
    removedIn: '1.32',
    replacement: 'authentication.k8s.io/v1',
    dropIn: true,
    sources: [markers('authentication/v1alpha1'), generated('authentication/v1alpha1')],
  },
  {
    groupVersion: 'authentication.k8s.io/v1beta1',
    kinds: ['SelfSubjectReview'],
    introducedIn: '1.27',
    deprecatedIn: '1.30',
    removedIn: '1.33',
    replacement: 'authentication.k8s.io/v1',
    dropIn: true,
    sources: [markers('authentication/v1beta1'), generated('authentication/v1beta1')],
    note: 'authentication.k8s.io/v1 serves SelfSubjectReview from 1.28.',
  },
  {
    groupVersion: 'storage.k8s.io/v1alpha1',
    kinds: ['VolumeAttributesClass'],
    introducedIn: '1.29',
    deprecatedIn: '1.32',
    removedIn: '1.35',
    replacement: 'storage.k8s.io/v1',
    dropIn: true,
    sources: [markers('storage/v1alpha1'), generated('storage/v1alpha1')],
    note: 'Alpha. storage.k8s.io/v1 serves VolumeAttributesClass from 1.34; on 1.31–1.33 use v1beta1.',
  },
  {
    groupVersion: 'storage.k8s.io/v1beta1',
    kinds: ['VolumeAttributesClass'],
    introducedIn: '1.31',
    deprecatedIn: '1.34',
    removedIn: '1.37',
    replacement: 'storage.k8s.io/v1',
    dropIn: true,
    sources: [markers('storage/v1beta1'), generated('storage/v1beta1')],
    note: 'Deprecation in 1.34 is an explicit marker; removal in 1.37 is the generated default (a plan, not yet a release).',
  },
  {
    groupVersion: 'storagemigration.k8s.io/v1alpha1',
    kinds: ['StorageVersionMigration'],
    introducedIn: '1.30',
    deprecatedIn: '1.33',
    removedIn: '1.35',
    replacement: 'storagemigration.k8s.io/v1beta1',
    dropIn: false,
    changes: [
      '`spec.resource` names only the group and resource; the `version` key is gone.',
      '`spec.continueToken` is gone.',
    ],
    sources: [markers('storagemigration/v1alpha1'), generated('storagemigration/v1alpha1', 'kubernetes-1.34.0'), registered('storagemigration/v1alpha1', 'kubernetes-1.30.0…1.35.0')],
    note: 'Alpha. The types were dropped in 1.35 (one release before the generated removal, 1.36). storagemigration.k8s.io/v1beta1 arrives in 1.35.',
  },
  {
    groupVersion: 'coordination.k8s.io/v1alpha1',
    kinds: ['LeaseCandidate'],
    introducedIn: '1.31',
    removedIn: '1.32',
    replacement: 'coordination.k8s.io/v1alpha2',
    dropIn: false,
    changes: ['`spec.preferredStrategies` (a list) becomes the single `spec.strategy`.'],
    sources: [registered('coordination/v1alpha1', 'kubernetes-1.31.0…1.32.0'), registered('coordination/v1alpha2', 'kubernetes-1.32.0')],
    note: 'Alpha; written by control-plane components, rarely by hand. coordination.k8s.io/v1beta1 serves LeaseCandidate from 1.33.',
  },
  {
    groupVersion: 'certificates.k8s.io/v1alpha1',
    kinds: ['ClusterTrustBundle'],
    introducedIn: '1.27',
    deprecatedIn: '1.34',
    removedIn: '1.37',
    replacement: 'certificates.k8s.io/v1beta1',
    dropIn: true,
    sources: [markers('certificates/v1alpha1'), generated('certificates/v1alpha1'), registered('certificates/v1alpha1', 'kubernetes-1.27.0')],
    note: 'Alpha. certificates.k8s.io/v1beta1 serves ClusterTrustBundle from 1.33. Removal in 1.37 is the generated default (a plan).',
  },

  // ───────────────────────── resource.k8s.io (DRA) ─────────────────────────
  {
    groupVersion: 'resource.k8s.io/v1alpha1',
    kinds: ['ResourceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'PodScheduling'],
    introducedIn: '1.26',
    removedIn: '1.27',
    replacement: 'resource.k8s.io/v1alpha2',
    dropIn: false,
    changes: ['PodScheduling is renamed PodSchedulingContext.', 'Claim allocation status holds a list `resourceHandles` instead of one `resourceHandle` (written by drivers, not by manifests).'],
    sources: [registered('resource/v1alpha1', 'kubernetes-1.26.0…1.27.0'), 'kubernetes/api commits 77a2c2052 "api: resource.k8s.io v1alpha1 -> v1alpha2" and 435fe5c1d "PodScheduling -> PodSchedulingContext"'],
    note: 'Alpha (DynamicResourceAllocation gate); shipped only in 1.26.',
  },
  {
    groupVersion: 'resource.k8s.io/v1alpha2',
    kinds: ['ResourceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'PodSchedulingContext'],
    introducedIn: '1.27',
    removedIn: '1.31',
    replacement: 'resource.k8s.io/v1alpha3',
    dropIn: false,
    changes: [
      'Redesigned API with no conversion from v1alpha2: existing objects are not carried over and must be recreated.',
      'ResourceClass is replaced by DeviceClass (device selectors written as CEL expressions, plus driver configuration).',
      'ResourceClaimParameters and ResourceClassParameters are gone; a claim lists what it needs in `spec.devices.requests[]` (`deviceClassName`, `selectors`, `allocationMode`, `count`) instead of `spec.resourceClassName` + `spec.parametersRef`.',
      'ResourceSlice is reshaped around a list of named devices with attributes and capacities.',
    ],
    sources: [
      registered('resource/v1alpha2', 'kubernetes-1.27.0…1.31.0'),
      'kubernetes/api commit 8cd879343 "DRA: bump API v1alpha2 -> v1alpha3" (states there is no transition support from v1alpha2)',
    ],
    note: 'Alpha (DynamicResourceAllocation gate).',
  },
  {
    groupVersion: 'resource.k8s.io/v1alpha2',
    kinds: ['ResourceSlice', 'ResourceClaimParameters', 'ResourceClassParameters'],
    introducedIn: '1.30',
    removedIn: '1.31',
    replacement: 'resource.k8s.io/v1alpha3',
    dropIn: false,
    changes: [
      'Redesigned API with no conversion from v1alpha2: existing objects are not carried over and must be recreated.',
      'ResourceClass is replaced by DeviceClass (device selectors written as CEL expressions, plus driver configuration).',
      'ResourceClaimParameters and ResourceClassParameters are gone; a claim lists what it needs in `spec.devices.requests[]` (`deviceClassName`, `selectors`, `allocationMode`, `count`) instead of `spec.resourceClassName` + `spec.parametersRef`.',
      'ResourceSlice is reshaped around a list of named devices with attributes and capacities.',
    ],
    sources: [
      registered('resource/v1alpha2', 'kubernetes-1.27.0…1.31.0'),
      'kubernetes/api commit 8cd879343 "DRA: bump API v1alpha2 -> v1alpha3" (states there is no transition support from v1alpha2)',
    ],
    note: 'Alpha; these three kinds (the first structured-parameters design) shipped only in 1.30.',
  },
  {
    groupVersion: 'resource.k8s.io/v1alpha3',
    kinds: ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'],
    introducedIn: '1.31',
    removedIn: '1.34',
    replacement: 'resource.k8s.io/v1',
    dropIn: false,
    changes: [
      ...DRA_V1_CLAIM_CHANGES,
      'ResourceSlice: the device attributes and capacities move up out of the `basic` wrapper (`spec.devices[].basic.attributes` → `spec.devices[].attributes`, and so on).',
      'On 1.32–1.33, resource.k8s.io/v1beta1 takes the same fields as v1alpha3 and needs only the apiVersion change.',
    ],
    sources: [
      registered('resource/v1alpha3', 'kubernetes-1.31.0…1.34.0'),
      'kubernetes/api commit 8075dbc3f "DRA API: remove obsolete types from v1alpha3" (1.34 cycle)',
      generated('resource/v1alpha3', 'kubernetes-1.33.0'),
    ],
    note: 'Alpha. The kinds were dropped from v1alpha3 in 1.34 (the generated lifecycle would have allowed them until 1.36); the group/version itself stays for DeviceTaintRule (alpha, 1.33+).',
  },
  {
    groupVersion: 'resource.k8s.io/v1alpha3',
    kinds: ['PodSchedulingContext'],
    introducedIn: '1.31',
    removedIn: '1.32',
    dropIn: false,
    changes: ['No successor: "classic" DRA with a control-plane controller was removed; drivers use structured parameters (ResourceSlice) and the scheduler allocates.'],
    sources: ['kubernetes/api commit 865f567e0 "DRA: remove classic DRA" (1.32 cycle)', registered('resource/v1alpha3', 'kubernetes-1.31.0…1.32.0')],
    note: 'Alpha; shipped only in 1.31.',
  },
  {
    groupVersion: 'resource.k8s.io/v1beta1',
    kinds: ['ResourceClaim', 'ResourceClaimTemplate'],
    introducedIn: '1.32',
    deprecatedIn: '1.35',
    removedIn: '1.38',
    replacement: 'resource.k8s.io/v1',
    dropIn: false,
    changes: DRA_V1_CLAIM_CHANGES,
    sources: [markers('resource/v1beta1'), generated('resource/v1beta1')],
    note: 'Deprecation (1.35) and removal (1.38) are the generated lifecycle defaults; 1.38 is a plan. resource.k8s.io/v1 is served from 1.34.',
  },
  {
    groupVersion: 'resource.k8s.io/v1beta1',
    kinds: ['DeviceClass'],
    introducedIn: '1.32',
    deprecatedIn: '1.35',
    removedIn: '1.38',
    replacement: 'resource.k8s.io/v1',
    dropIn: true,
    sources: [markers('resource/v1beta1'), generated('resource/v1beta1')],
    note: 'Deprecation and removal are the generated lifecycle defaults; 1.38 is a plan.',
  },
  {
    groupVersion: 'resource.k8s.io/v1beta1',
    kinds: ['ResourceSlice'],
    introducedIn: '1.32',
    deprecatedIn: '1.35',
    removedIn: '1.38',
    replacement: 'resource.k8s.io/v1',
    dropIn: false,
    changes: ['The device attributes and capacities move up out of the `basic` wrapper (`spec.devices[].basic.attributes` → `spec.devices[].attributes`, and so on).'],
    sources: [markers('resource/v1beta1'), generated('resource/v1beta1')],
    note: 'Written by DRA drivers, rarely by hand. Deprecation and removal are the generated lifecycle defaults; 1.38 is a plan.',
  },
  {
    groupVersion: 'resource.k8s.io/v1beta2',
    kinds: ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'],
    introducedIn: '1.33',
    deprecatedIn: '1.36',
    removedIn: '1.39',
    replacement: 'resource.k8s.io/v1',
    dropIn: true,
    sources: [markers('resource/v1beta2'), generated('resource/v1beta2')],
    note: 'v1beta2 has the v1 shape. Deprecation (1.36) and removal (1.39) are the generated lifecycle defaults; 1.39 is a plan.',
  },
];

/**
 * The group/versions that serve each common kind, preferred (GA, newest)
 * first. `since`/`until` are inclusive minor versions: `until` is the last
 * release that serves it (absent: still served at 1.34, the data's
 * horizon). Alpha versions are listed last; they are off unless enabled.
 */
export const currentApiVersions: { kind: string; groupVersions: { groupVersion: string; since?: string; until?: string }[] }[] = [
  // core/v1
  { kind: 'Pod', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'Service', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'ConfigMap', groupVersions: [{ groupVersion: 'v1', since: '1.2' }] },
  { kind: 'Secret', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'Namespace', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'Node', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'PersistentVolume', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'PersistentVolumeClaim', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'ServiceAccount', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'Endpoints', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'LimitRange', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'ResourceQuota', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'ReplicationController', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  { kind: 'PodTemplate', groupVersions: [{ groupVersion: 'v1', since: '1.0' }] },
  {
    kind: 'Event',
    groupVersions: [
      { groupVersion: 'v1', since: '1.0' },
      { groupVersion: 'events.k8s.io/v1', since: '1.19' },
      { groupVersion: 'events.k8s.io/v1beta1', since: '1.8', until: '1.24' },
    ],
  },
  // apps
  { kind: 'Deployment', groupVersions: [{ groupVersion: 'apps/v1', since: '1.9' }] },
  { kind: 'StatefulSet', groupVersions: [{ groupVersion: 'apps/v1', since: '1.9' }] },
  { kind: 'DaemonSet', groupVersions: [{ groupVersion: 'apps/v1', since: '1.9' }] },
  { kind: 'ReplicaSet', groupVersions: [{ groupVersion: 'apps/v1', since: '1.9' }] },
  { kind: 'ControllerRevision', groupVersions: [{ groupVersion: 'apps/v1', since: '1.9' }] },
  // batch
  { kind: 'Job', groupVersions: [{ groupVersion: 'batch/v1', since: '1.2' }] },
  {
    kind: 'CronJob',
    groupVersions: [
      { groupVersion: 'batch/v1', since: '1.21' },
      { groupVersion: 'batch/v1beta1', since: '1.8', until: '1.24' },
      { groupVersion: 'batch/v2alpha1', until: '1.20' },
    ],
  },
  // autoscaling
  {
    kind: 'HorizontalPodAutoscaler',
    groupVersions: [
      { groupVersion: 'autoscaling/v2', since: '1.23' },
      { groupVersion: 'autoscaling/v1', since: '1.2' },
      { groupVersion: 'autoscaling/v2beta2', since: '1.12', until: '1.25' },
      { groupVersion: 'autoscaling/v2beta1', since: '1.8', until: '1.24' },
    ],
  },
  // policy
  {
    kind: 'PodDisruptionBudget',
    groupVersions: [
      { groupVersion: 'policy/v1', since: '1.21' },
      { groupVersion: 'policy/v1beta1', since: '1.5', until: '1.24' },
    ],
  },
  // networking
  {
    kind: 'Ingress',
    groupVersions: [
      { groupVersion: 'networking.k8s.io/v1', since: '1.19' },
      { groupVersion: 'networking.k8s.io/v1beta1', since: '1.14', until: '1.21' },
      { groupVersion: 'extensions/v1beta1', since: '1.1', until: '1.21' },
    ],
  },
  {
    kind: 'IngressClass',
    groupVersions: [
      { groupVersion: 'networking.k8s.io/v1', since: '1.19' },
      { groupVersion: 'networking.k8s.io/v1beta1', since: '1.18', until: '1.21' },
    ],
  },
  { kind: 'NetworkPolicy', groupVersions: [{ groupVersion: 'networking.k8s.io/v1', since: '1.7' }] },
  {
    kind: 'ServiceCIDR',
    groupVersions: [
      { groupVersion: 'networking.k8s.io/v1', since: '1.33' },
      { groupVersion: 'networking.k8s.io/v1beta1', since: '1.31' },
      { groupVersion: 'networking.k8s.io/v1alpha1', since: '1.29', until: '1.32' },
    ],
  },
  {
    kind: 'IPAddress',
    groupVersions: [
      { groupVersion: 'networking.k8s.io/v1', since: '1.33' },
      { groupVersion: 'networking.k8s.io/v1beta1', since: '1.31' },
      { groupVersion: 'networking.k8s.io/v1alpha1', since: '1.27', until: '1.32' },
    ],
  },
  {
    kind: 'EndpointSlice',
    groupVersions: [
      { groupVersion: 'discovery.k8s.io/v1', since: '1.21' },
      { groupVersion: 'discovery.k8s.io/v1beta1', since: '1.17', until: '1.24' },
      { groupVersion: 'discovery.k8s.io/v1alpha1', since: '1.16', until: '1.20' },
    ],
  },
  // rbac
  ...(['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'] as const).map((kind) => ({
    kind,
    groupVersions: [
      { groupVersion: 'rbac.authorization.k8s.io/v1', since: '1.8' },
      { groupVersion: 'rbac.authorization.k8s.io/v1beta1', since: '1.6', until: '1.21' },
    ],
  })),
  // storage
  {
    kind: 'StorageClass',
    groupVersions: [
      { groupVersion: 'storage.k8s.io/v1', since: '1.6' },
      { groupVersion: 'storage.k8s.io/v1beta1', since: '1.4', until: '1.21' },
    ],
  },
  {
    kind: 'VolumeAttachment',
    groupVersions: [
      { groupVersion: 'storage.k8s.io/v1', since: '1.13' },
      { groupVersion: 'storage.k8s.io/v1beta1', since: '1.10', until: '1.21' },
      { groupVersion: 'storage.k8s.io/v1alpha1', since: '1.9', until: '1.23' },
    ],
  },
  {
    kind: 'CSIDriver',
    groupVersions: [
      { groupVersion: 'storage.k8s.io/v1', since: '1.18' },
      { groupVersion: 'storage.k8s.io/v1beta1', since: '1.14', until: '1.21' },
    ],
  },
  {
    kind: 'CSINode',
    groupVersions: [
      { groupVersion: 'storage.k8s.io/v1', since: '1.17' },
      { groupVersion: 'storage.k8s.io/v1beta1', since: '1.14', until: '1.21' },
    ],
  },
  {
    kind: 'CSIStorageCapacity',
    groupVersions: [
      { groupVersion: 'storage.k8s.io/v1', since: '1.24' },
      { groupVersion: 'storage.k8s.io/v1beta1', since: '1.21', until: '1.26' },
      { groupVersion: 'storage.k8s.io/v1alpha1', since: '1.19', until: '1.23' },
    ],
  },
  {
    kind: 'VolumeAttributesClass',
    groupVersions: [
      { groupVersion: 'storage.k8s.io/v1', since: '1.34' },
      { groupVersion: 'storage.k8s.io/v1beta1', since: '1.31' },
      { groupVersion: 'storage.k8s.io/v1alpha1', since: '1.29', until: '1.34' },
    ],
  },
  // extension / aggregation / admission
  {
    kind: 'CustomResourceDefinition',
    groupVersions: [
      { groupVersion: 'apiextensions.k8s.io/v1', since: '1.16' },
      { groupVersion: 'apiextensions.k8s.io/v1beta1', since: '1.7', until: '1.21' },
    ],
  },
  {
    kind: 'APIService',
    groupVersions: [
      { groupVersion: 'apiregistration.k8s.io/v1', since: '1.10' },
      { groupVersion: 'apiregistration.k8s.io/v1beta1', since: '1.7', until: '1.21' },
    ],
  },
  ...(['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'] as const).map((kind) => ({
    kind,
    groupVersions: [
      { groupVersion: 'admissionregistration.k8s.io/v1', since: '1.16' },
      { groupVersion: 'admissionregistration.k8s.io/v1beta1', since: '1.9', until: '1.21' },
    ],
  })),
  ...(['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'] as const).map((kind) => ({
    kind,
    groupVersions: [
      { groupVersion: 'admissionregistration.k8s.io/v1', since: '1.30' },
      { groupVersion: 'admissionregistration.k8s.io/v1beta1', since: '1.28', until: '1.33' },
      { groupVersion: 'admissionregistration.k8s.io/v1alpha1', since: '1.26', until: '1.31' },
    ],
  })),
  // scheduling / node / coordination / certificates / flowcontrol
  {
    kind: 'PriorityClass',
    groupVersions: [
      { groupVersion: 'scheduling.k8s.io/v1', since: '1.14' },
      { groupVersion: 'scheduling.k8s.io/v1beta1', since: '1.11', until: '1.21' },
    ],
  },
  {
    kind: 'RuntimeClass',
    groupVersions: [
      { groupVersion: 'node.k8s.io/v1', since: '1.20' },
      { groupVersion: 'node.k8s.io/v1beta1', since: '1.13', until: '1.24' },
    ],
  },
  // Review and request kinds (created, not stored); served since long before the data's horizon.
  ...(['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'] as const).map((kind) => ({
    kind,
    groupVersions: [{ groupVersion: 'authorization.k8s.io/v1' }],
  })),
  { kind: 'TokenRequest', groupVersions: [{ groupVersion: 'authentication.k8s.io/v1' }] },
  {
    kind: 'PodSchedulingContext',
    groupVersions: [
      { groupVersion: 'resource.k8s.io/v1alpha3', since: '1.31', until: '1.31' },
      { groupVersion: 'resource.k8s.io/v1alpha2', since: '1.27', until: '1.30' },
    ],
  },
  {
    kind: 'Lease',
    groupVersions: [
      { groupVersion: 'coordination.k8s.io/v1', since: '1.14' },
      { groupVersion: 'coordination.k8s.io/v1beta1', since: '1.12', until: '1.21' },
    ],
  },
  {
    kind: 'CertificateSigningRequest',
    groupVersions: [
      { groupVersion: 'certificates.k8s.io/v1', since: '1.19' },
      { groupVersion: 'certificates.k8s.io/v1beta1', since: '1.12', until: '1.21' },
    ],
  },
  {
    kind: 'ClusterTrustBundle',
    groupVersions: [
      { groupVersion: 'certificates.k8s.io/v1beta1', since: '1.33' },
      { groupVersion: 'certificates.k8s.io/v1alpha1', since: '1.27' },
    ],
  },
  ...(['FlowSchema', 'PriorityLevelConfiguration'] as const).map((kind) => ({
    kind,
    groupVersions: [
      { groupVersion: 'flowcontrol.apiserver.k8s.io/v1', since: '1.29' },
      { groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', since: '1.26', until: '1.31' },
      { groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', since: '1.23', until: '1.28' },
      { groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', since: '1.20', until: '1.25' },
      { groupVersion: 'flowcontrol.apiserver.k8s.io/v1alpha1', since: '1.18', until: '1.20' },
    ],
  })),
  // resource.k8s.io (DRA)
  ...(['ResourceClaim', 'ResourceClaimTemplate'] as const).map((kind) => ({
    kind,
    groupVersions: [
      { groupVersion: 'resource.k8s.io/v1', since: '1.34' },
      { groupVersion: 'resource.k8s.io/v1beta2', since: '1.33' },
      { groupVersion: 'resource.k8s.io/v1beta1', since: '1.32' },
      { groupVersion: 'resource.k8s.io/v1alpha3', since: '1.31', until: '1.33' },
      { groupVersion: 'resource.k8s.io/v1alpha2', since: '1.27', until: '1.30' },
      { groupVersion: 'resource.k8s.io/v1alpha1', since: '1.26', until: '1.26' },
    ],
  })),
  {
    kind: 'DeviceClass',
    groupVersions: [
      { groupVersion: 'resource.k8s.io/v1', since: '1.34' },
      { groupVersion: 'resource.k8s.io/v1beta2', since: '1.33' },
      { groupVersion: 'resource.k8s.io/v1beta1', since: '1.32' },
      { groupVersion: 'resource.k8s.io/v1alpha3', since: '1.31', until: '1.33' },
    ],
  },
  {
    kind: 'ResourceSlice',
    groupVersions: [
      { groupVersion: 'resource.k8s.io/v1', since: '1.34' },
      { groupVersion: 'resource.k8s.io/v1beta2', since: '1.33' },
      { groupVersion: 'resource.k8s.io/v1beta1', since: '1.32' },
      { groupVersion: 'resource.k8s.io/v1alpha3', since: '1.31', until: '1.33' },
      { groupVersion: 'resource.k8s.io/v1alpha2', since: '1.30', until: '1.30' },
    ],
  },
  // storage version migration
  {
    kind: 'StorageVersionMigration',
    groupVersions: [{ groupVersion: 'storagemigration.k8s.io/v1alpha1', since: '1.30', until: '1.34' }],
  },
  // client-side list wrapper
  { kind: 'List', groupVersions: [{ groupVersion: 'v1' }] },
];
