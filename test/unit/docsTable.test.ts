/**
 * docs/keps-1.31.md is generated from the data; it must equal what the
 * generator produces now, so it cannot go stale.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataTablePath, renderDataTable } from '../../scripts/generateDataTable';
import { enhancements } from '../../server/src/kep/data';
import { supportedVersions } from '../../server/src/kep/versions';
import { repoRoot } from './helpers';

test('the checked-in docs/keps-1.31.md equals the generator output (run `npm run docs:data` when this fails)', () => {
  const file = path.join(repoRoot, dataTablePath);
  assert.ok(fs.existsSync(file), `${dataTablePath} is missing; run npm run docs:data`);
  const checkedIn = fs.readFileSync(file, 'utf8');
  const generated = renderDataTable();
  if (checkedIn !== generated) {
    const a = checkedIn.split('\n');
    const b = generated.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    assert.fail(`${dataTablePath} is stale (first difference at line ${line + 1}):\n  checked in: ${a[line] ?? '<end>'}\n  generated:  ${b[line] ?? '<end>'}\nRun npm run docs:data.`);
  }
});

test('the generated table has one row per enhancement and a column per supported version', () => {
  const text = renderDataTable();
  assert.equal(renderDataTable(), text, 'the generator is deterministic');
  for (const e of enhancements) {
    const label = e.kep !== undefined ? `[KEP-${e.kep}]` : `| — | ${e.title.replace(/\|/g, '\\|')} |`;
    assert.ok(text.includes(label), `${e.id} missing from the table`);
  }
  const header = text.split('\n').find((l) => l.startsWith('| KEP |')) ?? '';
  for (const v of supportedVersions) assert.ok(header.includes(` ${v} `), v);
  assert.match(text, /^## API version lifecycle$/m);
  assert.match(text, /\| `policy\/v1beta1` \| PodDisruptionBudget \| 1\.5 \| 1\.21 \| 1\.25 \| `policy\/v1` \|/);
  assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
});
