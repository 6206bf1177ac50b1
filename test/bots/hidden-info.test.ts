import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import {
  applyAction, canonicalJson, legalActions, viewFor, createGame,
  type BotLevel, type GameState, type Scenario,
} from '../../src/core';
import { actorOf, botAction } from '../../src/bots';
import { botSeats, FIXTURE, loadFile, scenarioById, shippedScenarios } from './support';

// A bot never sees hidden information: change everything another role may not see (the deck order,
// every dice stream, the scripted waves, other roles' hidden objectives and intelligence) and its
// choice stays the same, at every level.

const LOOKAHEAD = { candidates: 2, samples: 1, maxActions: 150 };

/** The same game with every hidden part changed, as far as `viewer` is concerned. */
function perturb(s: GameState, viewer: string): GameState {
  const pick = seedrandom.alea(`perturb|${s.actionCount}`);
  const canSee = s.intel[viewer] ?? { nextCard: false, nextWave: false, reports: [] };
  const side = s.scenario.roles.find((r) => r.id === viewer)?.side;
  const hiddenFromViewer = (owner: string) => !s.revealed && owner !== viewer && owner !== side;
  const deck = [...s.deck];
  const keep = canSee.nextCard ? deck.shift() : undefined;
  for (let i = deck.length - 1; i > 0; i--) { const j = Math.floor(pick() * (i + 1)); [deck[i], deck[j]] = [deck[j]!, deck[i]!]; }
  if (keep !== undefined) deck.unshift(keep);
  const rng = Object.fromEntries(Object.keys(s.rng).map((k) => [k, { c: 1, s0: pick(), s1: pick(), s2: pick() }])) as GameState['rng'];
  const plannedWaves = canSee.nextWave ? s.plannedWaves : Object.fromEntries(Object.entries(s.plannedWaves).map(([t, list]) =>
    [t, list.map((a) => ({ ...a, count: a.count + 3 }))]));
  const intel = Object.fromEntries(Object.entries(s.intel).map(([r, x]) => [r, hiddenFromViewer(r) ? { ...x, reports: [...x.reports, 'a secret'] } : x]));
  const objectives = s.scenario.objectives.map((o) => (o.hidden && hiddenFromViewer(o.owner)
    ? { ...o, points: o.points + 50, condition: { compare: { turn: true as const }, op: '>=' as const, value: 1 } }
    : o));
  return { ...s, deck, rng, plannedWaves, intel, scenario: { ...s.scenario, objectives } };
}

/** States along a standard-bot game, one every `every` actions. */
function statesOf(scenario: Scenario, seed: string, count: number, every: number): GameState[] {
  let s = createGame(scenario, seed, botSeats(scenario, 'standard'));
  const out: GameState[] = [];
  for (let n = 0; out.length < count && !s.outcome; n++) {
    const role = actorOf(s)!;
    if (n % every === 0) out.push(s);
    const result = applyAction(s, botAction(s, role, 'standard'));
    if (!result.ok) throw new Error(result.rejection.message);
    s = result.state;
  }
  return out;
}

function scenariosWithSecrets(): Scenario[] {
  const list = [loadFile(FIXTURE), ...shippedScenarios()];
  return list.filter((s) => s.objectives.some((o) => o.hidden) || s.deck.length > 1).slice(0, 4);
}

describe('bots see only their view', () => {
  it('the perturbation changes only what the acting role cannot see', () => {
    for (const s of statesOf(loadFile(FIXTURE), 'secrets', 10, 7)) {
      const role = actorOf(s)!;
      const changed = perturb(s, role);
      expect(canonicalJson(changed.deck) === canonicalJson(s.deck) && changed.deck.length > 2).toBe(false);
      expect(canonicalJson(viewFor(changed, role))).toBe(canonicalJson(viewFor(s, role)));
    }
  });

  for (const level of ['easy', 'standard', 'lookahead'] as BotLevel[]) {
    it(`${level}: the choice is unchanged when hidden data changes`, () => {
      const scenarios = level === 'lookahead' ? [loadFile(FIXTURE), scenarioById('first-contract')] : scenariosWithSecrets();
      let checked = 0;
      for (const scenario of scenarios)
        for (const s of statesOf(scenario, `hidden-${level}`, level === 'lookahead' ? 4 : 12, 9)) {
          const role = actorOf(s)!;
          if (legalActions(s, role).length < 2) continue;
          const options = level === 'lookahead' ? LOOKAHEAD : undefined;
          expect(botAction(perturb(s, role), role, level, options), `${scenario.id} action ${s.actionCount}`).toEqual(botAction(s, role, level, options));
          checked++;
        }
      expect(checked).toBeGreaterThan(5);
    }, 300_000);
  }
});
