import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkSource, checkTree } from './checkCore';

describe('the rules core stays pure', () => {
  it('no file in src/core imports Phaser, the app layers, or uses Math.random, Date, window, document or globalThis', () => {
    const violations = checkTree(join(__dirname, '../../src/core'));
    expect(violations.map((v) => `${v.file}:${v.line} ${v.rule}: ${v.text}`)).toEqual([]);
  });
});

describe('the purity checker catches each kind of breach', () => {
  it.each([
    ["import * as Phaser from 'phaser';", 'imports the package phaser'],
    ["import { store } from '../app/store';", 'imports ../app/store from outside the core'],
    ["import { Board } from '../../scenes/Board';", 'imports ../../scenes/Board from outside the core'],
    ["import { pick } from '../bots/easy';", 'imports ../bots/easy from outside the core'],
    ["const dice = Math.random();", 'uses Math.random'],
    ["const now = Date.now();", 'uses Date'],
    ["const when = new Date();", 'uses Date'],
    ["window.alert('x');", 'uses window'],
    ["document.title = 'x';", 'uses document'],
    ["if ((globalThis as any).__ab) count++;", 'uses globalThis'],
    ["import fs from 'node:fs';", 'imports the package node:fs'],
  ])('%s', (line, rule) => {
    expect(checkSource('bad.ts', `// a bad sample\n${line}\n`).map((v) => v.rule)).toContain(rule);
  });

  it('accepts clean code, and words in comments and strings', () => {
    const clean = [
      "import { produce } from 'immer';",
      "import seedrandom from 'seedrandom';",
      "import { x } from './rules/events';",
      '// Date and window are only mentioned here',
      "const text = 'the document says Math.random is banned';",
    ].join('\n');
    expect(checkSource('good.ts', clean)).toEqual([]);
  });
});
