import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, replay, type Seats } from '../../src/core';
import { playGame } from '../../src/bots';
import { AUTOSAVE_KEY, KEPT_PREFIX, checkSave, inspectAutosave, keptSaves, saveText, type SaveStorage } from '../../src/app/autosave';
import { replayFileFromLog } from '../../src/app/replayFile';

// A forked game's save carries its origin (the original replay, the action it left at, its label);
// a damaged origin loses the origin, never the game, and its text is kept.

const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8')));
if (!parsed.ok) throw new Error('first-contract does not parse');
const scenario = parsed.scenario;
const seed = 'origin-7';
const seats: Seats = { poland: { kind: 'bot', level: 'easy' }, korea: { kind: 'bot', level: 'easy' } };
const original = playGame(scenario, seed, seats, { maxActions: 40, turnHashes: false });
const originalFile = replayFileFromLog({ scenario, seed, seats, actions: original.actions });
const at = 12;
// The fork: the first 12 actions, with Poland now taken by a person.
const forkSeats: Seats = { ...seats, poland: { kind: 'human' } };
const forkActions = original.actions.slice(0, at);
const forkHash = replay(scenario, seed, forkSeats, forkActions).finalHash;
const origin = { file: originalFile, at, label: 'original.replay.json' };
const input = { scenario, seed, seats: forkSeats, actions: forkActions, hash: forkHash, finished: false, origin };

class MemoryStorage implements SaveStorage {
  readonly map = new Map<string, string>();
  get length() { return this.map.size; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  getItem(k: string) { return this.map.get(k) ?? null; }
  removeItem(k: string) { this.map.delete(k); }
  setItem(k: string, v: string) { this.map.set(k, v); }
}

/** The save's JSON with its origin changed by `edit`. */
function withOrigin(edit: (o: Record<string, unknown>) => void): string {
  const json = JSON.parse(saveText(input, 'x')) as { origin: Record<string, unknown> };
  edit(json.origin);
  return JSON.stringify(json);
}

describe('the origin of a forked game in the autosave', () => {
  it('round-trips: the original replay as it was, the fork point and the label', () => {
    const check = checkSave(saveText(input, '2026-01-01T00:00:00Z'));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.originProblem).toBeNull();
    expect(check.save.origin).not.toBeNull();
    expect(check.save.origin!.at).toBe(at);
    expect(check.save.origin!.label).toBe('original.replay.json');
    expect(check.save.origin!.file.actions).toEqual(originalFile.actions);
    expect(check.save.origin!.file.finalHash).toBe(originalFile.finalHash);
    expect(check.save.origin!.file.turnHashes).toEqual(originalFile.turnHashes);
    expect(check.save.seats.poland).toEqual({ kind: 'human' });
  });

  it('a game that is not a fork saves no origin', () => {
    const check = checkSave(saveText({ ...input, origin: null }, 'x'));
    expect(check.ok && check.save.origin).toBeNull();
    expect(JSON.parse(saveText({ ...input, origin: null }, 'x'))).not.toHaveProperty('origin');
  });

  it('still loads a save written by the previous version (format 1, no origin)', () => {
    const old = JSON.stringify({
      format: 'forge-shield-autosave', version: 1, gameVersion: '0.1.0', savedAt: 'x',
      scenario, seed, seats: forkSeats, actions: forkActions, hash: forkHash, finished: false,
    });
    const check = checkSave(old);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.save.origin).toBeNull();
    expect(check.originProblem).toBeNull();
    expect(check.state.actionCount).toBe(at);
  });

  it.each([
    ['a replay with an unknown action type', (o: Record<string, unknown>) => { (o.replay as { actions: { type: string }[] }).actions[3]!.type = 'launchNukes'; }, 'origin.replay.actions[3].type'],
    ['a fork point that is not a whole number', (o: Record<string, unknown>) => { o.at = 'twelve'; }, 'origin.at'],
    ['a fork point past the original', (o: Record<string, unknown>) => { o.at = 9999; }, 'origin.at'],
    ['a replay of another seed', (o: Record<string, unknown>) => { (o.replay as { seed: string }).seed = 'other'; }, 'another game'],
    ['no replay at all', (o: Record<string, unknown>) => { delete o.replay; }, 'origin'],
  ])('reports %s, keeps the game and the text', (_name, edit, where) => {
    const text = withOrigin(edit);
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, text);
    const slot = inspectAutosave(storage);
    expect(slot.kind).toBe('saved');
    if (slot.kind !== 'saved') return;
    // The game itself resumes, at the state it was saved with, without an origin.
    expect(slot.state.actionCount).toBe(at);
    expect(slot.save.actions).toEqual(forkActions);
    expect(slot.save.origin).toBeNull();
    expect(slot.originProblem).not.toBeNull();
    expect(slot.originProblem!.reason).toContain(where);
    expect(slot.originProblem!.reason).toContain('plays on without it');
    expect(slot.originProblem!.reason.length).toBeLessThan(400);
    // The damaged text is kept as it was, under its own key, and the menu offers it.
    expect(slot.originProblem!.text).toBe(text);
    expect(slot.originProblem!.key?.startsWith(KEPT_PREFIX)).toBe(true);
    expect(storage.getItem(slot.originProblem!.key!)).toBe(text);
    const kept = keptSaves(storage);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.text).toBe(text);
    expect(kept[0]!.reason).toContain(where);
    // The menu says only the record of the original was lost, not the game.
    expect(kept[0]!.part).toBe('origin');
  });

  it('a format 1 save that carries an origin is reported, and the game still loads', () => {
    const text = withOrigin(() => {}).replace('"version":2', '"version":1');
    const check = checkSave(text);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.originProblem?.reason).toContain('format 1 save has no origin');
  });
});
