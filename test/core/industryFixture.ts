import { produce } from 'immer';
import { createGame, logEntries, parseScenario, type Action, type ScenarioInput } from '../../src/core/index';
import { checkAction } from '../../src/core/apply';
import type { GameState } from '../../src/core/state';
import { createCtx, flushCtx, type Ctx, type GameEvent } from '../../src/core/context';
import { createStreams } from '../../src/core/rng';
import type { Stream } from '../../src/core/vocabulary';

// A small two-theatre scenario for the industry rules: Poland and Korea share a joint line that
// needs technology from Korea; Korea runs a finished interceptor line and owes Poland a contract.

const role = (id: string, name: string, side: string, extra: Record<string, unknown> = {}) => ({
  id, name, kind: 'nation', side, colour: '#E69F00', pattern: 'solid', seat: 'human',
  briefing: { situation: `${name} builds.`, goals: ['Build.'] },
  budget: { start: 10, perTurn: 5, cap: 30 }, workforce: 4, ...extra,
});

export function industryScenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    formatVersion: 1, id: 'industry-test', title: 'Industry test', summary: 'Lines, ladders and stockpiles.',
    turns: 8, turnLabels: ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8'],
    teachingGoals: ['Lead times.'], discussionQuestions: ['Why?'],
    story: { sources: [], fictionalised: 'Invented for tests.' },
    sides: [{ id: 'allies', name: 'Allies' }, { id: 'north', name: 'North' }],
    roles: [role('poland', 'Poland', 'allies'), role('korea', 'Korea', 'allies'), role('norway', 'Norway', 'north')],
    theatres: [
      { id: 'europe', name: 'Europe', tension: 3, frame: { x: 0, y: 0, w: 10, h: 10 } },
      { id: 'asia', name: 'Asia', tension: 3, frame: { x: 10, y: 0, w: 10, h: 10 } },
    ],
    regions: [
      { id: 'pl-east', name: 'PL East', theatre: 'europe', owner: 'poland', value: 3, stayingPower: 3, x: 1, y: 1 },
      { id: 'pl-plant', name: 'PL Plant', theatre: 'europe', owner: 'poland', value: 2, stayingPower: 2, x: 2, y: 2 },
      { id: 'kr-plant', name: 'KR Plant', theatre: 'asia', owner: 'korea', value: 2, stayingPower: 2, x: 12, y: 2 },
    ],
    items: [
      { id: 'cgr', name: 'CGR-080 rockets', kind: 'munition', unitCost: 0.1 },
      { id: 'pac', name: 'PAC interceptors', kind: 'interceptor', unitCost: 4 },
    ],
    stockpiles: [
      { owner: 'poland', item: 'pac', theatre: 'europe', amount: 48 },
      { owner: 'korea', item: 'pac', theatre: 'europe', amount: 20 },
    ],
    orderCost: 1, orderLot: 6, orderLeadTime: 2,
    lines: [
      {
        id: 'jv', name: 'Joint plant', item: 'cgr', region: 'pl-plant', buildTurns: 2, capacity: 8, upkeep: 1.5, quality: 3,
        requiredTech: { transfer: 'kp', level: 3 }, owners: [{ role: 'poland', share: 51 }, { role: 'korea', share: 49 }],
      },
      { id: 'kline', name: 'Korean line', item: 'pac', region: 'kr-plant', buildTurns: 3, capacity: 8, upkeep: 1, quality: 3, owners: [{ role: 'korea', share: 100 }], built: true },
    ],
    techTransfers: [{ id: 'kp', donor: 'korea', recipient: 'poland', level: 0 }],
    projects: [{
      id: 'cdl', name: 'Counter-drone layer', text: 'A cheap layer against drones at PL East.', roles: ['poland'], cost: 2, turns: 2, limit: 1,
      effects: [{ addCounterDrone: 'pl-east' }, { adjustTrack: 'support:actor', by: 1 }],
    }],
    contracts: [{ id: 'k9', name: 'The K9 contract', seller: 'korea', buyer: 'poland', item: 'pac', theatre: 'europe', schedule: [{ turn: 1, amount: 6 }, { turn: 3, amount: 6 }] }],
    eventsPerTurn: 0,
    victory: [{ side: 'allies', text: 'Never.', condition: { compare: { turn: true }, op: '>=', value: 99 } }],
    ...overrides,
  } as ScenarioInput;
}

/** A game in the industry phase with `first` on step and the tech-transfer agreement in force. */
export function industryGame(tweak: (s: GameState) => void = () => {}, overrides: Partial<ScenarioInput> = {}, first = 'poland'): GameState {
  const parsed = parseScenario(industryScenario(overrides));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return produce(createGame(parsed.scenario, 'industry-seed'), (d) => {
    const s = d as GameState;
    s.phase = 'industry';
    s.queue = [first, ...['poland', 'korea', 'norway'].filter((r) => r !== first)];
    s.budgets = { poland: 10, korea: 10, norway: 10 };
    s.workforce = { poland: 4, korea: 4, norway: 4 };
    s.agreements = [{ id: 'ag1', type: 'techTransfer', parties: ['korea', 'poland'], since: 1, turnsLeft: null, transfer: 'kp', line: null }];
    s.log = [];
    tweak(s);
  });
}

/** Pins a stream to the dice of a known seed (see the expected dice next to each use). */
export function pinStream(s: GameState, stream: Stream, seed: string): void {
  s.rng[stream] = createStreams(seed)[stream];
}

/** Runs rule code on a draft, as the dispatcher does, and returns the next state and its events. */
export function run(state: GameState, fn: (ctx: Ctx) => void, actor: string | null = null): { state: GameState; events: GameEvent[] } {
  let events: GameEvent[] = [];
  const next = produce(state, (d) => {
    const ctx = createCtx(d as GameState, actor);
    fn(ctx);
    flushCtx(ctx);
    events = ctx.events;
  });
  return { state: next, events };
}

export const check = (s: GameState, a: Action) => checkAction(s, a);
export const logText = (s: GameState): string => logEntries(s.log).map((l) => l.text).join('\n');
