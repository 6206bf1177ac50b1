import { produce } from 'immer';
import { createGame, parseScenario, type GameState, type Scenario, type Seats } from '../../src/core/index';
import { createCtx, flushCtx, type Ctx, type GameEvent } from '../../src/core/context';
import { restorePrng } from '../../src/core/rng';
import type { Agreement } from '../../src/core/state';

// A small board for the deployment and threats tests: the US has a battery stationed in Korea's
// city and one at its own air hub; a host nation in the west; Korea's port joins the west by sea.

const role = (id: string, name: string, kind: 'nation' | 'red', side: string, seat: 'human' | 'scripted') => ({
  id, name, kind, side, colour: '#e69f00', pattern: 'solid', seat,
  briefing: { situation: `${name} plays its part.`, goals: ['Hold on.'] },
  budget: { start: 5, perTurn: 5, cap: 10 },
});

const region = (id: string, name: string, theatre: string, owner: string, extra: Record<string, unknown> = {}) =>
  ({ id, name, theatre, owner, value: 5, stayingPower: 3, x: 0, y: 0, ...extra });

export const testScenarioJson = {
  formatVersion: 1, id: 'batteries-test', title: 'Batteries test', summary: 'A board for battery and threat tests.',
  turns: 12, turnLabels: Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
  teachingGoals: ['Test the rules.'], discussionQuestions: ['Did they hold?'],
  story: { sources: [], fictionalised: 'All invented.' },
  sides: [{ id: 'allies', name: 'Allies' }, { id: 'red', name: 'Red' }],
  roles: [
    role('us', 'United States', 'nation', 'allies', 'human'),
    role('korea', 'Korea', 'nation', 'allies', 'human'),
    role('host', 'Gulf Host', 'nation', 'allies', 'human'),
    role('red', 'Red Cell', 'red', 'red', 'scripted'),
  ],
  theatres: [
    { id: 'east', name: 'East Asia', tension: 3, frame: { x: 0, y: 0, w: 10, h: 10 } },
    { id: 'west', name: 'Middle East', tension: 3, frame: { x: 20, y: 0, w: 10, h: 10 } },
  ],
  regions: [
    region('air-hub', 'Air Hub', 'east', 'us'),
    region('k-city', 'Korean City', 'east', 'korea'),
    region('k-port', 'Korean Port', 'east', 'korea'),
    region('host-base', 'Host Air Base', 'west', 'host'),
    region('host-port', 'Host Port', 'west', 'host'),
    region('energy', 'Energy Site', 'west', 'host', { counterDrone: 1 }),
  ],
  lanes: [
    { id: 'bridge', from: 'air-hub', to: 'host-base', mode: 'air' },
    { id: 'e-road', from: 'air-hub', to: 'k-city', mode: 'air' },
    { id: 'k-road', from: 'k-city', to: 'k-port', mode: 'air' },
    { id: 'w-road', from: 'host-base', to: 'energy', mode: 'air' },
    { id: 'sea-lane', from: 'k-port', to: 'host-port', mode: 'sea', transit: 3 },
    { id: 'coast', from: 'host-port', to: 'energy', mode: 'sea', transit: 2 },
  ],
  items: [{ id: 'mse', name: 'MSE interceptor', kind: 'interceptor', unitCost: 4 }],
  threatTypes: [
    { id: 'drone', name: 'Attack drone', kind: 'drone', unitCost: 0.035 },
    { id: 'missile', name: 'Ballistic missile', kind: 'ballistic', unitCost: 1 },
  ],
  batteryTypes: [{ id: 'patriot', name: 'Patriot', launchers: 6, roundsPerLauncher: 12, interceptor: 'mse', sspk: { drone: 0.85, ballistic: 0.7 } }],
  batteries: [
    { id: 'us-1', name: 'Patriot battery 1', type: 'patriot', owner: 'us', region: 'k-city' },
    { id: 'us-2', name: 'Patriot battery 2', type: 'patriot', owner: 'us', region: 'air-hub' },
    { id: 'host-1', name: 'Host battery', type: 'patriot', owner: 'host', region: 'host-base' },
    { id: 'k-1', name: 'Korean battery', type: 'patriot', owner: 'korea', region: 'k-port' },
  ],
  stockpiles: [{ owner: 'us', item: 'mse', theatre: 'east', amount: 100 }],
  waves: [
    { theatre: 'west', fromTurn: 1, toTurn: 12, threat: 'drone', min: 6, max: 20, targets: ['host-base', 'energy'] },
    { theatre: 'west', fromTurn: 3, toTurn: 12, threat: 'missile', min: 0, max: 6, targets: ['host-base'] },
    { theatre: 'east', fromTurn: 1, toTurn: 12, threat: 'missile', min: 1, max: 4, targets: ['k-city', 'air-hub'] },
  ],
  provocations: [{
    id: 'probe', text: 'A Red patrol probes the line.', theatre: 'east', fromTurn: 1, toTurn: 12,
    roll: { die: 6, atLeast: 4 }, success: [{ incident: 'east' }],
  }],
  victory: [{ side: 'allies', text: 'Hold.', condition: { compare: { turn: true }, op: '>=', value: 1 } }],
};

export function testScenario(edit?: (json: typeof testScenarioJson) => void): Scenario {
  const json = structuredClone(testScenarioJson);
  edit?.(json);
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

export const RED_PLAYED: Seats = { us: { kind: 'human' }, korea: { kind: 'human' }, host: { kind: 'human' }, red: { kind: 'human' } };

export function newGame(seed = 'batteries', opts: { seats?: Seats; edit?: (json: typeof testScenarioJson) => void } = {}): GameState {
  return createGame(testScenario(opts.edit), seed, opts.seats);
}

/** Puts the game in a phase with one role on step (the dispatcher's common checks then pass). */
export const onStep = (s: GameState, phase: GameState['phase'], role: string): GameState =>
  produce(s, (d) => { d.phase = phase; d.queue = [role]; d.pendingChoice = null; });

export const edit = (s: GameState, f: (d: GameState) => void): GameState => produce(s, (d) => { f(d as GameState); });

/** Runs rule code on a draft with a context, as the dispatcher does; returns the state and its events. */
export function run(s: GameState, f: (ctx: Ctx) => void, actor: string | null = null): { state: GameState; events: GameEvent[] } {
  let events: GameEvent[] = [];
  const state = produce(s, (d) => {
    const ctx = createCtx(d as GameState, actor);
    f(ctx);
    flushCtx(ctx);
    events = ctx.events;
  });
  return { state, events };
}

export const pact = (type: Agreement['type'], parties: string[], id = `ag-${type}`): Agreement =>
  ({ id, type, parties, since: 1, turnsLeft: null, transfer: null, line: null });

/** The next n numbers of a stream, without touching the state: the dice a rule is about to use. */
export function nextDraws(s: GameState, stream: 'threats' | 'events', n: number): number[] {
  const prng = restorePrng(s.rng[stream]);
  return Array.from({ length: n }, () => prng.next());
}

export const battery = (s: GameState, id: string) => s.batteries.find((b) => b.id === id)!;
