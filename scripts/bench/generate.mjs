#!/usr/bin/env node
// Deterministic generator of realistic multi-document Kubernetes manifests.
//
// Used by the side-by-side LSP benchmark (scripts/bench/bench.mjs), and meant
// to be reused by a CLI benchmark and robustness tests. Plain ESM, no
// dependencies.
//
// Library:
//   import { generateManifest, generateManifestWithInfo, generateTree, writeTree } from './generate.mjs';
//   const text = generateManifest(1000, { seed: 1 });           // one multi-document YAML string
//   const { text, docs, lines, bytes } = generateManifestWithInfo(100);
//   const files = generateTree(2000, { seed: 7 });               // [{ path, text }] small files
//   const mixed = generateMixedTree(10000, { seed: 11 });        // Helm charts, workflows, bundles, a few large files
//
// CLI:
//   node scripts/bench/generate.mjs --out DIR [--sizes 10,100,1000] [--seed 1] [--tree 2000] [--mixed-tree 10000]
//   writes DIR/manifests-<n>.yaml for each size, with --tree DIR/tree/** small files, and
//   with --mixed-tree DIR/mixed/** a tree of mixed size and kind (see generateMixedTree).
//
// Properties the benchmark relies on:
//   * same (count, seed) → byte-identical output; a smaller count is a prefix of a larger one;
//   * the first 9 documents are one of each kind, with at least one removed apiVersion
//     (policy/v1beta1 PDB, extensions/v1beta1 Ingress, batch/v1beta1 CronJob,
//     autoscaling/v2beta2 HPA) and every 1.31 field listed below, so even the
//     10-document file carries diagnostics;
//   * 1.31-era fields are sprinkled throughout: volumes[].image, matchLabelKeys,
//     trafficDistribution: PreferClose, successPolicy, podFailurePolicy, ordinals.start;
//   * 1,000 documents ≈ 44,000 lines ≈ 1.2 MB.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: small, fast, deterministic 32-bit PRNG. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRng(seed) {
  const next = mulberry32(seed);
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    weighted: (entries) => {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of entries) {
        if ((r -= w) < 0) return v;
      }
      return entries[entries.length - 1][0];
    },
    shuffle: (arr) => {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  return rng;
}

export const KINDS = ['Deployment', 'Service', 'ConfigMap', 'StatefulSet', 'Job', 'CronJob', 'PodDisruptionBudget', 'Ingress', 'HorizontalPodAutoscaler'];

/** Share of documents per kind (tuned so 1,000 documents ≈ 44k lines). */
const KIND_WEIGHTS = [
  ['Deployment', 13],
  ['Service', 21],
  ['ConfigMap', 19],
  ['StatefulSet', 4],
  ['Job', 5],
  ['CronJob', 5],
  ['PodDisruptionBudget', 13],
  ['Ingress', 10],
  ['HorizontalPodAutoscaler', 11],
];

/** Removed apiVersions the generator sprinkles in, per kind. */
export const REMOVED_API_VERSIONS = {
  PodDisruptionBudget: 'policy/v1beta1',
  Ingress: 'extensions/v1beta1',
  CronJob: 'batch/v1beta1',
  HorizontalPodAutoscaler: 'autoscaling/v2beta2',
};

const CURRENT_API_VERSIONS = {
  Deployment: 'apps/v1',
  Service: 'v1',
  ConfigMap: 'v1',
  StatefulSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  PodDisruptionBudget: 'policy/v1',
  Ingress: 'networking.k8s.io/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
};

const TEAMS = ['payments', 'search', 'checkout', 'identity', 'catalog', 'platform', 'ml', 'growth', 'ledger', 'notify'];
const NAMESPACES = ['default', 'prod', 'staging', 'payments', 'platform', 'data', 'edge', 'batch'];
const COMPONENTS = ['api', 'worker', 'web', 'gateway', 'scheduler', 'indexer', 'cache', 'consumer', 'exporter', 'sync'];
const IMAGES = [
  ['registry.k8s.io/pause', ['3.9', '3.10']],
  ['europe-docker.pkg.dev/acme-prod/services/api', ['1.14.2', '1.15.0', '1.16.3']],
  ['europe-docker.pkg.dev/acme-prod/services/worker', ['2.3.1', '2.4.0']],
  ['docker.io/library/nginx', ['1.25.4', '1.27.0']],
  ['docker.io/library/redis', ['7.2.4', '7.4.0']],
  ['quay.io/prometheus/node-exporter', ['v1.8.1']],
  ['gcr.io/distroless/static', ['nonroot']],
  ['docker.io/bitnami/postgresql', ['16.3.0']],
  ['europe-docker.pkg.dev/acme-prod/jobs/migrations', ['0.9.7', '0.10.1']],
];
const ENV_NAMES = ['LOG_LEVEL', 'PORT', 'DATABASE_URL', 'REDIS_ADDR', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'FEATURE_FLAGS', 'GOMAXPROCS', 'REGION', 'CACHE_TTL', 'QUEUE_NAME', 'HTTP_TIMEOUT', 'METRICS_PATH'];
const CPU = ['50m', '100m', '250m', '500m', '1', '2'];
const MEM = ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi', '2Gi', '4Gi'];
const SUFFIXES = ['primary', 'canary', 'eu-west', 'us-east', 'internal', 'public', 'blue', 'green', 'shadow', 'v2'];
const ZONES = ['europe-west1-b', 'europe-west1-c', 'europe-west1-d', 'us-east-1a', 'us-east-1b'];

/** Builds YAML text line by line with an indentation cursor. */
class Out {
  constructor() {
    this.lines = [];
  }
  line(indent, text) {
    this.lines.push(' '.repeat(indent) + text);
  }
}

function metadata(o, rng, name, ns, labels, annotations) {
  o.line(0, 'metadata:');
  o.line(2, `name: ${name}`);
  o.line(2, `namespace: ${ns}`);
  o.line(2, 'labels:');
  for (const [k, v] of labels) o.line(4, `${k}: ${v}`);
  if (annotations && annotations.length) {
    o.line(2, 'annotations:');
    for (const [k, v] of annotations) o.line(4, `${k}: ${v}`);
  }
}

