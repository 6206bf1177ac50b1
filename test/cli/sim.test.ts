import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { replay } from '../../src/core';
import { runSim, type SimIo } from '../../src/cli/sim';
import { parseReplayFile, verifyReplay } from '../../src/app/replayFile';

// npm run sim: bad arguments give one plain line and exit code 2; a game prints its account, its
// JSON result carries the hashes replay() computes, and --out writes a replay file that verifies.

function run(argv: string[]): { code: number; out: string; err: string; files: Record<string, string> } {
  let out = '';
  let err = '';
  const files: Record<string, string> = {};
  const io: SimIo = { out: (t) => { out += t; }, err: (t) => { err += t; }, writeFile: (p, t) => { files[p] = t; }, progress: false };
  const code = runSim(argv, io);
  return { code, out, err, files };
}

describe('npm run sim: bad arguments', () => {
  it.each([
    [['--scenario', 'no-such-scenario'], /^Unknown scenario "no-such-scenario": expected one of .*first-contract/],
    [['--scenario', 'first-contract', '--seed', 'abc'], /^--seed must be a whole number, got "abc"\.$/],
    [['--scenario', 'first-contract', '--seed', '-3'], /^--seed must be a whole number, got "-3"\.$/],
    [['--scenario', 'first-contract', '--seats', 'poland=robot'], /^Bad seat "poland=robot"/],
    [['--scenario', 'first-contract', '--seats', 'poland=bot:genius'], /^Bad seat "poland=bot:genius"/],
    [['--scenario', 'first-contract', '--seats', 'narnia=bot:easy'], /^Bad seat: there is no role "narnia" in first-contract/],
    [['--scenario', 'first-contract', '--games', '0'], /^--games must be from 1 to/],
    [['--scenario', 'first-contract', '--games', '2', '--out', 'x.json'], /^--out writes the replay of one game/],
    [['--scenario', 'first-contract', '--turbo'], /^Unknown option --turbo\./],
    [['--scenario'], /^--scenario needs a value\.$/],
    [['--seed', '3'], /^--scenario is required\./],
    [['--scenario', 'missing/file.json'], /^missing\/file\.json: cannot be read \(no such file\)\.$/],
  ])('%j → exit 2 and one line', (argv, message) => {
    const { code, out, err } = run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.endsWith('\n')).toBe(true);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err.trimEnd()).toMatch(message);
  });

  it('prints no stack trace when run as a program', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../src/cli/sim.ts'), '--scenario', 'nowhere', '--seed', '1'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Unknown scenario "nowhere"/)]);
  }, 60_000);
});

describe('npm run sim: one game', () => {
  it('tells the game turn by turn in sentences and ends with the outcome and scores', () => {
    const { code, out, err } = run(['--scenario', 'first-contract', '--seed', '4']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^First Contract \(tutorial\) \(first-contract\), seed 4\./);
    expect(out).toMatch(/\nTurn 1 \(2022 H2\): Event: /);
    expect(out).toMatch(/\nTurn 4 \(2024 H1\): /);
    expect(out).toMatch(/\nOutcome: /);
    expect(out).toMatch(/\nFinal state hash: [0-9a-f]{16}\.\n$/);
  });

  it('--json gives the final hash and the per-turn hashes replay() computes; --out writes a replay that verifies', () => {
    const { code, out, files } = run(['--scenario', 'first-contract', '--seed', '9', '--json', '--out', 'game.replay.json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    const file = parseReplayFile(JSON.parse(files['game.replay.json']!));
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    const again = replay(file.replay.scenario, file.replay.seed, file.replay.seats, file.replay.actions);
    expect(result.finalHash).toBe(again.finalHash);
    expect(result.turnHashes).toEqual(again.turnHashes);
    expect(result.turns.map((t: { hash: string }) => t.hash)).toEqual(again.turnHashes);
    expect(result.scenario.hash).toBe(file.replay.scenarioHash);
    expect(verifyReplay(file.replay)).toMatchObject({ status: 'verified', finalHash: again.finalHash });
  });
});

describe('npm run sim: many games', () => {
  it('--games K prints a balance report with win rates, intervals, scores, length and shared losses', () => {
    const { code, out } = run(['--scenario', 'first-contract', '--seed', '1', '--games', '3', '--seats', 'korea=bot:easy']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Balance of First Contract \(tutorial\) \(first-contract\): 3 games, seeds 1–3\./);
    expect(out).toMatch(/Seats: poland=bot:standard, korea=bot:easy\./);
    expect(out).toMatch(/shared loss \d+\.\d% \[\d+\.\d%–\d+\.\d%\]/);
    expect(out).toMatch(/\n {2}Partners +\d+\.\d% \[/);
    expect(out).toMatch(/mean score \d/);
  });

  it('--games K --json gives the report as data', () => {
    const { code, out } = run(['--scenario', 'first-contract', '--seed', '7', '--games', '2', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.games).toBe(2);
    expect(report.seeds).toEqual({ from: 7, to: 8 });
    expect(report.sides[0]).toMatchObject({ id: 'partners' });
    expect(report.sides[0].low).toBeLessThanOrEqual(report.sides[0].rate);
  });
});
