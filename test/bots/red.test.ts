import { describe, expect, it } from 'vitest';
import { setCoreAutoFreeze, type Action, type GameState, type Scenario } from '../../src/core';
import { playGame } from '../../src/bots';
import { HOLD_AT } from '../../src/bots/red';
import { botSeats, FIXTURE, loadFile, shippedScenarios } from './support';

// The Red cell bot launches from the scenario's threat table (its threat types, targets and limits
// of the turn) and provokes only with the scenario's provocations; with the table open and tension
// below the point where it holds its fire, it does launch.

type Launch = Extract<Action, { type: 'launchWave' }>;

function redScenarios(): Scenario[] {
  const list = [loadFile(FIXTURE), ...shippedScenarios()];
  return list.filter((s) => s.roles.some((r) => r.kind === 'red' && r.seat !== 'scripted') && s.waves.length > 0);
}

function checkGame(scenario: Scenario, seed: string): { launches: number; openTurns: number } {
  const red = scenario.roles.find((r) => r.kind === 'red')!.id;
  const launchedPerTurn = new Map<string, number>();
  const turnsWithLaunch = new Set<number>();
  const openTurns = new Set<number>();
  let launches = 0;
  playGame(scenario, seed, botSeats(scenario, 'standard'), {
    onStep: ({ before, action }) => {
      const s: GameState = before;
      if (s.phase === 'threats' && action.role === red && action.type === 'endPhase') {
        const open = s.scenario.waves.some((w, i) => w.fromTurn <= s.turn && s.turn <= w.toTurn && (s.turnStats.launched[String(i)] ?? 0) < w.max
          && (s.tracks[`tension:${w.theatre}`] ?? 0) < HOLD_AT);
        if (open && !turnsWithLaunch.has(s.turn)) openTurns.add(s.turn);
      }
      if (action.type === 'launchProvocation') expect(scenario.provocations.map((p) => p.id)).toContain(action.provocation);
      if (action.type !== 'launchWave') return;
      expect(action.role).toBe(red);
      launches++;
      turnsWithLaunch.add(s.turn);
      for (const attack of (action as Launch).attacks) {
        const entries = scenario.waves.filter((w) => w.fromTurn <= s.turn && s.turn <= w.toTurn && w.threat === attack.threat && w.targets.includes(attack.target));
        expect(entries.length, `${attack.threat} at ${attack.target} on turn ${s.turn}`).toBeGreaterThan(0);
        const key = `${s.turn}|${attack.threat}|${attack.target}`;
        launchedPerTurn.set(key, (launchedPerTurn.get(key) ?? 0) + attack.count);
        expect(launchedPerTurn.get(key)!).toBeLessThanOrEqual(entries.reduce((sum, w) => sum + w.max, 0));
      }
    },
  });
  return { launches, openTurns: openTurns.size };
}

describe('the Red cell bot', () => {
  const scenarios = redScenarios();
  it('has scenarios with a played Red cell to test', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s: launches from the threat table and only from it', (_id, scenario) => {
    setCoreAutoFreeze(false);
    try {
      let launches = 0;
      for (const seed of ['red-1', 'red-2']) {
        const result = checkGame(scenario, seed);
        launches += result.launches;
        expect(result.openTurns, `turns on which Red let an open table pass (${seed})`).toBe(0);
      }
      expect(launches).toBeGreaterThan(0);
    } finally {
      setCoreAutoFreeze(true);
    }
  }, 300_000);
});
