import { describe, expect, it } from 'vitest';
import {
  applyAction, checkAction, createGame, legalActions, replay, setCoreAutoFreeze, stateHash, viewFor,
  type Action, type BotLevel, type GameState,
} from '../../src/core';
import { actorOf, botAction, botRandom, decide, playGame } from '../../src/bots';
import { botSeats, FIXTURE, loadFile, scenarioById, shippedScenarios } from './support';

// Bots are deterministic per seed, and every level's choice is a legal move.

const LOOKAHEAD = { candidates: 2, samples: 1, maxActions: 200 };

function step(s: GameState, a: Action): GameState {
  const r = applyAction(s, a);
  if (!r.ok) throw new Error(`${a.type} refused: ${r.rejection.message}`);
  return r.state;
}

function withoutFreeze(run: () => void): void {
  setCoreAutoFreeze(false);
  try { run(); } finally { setCoreAutoFreeze(true); }
}

describe('determinism per seed', () => {
  it.each(['easy', 'standard'] as BotLevel[])('%s bots: the same seed plays the same game; another seed does not', (level) => {
    const scenario = loadFile(FIXTURE);
    const seats = botSeats(scenario, level);
    const a = playGame(scenario, '11', seats);
    const b = playGame(scenario, '11', seats);
    const c = playGame(scenario, '12', seats);
    expect(b.actions).toEqual(a.actions);
    expect(stateHash(b.state)).toBe(stateHash(a.state));
    expect(stateHash(c.state)).not.toBe(stateHash(a.state));
  }, 120_000);

  it('a played game replays to the same turn hashes and final hash', () => {
    const scenario = scenarioById('first-contract');
    const seats = botSeats(scenario, 'standard');
    const game = playGame(scenario, '5', seats);
    const again = replay(scenario, '5', seats, game.actions);
    expect(again.failure).toBeNull();
    expect(game.turnHashes).toEqual(again.turnHashes);
    expect(stateHash(game.state)).toBe(again.finalHash);
    expect(game.turnHashes).toHaveLength(scenario.turns);
  });

  it('lookahead decides the same twice from the same state', () => {
    const scenario = loadFile(FIXTURE);
    let s = createGame(scenario, 'look', botSeats(scenario, 'standard'));
    for (let n = 0; n < 12; n++) {
      const role = actorOf(s)!;
      expect(botAction(s, role, 'lookahead', LOOKAHEAD)).toEqual(botAction(s, role, 'lookahead', LOOKAHEAD));
      s = step(s, botAction(s, role, 'standard'));
    }
  }, 120_000);
});

describe('every level makes legal moves', () => {
  const scenarios = [...shippedScenarios(), loadFile(FIXTURE)];

  // Standard bots: see rejections.test.ts (every scenario, many seeds).
  it('easy: whole games of every scenario, no action refused', () => {
    withoutFreeze(() => {
      for (const scenario of scenarios) {
        const game = playGame(scenario, 'legal-easy', botSeats(scenario, 'easy'));
        expect(game.rejections, scenario.id).toEqual([]);
      }
    });
  }, 300_000);

  it('lookahead: its choices along games of every scenario are legal', () => {
    withoutFreeze(() => {
      for (const scenario of scenarios) {
        let s = createGame(scenario, 'legal-lookahead', botSeats(scenario, 'standard'));
        for (let n = 0; n < 48 && !s.outcome; n++) {
          const role = actorOf(s)!;
          if (n % 8 === 0) {
            const choice = decide(viewFor(s, role), legalActions(s, role), botRandom(s, role), 'lookahead', LOOKAHEAD);
            expect(checkAction(s, choice), `${scenario.id} action ${n}`).toBeNull();
          }
          s = step(s, botAction(s, role, 'standard'));
        }
      }
    });
  }, 300_000);

  it('a game with a lookahead seat plays to its end with no action refused', () => {
    const scenario = scenarioById('first-contract');
    const seats = botSeats(scenario, (role) => (role === scenario.roles[0]!.id ? 'lookahead' : 'standard'));
    withoutFreeze(() => {
      const game = playGame(scenario, 'full-lookahead', seats, { lookahead: LOOKAHEAD });
      expect(game.rejections).toEqual([]);
      expect(game.state.outcome).not.toBeNull();
    });
  }, 120_000);
});
