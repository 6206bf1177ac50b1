import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { applyAction, createGame, legalActions, logEntries, parseScenario, stateHash, PHASES, type GameState, type Scenario } from '../../src/core';

// Every shipped scenario parses, plays to its end under seeded-random legal play, and keeps its
// golden final hash. Changing a golden is a deliberate act: run with UPDATE_GOLDENS=1 and say why
// in the commit.
const DIR = join(__dirname, '../../scenarios');
const GOLDENS = join(__dirname, 'goldens.json');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const goldens: Record<string, string> = existsSync(GOLDENS) ? JSON.parse(readFileSync(GOLDENS, 'utf8')) : {};
const updated: Record<string, string> = { ...goldens };

function load(file: string): Scenario {
  const result = parseScenario(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

/** Every role played by a seeded-random policy over its legal actions. */
function playOut(scenario: Scenario, seed: string): { state: GameState; actions: number } {
  const seats = Object.fromEntries(scenario.roles.map((r) => [r.id, { kind: 'human' as const }]));
  const pick = seedrandom.alea(`policy/${seed}`);
  let s = createGame(scenario, seed, seats);
  let actions = 0;
  while (!s.outcome) {
    const role = s.pendingChoice?.role ?? s.queue[0];
    if (!role) throw new Error(`nobody can act in the ${s.phase} phase of turn ${s.turn}`);
    const options = legalActions(s, role);
    if (options.length === 0) throw new Error(`${role} has no legal action in the ${s.phase} phase of turn ${s.turn}`);
    const choice = options[Math.floor(pick() * options.length)]!;
    const result = applyAction(s, choice.action);
    if (!result.ok) throw new Error(`legal action refused: ${JSON.stringify(choice.action)}: ${result.rejection.message}`);
    s = result.state;
    if (++actions > 20_000) throw new Error('the game does not end');
  }
  return { state: s, actions };
}

describe.each(files)('scenario %s', (file) => {
  const scenario = load(file);

  it('is named by its id', () => {
    expect(file).toBe(`${scenario.id}.json`);
  });

  it('plays to its end for 50 seeds with seeded-random legal actions, no rejection and no exception', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { state } = playOut(scenario, String(seed));
      expect(state.outcome).not.toBeNull();
    }
  }, 600_000);

  it('keeps its golden final hash for a fixed seed and policy', () => {
    const hash = stateHash(playOut(scenario, 'golden').state);
    if (process.env.UPDATE_GOLDENS) {
      updated[scenario.id] = hash;
      writeFileSync(GOLDENS, `${JSON.stringify(Object.fromEntries(Object.entries(updated).sort()), null, 2)}\n`);
    } else {
      expect(goldens[scenario.id], `no golden for ${scenario.id}: run UPDATE_GOLDENS=1 npx vitest run test/scenarios`).toBeDefined();
      expect(hash).toBe(goldens[scenario.id]);
    }
  }, 120_000);

  it('has an event deck of at least 12 cards (the tutorial excepted) with plain, short texts', () => {
    const cards = scenario.deck;
    if (scenario.id !== 'first-contract') expect(cards.length).toBeGreaterThanOrEqual(12);
    for (const card of cards) expect(card.text.length, card.id).toBeLessThanOrEqual(300);
  });
});

describe('the tutorial teaches', () => {
  it('has one short hint for every phase, and every phase appears in play', () => {
    const scenario = load('first-contract.json');
    for (const phase of PHASES) {
      expect(scenario.phaseHints[phase], phase).toBeDefined();
      expect(scenario.phaseHints[phase]!.length).toBeLessThanOrEqual(200);
    }
    const { state } = playOut(scenario, 'tutorial');
    const seen = new Set(logEntries(state.log).filter((l) => / phase\./.test(l.text)).map((l) => l.phase));
    expect([...seen].sort()).toEqual([...PHASES].sort());
  });
});