function stdLabels(rng, name, team, component) {
  return [
    ['app.kubernetes.io/name', name],
    ['app.kubernetes.io/component', component],
    ['app.kubernetes.io/part-of', team],
    ['app.kubernetes.io/managed-by', rng.pick(['helm', 'kustomize', 'argocd'])],
  ];
}

function container(o, ind, rng, c, opts) {
  const [repo, tags] = rng.pick(IMAGES);
  o.line(ind, `- name: ${c}`);
  const p = ind + 2;
  o.line(p, `image: ${repo}:${rng.pick(tags)}`);
  o.line(p, `imagePullPolicy: ${rng.pick(['IfNotPresent', 'Always'])}`);
  if (opts.args) {
    o.line(p, 'args:');
    o.line(p + 2, `- --port=${opts.port}`);
    o.line(p + 2, `- --log-format=${rng.pick(['json', 'text'])}`);
  }
  o.line(p, 'ports:');
  o.line(p + 2, `- name: http`);
  o.line(p + 4, `containerPort: ${opts.port}`);
  o.line(p + 4, 'protocol: TCP');
  const nenv = rng.int(2, 4);
  o.line(p, 'env:');
  const envs = rng.shuffle(ENV_NAMES).slice(0, nenv);
  for (const e of envs) {
    if (e === 'DATABASE_URL') {
      o.line(p + 2, `- name: ${e}`);
      o.line(p + 4, 'valueFrom:');
      o.line(p + 6, 'secretKeyRef:');
      o.line(p + 8, `name: ${opts.name}-db`);
      o.line(p + 8, 'key: url');
    } else if (e === 'GOMAXPROCS') {
      o.line(p + 2, `- name: ${e}`);
      o.line(p + 4, 'valueFrom:');
      o.line(p + 6, 'resourceFieldRef:');
      o.line(p + 8, 'resource: limits.cpu');
    } else {
      o.line(p + 2, `- name: ${e}`);
      o.line(p + 4, `value: "${e === 'PORT' ? opts.port : rng.pick(['info', 'debug', '30s', 'eu-west', 'true', 'jobs', '/metrics'])}"`);
    }
  }
  if (opts.probes) {
    o.line(p, 'readinessProbe:');
    o.line(p + 2, 'httpGet:');
    o.line(p + 4, 'path: /readyz');
    o.line(p + 4, 'port: http');
    o.line(p + 2, `periodSeconds: ${rng.pick([5, 10, 15])}`);
    o.line(p, 'livenessProbe:');
    o.line(p + 2, 'httpGet:');
    o.line(p + 4, 'path: /healthz');
    o.line(p + 4, 'port: http');
    o.line(p + 2, `initialDelaySeconds: ${rng.pick([5, 10, 30])}`);
    o.line(p + 2, `failureThreshold: ${rng.pick([3, 5])}`);
  }
  o.line(p, 'resources:');
  o.line(p + 2, 'requests:');
  o.line(p + 4, `cpu: ${rng.pick(CPU)}`);
  o.line(p + 4, `memory: ${rng.pick(MEM)}`);
  o.line(p + 2, 'limits:');
  o.line(p + 4, `memory: ${rng.pick(MEM)}`);
  if (opts.mounts && opts.mounts.length) {
    o.line(p, 'volumeMounts:');
    for (const [vn, path] of opts.mounts) {
      o.line(p + 2, `- name: ${vn}`);
      o.line(p + 4, `mountPath: ${path}`);
      if (rng.chance(0.4)) o.line(p + 4, 'readOnly: true');
    }
  }
  if (opts.securityContext) {
    o.line(p, 'securityContext:');
    o.line(p + 2, 'allowPrivilegeEscalation: false');
    o.line(p + 2, 'readOnlyRootFilesystem: true');
    o.line(p + 2, 'capabilities:');
    o.line(p + 4, 'drop:');
    o.line(p + 6, '- ALL');
  }
}

/**
 * Pod spec at indentation `ind` (the keys of the pod spec). `f` carries the
 * forced 1.31 features for this document.
 */
