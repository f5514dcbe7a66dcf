// Unit tests of the status-bar summary, under plain Node (node --test): no VS Code needed.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';

import { countFindings, formatCounts } from '../counts';

const finding = (severity: number, message = 'Hype', source: string | undefined = 'prfaq') => ({
  severity,
  message,
  source,
});

test('counts errors, warnings and infos (hints with infos)', () => {
  const c = countFindings([finding(0), finding(1), finding(1), finding(2), finding(3)]);
  assert.deepEqual(c, { errors: 1, warnings: 2, infos: 2 });
});

test('findings of other sources are left out', () => {
  const c = countFindings([finding(0, 'x', 'markdownlint'), finding(1), finding(1, 'y', undefined)]);
  assert.deepEqual(c, { errors: 0, warnings: 2, infos: 0 });
});

test('the status text and tooltip', () => {
  const f = formatCounts({ errors: 1, warnings: 20, infos: 4 }, 'docs/launch.md');
  assert.equal(f.text, 'prfaq $(error) 1 $(warning) 20 $(info) 4');
  assert.equal(
    f.tooltip,
    'prfaq: 1 error, 20 warnings, 4 infos in docs/launch.md. Click to open the Problems panel.',
  );
  assert.equal(formatCounts({ errors: 0, warnings: 0, infos: 0 }, 'a.md').tooltip, 'prfaq: no findings in a.md');
});

test('a configuration the server cannot load is shown as such', () => {
  const message =
    'prfaq cannot lint this file: /ws/.prfaq.toml:3:1: unknown key "foo"\nhelp line';
  const c = countFindings([finding(0, message)]);
  assert.equal(c.blocked, 'prfaq cannot lint this file: /ws/.prfaq.toml:3:1: unknown key "foo"');
  const f = formatCounts(c, 'a.md');
  assert.equal(f.text, '$(error) prfaq: configuration error');
  assert.equal(f.tooltip, c.blocked);
});
