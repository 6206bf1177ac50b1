import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyAction, createGame, legalActions, stateHash, type Action, type GameState } from '../../src/core';
import { playGame } from '../../src/bots';
import {
  buildReplayFile, formatReplayFile, GAME_VERSION, parseReplayFile, parseReplayText, problemLines, REPLAY_FORMAT_VERSION, replayFileFromLog,
  verificationText, verifyReplay, type ReplayFile,
} from '../../src/app/replayFile';
import { botSeats, scenarioById } from '../bots/support';

// The replay file: built from a game, written as JSON, read back with path errors, and verified by
// re-running the rules. Every file here is made by playing a game now: no recorded hashes, so a change
// to the core that moves outcomes does not break these tests.

function game(seed = '3'): ReplayFile {
  const scenario = scenarioById('first-contract');
  const seats = botSeats(scenario, 'standard');
  const played = playGame(scenario, seed, seats);
  return buildReplayFile({ scenario, seed, seats, actions: played.actions, turnHashes: played.turnHashes, finalHash: stateHash(played.state) });
}

const roundTrip = (file: ReplayFile): any => JSON.parse(formatReplayFile(file));

/** The state before each action and the turn it was taken in. */
function walk(file: ReplayFile): { before: GameState[]; turnOf: number[]; firstOfTurn: Map<number, number> } {
  let s = createGame(file.scenario, file.seed, file.seats);
  const before: GameState[] = [];
  const turnOf: number[] = [];
  const firstOfTurn = new Map<number, number>();
  file.actions.forEach((a, i) => {
    before.push(s);
    turnOf.push(s.turn);
    if (!firstOfTurn.has(s.turn)) firstOfTurn.set(s.turn, i);
    const r = applyAction(s, a);
    if (!r.ok) throw new Error(r.rejection.message);
    s = r.state;
  });
  return { before, turnOf, firstOfTurn };
}

describe('the replay file', () => {
  it('carries the format and game versions, the scenario with its id and hash, seed, seats, log and hashes', () => {
    const file = game();
    expect(file).toMatchObject({ formatVersion: REPLAY_FORMAT_VERSION, gameVersion: GAME_VERSION, scenarioId: 'first-contract', seed: '3' });
    expect(file.scenarioHash).toMatch(/^[0-9a-f]{16}$/);
    expect(file.turnHashes.length).toBeGreaterThan(0);
    expect(file.actions.length).toBeGreaterThan(10);
  });

  it('names the game version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(GAME_VERSION).toBe(pkg.version);
  });

  it('reads back what it writes, one action per line, and verifies with the outcome, hashes and final state', () => {
    const file = game();
    const text = formatReplayFile(file);
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('{"type"'))).toHaveLength(file.actions.length);
    const parsed = parseReplayText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.replay).toEqual(file);
    const v = verifyReplay(parsed.replay);
    expect(v).toMatchObject({ status: 'verified', complete: true, finalHash: file.finalHash, turnHashes: file.turnHashes, actions: file.actions.length });
    if (v.status !== 'verified') return;
    expect(stateHash(v.state)).toBe(file.finalHash);
    expect(v.outcome).toEqual(v.state.outcome);
    expect(v.outcome).not.toBeNull();
    expect(verificationText(v)).toBe(`Verified: re-running all ${file.actions.length} actions gives the recorded state after every turn (state hash ${file.finalHash}).`);
  });

  it('is made from an action log alone by re-running it (what the browser saves)', () => {
    const file = game('6');
    expect(replayFileFromLog({ scenario: file.scenario, seed: file.seed, seats: file.seats, actions: file.actions })).toEqual(file);
  });

  it('verifies up to a turn and hands back the state at that point', () => {
    const file = game('5');
    const { firstOfTurn } = walk(file);
    const v = verifyReplay(file, { toTurn: 2 });
    expect(v).toMatchObject({ status: 'verified', complete: false, turns: 2, finalHash: file.turnHashes[1], turnHashes: file.turnHashes.slice(0, 2) });
    if (v.status !== 'verified') return;
    expect(v.state.turn).toBe(3);
    expect(v.actions).toBe(firstOfTurn.get(3));
    expect(verifyReplay(file, { toTurn: 99 })).toMatchObject({ status: 'verified', complete: true, finalHash: file.finalHash });
  });
});

