// Unit tests of the executable lookup, under plain Node (node --test): no VS Code needed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';

import { expandVariables, resolveExecutable } from '../executable';

let dir = '';
let bin = '';

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prfaq-vscode-test-'));
  bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'prfaq'), '#!/bin/sh\n', { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'not-executable'), 'text\n', { mode: 0o644 });
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('expandVariables: ${workspaceFolder}, ${userHome} and ~/', () => {
  assert.equal(expandVariables('${workspaceFolder}/build/prfaq', '/ws', '/home/u'), '/ws/build/prfaq');
  assert.equal(expandVariables('${userHome}/bin/prfaq', '/ws', '/home/u'), '/home/u/bin/prfaq');
  assert.equal(expandVariables('~/bin/prfaq', undefined, '/home/u'), '/home/u/bin/prfaq');
  assert.equal(expandVariables('a~/b', undefined, '/home/u'), 'a~/b');
  assert.equal(expandVariables('${workspaceFolder}/x', undefined, '/home/u'), '${workspaceFolder}/x');
});

test('a bare name is looked up on PATH', () => {
  const r = resolveExecutable('prfaq', undefined, ['/nonexistent', bin].join(path.delimiter));
  assert.deepEqual(r, { ok: true, path: path.join(bin, 'prfaq') });
});

test('an empty setting means prfaq on PATH', () => {
  const r = resolveExecutable('  ', undefined, bin);
  assert.deepEqual(r, { ok: true, path: path.join(bin, 'prfaq') });
});

test('a name missing from PATH is reported as such', () => {
  const r = resolveExecutable('prfaq', undefined, '/nonexistent');
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.reason, /'prfaq' is not on PATH/);
});

test('a file without the executable bit is not taken from PATH', () => {
  const r = resolveExecutable('not-executable', undefined, bin);
  assert.equal(r.ok, false);
});

test('a relative path is taken from the first workspace folder', () => {
  const r = resolveExecutable('bin/prfaq', dir, '');
  assert.deepEqual(r, { ok: true, path: path.join(bin, 'prfaq') });
  const v = resolveExecutable('${workspaceFolder}/bin/prfaq', dir, '');
  assert.deepEqual(v, { ok: true, path: path.join(bin, 'prfaq') });
});

test('a missing or non-executable path says which', () => {
  const missing = resolveExecutable(path.join(dir, 'nope'), undefined, '');
  assert.equal(missing.ok, false);
  if (!missing.ok) assert.match(missing.reason, /does not exist/);
  const plain = resolveExecutable(path.join(bin, 'not-executable'), undefined, '');
  assert.equal(plain.ok, false);
  if (!plain.ok) assert.match(plain.reason, /is not an executable file/);
  const dirAsBin = resolveExecutable(bin, undefined, '');
  assert.equal(dirAsBin.ok, false);
});

test('${workspaceFolder} without a folder is an error, not a path', () => {
  const r = resolveExecutable('${workspaceFolder}/bin/prfaq', undefined, bin);
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.reason, /needs a workspace folder/);
});