function podSpec(o, ind, rng, ctx, f) {
  const { name, component } = ctx;
  const port = rng.pick([8080, 8443, 9090, 3000, 5000]);
  if (ctx.restartPolicy) o.line(ind, `restartPolicy: ${ctx.restartPolicy}`);
  o.line(ind, `serviceAccountName: ${name}`);
  if (rng.chance(0.5)) o.line(ind, `terminationGracePeriodSeconds: ${rng.pick([10, 30, 60])}`);
  o.line(ind, 'securityContext:');
  o.line(ind + 2, 'runAsNonRoot: true');
  o.line(ind + 2, `runAsUser: ${rng.pick([1000, 10001, 65532])}`);
  o.line(ind + 2, 'seccompProfile:');
  o.line(ind + 4, 'type: RuntimeDefault');
  const volumes = [];
  if (rng.chance(0.6)) volumes.push(['config', `/etc/${component}`, 'configMap']);
  if (rng.chance(0.4)) volumes.push(['tmp', '/tmp', 'emptyDir']);
  if (f.imageVolume) volumes.push(['models', '/models', 'image']);
  const ncontainers = ctx.single ? 1 : rng.weighted([[1, 8], [2, 2]]);
  o.line(ind, 'containers:');
  for (let c = 0; c < ncontainers; c++) {
    container(o, ind, rng, c === 0 ? component : `${component}-sidecar`, {
      port: c === 0 ? port : port + 1,
      name,
      args: rng.chance(0.5),
      probes: !ctx.noProbes && (c === 0 || rng.chance(0.3)),
      mounts: c === 0 ? volumes.map(([vn, p]) => [vn, p]) : [],
      securityContext: rng.chance(0.6),
    });
  }
  if (volumes.length) {
    o.line(ind, 'volumes:');
    for (const [vn, , type] of volumes) {
      o.line(ind + 2, `- name: ${vn}`);
      if (type === 'configMap') {
        o.line(ind + 4, 'configMap:');
        o.line(ind + 6, `name: ${name}-config`);
      } else if (type === 'emptyDir') {
        o.line(ind + 4, 'emptyDir:');
        o.line(ind + 6, `sizeLimit: ${rng.pick(['64Mi', '256Mi', '1Gi'])}`);
      } else {
        // 1.31: image volume source (KEP-4639, alpha, gate ImageVolume)
        o.line(ind + 4, 'image:');
        o.line(ind + 6, `reference: ghcr.io/acme/models:${rng.pick(['v1', 'v2', 'v3'])}`);
        o.line(ind + 6, 'pullPolicy: IfNotPresent');
      }
    }
  }
  if (ctx.affinity) {
    o.line(ind, 'affinity:');
    o.line(ind + 2, 'nodeAffinity:');
    o.line(ind + 4, 'requiredDuringSchedulingIgnoredDuringExecution:');
    o.line(ind + 6, 'nodeSelectorTerms:');
    o.line(ind + 8, '- matchExpressions:');
    o.line(ind + 12, '- key: topology.kubernetes.io/zone');
    o.line(ind + 14, 'operator: In');
    o.line(ind + 14, 'values:');
    for (const z of rng.shuffle(ZONES).slice(0, 2)) o.line(ind + 16, `- ${z}`);
    o.line(ind + 2, 'podAntiAffinity:');
    o.line(ind + 4, 'preferredDuringSchedulingIgnoredDuringExecution:');
    o.line(ind + 6, `- weight: ${rng.pick([50, 100])}`);
    o.line(ind + 8, 'podAffinityTerm:');
    o.line(ind + 10, 'topologyKey: kubernetes.io/hostname');
    o.line(ind + 10, 'labelSelector:');
    o.line(ind + 12, 'matchLabels:');
    o.line(ind + 14, `app.kubernetes.io/name: ${name}`);
    if (f.matchLabelKeysAffinity) {
      // 1.31: matchLabelKeys in pod (anti-)affinity (KEP-3633, beta)
      o.line(ind + 10, 'matchLabelKeys:');
      o.line(ind + 12, '- pod-template-hash');
    }
  }
  if (ctx.spread) {
    o.line(ind, 'topologySpreadConstraints:');
    o.line(ind + 2, `- maxSkew: ${rng.pick([1, 2])}`);
    o.line(ind + 4, 'topologyKey: topology.kubernetes.io/zone');
    o.line(ind + 4, `whenUnsatisfiable: ${rng.pick(['DoNotSchedule', 'ScheduleAnyway'])}`);
    o.line(ind + 4, 'labelSelector:');
    o.line(ind + 6, 'matchLabels:');
    o.line(ind + 8, `app.kubernetes.io/name: ${name}`);
    if (f.matchLabelKeysSpread) {
      // matchLabelKeys in topology spread (KEP-3243)
      o.line(ind + 4, 'matchLabelKeys:');
      o.line(ind + 6, '- pod-template-hash');
    }
  }
  if (rng.chance(0.3)) {
    o.line(ind, 'tolerations:');
    o.line(ind + 2, '- key: dedicated');
    o.line(ind + 4, 'operator: Equal');
    o.line(ind + 4, `value: ${ctx.team}`);
    o.line(ind + 4, 'effect: NoSchedule');
  }
}

function podTemplate(o, ind, rng, ctx, f) {
  o.line(ind, 'template:');
  o.line(ind + 2, 'metadata:');
  o.line(ind + 4, 'labels:');
  o.line(ind + 6, `app.kubernetes.io/name: ${ctx.name}`);
  o.line(ind + 6, `app.kubernetes.io/component: ${ctx.component}`);
  if (rng.chance(0.4)) {
    o.line(ind + 4, 'annotations:');
    o.line(ind + 6, `prometheus.io/scrape: "true"`);
    o.line(ind + 6, `prometheus.io/port: "${rng.pick([9090, 8080])}"`);
  }
  o.line(ind + 2, 'spec:');
  podSpec(o, ind + 4, rng, ctx, f);
}

function selector(o, ind, name) {
  o.line(ind, 'selector:');
  o.line(ind + 2, 'matchLabels:');
  o.line(ind + 4, `app.kubernetes.io/name: ${name}`);
}

