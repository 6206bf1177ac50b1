import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyAction, createGame, stateHash } from '../../src/core';
import { playGame } from '../../src/bots';
import { buildReplayFile, formatReplayFile, type ReplayFile } from '../../src/app/replayFile';
import { runReplay, type ReplayIo } from '../../src/cli/replay';
import { botSeats, scenarioById } from '../bots/support';

// npm run replay: exit 0 "verified" with the outcome and final hash, exit 1 where it diverged with both
// hashes, exit 2 with the reason when the file cannot be used or the arguments are wrong. The replay is
// played here, not stored, so no hash is written into the test.

const scenario = scenarioById('first-contract');
const seats = botSeats(scenario, 'standard');
const played = playGame(scenario, '4', seats);
const file: ReplayFile = buildReplayFile({ scenario, seed: '4', seats, actions: played.actions, turnHashes: played.turnHashes, finalHash: stateHash(played.state) });
const good = formatReplayFile(file);
const edited = (edit: (j: any) => void): string => { const j = JSON.parse(good); edit(j); return JSON.stringify(j); };
const [tampered, turn2] = ((): [string, number] => {
  const hashes = [...file.turnHashes];
  hashes[1] = '0000000000000000';
  let state = createGame(scenario, '4', seats);
  let first = 0;
  while (state.turn < 2) state = (applyAction(state, file.actions[first++]!) as { state: typeof state }).state;
  return [formatReplayFile({ ...file, turnHashes: hashes }), first];
})();
const texts: Record<string, string> = {
  'good.json': good,
  'tampered.json': tampered,
  'broken.json': good.replace('"seed": "4",', '"seed": "4"'),
  'v2.json': good.replace('"formatVersion": 1', '"formatVersion": 2'),
  'schema.json': edited((j) => { j.actions[3].type = 'launchNukes'; delete j.seed; }),
  'bad-scenario.json': edited((j) => { j.scenario.turns = 0; }),
  'changed.json': edited((j) => { j.scenario.title = 'Retuned'; }),
  'other-id.json': edited((j) => { j.scenarioId = 'kielce-line'; }),
  'unknown.json': edited((j) => { delete j.scenario; j.scenarioId = 'narnia'; }),
  'own.json': edited((j) => { delete j.scenario; }),
  'refused.json': edited((j) => { j.actions.splice(2, 0, { type: 'endPhase', role: 'nobody' }); }),
};
// Another game of the same scenario and seed: South Korea played by the easy bot; and one of another seed.
const forkSeats = { ...seats, korea: { kind: 'bot' as const, level: 'easy' as const } };
const forkPlayed = playGame(scenario, '4', forkSeats);
texts['fork.json'] = formatReplayFile(buildReplayFile({ scenario, seed: '4', seats: forkSeats, actions: forkPlayed.actions, turnHashes: forkPlayed.turnHashes, finalHash: stateHash(forkPlayed.state) }));
const otherSeed = playGame(scenario, '5', seats);
texts['seed5.json'] = formatReplayFile(buildReplayFile({ scenario, seed: '5', seats, actions: otherSeed.actions, turnHashes: otherSeed.turnHashes, finalHash: stateHash(otherSeed.state) }));

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: ReplayIo = {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    readFile: (p) => {
      if (p === 'folder') throw Object.assign(new Error('dir'), { code: 'EISDIR' });
      const text = texts[p];
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return text;
    },
  };
  return { code: runReplay(argv, io), out, err };
}

