import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateHash } from '../../src/core';
import { playGame } from '../../src/bots';
import {
  buildReplayFile, formatReplayFile, GAME_VERSION, parseReplayFile, REPLAY_FORMAT_VERSION, verifyReplay, type ReplayFile,
} from '../../src/app/replayFile';
import { botSeats, scenarioById } from '../bots/support';

// The replay file: built from a game, written as JSON, read back with path errors, and verified by
// re-running the rules.

function game(seed = '3'): ReplayFile {
  const scenario = scenarioById('first-contract');
  const seats = botSeats(scenario, 'standard');
  const played = playGame(scenario, seed, seats);
  return buildReplayFile({ scenario, seed, seats, actions: played.actions, turnHashes: played.turnHashes, finalHash: stateHash(played.state) });
}

const roundTrip = (file: ReplayFile): unknown => JSON.parse(formatReplayFile(file));

describe('the replay file', () => {
  it('carries the format and game versions, the scenario with its id and hash, seed, seats, log and hashes', () => {
    const file = game();
    expect(file).toMatchObject({ formatVersion: REPLAY_FORMAT_VERSION, gameVersion: GAME_VERSION, scenarioId: 'first-contract', seed: '3' });
    expect(file.scenarioHash).toMatch(/^[0-9a-f]{16}$/);
    expect(file.turnHashes).toHaveLength(4);
    expect(file.actions.length).toBeGreaterThan(10);
  });

  it('names the game version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(GAME_VERSION).toBe(pkg.version);
  });

  it('reads back what it writes, one action per line, and verifies', () => {
    const file = game();
    const text = formatReplayFile(file);
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('{"type"'))).toHaveLength(file.actions.length);
    const parsed = parseReplayFile(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.replay).toEqual(file);
    expect(verifyReplay(parsed.replay)).toEqual({ verified: true, finalHash: file.finalHash });
  });

  it.each([
    ['formatVersion', (j: any) => { j.formatVersion = 2; }, 'formatVersion', 'expected one of 1'],
    ['a missing seed', (j: any) => { delete j.seed; }, 'seed', 'expected string'],
    ['an unknown action type', (j: any) => { j.actions[3].type = 'launchNukes'; }, 'actions[3].type', 'expected one of'],
    ['a bad seat', (j: any) => { j.seats.poland = { kind: 'robot' }; }, 'seats.poland', ''],
    ['a stray field', (j: any) => { j.cheats = true; }, '', 'unknown field "cheats"'],
    ['a bad hash', (j: any) => { j.turnHashes[1] = 'xyz'; }, 'turnHashes[1]', 'state hash of 16 hexadecimal digits'],
    ['a broken scenario', (j: any) => { j.scenario.turns = 0; }, 'scenario.turns', ''],
    ['a changed scenario', (j: any) => { j.scenario.title = 'Something else'; }, 'scenarioHash', 'does not match the embedded scenario'],
    ['another scenario id', (j: any) => { j.scenarioId = 'kielce-line'; }, 'scenarioId', 'names "kielce-line"'],
    ['a seat for no role', (j: any) => { j.seats.narnia = { kind: 'human' }; }, 'seats.narnia', 'no role "narnia"'],
  ])('rejects %s with an error naming its path', (_what, edit, path, message) => {
    const json = roundTrip(game()) as Record<string, unknown>;
    edit(json);
    const parsed = parseReplayFile(json);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]!.path).toBe(path);
    expect(parsed.errors[0]!.message).toContain(message);
  });

  it('says where a changed log diverges', () => {
    const file = game('8');
    const hashes = [...file.turnHashes];
    hashes[2] = '0000000000000000';
    const result = verifyReplay({ ...file, turnHashes: hashes });
    expect(result).toMatchObject({ verified: false, turn: 3 });
    if (result.verified) return;
    expect(result.action).toBeGreaterThan(0);
    const cut = verifyReplay({ ...file, actions: [...file.actions.slice(0, 5), { type: 'endPhase', role: 'nobody' }, ...file.actions.slice(5)] });
    expect(cut).toMatchObject({ verified: false, action: 5 });
  });
});