const GEN = {
  Deployment(o, rng, ctx, f) {
    o.line(0, 'spec:');
    o.line(2, `replicas: ${rng.pick([1, 2, 3, 3, 5, 10])}`);
    o.line(2, `revisionHistoryLimit: ${rng.pick([3, 5, 10])}`);
    selector(o, 2, ctx.name);
    o.line(2, 'strategy:');
    o.line(4, 'type: RollingUpdate');
    o.line(4, 'rollingUpdate:');
    o.line(6, `maxSurge: ${rng.pick(['25%', '1', '50%'])}`);
    o.line(6, 'maxUnavailable: 0');
    podTemplate(o, 2, rng, { ...ctx, affinity: rng.chance(0.55) || f.matchLabelKeysAffinity, spread: rng.chance(0.4) || f.matchLabelKeysSpread }, f);
  },
  StatefulSet(o, rng, ctx, f) {
    o.line(0, 'spec:');
    o.line(2, `serviceName: ${ctx.name}-headless`);
    o.line(2, `replicas: ${rng.pick([1, 3, 5])}`);
    if (f.ordinals) {
      // 1.31: StatefulSet start ordinal (KEP-3335, GA)
      o.line(2, 'ordinals:');
      o.line(4, `start: ${rng.pick([0, 1, 5, 10])}`);
    }
    o.line(2, `podManagementPolicy: ${rng.pick(['OrderedReady', 'Parallel'])}`);
    selector(o, 2, ctx.name);
    o.line(2, 'persistentVolumeClaimRetentionPolicy:');
    o.line(4, `whenDeleted: ${rng.pick(['Retain', 'Delete'])}`);
    o.line(4, 'whenScaled: Retain');
    podTemplate(o, 2, rng, { ...ctx, single: true, affinity: rng.chance(0.6) || f.matchLabelKeysAffinity, spread: f.matchLabelKeysSpread }, f);
    o.line(2, 'volumeClaimTemplates:');
    o.line(4, '- metadata:');
    o.line(8, 'name: data');
    o.line(6, 'spec:');
    o.line(8, 'accessModes:');
    o.line(10, '- ReadWriteOnce');
    o.line(8, `storageClassName: ${rng.pick(['standard-rwo', 'premium-rwo', 'gp3'])}`);
    o.line(8, 'resources:');
    o.line(10, 'requests:');
    o.line(12, `storage: ${rng.pick(['10Gi', '50Gi', '100Gi'])}`);
  },
  Service(o, rng, ctx, f) {
    o.line(0, 'spec:');
    o.line(2, `type: ${rng.weighted([['ClusterIP', 7], ['LoadBalancer', 2], ['NodePort', 1]])}`);
    // Service.spec.selector is a plain map, not a LabelSelector.
    o.line(2, 'selector:');
    o.line(4, `app.kubernetes.io/name: ${ctx.name}`);
    o.line(2, 'ports:');
    const nports = rng.int(1, 2);
    for (let i = 0; i < nports; i++) {
      o.line(4, `- name: ${i === 0 ? 'http' : 'metrics'}`);
      o.line(6, `port: ${i === 0 ? rng.pick([80, 443, 8080]) : 9090}`);
      o.line(6, `targetPort: ${i === 0 ? 'http' : 9090}`);
      o.line(6, 'protocol: TCP');
    }
    if (rng.chance(0.3)) o.line(2, `sessionAffinity: ${rng.pick(['None', 'ClientIP'])}`);
    if (rng.chance(0.3)) o.line(2, `internalTrafficPolicy: ${rng.pick(['Cluster', 'Local'])}`);
    if (f.trafficDistribution) {
      // 1.31: Service traffic distribution (KEP-4444, beta)
      o.line(2, 'trafficDistribution: PreferClose');
    }
    if (rng.chance(0.4)) {
      o.line(2, 'ipFamilyPolicy: PreferDualStack');
      o.line(2, 'ipFamilies:');
      o.line(4, '- IPv4');
      o.line(4, '- IPv6');
    }
  },
  ConfigMap(o, rng, ctx) {
    o.line(0, 'data:');
    const n = rng.int(3, 7);
    for (let i = 0; i < n; i++) o.line(2, `${rng.pick(['log.level', 'cache.ttl', 'feature.flags', 'region', 'upstream.url', 'pool.size', 'retry.max'])}.${i}: "${rng.pick(['info', '30s', 'checkout-v2,search-reranker,new-ledger', 'europe-west1', 'http://backend.platform.svc.cluster.local:8080', '16', 'amqp://rabbitmq.data.svc:5672/orders'])}"`);
    if (rng.chance(0.7)) {
      o.line(2, 'config.yaml: |');
      o.line(4, 'server:');
      o.line(6, `port: ${rng.pick([8080, 9090])}`);
      o.line(6, `readTimeout: ${rng.pick(['5s', '10s'])}`);
      o.line(4, 'database:');
      o.line(6, `host: ${ctx.name}-db.${ctx.ns}.svc.cluster.local`);
      o.line(6, `maxOpenConns: ${rng.pick([10, 20, 50])}`);
      o.line(4, 'telemetry:');
      o.line(6, 'enabled: true');
      o.line(6, `sampleRate: ${rng.pick(['0.1', '0.05', '1.0'])}`);
    }
  },
  Job(o, rng, ctx, f) {
    jobSpec(o, 0, rng, ctx, f);
  },
  CronJob(o, rng, ctx, f) {
    o.line(0, 'spec:');
    o.line(2, `schedule: "${rng.pick(['*/5 * * * *', '0 3 * * *', '15 */2 * * *', '0 0 * * 0'])}"`);
    if (!ctx.removed && rng.chance(0.5)) o.line(2, `timeZone: ${rng.pick(['Etc/UTC', 'Europe/Paris', 'America/New_York'])}`);
    o.line(2, `concurrencyPolicy: ${rng.pick(['Forbid', 'Replace', 'Allow'])}`);
    o.line(2, `successfulJobsHistoryLimit: ${rng.pick([1, 3])}`);
    o.line(2, `failedJobsHistoryLimit: ${rng.pick([1, 3])}`);
    o.line(2, 'jobTemplate:');
    jobSpec(o, 4, rng, ctx, f);
  },
  PodDisruptionBudget(o, rng, ctx) {
    o.line(0, 'spec:');
    if (rng.chance(0.5)) o.line(2, `minAvailable: ${rng.pick([1, 2, '50%'])}`);
    else o.line(2, `maxUnavailable: ${rng.pick([1, '25%'])}`);
    selector(o, 2, ctx.name);
    if (!ctx.removed && rng.chance(0.4)) o.line(2, 'unhealthyPodEvictionPolicy: AlwaysAllow');
  },
  Ingress(o, rng, ctx) {
    o.line(0, 'spec:');
    if (!ctx.removed) o.line(2, `ingressClassName: ${rng.pick(['nginx', 'gce', 'traefik'])}`);
    const host = `${ctx.component}.${ctx.team}.example.com`;
    o.line(2, 'tls:');
    o.line(4, '- hosts:');
    o.line(8, `- ${host}`);
    o.line(6, `secretName: ${ctx.name}-tls`);
    o.line(2, 'rules:');
    o.line(4, `- host: ${host}`);
    o.line(6, 'http:');
    o.line(8, 'paths:');
    const npaths = rng.int(1, 3);
    for (let i = 0; i < npaths; i++) {
      const path = ['/', '/api', '/static', '/v2'][i];
      o.line(10, `- path: ${path}`);
      if (ctx.removed) {
        o.line(12, 'backend:');
        o.line(14, `serviceName: ${ctx.name}`);
        o.line(14, `servicePort: ${rng.pick([80, 8080])}`);
      } else {
        o.line(12, `pathType: ${rng.pick(['Prefix', 'ImplementationSpecific'])}`);
        o.line(12, 'backend:');
        o.line(14, 'service:');
        o.line(16, `name: ${ctx.name}`);
        o.line(16, 'port:');
        o.line(18, `number: ${rng.pick([80, 8080])}`);
      }
    }
  },
  HorizontalPodAutoscaler(o, rng, ctx) {
    o.line(0, 'spec:');
    o.line(2, 'scaleTargetRef:');
    o.line(4, 'apiVersion: apps/v1');
    o.line(4, 'kind: Deployment');
    o.line(4, `name: ${ctx.name}`);
    o.line(2, `minReplicas: ${rng.pick([1, 2, 3])}`);
    o.line(2, `maxReplicas: ${rng.pick([10, 20, 50])}`);
    o.line(2, 'metrics:');
    o.line(4, '- type: Resource');
    o.line(6, 'resource:');
    o.line(8, 'name: cpu');
    o.line(8, 'target:');
    o.line(10, 'type: Utilization');
    o.line(10, `averageUtilization: ${rng.pick([60, 70, 80])}`);
    if (rng.chance(0.5)) {
      o.line(4, '- type: Resource');
      o.line(6, 'resource:');
      o.line(8, 'name: memory');
      o.line(8, 'target:');
      o.line(10, 'type: AverageValue');
      o.line(10, `averageValue: ${rng.pick(MEM)}`);
    }
    o.line(2, 'behavior:');
    o.line(4, 'scaleDown:');
    o.line(6, `stabilizationWindowSeconds: ${rng.pick([60, 300])}`);
    o.line(6, 'policies:');
    o.line(8, '- type: Percent');
    o.line(10, 'value: 50');
    o.line(10, 'periodSeconds: 60');
  },
};

