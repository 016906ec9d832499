/**
 * Kinds that some release served and that no release serves now: the
 * lifecycle table holds every apiVersion/kind any release served (the
 * import from k8s.io/api from 1.8 on, and our overlay for older removals).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, readFixture, summary } from './helpers';

interface RemovedKind {
  apiVersion: string;
  kind: string;
  removedIn: string;
  /** Fixture under test/fixtures/lifecycle-history/. */
  file: string;
}

const removedKinds: RemovedKind[] = [
  // CHANGELOG-1.8: "The deprecated ThirdPartyResource (TPR) API has been removed" (kubernetes#48353).
  { apiVersion: 'extensions/v1beta1', kind: 'ThirdPartyResource', removedIn: '1.8', file: 'third-party-resource.yaml' },
  // CHANGELOG-1.14: the alpha Initializers feature and admissionregistration.k8s.io/v1alpha1 were removed;
  // k8s.io/api has admissionregistration/v1alpha1 at kubernetes-1.13.0 and not at kubernetes-1.14.0.
  { apiVersion: 'admissionregistration.k8s.io/v1alpha1', kind: 'InitializerConfiguration', removedIn: '1.14', file: 'initializer-configuration.yaml' },
  // CHANGELOG-1.6: "Remove extensions/v1beta1 Jobs resource" (kubernetes#38614).
  { apiVersion: 'extensions/v1beta1', kind: 'Job', removedIn: '1.6', file: 'extensions-job.yaml' },
];

describe('kinds no release serves any more', () => {
  for (const { apiVersion, kind, removedIn, file } of removedKinds) {
    test(`${apiVersion} ${kind}: removed in ${removedIn}`, () => {
      const text = readFixture('lifecycle-history', file);
      const findings = analyze(text, '1.31');
      assert.deepEqual(summary(text, findings), [`removed-api@${apiVersion}`]);
      assert.match(findings[0]?.message ?? '', new RegExp(`\`${apiVersion.replace(/[./]/g, '\\$&')}\` ${kind} was removed in ${removedIn.replace('.', '\\.')} `));
    });
  }

  test('extensions/v1beta1 Job points at batch/v1', () => {
    const text = readFixture('lifecycle-history', 'extensions-job.yaml');
    assert.match(analyze(text, '1.31')[0]?.message ?? '', /use `batch\/v1`/);
  });
});
