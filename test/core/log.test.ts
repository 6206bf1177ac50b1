import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendLog, logEntries, logSize, type GameLog } from '../../src/core/log';
import type { LogEntry } from '../../src/core/state';

// The log is kept in one chunk per turn; read as a list it must be exactly the entries appended, in order.

const entry = (turn: number, text: string): LogEntry => ({ turn, phase: 'diplomacy', role: null, text });

describe('the chunked game log', () => {
  it('reads back every entry in order, one chunk per turn, sharing finished chunks', () => {
    fc.assert(fc.property(
      fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 6 }), { maxLength: 12 }),
      fc.boolean(),
      (batches, freeze) => {
        let log: GameLog = [];
        const all: LogEntry[] = [];
        let turn = 1;
        for (const batch of batches) {
          const added = batch.map((step, k) => entry((turn += step), `${all.length + k}`));
          const before = log;
          log = appendLog(log, added, freeze);
          all.push(...added);
          // Every chunk before the one appended to is the very same array as before.
          for (let c = 0; c < before.length - 1; c++) expect(log[c]).toBe(before[c]);
          if (freeze) expect(Object.isFrozen(log) && log.every((c) => Object.isFrozen(c))).toBe(true);
        }
        expect(logEntries(log)).toEqual(all);
        expect(logSize(log)).toBe(all.length);
        for (const chunk of log) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(new Set(chunk.map((e) => e.turn)).size).toBe(1);
        }
        expect(new Set(log.map((c) => c[0]!.turn)).size).toBe(log.length);
      },
    ));
  });

  it('slices like an array, negative indices counting from the end', () => {
    const entries = [entry(1, 'a'), entry(1, 'b'), entry(2, 'c'), entry(3, 'd'), entry(3, 'e')];
    const log = appendLog(appendLog([], entries.slice(0, 3), false), entries.slice(3), false);
    expect(log.map((c) => c.length)).toEqual([2, 1, 2]);
    for (const [from, to] of [[0, 5], [1, 4], [2, 3], [-2, undefined], [-8, undefined], [3, 99], [4, 2], [0, -1]] as const)
      expect(logEntries(log, from, to)).toEqual(entries.slice(from, to));
    expect(logEntries(log, 5)).toEqual([]);
    expect(logSize([])).toBe(0);
  });
});