function jobSpec(o, ind, rng, ctx, f) {
  o.line(ind, 'spec:');
  const p = ind + 2;
  const indexed = f.successPolicy || rng.chance(0.3);
  const completions = indexed ? rng.pick([3, 5, 10]) : 1;
  if (indexed) {
    o.line(p, 'completionMode: Indexed');
    o.line(p, `completions: ${completions}`);
    o.line(p, `parallelism: ${Math.min(completions, rng.pick([2, 3]))}`);
  }
  o.line(p, `backoffLimit: ${rng.pick([0, 3, 6])}`);
  if (rng.chance(0.5)) o.line(p, `activeDeadlineSeconds: ${rng.pick([600, 3600])}`);
  o.line(p, `ttlSecondsAfterFinished: ${rng.pick([300, 3600, 86400])}`);
  if (f.successPolicy) {
    // 1.31: Job success policy (KEP-3998, beta)
    o.line(p, 'successPolicy:');
    o.line(p + 2, 'rules:');
    o.line(p + 4, `- succeededIndexes: "0-${completions - 1}"`);
    o.line(p + 6, `succeededCount: ${Math.max(1, completions - 1)}`);
  }
  if (f.podFailurePolicy) {
    // 1.31: Job pod failure policy (KEP-3329, GA)
    o.line(p, 'podFailurePolicy:');
    o.line(p + 2, 'rules:');
    o.line(p + 4, '- action: FailJob');
    o.line(p + 6, 'onExitCodes:');
    o.line(p + 8, 'operator: In');
    o.line(p + 8, 'values: [42]');
    o.line(p + 4, '- action: Ignore');
    o.line(p + 6, 'onPodConditions:');
    o.line(p + 8, '- type: DisruptionTarget');
  }
  podTemplate(o, p, rng, { ...ctx, single: true, noProbes: true, restartPolicy: 'Never', affinity: rng.chance(0.2), spread: false }, f);
}

/**
 * Generates one document. `forced` (first cycle) switches every sprinkled
 * feature relevant to the kind on, so small files still contain them.
 */
function generateDocument(rng, index, kind, forced) {
  const team = rng.pick(TEAMS);
  const component = rng.pick(COMPONENTS);
  const name = `${team}-${component}-${rng.pick(SUFFIXES)}-${index.toString(36)}`;
  const ns = rng.pick(NAMESPACES);
  const removedApi = REMOVED_API_VERSIONS[kind];
  const removed = removedApi !== undefined && (forced ? true : rng.chance(0.12));
  const apiVersion = removed ? removedApi : CURRENT_API_VERSIONS[kind];
  const f = {
    imageVolume: forced ? kind === 'Deployment' : rng.chance(0.06),
    matchLabelKeysAffinity: forced ? kind === 'Deployment' : rng.chance(0.08),
    matchLabelKeysSpread: forced ? kind === 'StatefulSet' : rng.chance(0.12),
    trafficDistribution: forced ? kind === 'Service' : rng.chance(0.2),
    successPolicy: forced ? kind === 'Job' : rng.chance(0.2),
    podFailurePolicy: forced ? kind === 'Job' || kind === 'CronJob' : rng.chance(0.25),
    ordinals: forced ? kind === 'StatefulSet' : rng.chance(0.3),
  };
  const o = new Out();
  if (rng.chance(0.15)) o.line(0, `# ${team}/${component}: managed by ${rng.pick(['platform-team', 'sre', 'the owning team'])}`);
  o.line(0, `apiVersion: ${apiVersion}`);
  o.line(0, `kind: ${kind}`);
  const annotations = [];
  if (rng.chance(0.3)) annotations.push(['owner', `${team}@example.com`]);
  if (kind === 'Deployment' && rng.chance(0.3)) annotations.push(['deployment.kubernetes.io/revision', `"${rng.int(1, 40)}"`]);
  metadata(o, rng, kind === 'ConfigMap' ? `${name}-config` : name, ns, stdLabels(rng, name, team, component), annotations);
  GEN[kind](o, rng, { name, ns, team, component, removed }, f);
  return { kind, apiVersion, removed, features: Object.keys(f).filter((k) => f[k]), text: o.lines.join('\n') };
}

/**
 * Generates `count` documents with their metadata.
 * @returns {{ text: string, docs: Array<{kind, apiVersion, removed, features, startLine, endLine}>, lines: number, bytes: number }}
 */
export function generateManifestWithInfo(count, { seed = 1 } = {}) {
  const rng = makeRng(seed);
  const firstCycle = rng.shuffle(KINDS);
  const docs = [];
  const parts = [];
  let line = 0;
  for (let i = 0; i < count; i++) {
    const forced = i < firstCycle.length;
    const kind = forced ? firstCycle[i] : rng.weighted(KIND_WEIGHTS);
    const d = generateDocument(rng, i, kind, forced);
    const docLines = d.text.split('\n').length;
    // "---" separator before every document, including the first.
    docs.push({ kind: d.kind, apiVersion: d.apiVersion, removed: d.removed, features: d.features, startLine: line + 1, endLine: line + docLines });
    parts.push('---\n' + d.text + '\n');
    line += docLines + 1;
  }
  const text = parts.join('');
  return { text, docs, lines: line, bytes: Buffer.byteLength(text) };
}

/** Generates `count` documents as one multi-document YAML string. */
export function generateManifest(count, opts = {}) {
  return generateManifestWithInfo(count, opts).text;
}

