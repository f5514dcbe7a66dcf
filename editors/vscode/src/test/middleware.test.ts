// The middleware keeps VS Code's Outline to one entry per heading (see ../middleware.ts).
import * as assert from 'node:assert/strict';
import { test } from 'node:test';

import { middleware } from '../middleware';

test('document symbols come from VS Code alone, never twice', () => {
  assert.equal(typeof middleware.provideDocumentSymbols, 'function');
  assert.equal(middleware.provideDocumentSymbols(), undefined);
  // Only that request is changed: diagnostics, code actions and hover pass through.
  assert.deepEqual(Object.keys(middleware), ['provideDocumentSymbols']);
});
