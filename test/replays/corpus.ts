import { describe, expect, it } from 'vitest';
import { setCoreAutoFreeze, stateHash, type BotLevel, type Scenario } from '../../src/core';
import { playGame } from '../../src/bots';
import { buildReplayFile, formatReplayFile, parseReplayText, verificationText, verifyReplay } from '../../src/app/replayFile';
import { botSeats, scenarioById } from '../bots/support';

// The replay corpus: 1,000 seeded all-bot games over all seven scenarios. Each game is written as a real
// replay file (buildReplayFile + formatReplayFile), read back from its text and verified by re-running
// the rules; none may diverge. No hash is stored anywhere: the games are played fresh on every run.
//
// The mix keeps the run to a few minutes on two cores: mostly easy bots (fast), some standard ones, and
// more games of the short scenarios (first-contract, hotline) than of the long ones.
export const MIX: readonly { scenario: string; level: BotLevel; games: number }[] = [
  { scenario: 'first-contract', level: 'easy', games: 260 },
  { scenario: 'hotline', level: 'easy', games: 260 },
  { scenario: 'kielce-line', level: 'easy', games: 90 },
  { scenario: 'umbrella-gap', level: 'easy', games: 90 },
  { scenario: 'two-theatres', level: 'easy', games: 60 },
  { scenario: 'many-hands', level: 'easy', games: 60 },
  { scenario: 'surge-line', level: 'easy', games: 60 },
  { scenario: 'first-contract', level: 'standard', games: 50 },
  { scenario: 'hotline', level: 'standard', games: 40 },
  { scenario: 'kielce-line', level: 'standard', games: 10 },
  { scenario: 'umbrella-gap', level: 'standard', games: 8 },
  { scenario: 'many-hands', level: 'standard', games: 5 },
  { scenario: 'surge-line', level: 'standard', games: 4 },
  { scenario: 'two-theatres', level: 'standard', games: 3 },
];

/** Plays one game, writes it, reads it back and verifies it: the problem, or null. */
function roundTrip(scenario: Scenario, level: BotLevel, seed: string, tamper: boolean): string | null {
  const seats = botSeats(scenario, level);
  const firstOfTurn = new Map<number, number>();
  let n = 0;
  const played = playGame(scenario, seed, seats, { onStep: (step) => { if (!firstOfTurn.has(step.before.turn)) firstOfTurn.set(step.before.turn, n); n++; } });
  const file = buildReplayFile({ scenario, seed, seats, actions: played.actions, turnHashes: played.turnHashes, finalHash: stateHash(played.state) });
  const where = `${scenario.id}, ${level} bots, seed ${seed}`;
  const parsed = parseReplayText(formatReplayFile(file));
  if (!parsed.ok) return `${where}: the file does not read back: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
  const v = verifyReplay(parsed.replay);
  if (v.status !== 'verified') return `${where}: ${verificationText(v)}`;
  if (v.finalHash !== stateHash(played.state) || v.turnHashes.length !== played.turnHashes.length) return `${where}: verified, but not to the game that was played`;
  if (!tamper) return null;
  // One recorded hash changed: the verifier must name that turn and its first action.
  const turn = Math.ceil(file.turnHashes.length / 2);
  const hashes = [...file.turnHashes];
  hashes[turn - 1] = hashes[turn - 1] === '0000000000000000' ? '0000000000000001' : '0000000000000000';
  const t = verifyReplay({ ...parsed.replay, turnHashes: hashes });
  if (t.status !== 'diverged' || t.turn !== turn || t.action !== firstOfTurn.get(turn))
    return `${where}: a changed hash for turn ${turn} (first action ${firstOfTurn.get(turn)}) gives ${verificationText(t)}`;
  return null;
}

/** The shard's share of every batch: games whose index ≡ shard (mod shards). */
export function runShard(shard: number, shards: number): void {
  setCoreAutoFreeze(false); // as the simulator and production builds run; results are identical
  describe(`replay corpus, shard ${shard + 1} of ${shards}`, () => {
    if (shard === 0)
      it('the mix is 1,000 games over all seven scenarios', () => {
        expect(MIX.reduce((sum, b) => sum + b.games, 0)).toBe(1000);
        expect(new Set(MIX.map((b) => b.scenario)).size).toBe(7);
      });
    for (const batch of MIX) {
      const seeds = Array.from({ length: batch.games }, (_, i) => i).filter((i) => i % shards === shard);
      it(`${batch.scenario}, ${batch.level} bots: ${seeds.length} of ${batch.games} games write, read back and verify`, () => {
        const scenario = scenarioById(batch.scenario);
        const problems = seeds.map((i) => roundTrip(scenario, batch.level, String(i), i === shard)).filter((p) => p !== null);
        expect(problems).toEqual([]);
      });
    }
  });
}