/** A small manifest file: 1–3 documents (numbered from `index`) and the kind of the first. */
function smallManifest(rng, index) {
  const n = rng.weighted([[1, 6], [2, 3], [3, 1]]);
  const parts = [];
  let firstKind = '';
  for (let j = 0; j < n; j++) {
    const kind = rng.weighted(KIND_WEIGHTS);
    if (!firstKind) firstKind = kind;
    parts.push((j ? '---\n' : '') + generateDocument(rng, index + j, kind, false).text + '\n');
  }
  return { text: parts.join(''), firstKind, docs: n };
}

/**
 * A tree of `files` small manifests (1–3 documents each) spread over
 * nested directories, like a GitOps repository.
 * @returns {Array<{ path: string, text: string }>} relative paths
 */
export function generateTree(files, { seed = 7 } = {}) {
  const rng = makeRng(seed);
  const out = [];
  let index = 0;
  for (let i = 0; i < files; i++) {
    const env = rng.pick(['base', 'overlays/dev', 'overlays/staging', 'overlays/prod']);
    const team = TEAMS[i % TEAMS.length];
    const m = smallManifest(rng, index);
    index += m.docs;
    out.push({ path: `apps/${team}/${env}/${m.firstKind.toLowerCase()}-${i}.yaml`, text: m.text });
  }
  return out;
}

/** Writes generateTree() output under `dir`; returns the number of files. */
export function writeTree(dir, files, opts) {
  const tree = generateTree(files, opts);
  for (const f of tree) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
  }
  return tree.length;
}

// ------------------------------------------------------------ mixed tree

const CHART_NAMES = ['api-gateway', 'billing', 'catalog', 'checkout', 'identity', 'ledger', 'notify', 'search', 'scheduler', 'exporter'];

