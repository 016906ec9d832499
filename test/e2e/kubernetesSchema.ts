// A Kubernetes JSON schema for the yaml-language-server of the coexistence suite, generated
// from KEP Lens's data for one version. Like the published per-version schemas, it accepts
// for each kind only the apiVersions that version serves, and it describes a few fields, so
// schema validation and schema hovers happen as they do with the real schema. It is a local
// file: the `kubernetes` keyword of yaml.schemas downloads its schema from GitHub.
import { knownKinds, servedVersionsOf } from '../../server/src/kep/catalog';
import { inRange } from '../../server/src/kep/versions';

/** Every description in the schema starts with this, so a check can tell its hovers apart. */
export const schemaMarker = 'From the generated Kubernetes schema';

type JsonSchema = Record<string, unknown>;

function described(text: string, schema: JsonSchema = {}): JsonSchema {
  return { ...schema, description: `${schemaMarker}: ${text}` };
}

function specOf(kind: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  if (kind === 'Service') properties.trafficDistribution = described('how traffic is spread over the endpoints of the Service.', { type: 'string' });
  if (kind === 'Pod') {
    properties.volumes = { type: 'array', items: { type: 'object', properties: { image: described('a volume whose content comes from an OCI image.', { type: 'object' }) } } };
  }
  return described(`the desired state of the ${kind}.`, { type: 'object', properties });
}

export function kubernetesSchema(version: string): JsonSchema {
  const kinds = knownKinds()
    .map((kind) => ({ kind, apiVersions: servedVersionsOf(kind).filter((gv) => inRange(version, gv.since, gv.until)).map((gv) => gv.groupVersion) }))
    .filter((k) => k.apiVersions.length > 0);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Kubernetes ${version} (generated for the KEP Lens e2e suite)`,
    type: 'object',
    properties: {
      apiVersion: described('the versioned schema of this object.', { type: 'string' }),
      kind: described('the kind of object.', { type: 'string' }),
      metadata: described('standard object metadata.', { type: 'object' }),
    },
    allOf: kinds.map(({ kind, apiVersions }) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { properties: { apiVersion: { enum: apiVersions }, spec: specOf(kind) } },
    })),
  };
}
