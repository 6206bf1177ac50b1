import { describe, expect, it } from 'vitest';
import { applyAction, checkAction, createGame, legalActions, viewFor, type GameState } from '../../src/core';
import { actorOf, botAction, botRandom, decideLookahead, lookaheadCounters, rankStandard } from '../../src/bots';
import { rolloutAction } from '../../src/bots/rollout';
import { MIN_GAIN, pickFrom } from '../../src/bots/standard';
import { botSeats, scenarioById } from './support';

// The lookahead's budget is candidates × samples playouts per decision, spread over the candidates it
// has; its rollout policy makes moves the rules accept.

/** States along an all-standard umbrella-gap game, from `from` on. */
function statesOf(seed: string, from: number, count: number): GameState[] {
  const scenario = scenarioById('umbrella-gap');
  let s = createGame(scenario, seed, botSeats(scenario, 'standard'));
  const out: GameState[] = [];
  for (let n = 0; out.length < count && !s.outcome; n++) {
    const role = actorOf(s)!;
    if (n >= from) out.push(s);
    const r = applyAction(s, botAction(s, role, 'standard'));
    if (!r.ok) throw new Error(r.rejection.message);
    s = r.state;
  }
  return out;
}

describe('lookahead', () => {
  it('plays candidates × samples playouts per decision (at least), spread over the candidates it has', () => {
    let checked = 0;
    for (const s of statesOf('look-budget', 0, 40)) {
      const role = actorOf(s)!;
      const legal = legalActions(s, role);
      if (legal.length < 2) continue;
      const before = lookaheadCounters.rollouts;
      decideLookahead(viewFor(s, role), legal, botRandom(s, role), { candidates: 3, samples: 4 });
      const played = lookaheadCounters.rollouts - before;
      if (played === 0) continue; // one candidate only: nothing to compare
      expect(played).toBeGreaterThanOrEqual(12);
      expect(played).toBeLessThan(12 + 3);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  }, 120_000);

  it('takes the standard pick, ending the step or an action the standard bot rates worth taking, never something else', () => {
    for (const s of statesOf('look-pick', 30, 12)) {
      const role = actorOf(s)!;
      const legal = legalActions(s, role);
      const ranked = rankStandard(viewFor(s, role), legal, botRandom(s, role));
      const allowed = [pickFrom(ranked, legal), { type: 'endPhase', role }, ...ranked.filter((c) => c.value > MIN_GAIN).map((c) => c.action)];
      const choice = botAction(s, role, 'lookahead', { candidates: 3, samples: 3 });
      expect(allowed).toContainEqual(choice);
      expect(checkAction(s, choice)).toBeNull();
    }
  }, 120_000);

  it('the rollout policy makes moves the rules accept: a played Red cell launches, nations end their steps', () => {
    let launches = 0;
    for (const s of statesOf('look-rollout', 0, 400)) {
      const role = actorOf(s)!;
      const a = rolloutAction(s, role);
      if (a.type === 'launchWave') { launches++; expect(checkAction(s, a), `action ${s.actionCount}`).toBeNull(); }
      else if (!s.pendingChoice && s.phase !== 'threats') expect(a).toEqual({ type: 'endPhase', role });
    }
    expect(launches).toBeGreaterThan(0);
  }, 120_000);
});
