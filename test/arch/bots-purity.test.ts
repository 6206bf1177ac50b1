import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Bots are pure functions over the core's one door: they import only '../core' (its index), each
// other and seedrandom, and use no clock, global randomness or DOM. The replay-file code is shared
// with the browser: zod/mini and the core only, no Node modules and no DOM.

const SRC = join(__dirname, '../../src');
const imports = (source: string): string[] => [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
const code = (source: string): string => source.replace(/\/\/[^\n]*/g, '').replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");

describe('the bots stay pure', () => {
  const files = readdirSync(join(SRC, 'bots')).filter((f) => f.endsWith('.ts'));

  it.each(files)('src/bots/%s imports only the core index, other bot files and seedrandom', (file) => {
    const source = readFileSync(join(SRC, 'bots', file), 'utf8');
    const bad = imports(source).filter((spec) => spec !== '../core' && spec !== 'seedrandom' && spec !== 'seedrandom/lib/alea.js' && !/^\.\/[A-Za-z]+$/.test(spec));
    expect(bad).toEqual([]);
  });

  it.each(files)('src/bots/%s uses no clock, global randomness, DOM or globalThis', (file) => {
    const body = code(readFileSync(join(SRC, 'bots', file), 'utf8'));
    expect(body).not.toMatch(/\bMath\s*\.\s*random\b|\bDate\b|\bperformance\s*\.|\bwindow\b|\bdocument\b|\bglobalThis\b/);
  });

  it.each(['replayFile.ts', 'actionSchema.ts', 'jsonText.ts'])('src/app/%s imports only zod/mini, the core and the other two replay-file modules', (file) => {
    const bad = imports(readFileSync(join(SRC, 'app', file), 'utf8')).filter((spec) => !['../core', 'zod/mini', './actionSchema', './jsonText'].includes(spec));
    expect(bad).toEqual([]);
  });
});
