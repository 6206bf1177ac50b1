import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REJECTION_CODES } from '../../src/core';

// Every stable rejection code is used by a rule and asserted, with its message, by a test.
function sources(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.ts$/.test(e.name) ? readFileSync(join(dir, e.name), 'utf8') : ''))
    .join('\n');
}
const core = sources(join(__dirname, '../../src/core'));
const tests = readdirSync(__dirname)
  .filter((f) => f.endsWith('.test.ts') && f !== 'rejection-codes.test.ts')
  .map((f) => readFileSync(join(__dirname, f), 'utf8'))
  .join('\n');

describe('rejection codes', () => {
  it.each([...REJECTION_CODES])('%s is raised by a rule and asserted by a test', (code) => {
    const raised = core.split(`reject('${code}'`).length - 1;
    expect(raised, `no rule raises ${code}`).toBeGreaterThan(0);
    expect(tests.includes(`'${code}'`), `no test asserts ${code}`).toBe(true);
  });
});