describe('a replay file that cannot be used', () => {
  it.each([
    ['a file that is not JSON', (t: string) => t.replace('"seed": "3",', '"seed": "3"'), 'json', 'line 8, column 3', 'expected a comma or a closing brace'],
    ['an empty file', () => '', 'json', 'line 1, column 1', 'the file ends too early'],
    ['a list', () => '[]', 'schema', '', 'expected a replay file (a JSON object), got a list of 0'],
    ['a newer format version', (t: string) => t.replace('"formatVersion": 1', '"formatVersion": 2'), 'formatVersion', 'formatVersion',
      'this game reads replay format version 1, got 2: the file was written by a newer version of the game'],
    ['no format version', (t: string) => t.replace('"formatVersion": 1,', ''), 'formatVersion', 'formatVersion', 'is missing: this is not a replay file'],
    ['a scenario file', () => readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8'), 'schema', '', 'this is a scenario file, not a replay file'],
  ])('%s', (_what, edit, kind, path, message) => {
    const parsed = parseReplayText(edit(formatReplayFile(game())));
    expect(parsed).toMatchObject({ ok: false, kind });
    if (parsed.ok) return;
    expect(parsed.errors[0]).toEqual({ path, message: expect.stringContaining(message) });
  });

  it('gives line and column for broken JSON', () => {
    const parsed = parseReplayText('{\n  "formatVersion": 1,\n}\n');
    expect(parsed).toMatchObject({ ok: false, kind: 'json', line: 3, column: 1 });
    if (parsed.ok) return;
    expect(problemLines(parsed)).toEqual(['line 3, column 1: not valid JSON: a comma before a closing brace: remove the last comma']);
  });

  it.each([
    ['a missing seed', (j: any) => { delete j.seed; }, 'schema', 'seed', 'is missing (expected a text)'],
    ['an unknown action type', (j: any) => { j.actions[3].type = 'launchNukes'; }, 'schema', 'actions[3].type', 'expected one of "endPhase", "chooseEventOption"'],
    ['an action with a stray field', (j: any) => { j.actions[2].cheat = 1; }, 'schema', 'actions[2].cheat', 'unknown field "cheat": check its spelling against docs/replay-format.md'],
    ['an action with a bad field', (j: any) => { j.actions[0] = { type: 'fundLine', role: 'poland', line: 7 }; }, 'schema', 'actions[0].line', 'expected a text, got 7'],
    ['a bad seat', (j: any) => { j.seats.poland = { kind: 'robot' }; }, 'schema', 'seats.poland', 'does not match any allowed form'],
    ['a stray field', (j: any) => { j.cheats = true; }, 'schema', 'cheats', 'unknown field "cheats"'],
    ['a bad hash', (j: any) => { j.turnHashes[1] = 'xyz'; }, 'schema', 'turnHashes[1]', 'expected a state hash of 16 hexadecimal digits, got "xyz"'],
    ['a seat for no role', (j: any) => { j.seats.narnia = { kind: 'human' }; }, 'schema', 'seats.narnia', 'there is no role "narnia" in the scenario'],
    ['a broken embedded scenario', (j: any) => { j.scenario.turns = 0; }, 'scenario', 'scenario.turns', 'expected a number ≥ 1'],
    ['a changed embedded scenario', (j: any) => { j.scenario.title = 'Something else'; }, 'scenarioMismatch', 'scenarioHash',
      'does not match the embedded scenario: the scenario was changed after the game was played'],
    ['another scenario id', (j: any) => { j.scenarioId = 'kielce-line'; }, 'scenarioMismatch', 'scenarioId', 'names "kielce-line" but the embedded scenario is "first-contract"'],
    ['no scenario and an unknown id', (j: any) => { delete j.scenario; j.scenarioId = 'narnia'; }, 'unknownScenario', 'scenarioId',
      'unknown scenario "narnia": the file does not embed its scenario and this game has no scenario with that id'],
  ])('rejects %s with an error naming its path', (_what, edit, kind, path, message) => {
    const json = roundTrip(game());
    edit(json);
    const parsed = parseReplayFile(json);
    expect(parsed).toMatchObject({ ok: false, kind });
    if (parsed.ok) return;
    expect(parsed.errors[0]).toEqual({ path, message: expect.stringContaining(message) });
  });

  it('reads a file without its scenario against the game\'s own scenario of that id, and refuses one that changed since', () => {
    const file = game();
    const json = roundTrip(file);
    delete json.scenario;
    const own = file.scenario;
    const parsed = parseReplayFile(json, { findScenario: (id) => (id === own.id ? own : undefined) });
    expect(parsed.ok && verifyReplay(parsed.replay).status).toBe('verified');
    const changed = parseReplayFile(json, { findScenario: () => ({ ...own, title: 'Retuned' }) });
    expect(changed).toMatchObject({ ok: false, kind: 'scenarioMismatch', errors: [{ path: 'scenarioHash', message: expect.stringContaining('has changed since the game was played') }] });
  });
});

describe('a tampered replay', () => {
  it('with one turn hash changed: diverged at that turn, at its first action, with both hashes', () => {
    const file = game('8');
    const { firstOfTurn } = walk(file);
    const hashes = [...file.turnHashes];
    hashes[2] = '0000000000000000';
    const v = verifyReplay({ ...file, turnHashes: hashes });
    expect(v).toEqual({
      status: 'diverged', turn: 3, action: firstOfTurn.get(3), expected: '0000000000000000', actual: file.turnHashes[2],
      reason: 'the state after turn 3 differs from the recorded one',
    });
    if (v.status !== 'diverged') return;
    expect(verificationText(v)).toBe(`Diverged at turn 3, action ${v.action + 1} (actions[${v.action}]): the state after turn 3 differs from the recorded one; expected state hash 0000000000000000, got ${file.turnHashes[2]}.`);
  });

  it('with the final hash changed, or a turn hash too many or too few', () => {
    const file = game('8');
    const last = file.turnHashes.length;
    expect(verifyReplay({ ...file, finalHash: '0123456789abcdef' })).toMatchObject({ status: 'diverged', expected: '0123456789abcdef', actual: file.finalHash });
    expect(verifyReplay({ ...file, turnHashes: [...file.turnHashes, '0123456789abcdef'] }))
      .toMatchObject({ status: 'diverged', turn: last + 1, expected: '0123456789abcdef', actual: null, reason: `the log ends before turn ${last + 1} is over, but the file records its hash` });
    expect(verifyReplay({ ...file, turnHashes: file.turnHashes.slice(0, -1) }))
      .toMatchObject({ status: 'diverged', turn: last, expected: null, actual: file.turnHashes[last - 1] });
  });

  it.each([
    ['the first action of turn 3', (firstOfTurn: Map<number, number>) => firstOfTurn.get(3)!],
    ['an action in the middle of turn 3', (firstOfTurn: Map<number, number>) => firstOfTurn.get(3)! + 5],
  ])('with %s changed: diverged at turn 3 from its first action, or refused at a later action of that turn', (_what, pick) => {
    const file = game('8');
    const { before, turnOf, firstOfTurn } = walk(file);
    const k = pick(firstOfTurn);
    expect(turnOf[k]).toBe(3);
    const original = JSON.stringify(file.actions[k]);
    const others = legalActions(before[k]!, file.actions[k]!.role).map((l) => l.action).filter((a) => JSON.stringify(a) !== original);
    const results = others.map((other: Action) => verifyReplay({ ...file, actions: file.actions.map((a, i) => (i === k ? other : a)) }));
    expect(results.length).toBeGreaterThan(0);
    for (const v of results) {
      if (v.status === 'diverged') expect([v.turn, v.action]).toEqual([3, firstOfTurn.get(3)]);
      else expect(v).toMatchObject({ status: 'unusable', turn: 3, action: expect.any(Number) });
      if (v.status === 'unusable') expect(v.action).toBeGreaterThanOrEqual(k);
    }
    expect(results.some((v) => v.status === 'diverged')).toBe(true);
  });

  it('with an action the rules refuse: unusable, naming the action and the rules\' message', () => {
    const file = game('8');
    const { turnOf } = walk(file);
    const v = verifyReplay({ ...file, actions: [...file.actions.slice(0, 5), { type: 'endPhase', role: 'nobody' }, ...file.actions.slice(5)] });
    expect(v).toMatchObject({ status: 'unusable', turn: turnOf[5], action: 5, rejection: { code: expect.any(String) } });
    if (v.status !== 'unusable') return;
    expect(v.reason).toBe(`the rules refuse action 6 (actions[5], endPhase by nobody) in turn ${turnOf[5]}: ${v.rejection.message}`);
    expect(verificationText(v)).toBe(`Cannot be replayed: ${v.reason}.`);
  });
});
