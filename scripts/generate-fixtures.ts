import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFixtureFiles } from '../fixtures/bookstore/generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'bookstore',
  'generated');

rmSync(root, { recursive: true, force: true });

for (const file of generateFixtureFiles()) {
  const path = join(root, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
}

console.log(`fixtures written to ${root}`);
