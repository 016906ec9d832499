/**
 * docs/releases.md is generated from the data; it must equal what the
 * generator produces now, so it cannot go stale.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataTablePath, disagreementsPath, releaseCounts, renderDataTable, renderDisagreements } from '../../scripts/generateDataTable';
import { enhancementsOfRelease } from '../../server/src/kep/catalog';
import { supportedVersions } from '../../server/src/kep/versions';
import { repoRoot } from './helpers';

for (const [relative, render] of [[dataTablePath, renderDataTable], [disagreementsPath, renderDisagreements]] as const) {
  test(`the checked-in ${relative} equals the generator output (run \`npm run docs:data\` when this fails)`, () => {
    const file = path.join(repoRoot, relative);
    assert.ok(fs.existsSync(file), `${relative} is missing; run npm run docs:data`);
    const checkedIn = fs.readFileSync(file, 'utf8');
    const generated = render();
    if (checkedIn !== generated) {
      const a = checkedIn.split('\n');
      const b = generated.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      assert.fail(`${relative} is stale (first difference at line ${line + 1}):\n  checked in: ${a[line] ?? '<end>'}\n  generated:  ${b[line] ?? '<end>'}\nRun npm run docs:data.`);
    }
  });
}

test('the generated page has a row and a section per release, and every listed enhancement', () => {
  const text = renderDataTable();
  assert.equal(renderDataTable(), text, 'the generator is deterministic');
  for (const v of supportedVersions) {
    assert.match(text, new RegExp(`^\\| ${v.replace('.', '\\.')}[ |]`, 'm'), `summary row for ${v}`);
    assert.match(text, new RegExp(`^## Kubernetes ${v.replace('.', '\\.')}\\b`, 'm'), `section for ${v}`);
    for (const list of enhancementsOfRelease(v).values()) for (const e of list) if (e.kep !== undefined) assert.ok(text.includes(`[KEP-${e.kep}]`), `KEP-${e.kep} of ${v}`);
    const counts = releaseCounts(v);
    assert.ok(counts.fields > 4000 && counts.gates > 100 && counts.kinds > 100, `${v}: ${JSON.stringify(counts)}`);
  }
  assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
});