describe('npm run replay: a good file', () => {
  it('says "verified" with the outcome and the final hash, and exits 0', () => {
    const { code, out, err } = run(['good.json']);
    expect([code, err]).toEqual([0, '']);
    expect(out).toBe([
      `good.json: verified. First Contract (tutorial) (first-contract), seed 4: ${file.turnHashes.length} turns and ${file.actions.length} actions re-run, every turn's state hash as recorded.`,
      `Outcome: ${played.state.outcome!.text}`,
      `Final state hash: ${file.finalHash}.`,
      '',
    ].join('\n'));
  });

  it('--json prints a machine-readable result', () => {
    const { code, out } = run(['good.json', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      status: 'verified', complete: true, file: 'good.json', scenario: { id: 'first-contract', hash: file.scenarioHash }, seed: '4',
      turns: file.turnHashes.length, actions: file.actions.length, outcome: { reason: played.state.outcome!.reason }, finalHash: file.finalHash, turnHashes: file.turnHashes,
    });
  });

  it('--to-turn N verifies up to turn N and prints the state there', () => {
    const { code, out } = run(['good.json', '--to-turn', '2']);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^good\\.json: verified up to turn 2 of ${file.turnHashes.length}\\. First Contract .*: \\d+ of ${file.actions.length} actions re-run\\.\n`));
    expect(out).toMatch(new RegExp([
      '\\nState after turn 2 \\(.+\\):', '  (Now: turn 3 .*phase\\.|Game over: .*)',
      '  Poland: budget -?[\\d.]+; support \\d+, reputation \\d+, readiness \\d+; score [\\d.]+\\.',
      '  South Korea: budget -?[\\d.]+; support \\d+, reputation \\d+, readiness \\d+; score [\\d.]+\\.',
      '  Tension: Europe \\d+, East Asia \\d+\\.', '  Trust/interoperability: South Korea–Poland \\d+/\\d+\\.', '  Agreements in force: \\d+.*\\.\\n',
    ].join('\\n')));
    expect(out.endsWith(`State after turn 2 hash: ${file.turnHashes[1]}.\n`)).toBe(true);
    const json = JSON.parse(run(['good.json', '--json', '--to-turn=2']).out);
    expect(json).toMatchObject({ status: 'verified', complete: false, turns: 2, finalHash: file.turnHashes[1], state: { turn: 2, budgets: { poland: expect.any(Number) } } });
  });

  it('reads a file without its scenario against scenarios/<id>.json', () => {
    expect(run(['own.json']).code).toBe(0);
  });
});

describe('npm run replay: a file that went another way', () => {
  it('says where it diverged, with the expected and actual hash, and exits 1', () => {
    const { code, out, err } = run(['tampered.json']);
    expect([code, err]).toEqual([1, '']);
    expect(out).toBe([
      `tampered.json: diverged at turn 2, action ${turn2 + 1} (actions[${turn2}]): the state after turn 2 differs from the recorded one.`,
      '  expected state hash: 0000000000000000',
      `  actual state hash:   ${file.turnHashes[1]}`,
      '',
    ].join('\n'));
    expect(JSON.parse(run(['tampered.json', '--json']).out)).toEqual({
      status: 'diverged', file: 'tampered.json', turn: 2, action: turn2, expected: '0000000000000000', actual: file.turnHashes[1],
      reason: 'the state after turn 2 differs from the recorded one',
    });
  });
});

describe('npm run replay: a file that cannot be used (exit 2, the reason on stderr)', () => {
  it.each([
    [['missing.json'], 'missing.json: cannot be read (no such file)'],
    [['folder'], 'folder: cannot be read (it is a folder)'],
    [['broken.json'], 'broken.json:8:3: not valid JSON: expected a comma or a closing brace'],
    [['v2.json'], 'v2.json: formatVersion: this game reads replay format version 1, got 2: the file was written by a newer version of the game'],
    [['schema.json'], 'schema.json: seed: is missing (expected a text)\nschema.json: actions[3].type: expected one of "endPhase", "chooseEventOption", '],
    [['bad-scenario.json'], 'bad-scenario.json: scenario.turns: expected a number ≥ 1, got 0'],
    [['changed.json'], 'changed.json: scenarioHash: does not match the embedded scenario: the scenario was changed after the game was played'],
    [['other-id.json'], 'other-id.json: scenarioId: names "kielce-line" but the embedded scenario is "first-contract"'],
    [['unknown.json'], 'unknown.json: scenarioId: unknown scenario "narnia": the file does not embed its scenario and this game has no scenario with that id (known: first-contract, '],
    [['refused.json'], 'refused.json: cannot be replayed: the rules refuse action 3 (actions[2], endPhase by nobody) in turn 1: '],
    [['good.json', '--to-turn', '9'], `good.json: --to-turn 9: this replay records ${file.turnHashes.length} turns`],
  ])('%j', (argv, message) => {
    const { code, out, err } = run(argv);
    expect([code, out]).toEqual([2, '']);
    expect(err.startsWith(message)).toBe(true);
    expect(err.endsWith('\n')).toBe(true);
  });

  it.each([
    [[], 'Usage: npm run replay -- FILE [--json] [--to-turn N | --compare OTHER_FILE]'],
    [['a.json', 'b.json'], 'Give one replay file, got 2: a.json, b.json.'],
    [['good.json', '--turbo'], 'Unknown option --turbo. Usage: npm run replay -- FILE [--json] [--to-turn N | --compare OTHER_FILE]'],
    [['good.json', '--to-turn'], '--to-turn needs a value.'],
    [['good.json', '--to-turn', '0'], '--to-turn must be a whole number from 1, got "0".'],
    [['good.json', '--to-turn', 'two'], '--to-turn must be a whole number from 1, got "two".'],
  ])('bad arguments %j: one line', (argv, message) => {
    expect(run(argv)).toEqual({ code: 2, out: '', err: `${message}\n` });
  });

  it('--json says why as JSON on stdout', () => {
    const { code, out, err } = run(['v2.json', '--json']);
    expect([code, err]).toEqual([2, '']);
    expect(JSON.parse(out)).toMatchObject({ status: 'unusable', kind: 'formatVersion', file: 'v2.json', errors: [{ path: 'formatVersion' }] });
    expect(JSON.parse(run(['broken.json', '--json']).out)).toMatchObject({ status: 'unusable', kind: 'json', line: 8, column: 3 });
    expect(JSON.parse(run(['--json']).out)).toMatchObject({ status: 'unusable', kind: 'arguments' });
  });
});

describe('npm run replay -- A --compare B', () => {
  const shared = file.actions.findIndex((a, i) => JSON.stringify(a) !== JSON.stringify(forkPlayed.actions[i]));

  it('the same game: says so and exits 0', () => {
    const { code, out, err } = run(['good.json', '--compare', 'own.json']);
    expect([code, err]).toEqual([0, '']);
    expect(out).toBe(`good.json and own.json: First Contract (tutorial) (first-contract), seed 4.\nThe same game: the same seats and the same ${file.actions.length} actions.\n`);
  });

  it('two games that split: where, the first different action in words, outcomes, and turn by turn; exits 1', () => {
    expect(shared).toBeGreaterThan(0);
    const { code, out, err } = run(['good.json', '--compare=fork.json']);
    expect([code, err]).toEqual([1, '']);
    const lines = out.split('\n');
    expect(lines[0]).toBe('good.json and fork.json: First Contract (tutorial) (first-contract), seed 4.');
    expect(lines[1]).toMatch(new RegExp(`^They share the first ${shared} actions \\(good\\.json has ${file.actions.length}, fork\\.json ${forkPlayed.actions.length}\\); after them: .+ \\(turn \\d\\), [a-z]+ phase\\.$`));
    expect(lines[2]).toBe('Seat: South Korea is standard bot in good.json, easy bot in fork.json.');
    expect(lines[3]).toMatch(new RegExp(`^First different action: action ${shared + 1}, `));
    expect(lines[4]).toMatch(/^  good\.json: (Poland|South Korea): \S/);
    expect(lines[5]).toMatch(/^  fork\.json: (Poland|South Korea): \S/);
    expect(lines[4]!.slice(12)).not.toBe(lines[5]!.slice(12));
    expect(out).toContain(`  good.json: ${played.state.outcome!.text} Scores: Poland `);
    expect(out).toContain(`  fork.json: ${forkPlayed.state.outcome!.text} Scores: Poland `);
    expect(out).toContain("Turn by turn, at each turn's end (good.json → fork.json, only what differs):");
    const turnLines = lines.filter((l) => /^  Turn \d+ /.test(l));
    expect(turnLines).toHaveLength(Math.max(file.turnHashes.length, forkPlayed.turnHashes.length));
    expect(turnLines.some((l) => / → /.test(l))).toBe(true);
    const json = JSON.parse(run(['good.json', '--compare', 'fork.json', '--json']).out);
    expect(json).toMatchObject({ status: 'different', files: ['good.json', 'fork.json'], shared, firstDifference: { index: shared }, seatChanges: [{ role: 'korea', original: 'standard bot', fork: 'easy bot' }] });
    expect(json.outcomes.b.scores).toEqual(Object.fromEntries(Object.entries(forkPlayed.state.outcome!.scores).map(([r, x]) => [r, x.total])));
  });

  it.each([
    [['good.json', '--compare', 'seed5.json'], 'seed5.json: not the same game as good.json: First Contract (tutorial) (first-contract), seed 5 against First Contract (tutorial) (first-contract), seed 4; only replays of the same scenario and seed can be compared'],
    [['good.json', '--compare', 'broken.json'], 'broken.json:8:3: not valid JSON: expected a comma or a closing brace'],
    [['good.json', '--compare', 'missing.json'], 'missing.json: cannot be read (no such file)'],
    [['good.json', '--compare'], '--compare needs the other replay file.'],
    [['good.json', '--compare', 'fork.json', '--to-turn', '2'], '--to-turn and --compare do not go together: compare whole replays, or check one up to a turn.'],
  ])('cannot compare %j: exits 2 and says why', (argv, message) => {
    const { code, out, err } = run(argv);
    expect([code, out]).toEqual([2, '']);
    expect(err).toBe(`${message}\n`);
  });
});

describe('npm run replay as a program', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../src/cli/replay.ts'), ...args], { encoding: 'utf8' });

  it('exits 0, 1 and 2 with no stack trace', () => {
    for (const name of ['good.json', 'tampered.json', 'broken.json']) writeFileSync(join(dir, name), texts[name]!);
    const verified = cli([join(dir, 'good.json')]);
    expect([verified.status, verified.stderr]).toEqual([0, '']);
    expect(verified.stdout).toContain(': verified.');
    const diverged = cli([join(dir, 'tampered.json')]);
    expect([diverged.status, diverged.stderr]).toEqual([1, '']);
    expect(diverged.stdout).toContain(': diverged at turn 2');
    for (const args of [[join(dir, 'broken.json')], [join(dir, 'nothing-here.json')], [dir], ['--to-turn', 'x', 'y']]) {
      const bad = cli(args);
      expect(bad.status).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).not.toMatch(/\bat \S+:\d+:\d+|Error:/);
    }
    expect(readFileSync(join(dir, 'good.json'), 'utf8')).toBe(good);
  }, 120_000);
});
