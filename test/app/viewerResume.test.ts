import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, stateHash, type Seats } from '../../src/core';
import { playGame } from '../../src/bots';
import type { SaveStorage } from '../../src/app/autosave';
import { buildReplayFile, formatReplayFile } from '../../src/app/replayFile';
import {
  KEPT_REPLAY_PREFIX, WATCHED_AT_KEY, WATCHED_KEY, checkWatched, discardKeptReplay, keptDownload, keptReplays, rememberAt, rememberWatched, takeWatched,
  watchedText, type WatchedReplay,
} from '../../src/app/viewerResume';

// A reload in the replay viewer: what the tab stores, how it reads back (through the replay-file
// reader, as an imported file), and what happens to a record that cannot be used or does not fit.

const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8')));
if (!parsed.ok) throw new Error('first-contract does not parse');
const scenario = parsed.scenario;
const seats: Seats = { poland: { kind: 'bot', level: 'easy' }, korea: { kind: 'bot', level: 'easy' } };
const played = playGame(scenario, 'viewer-resume', seats, { maxActions: 30 });
const file = buildReplayFile({ scenario, seed: 'viewer-resume', seats, actions: played.actions, turnHashes: played.turnHashes, finalHash: stateHash(played.state) });
const watched: WatchedReplay = { source: 'my-game.replay.json', note: null, replay: formatReplayFile(file) };
const speeds = ['slow', 'normal', 'fast'];

class MemoryStorage implements SaveStorage {
  readonly map = new Map<string, string>();
  quota = Infinity;
  get length() { return this.map.size; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  getItem(k: string) { return this.map.get(k) ?? null; }
  removeItem(k: string) { this.map.delete(k); }
  setItem(k: string, v: string) {
    // As browsers count it: keys and values.
    const used = [...this.map.entries()].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + v.length > this.quota) { const e = new Error('full'); e.name = 'QuotaExceededError'; throw e; }
    this.map.set(k, v);
  }
}