/** One Helm chart's templates (Go templates, not YAML until rendered), Chart.yaml and values files. */
function helmChart(rng, chart) {
  const fullname = '{{ include "' + chart + '.fullname" . }}';
  const labels = (ind) => [`${' '.repeat(ind)}labels:`, `${' '.repeat(ind + 2)}{{- include "${chart}.labels" . | nindent ${ind + 4} }}`];
  const files = [];
  files.push({ name: 'Chart.yaml', text: ['apiVersion: v2', `name: ${chart}`, `description: A Helm chart for the ${chart} service`, 'type: application', `version: ${rng.int(0, 3)}.${rng.int(0, 20)}.${rng.int(0, 9)}`, `appVersion: "${rng.int(1, 4)}.${rng.int(0, 30)}.${rng.int(0, 9)}"`, 'dependencies:', '  - name: redis', '    version: 18.x.x', '    repository: oci://registry-1.docker.io/bitnamicharts', '    condition: redis.enabled', ''].join('\n') });
  const [repo, tags] = rng.pick(IMAGES);
  files.push({ name: 'values.yaml', text: [`replicaCount: ${rng.pick([1, 2, 3])}`, 'image:', `  repository: ${repo}`, '  pullPolicy: IfNotPresent', `  tag: "${rng.pick(tags)}"`, 'imagePullSecrets: []', 'nameOverride: ""', 'fullnameOverride: ""', 'serviceAccount:', '  create: true', '  annotations: {}', '  name: ""', 'podAnnotations: {}', 'service:', '  type: ClusterIP', `  port: ${rng.pick([80, 8080])}`, 'ingress:', `  enabled: ${rng.pick(['true', 'false'])}`, '  className: nginx', '  hosts:', `    - host: ${chart}.example.com`, '      paths:', '        - path: /', '          pathType: Prefix', 'resources:', '  limits:', `    memory: ${rng.pick(MEM)}`, '  requests:', `    cpu: ${rng.pick(CPU)}`, `    memory: ${rng.pick(MEM)}`, 'autoscaling:', '  enabled: false', '  minReplicas: 1', '  maxReplicas: 10', '  targetCPUUtilizationPercentage: 80', 'nodeSelector: {}', 'tolerations: []', 'affinity: {}', 'redis:', '  enabled: false', ''].join('\n') });
  files.push({ name: 'templates/deployment.yaml', text: [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${fullname}`, ...labels(2), 'spec:',
    '  {{- if not .Values.autoscaling.enabled }}', '  replicas: {{ .Values.replicaCount }}', '  {{- end }}',
    '  selector:', '    matchLabels:', `      {{- include "${chart}.selectorLabels" . | nindent 6 }}`,
    '  template:', '    metadata:', '      {{- with .Values.podAnnotations }}', '      annotations:', '        {{- toYaml . | nindent 8 }}', '      {{- end }}',
    '      labels:', `        {{- include "${chart}.selectorLabels" . | nindent 8 }}`, '    spec:',
    '      {{- with .Values.imagePullSecrets }}', '      imagePullSecrets:', '        {{- toYaml . | nindent 8 }}', '      {{- end }}',
    `      serviceAccountName: {{ include "${chart}.serviceAccountName" . }}`, '      containers:', '        - name: {{ .Chart.Name }}',
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"', '          imagePullPolicy: {{ .Values.image.pullPolicy }}',
    '          ports:', '            - name: http', '              containerPort: {{ .Values.service.port }}', '              protocol: TCP',
    '          livenessProbe:', '            httpGet:', '              path: /healthz', '              port: http',
    '          resources:', '            {{- toYaml .Values.resources | nindent 12 }}',
    ...(rng.chance(0.3) ? ['          {{- if .Values.models }}', '          volumeMounts:', '            - name: models', '              mountPath: /models', '          {{- end }}', '      volumes:', '        - name: models', '          image:', '            reference: {{ .Values.models.image | quote }}'] : []),
    '      {{- with .Values.nodeSelector }}', '      nodeSelector:', '        {{- toYaml . | nindent 8 }}', '      {{- end }}',
    '      {{- with .Values.tolerations }}', '      tolerations:', '        {{- toYaml . | nindent 8 }}', '      {{- end }}', ''].join('\n') });
  files.push({ name: 'templates/service.yaml', text: ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${fullname}`, ...labels(2), 'spec:', '  type: {{ .Values.service.type }}', '  ports:', '    - port: {{ .Values.service.port }}', '      targetPort: http', '      protocol: TCP', '      name: http', ...(rng.chance(0.4) ? ['  trafficDistribution: PreferClose'] : []), '  selector:', `    {{- include "${chart}.selectorLabels" . | nindent 4 }}`, ''].join('\n') });
  files.push({ name: 'templates/serviceaccount.yaml', text: ['{{- if .Values.serviceAccount.create -}}', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata:', `  name: {{ include "${chart}.serviceAccountName" . }}`, ...labels(2), '  {{- with .Values.serviceAccount.annotations }}', '  annotations:', '    {{- toYaml . | nindent 4 }}', '  {{- end }}', '{{- end }}', ''].join('\n') });
  const oldIngress = rng.chance(0.25);
  files.push({ name: 'templates/ingress.yaml', text: ['{{- if .Values.ingress.enabled -}}', `{{- $fullName := include "${chart}.fullname" . -}}`, '{{- if semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion }}', 'apiVersion: networking.k8s.io/v1', '{{- else }}', `apiVersion: ${oldIngress ? 'extensions/v1beta1' : 'networking.k8s.io/v1beta1'}`, '{{- end }}', 'kind: Ingress', 'metadata:', '  name: {{ $fullName }}', ...labels(2), 'spec:', '  ingressClassName: {{ .Values.ingress.className }}', '  rules:', '    {{- range .Values.ingress.hosts }}', '    - host: {{ .host | quote }}', '      http:', '        paths:', '          {{- range .paths }}', '          - path: {{ .path }}', '            pathType: {{ .pathType }}', '            backend:', '              service:', '                name: {{ $fullName }}', '                port:', '                  number: {{ $.Values.service.port }}', '          {{- end }}', '    {{- end }}', '{{- end }}', ''].join('\n') });
  files.push({ name: 'templates/hpa.yaml', text: ['{{- if .Values.autoscaling.enabled }}', `apiVersion: autoscaling/${rng.chance(0.3) ? 'v2beta2' : 'v2'}`, 'kind: HorizontalPodAutoscaler', 'metadata:', `  name: ${fullname}`, ...labels(2), 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: Deployment', `    name: ${fullname}`, '  minReplicas: {{ .Values.autoscaling.minReplicas }}', '  maxReplicas: {{ .Values.autoscaling.maxReplicas }}', '  metrics:', '    - type: Resource', '      resource:', '        name: cpu', '        target:', '          type: Utilization', '          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}', '{{- end }}', ''].join('\n') });
  files.push({ name: 'templates/tests/test-connection.yaml', text: ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: "${fullname}-test-connection"`, '  annotations:', '    "helm.sh/hook": test', 'spec:', '  containers:', '    - name: wget', '      image: busybox', "      command: ['wget']", `      args: ['${fullname}:{{ .Values.service.port }}']`, '  restartPolicy: Never', ''].join('\n') });
  return files;
}

function githubWorkflow(rng, i) {
  const jobs = rng.int(1, 4);
  const lines = [`name: ci-${i}`, 'on:', '  push:', '    branches: [main]', '  pull_request:', '    paths:', "      - 'deploy/**'", 'permissions:', '  contents: read', 'concurrency:', '  group: ${{ github.workflow }}-${{ github.ref }}', '  cancel-in-progress: true', 'jobs:'];
  for (let j = 0; j < jobs; j++) {
    lines.push(`  ${rng.pick(['build', 'test', 'lint', 'deploy', 'scan'])}-${j}:`, '    runs-on: ubuntu-latest', '    timeout-minutes: 20', '    strategy:', '      matrix:', `        node: [${rng.pick(['18, 20', '20, 22', '20'])}]`, '    steps:', '      - uses: actions/checkout@v4', '      - uses: actions/setup-node@v4', '        with:', '          node-version: ${{ matrix.node }}', "          cache: npm", '      - run: npm ci', `      - run: npm run ${rng.pick(['build', 'test', 'lint'])}`, '      - name: Upload', '        if: always()', '        uses: actions/upload-artifact@v4', '        with:', `          name: report-${j}`, '          path: test-results/');
  }
  return lines.join('\n') + '\n';
}

function dockerCompose(rng) {
  const services = rng.int(2, 5);
  const lines = ["version: '3.9'", 'services:'];
  for (let s = 0; s < services; s++) {
    const [repo, tags] = rng.pick(IMAGES);
    const name = `${rng.pick(COMPONENTS)}${s}`;
    lines.push(`  ${name}:`, `    image: ${repo}:${rng.pick(tags)}`, '    restart: unless-stopped', '    ports:', `      - "${8000 + s}:${rng.pick([80, 8080, 9090])}"`, '    environment:', `      - LOG_LEVEL=${rng.pick(['info', 'debug'])}`, `      - REGION=${rng.pick(ZONES)}`, '    depends_on:', '      - db', '    healthcheck:', '      test: ["CMD", "wget", "-qO-", "http://localhost/healthz"]', '      interval: 10s', '      retries: 3');
  }
  lines.push('  db:', '    image: docker.io/bitnami/postgresql:16.3.0', '    volumes:', '      - db-data:/bitnami/postgresql', 'volumes:', '  db-data: {}');
  return lines.join('\n') + '\n';
}

function kustomization(rng, team, env) {
  const lines = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', `namespace: ${team}-${env}`, 'resources:', '  - ../../base'];
  for (let r = 0; r < rng.int(1, 4); r++) lines.push(`  - ${rng.pick(['deployment', 'service', 'hpa', 'pdb', 'ingress'])}-${r}.yaml`);
  lines.push('commonLabels:', `  app.kubernetes.io/part-of: ${team}`, 'images:', `  - name: ${rng.pick(IMAGES)[0]}`, `    newTag: "${rng.int(1, 9)}.${rng.int(0, 30)}.${rng.int(0, 9)}"`, 'patches:', '  - path: replicas.yaml', '    target:', '      kind: Deployment', 'configMapGenerator:', `  - name: ${team}-settings`, '    literals:', `      - REGION=${rng.pick(ZONES)}`);
  return lines.join('\n') + '\n';
}

function appConfig(rng) {
  const lines = ['server:', `  port: ${rng.pick([8080, 9090])}`, `  readTimeout: ${rng.pick(['5s', '10s'])}`, 'database:', `  host: ${rng.pick(TEAMS)}-db.internal`, `  maxOpenConns: ${rng.pick([10, 20, 50])}`, 'features:'];
  for (let f = 0; f < rng.int(2, 8); f++) lines.push(`  - name: ${rng.pick(['checkout-v2', 'search-reranker', 'new-ledger', 'dark-mode'])}-${f}`, `    enabled: ${rng.pick(['true', 'false'])}`, `    rollout: ${rng.int(0, 100)}`);
  return lines.join('\n') + '\n';
}

/** Documents `count`, as generateManifest writes them, from its own seeded stream. */
function multiDocument(rng, count, indexBase) {
  const parts = [];
  for (let j = 0; j < count; j++) parts.push('---\n' + generateDocument(rng, indexBase + j, rng.weighted(KIND_WEIGHTS), false).text + '\n');
  return parts.join('');
}

/** Sizes, in documents, of the few large files of a mixed tree (about 6,000 documents, 7 MB). */
export const MIXED_TREE_LARGE = [150, 200, 250, 300, 400, 500, 600, 800, 1000, 1500];

/**
 * A tree of `files` YAML files of mixed size and kind, like a platform
 * monorepo: small manifests (1–3 documents, ~58 %), Helm charts (templates
 * with `{{ }}`, Chart.yaml, values.yaml; ~14 %), non-Kubernetes YAML
 * (GitHub workflows, docker-compose, kustomization, application config;
 * ~16 %), rendered multi-document bundles (4–16 documents, ~12 %) and a few
 * large files (MIXED_TREE_LARGE, when `files` ≥ 1,000). Same (files, seed)
 * → byte-identical tree.
 * @returns {Array<{ path: string, text: string, category: string }>} relative paths, sorted
 */
export function generateMixedTree(files, { seed = 11 } = {}) {
  const rng = makeRng(seed);
  const out = [];
  let index = 0;
  const large = files >= 1000 ? MIXED_TREE_LARGE : [];
  for (const [n, docs] of large.entries()) {
    out.push({ path: `releases/${TEAMS[n % TEAMS.length]}/all-in-one-${docs}.yaml`, text: multiDocument(rng, docs, index), category: 'large' });
    index += docs;
  }
  let chart = 0;
  for (let i = 0; out.length < files; i++) {
    const kind = rng.weighted([['small', 58], ['helm', 14 / 9], ['workflow', 4], ['compose', 4], ['kustomization', 4], ['config', 4], ['bundle', 12]]);
    const team = TEAMS[i % TEAMS.length];
    const env = rng.pick(['base', 'overlays/dev', 'overlays/staging', 'overlays/prod']);
    if (kind === 'helm') {
      const name = `${CHART_NAMES[chart % CHART_NAMES.length]}-${chart}`;
      for (const f of helmChart(rng, CHART_NAMES[chart % CHART_NAMES.length])) {
        if (out.length < files) out.push({ path: `charts/${name}/${f.name}`, text: f.text, category: 'helm' });
      }
      chart++;
    } else if (kind === 'workflow') out.push({ path: `.github/workflows/ci-${i}.yml`, text: githubWorkflow(rng, i), category: 'non-kubernetes' });
    else if (kind === 'compose') out.push({ path: `services/${team}/svc-${i}/docker-compose.yml`, text: dockerCompose(rng), category: 'non-kubernetes' });
    else if (kind === 'kustomization') out.push({ path: `kustomize/${team}/${env}/k-${i}/kustomization.yaml`, text: kustomization(rng, team, env.split('/').pop()), category: 'non-kubernetes' });
    else if (kind === 'config') out.push({ path: `config/${team}/app-${i}.yaml`, text: appConfig(rng), category: 'non-kubernetes' });
    else if (kind === 'bundle') {
      const n = rng.int(4, 16);
      out.push({ path: `rendered/${team}/${env}/bundle-${i}.yaml`, text: multiDocument(rng, n, index), category: 'multi-document' });
      index += n;
    } else {
      const m = smallManifest(rng, index);
      index += m.docs;
      out.push({ path: `apps/${team}/${env}/${m.firstKind.toLowerCase()}-${i}.yaml`, text: m.text, category: 'small' });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Writes generateMixedTree() output under `dir`; returns counts and bytes per category. */
export function writeMixedTree(dir, files, opts) {
  const tree = generateMixedTree(files, opts);
  const stats = { files: 0, bytes: 0, categories: {} };
  for (const f of tree) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
    const bytes = Buffer.byteLength(f.text);
    stats.files++;
    stats.bytes += bytes;
    const c = (stats.categories[f.category] ??= { files: 0, bytes: 0 });
    c.files++;
    c.bytes += bytes;
  }
  return stats;
}

function cli(argv) {
  const args = { out: undefined, sizes: [10, 100, 1000], seed: 1, tree: 0, mixed: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--out') args.out = v();
    else if (a === '--sizes') args.sizes = v().split(',').map((s) => parseInt(s, 10)).filter((n) => n > 0);
    else if (a === '--seed') args.seed = parseInt(v(), 10);
    else if (a === '--tree') args.tree = parseInt(v(), 10);
    else if (a === '--mixed-tree') args.mixed = parseInt(v(), 10);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/bench/generate.mjs --out DIR [--sizes 10,100,1000] [--seed 1] [--tree 2000] [--mixed-tree 10000]');
      return 0;
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!args.out) throw new Error('--out DIR is required');
  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  for (const n of args.sizes) {
    const { text, lines, bytes, docs } = generateManifestWithInfo(n, { seed: args.seed });
    const file = join(out, `manifests-${n}.yaml`);
    writeFileSync(file, text);
    const removed = docs.filter((d) => d.removed).length;
    console.log(`${file}: ${n} documents, ${lines} lines, ${(bytes / 1e6).toFixed(2)} MB, ${removed} removed apiVersions`);
  }
  if (args.tree > 0) {
    const n = writeTree(join(out, 'tree'), args.tree, { seed: args.seed + 6 });
    console.log(`${join(out, 'tree')}: ${n} files`);
  }
  if (args.mixed > 0) {
    const st = writeMixedTree(join(out, 'mixed'), args.mixed, { seed: args.seed + 10 });
    const cats = Object.entries(st.categories).map(([k, c]) => `${k} ${c.files} (${(c.bytes / 1e6).toFixed(1)} MB)`).join(', ');
    console.log(`${join(out, 'mixed')}: ${st.files} files, ${(st.bytes / 1e6).toFixed(1)} MB: ${cats}`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = cli(process.argv.slice(2));
  } catch (e) {
    console.error(`generate: ${e.message}`);
    process.exitCode = 2;
  }
}
