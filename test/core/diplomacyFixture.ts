import { expect } from 'vitest';
import { produce } from 'immer';
import { applyAction, createGame, parseScenario, type Action, type GameState, type ScenarioInput } from '../../src/core/index';
import { logEntries } from '../../src/core/index';
import { createCtx, flushCtx, type Ctx } from '../../src/core/context';

// A small scenario for the diplomacy rules: Aster and Borea (humans) share the west, Celest (a bot)
// holds the east, Doran is scripted, and a Red cell (a bot) stands apart.

const role = (id: string, name: string, seat: string, kind = 'nation') => ({
  id, name, kind, side: kind === 'red' ? 'red' : 'allies', colour: '#E69F00', pattern: 'solid', seat,
  briefing: { situation: `${name} negotiates.`, goals: ['Agree.'] },
  budget: { start: 10, perTurn: 5, cap: 30 },
});

export function diplomacyScenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    formatVersion: 1, id: 'diplomacy-test', title: 'Diplomacy test', summary: 'Pacts, ventures and alliances.',
    turns: 6, turnLabels: ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'],
    teachingGoals: ['Partnerships.'], discussionQuestions: ['Why?'],
    story: { sources: [], fictionalised: 'Invented for tests.' },
    sides: [{ id: 'allies', name: 'Allies' }, { id: 'red', name: 'Red' }],
    roles: [
      role('aster', 'Aster', 'human'), role('borea', 'Borea', 'human'), role('celest', 'Celest', 'bot'),
      role('doran', 'Doran', 'scripted'), role('red', 'Red cell', 'bot', 'red'),
    ],
    theatres: [
      { id: 'west', name: 'West', tension: 5, frame: { x: 0, y: 0, w: 10, h: 10 } },
      { id: 'east', name: 'East', tension: 5, frame: { x: 10, y: 0, w: 10, h: 10 } },
    ],
    regions: [
      { id: 'a-home', name: 'Aster Home', theatre: 'west', owner: 'aster', value: 3, stayingPower: 3, x: 1, y: 1 },
      { id: 'b-home', name: 'Borea Home', theatre: 'west', owner: 'borea', value: 3, stayingPower: 3, x: 3, y: 1 },
      { id: 'c-home', name: 'Celest Home', theatre: 'east', owner: 'celest', value: 3, stayingPower: 3, x: 11, y: 1 },
      { id: 'r-base', name: 'Red Base', theatre: 'east', owner: 'red', value: 1, stayingPower: 2, x: 15, y: 1 },
    ],
    tracks: [{ id: 'transparency', name: 'Transparency', min: 0, max: 5, start: 1 }],
    items: [{ id: 'pac', name: 'PAC interceptors', kind: 'interceptor', unitCost: 4 }, { id: 'cgr', name: 'Rockets', kind: 'munition', unitCost: 0.1 }],
    batteryTypes: [{ id: 'pat', name: 'Patriot', launchers: 6, roundsPerLauncher: 12, interceptor: 'pac', sspk: { drone: 0.85, ballistic: 0.5 } }],
    lineTemplates: [{ id: 'plant', name: 'Rocket plant', item: 'cgr', region: 'a-home', buildTurns: 2, capacity: 8, upkeep: 1, quality: 2 }],
    techTransfers: [{ id: 'ba', donor: 'borea', recipient: 'aster', level: 1 }],
    eventsPerTurn: 0,
    victory: [{ side: 'allies', text: 'Never.', condition: { compare: { turn: true }, op: '>=', value: 99 } }],
    ...overrides,
  } as ScenarioInput;
}

/** A game in the diplomacy phase of turn 1, Aster on step, 10 BP each, an empty log. */
export function diplomacyGame(tweak: (s: GameState) => void = () => {}, overrides: Partial<ScenarioInput> = {}): GameState {
  const parsed = parseScenario(diplomacyScenario(overrides));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return produce(createGame(parsed.scenario, 'diplomacy-seed'), (d) => {
    const s = d as GameState;
    s.phase = 'diplomacy';
    s.queue = ['aster', 'borea', 'celest', 'red'];
    for (const r of Object.keys(s.budgets)) s.budgets[r] = 10;
    s.log = [];
    tweak(s);
  });
}

/** Runs rule code directly on a draft, as the flow does. */
export function run(state: GameState, f: (ctx: Ctx) => void): GameState {
  return produce(state, (d) => {
    const ctx = createCtx(d as GameState, null);
    f(ctx);
    flushCtx(ctx);
  });
}

export function ok(state: GameState, action: Action): GameState {
  const result = applyAction(state, action);
  if (!result.ok) throw new Error(`rejected ${JSON.stringify(action)}: ${result.rejection.code} ${result.rejection.message}`);
  return result.state;
}

export function rejected(state: GameState, action: Action): { code: string; message: string } {
  const result = applyAction(state, action);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  expect(result.state).toBe(state);
  return result.rejection;
}

export const trust = (s: GameState, a: string, b: string): number => s.tracks[`trust:${a < b ? `${a}+${b}` : `${b}+${a}`}`] ?? -1;
export const interop = (s: GameState, a: string, b: string): number => s.tracks[`interop:${a < b ? `${a}+${b}` : `${b}+${a}`}`] ?? -1;
export const logText = (s: GameState): string => logEntries(s.log).map((l) => l.text).join('\n');

export const pact = (role: string, to: string[], bp = 0, duration: number | null = null): Action =>
  ({ type: 'proposeAgreement', role, agreement: 'defencePact', to, terms: { bp, duration } });
