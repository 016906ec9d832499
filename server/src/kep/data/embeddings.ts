import type { Embedding } from '../types';

/**
 * Where a Pod or a Job is embedded in other kinds. A fact stated once for
 * `Pod` at `spec.volumes[].image` applies at `spec.template.spec.volumes[].image`
 * of a Deployment, and through the Job embedding at
 * `spec.jobTemplate.spec.template.spec.volumes[].image` of a CronJob.
 * `at` replaces the embedded kind's document root, so both its `metadata`
 * and its `spec` move together.
 */
export const embeddings: readonly Embedding[] = [
  { embeddedKind: 'Pod', hostKind: 'PodTemplate', hostApiVersions: ['v1'], at: 'template' },
  { embeddedKind: 'Pod', hostKind: 'ReplicationController', hostApiVersions: ['v1'], at: 'spec.template' },
  { embeddedKind: 'Pod', hostKind: 'Deployment', hostApiVersions: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1'], at: 'spec.template' },
  { embeddedKind: 'Pod', hostKind: 'ReplicaSet', hostApiVersions: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'], at: 'spec.template' },
  { embeddedKind: 'Pod', hostKind: 'StatefulSet', hostApiVersions: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2'], at: 'spec.template' },
  { embeddedKind: 'Pod', hostKind: 'DaemonSet', hostApiVersions: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'], at: 'spec.template' },
  { embeddedKind: 'Pod', hostKind: 'Job', hostApiVersions: ['batch/v1'], at: 'spec.template' },
  { embeddedKind: 'Job', hostKind: 'CronJob', hostApiVersions: ['batch/v1', 'batch/v1beta1'], at: 'spec.jobTemplate' },
];
