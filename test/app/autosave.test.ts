import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, replay, type Seats } from '../../src/core';
import { playGame } from '../../src/bots';
import {
  AUTOSAVE_KEY, KEPT_PREFIX, checkSave, discardKept, inspectAutosave, keptSaves, saveText, writeAutosave, type SaveStorage,
} from '../../src/app/autosave';

const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8')));
if (!parsed.ok) throw new Error('first-contract does not parse');
const scenario = parsed.scenario;
const seats: Seats = { poland: { kind: 'bot', level: 'easy' }, korea: { kind: 'bot', level: 'easy' } };
const game = playGame(scenario, 'autosave', seats, { maxActions: 25, turnHashes: false });
const hash = replay(scenario, 'autosave', seats, game.actions).finalHash;
const input = { scenario, seed: 'autosave', seats, actions: game.actions, hash, finished: false };

class MemoryStorage implements SaveStorage {
  readonly map = new Map<string, string>();
  quota = Infinity;
  get length() { return this.map.size; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  getItem(k: string) { return this.map.get(k) ?? null; }
  removeItem(k: string) { this.map.delete(k); }
  setItem(k: string, v: string) {
    const used = [...this.map.entries()].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0);
    if (used + v.length > this.quota) { const e = new Error('full'); e.name = 'QuotaExceededError'; throw e; }
    this.map.set(k, v);
  }
}

describe('autosave', () => {
  it('writes a versioned save that reads back at the same state hash', () => {
    const storage = new MemoryStorage();
    expect(writeAutosave(storage, input, '2026-01-01T00:00:00Z', false)).toEqual({ ok: true });
    const raw = JSON.parse(storage.getItem(AUTOSAVE_KEY)!) as { format: string; version: number };
    expect(raw.format).toBe('forge-shield-autosave');
    expect(raw.version).toBe(2);
    const slot = inspectAutosave(storage);
    expect(slot.kind).toBe('saved');
    if (slot.kind !== 'saved') return;
    expect(slot.save.actions).toEqual(game.actions);
    expect(slot.save.hash).toBe(hash);
    expect(slot.state.actionCount).toBe(game.state.actionCount);
  });

  it('refuses a save from another format version, and says which', () => {
    const text = saveText(input, 'x').replace('"version":2', '"version":3');
    const check = checkSave(text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain('format 3');
  });

  it('keeps a save that does not verify, moves it aside, and never overwrites it silently', () => {
    const storage = new MemoryStorage();
    const wrongHash = saveText({ ...input, hash: '0123456789abcdef' }, 'x');
    storage.setItem(AUTOSAVE_KEY, wrongHash);
    // Writing over it without looking first is refused.
    const blocked = writeAutosave(storage, input, 'y', false);
    expect(blocked.ok).toBe(false);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(wrongHash);
    const slot = inspectAutosave(storage);
    expect(slot.kind).toBe('unreadable');
    if (slot.kind !== 'unreadable') return;
    expect(slot.reason).toContain('does not verify');
    expect(slot.key.startsWith(KEPT_PREFIX)).toBe(true);
    expect(storage.getItem(slot.key)).toBe(wrongHash);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    const kept = keptSaves(storage);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.text).toBe(wrongHash);
    expect(kept[0]!.part).toBe('game');
    // Now a new game may save; the kept one stays until discarded.
    expect(writeAutosave(storage, input, 'z', false).ok).toBe(true);
    expect(keptSaves(storage)).toHaveLength(1);
    discardKept(storage, slot.key);
    expect(keptSaves(storage)).toHaveLength(0);
  });

  it('keeps a truncated save in the slot when there is no room to move it', () => {
    const storage = new MemoryStorage();
    const cut = saveText(input, 'x').slice(0, 500);
    storage.setItem(AUTOSAVE_KEY, cut);
    storage.quota = cut.length + 10;
    const slot = inspectAutosave(storage);
    expect(slot).toMatchObject({ kind: 'unreadable', key: AUTOSAVE_KEY });
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(cut);
    const write = writeAutosave(storage, input, 'y', false);
    expect(write).toMatchObject({ ok: false, reason: 'blocked' });
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(cut);
  });

  it('reports a full storage and does not throw', () => {
    const storage = new MemoryStorage();
    storage.quota = 100;
    const write = writeAutosave(storage, input, 'x', true);
    expect(write).toMatchObject({ ok: false, reason: 'full' });
    if (!write.ok) expect(write.message).toContain('game goes on');
  });

  it('says plainly when the text is not a save at all', () => {
    expect(checkSave('{"hello":1}')).toEqual({ ok: false, reason: 'it is not a Forge & Shield saved game' });
    expect(checkSave('{"format":"forge-shield-autosave"')).toMatchObject({ ok: false, reason: expect.stringContaining('not readable') });
  });
});