describe('reopening the replay viewer after a reload', () => {
  it('stores the replay and the moment shown, and reads both back through the replay-file reader', () => {
    const session = new MemoryStorage();
    expect(rememberWatched(session, watched, { position: 3, speed: 'slow' })).toEqual({ ok: true });
    expect(rememberAt(session, { position: 7, speed: 'fast' })).toEqual({ ok: true });
    const stored = JSON.parse(session.getItem(WATCHED_KEY)!) as Record<string, unknown>;
    expect(stored).toMatchObject({ format: 'forge-shield-viewer', version: 1, source: 'my-game.replay.json', note: null });
    const back = takeWatched(session, new MemoryStorage(), [scenario], speeds);
    if (back.kind !== 'open') throw new Error(`expected the replay to reopen, got ${back.kind}`);
    expect(back.result.kind).toBe('verified');
    expect(back.result.file.actions).toEqual(file.actions);
    expect(back.at).toEqual({ position: 7, speed: 'fast' });
    expect(back.atProblem).toBeNull();
    // Taken: the menu is on screen, the tab no longer watches a replay.
    expect(session.map.size).toBe(0);
    expect(takeWatched(session, null, [scenario], speeds)).toEqual({ kind: 'none' });
  });

  it('keeps the verdict of a log without recorded hashes, and a tampered file reopens as diverged again', () => {
    const note = 'Re-run from a share link: the rules accepted every action.';
    const link = checkWatched(watchedText({ ...watched, note }), null, [scenario], speeds);
    expect(link.ok && link.watched.note).toBe(note);
    const tampered = { ...file, turnHashes: file.turnHashes.map((x, i) => (i === 0 ? '0123456789abcdef' : x)) };
    const again = checkWatched(watchedText({ ...watched, replay: formatReplayFile(tampered) }), JSON.stringify({ position: 2, speed: 'normal' }), [scenario], speeds);
    expect(again.ok && again.result.kind).toBe('diverged');
    expect(again.ok && again.at).toEqual({ position: 2, speed: 'normal' });
  });

  it('opens at the start, and says why, when the stored moment is damaged', () => {
    for (const at of [null, '{"position":-1,"speed":"normal"}', '{"position":2,"speed":"warp"}', '{"posi']) {
      const check = checkWatched(watchedText(watched), at, [scenario], speeds);
      expect(check.ok).toBe(true);
      if (!check.ok) continue;
      expect(check.at).toBeNull();
      expect(check.atProblem).toMatch(/opens at its start/);
    }
  });

  it.each([
    ['cut off', (t: string) => t.slice(0, 200), /not readable/],
    ['another format', () => JSON.stringify({ format: 'something-else' }), /not a replay the viewer stored/],
    ['a newer version', (t: string) => t.replace('"version":1', '"version":2'), /stored in format 2; this version of the game reads format 1/],
    ['no source', (t: string) => t.replace('"source":"my-game.replay.json"', '"source":""'), /source field is not valid/],
    ['a damaged replay inside', () => watchedText({ ...watched, replay: watched.replay.slice(0, 500) }), /the replay in it cannot be used \(line \d+, column \d+/],
  ])('a record that is %s is kept, reported and offered for download', (_what, damage, reason) => {
    const session = new MemoryStorage();
    const local = new MemoryStorage();
    rememberWatched(session, watched, { position: 1, speed: 'normal' });
    const broken = damage(session.getItem(WATCHED_KEY)!);
    session.setItem(WATCHED_KEY, broken);
    const taken = takeWatched(session, local, [scenario], speeds);
    if (taken.kind !== 'kept') throw new Error(`expected it kept, got ${taken.kind}`);
    expect(taken.reason).toMatch(reason);
    expect(taken.where).toBe('local');
    expect(taken.key.startsWith(KEPT_REPLAY_PREFIX)).toBe(true);
    expect(local.getItem(taken.key)).toBe(broken);
    expect(session.getItem(WATCHED_KEY)).toBeNull();
    const kept = keptReplays(local, session, [scenario]);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.reason).toMatch(reason);
    // The download is the replay file inside when the record still shows it, else the record whole.
    expect(kept[0]!.download).toEqual(keptDownload(broken));
    discardKeptReplay(local, taken.key);
    expect(keptReplays(local, session, [scenario])).toEqual([]);
  });

  it('downloads the replay inside a readable record, and the whole text of an unreadable one', () => {
    expect(keptDownload(watchedText({ ...watched, replay: 'half a file' }))).toEqual({ name: 'forge-shield-unreadable.replay.json', text: 'half a file' });
    expect(keptDownload('{"format":"forge-shield-vi')).toEqual({ name: 'forge-shield-unreadable-viewer-record.json', text: '{"format":"forge-shield-vi' });
  });

  it('keeps an unusable record in the tab when localStorage is full or off, and never drops it', () => {
    const session = new MemoryStorage();
    const local = new MemoryStorage();
    local.quota = 5;
    session.setItem(WATCHED_KEY, '{"cut off');
    const taken = takeWatched(session, local, [scenario], speeds);
    expect(taken).toMatchObject({ kind: 'kept', where: 'session' });
    const key = taken.kind === 'kept' ? taken.key : '';
    expect(session.getItem(key)).toBe('{"cut off');
    expect(keptReplays(null, session, [scenario]).map((k) => k.key)).toEqual([key]);

    // No room for a second copy anywhere: it stays where it was, still reported.
    const tight = new MemoryStorage();
    tight.setItem(WATCHED_KEY, '{"cut off');
    tight.quota = WATCHED_KEY.length + 9;
    const stuck = takeWatched(tight, null, [scenario], speeds);
    expect(stuck).toMatchObject({ kind: 'kept', key: WATCHED_KEY, where: 'session' });
    expect(tight.getItem(WATCHED_KEY)).toBe('{"cut off');
    expect(keptReplays(null, tight, [scenario]).map((k) => k.key)).toEqual([WATCHED_KEY]);
  });

  it('storage full: says so, and leaves no older record that a reload would open instead', () => {
    const session = new MemoryStorage();
    rememberWatched(session, { ...watched, source: 'older.replay.json' }, { position: 0, speed: 'normal' });
    session.quota = WATCHED_KEY.length + watchedText(watched).length - 1;
    const result = rememberWatched(session, watched, { position: 0, speed: 'normal' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/storage is full.*The viewer goes on/);
    expect(session.getItem(WATCHED_KEY)).toBeNull();
    expect(session.getItem(WATCHED_AT_KEY)).toBeNull();
    expect(takeWatched(session, null, [scenario], speeds)).toEqual({ kind: 'none' });
  });
});
