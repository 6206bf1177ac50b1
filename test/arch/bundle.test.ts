import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The game's JS has a size budget (docs/performance.md). One import of zod's full build pulls all of it
// into the bundle (≈ 20 KB gzip more than zod/mini), so every schema uses zod/mini.

const SRC = join(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('the bundle stays small', () => {
  it('no file in src imports zod but as zod/mini', () => {
    const full = files(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](zod(?:\/[^'"]*)?)['"]/g)]
        .filter((m) => m[1] !== 'zod/mini')
        .map((m) => `${relative(SRC, file)}: ${m[1]}`));
    expect(full).toEqual([]);
  });
});
