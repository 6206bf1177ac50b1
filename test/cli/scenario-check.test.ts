import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkScenarioFiles } from '../../src/cli/scenarioCheck';
import { parseJsonText } from '../../src/app/jsonText';

const tutorial = readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8');
const files: Record<string, string> = {
  'good.json': tutorial,
  'bad.json': JSON.stringify({ ...JSON.parse(tutorial), roles: JSON.parse(tutorial).roles.map((r: { budget: object }, i: number) => (i === 0 ? { ...r, budget: { ...r.budget, start: -3 } } : r)) }),
  'broken.json': '{\n  "id": "x",\n  "turns": 4,\n}\n',
};
const read = (file: string) => {
  const text = files[file];
  if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
  return text;
};

describe('npm run scenario:check', () => {
  it('prints OK <id> for a valid file and exits 0', () => {
    expect(checkScenarioFiles(['good.json'], read)).toEqual({ lines: ['OK first-contract'], exitCode: 0 });
  });

  it('prints one path: message line per problem and exits 1', () => {
    expect(checkScenarioFiles(['good.json', 'bad.json'], read)).toEqual({
      lines: ['OK first-contract', 'bad.json: roles[0].budget.start: expected a number ≥ 0, got -3'],
      exitCode: 1,
    });
  });

  it('gives line and column for a file that is not JSON, and exits 2', () => {
    expect(checkScenarioFiles(['broken.json'], read)).toEqual({
      lines: ['broken.json:4:1: not valid JSON: a comma before a closing brace: remove the last comma'],
      exitCode: 2,
    });
  });

  it('says plainly when a file cannot be read, and exits 2', () => {
    expect(checkScenarioFiles(['missing.json'], read)).toEqual({ lines: ['missing.json: cannot be read (no such file)'], exitCode: 2 });
  });
});

describe('locating JSON errors', () => {
  it.each([
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected a comma or a closing brace'],
    ['[1, 2,]', 1, 7, 'a comma before a closing bracket'],
    ['{\n  "a": "unclosed\n}', 2, 17, 'line break or control character inside text'],
    ['{"a": [1, 2}', 1, 12, 'expected a comma or a closing bracket'],
    ['', 1, 1, 'the file ends too early'],
    ['{} x', 1, 4, 'unexpected text after the end'],
  ])('%j → line %i, column %i', (text, line, column, message) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([result.line, result.column]).toEqual([line, column]);
    expect(result.message).toContain(message);
  });
});
