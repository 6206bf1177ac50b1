import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTION_TYPES, applyAction, legalActions, replay, stateHash, type Action, type GameState } from '../../src/core';
import { actingRole, fixture, newGame } from '../support/builders';

// Random legal play over the all-mechanics fixture, checking the invariants after every action.
const scenario = fixture();
const regionIds = new Set(scenario.regions.map((r) => r.id));
const theatreIds = new Set(scenario.theatres.map((t) => t.id));
const bounds = (s: GameState, key: string): [number, number] => {
  if (key.startsWith('interop:')) return [0, 5];
  const custom = scenario.tracks.find((t) => t.id === key);
  return custom ? [custom.min, custom.max] : [0, 10];
};

/** Throws with the broken invariant; plain checks keep 10,000+ actions fast. */
function checkInvariants(s: GameState): void {
  const fail = (what: string) => { throw new Error(`invariant broken after action ${s.actionCount}: ${what}`); };
  for (const [role, bp] of Object.entries(s.budgets)) if (!(bp >= 0)) fail(`budget of ${role} is ${bp}`);
  for (const [role, w] of Object.entries(s.workforce)) if (!(w >= 0)) fail(`workforce of ${role} is ${w}`);
  for (const [key, n] of Object.entries(s.stocks)) if (!(n >= 0) || !Number.isInteger(n)) fail(`stock ${key} is ${n}`);
  for (const [key, v] of Object.entries(s.tracks)) {
    const [min, max] = bounds(s, key);
    if (!(v >= min && v <= max) || !Number.isInteger(v)) fail(`track ${key} is ${v}, outside ${min}–${max}`);
    if (key.startsWith('tension:') && !theatreIds.has(key.slice(8))) fail(`tension of unknown theatre ${key}`);
  }
  const ids = new Set<string>();
  for (const b of s.batteries) {
    if (ids.has(b.id)) fail(`battery ${b.id} listed twice`);
    ids.add(b.id);
    if (!regionIds.has(b.region)) fail(`battery ${b.id} stands nowhere (${b.region})`);
    if (!['operational', 'packing', 'transit', 'setup'].includes(b.status)) fail(`battery ${b.id} has status ${b.status}`);
    const moving = b.status === 'packing' || b.status === 'transit';
    if (moving && (b.destination === null || !regionIds.has(b.destination))) fail(`battery ${b.id} is moving with no destination`);
    if (!moving && b.destination !== null) fail(`battery ${b.id} at rest has a destination`);
    if (!(b.rounds >= 0 && b.rounds <= b.capacity)) fail(`battery ${b.id} has ${b.rounds} of ${b.capacity} rounds`);
  }
}

/** A move that must be refused: a role acting out of step, or an unknown action. */
function illegalAction(s: GameState, n: number): Action {
  const other = scenario.roles.map((r) => r.id).find((r) => r !== actingRole(s)) ?? 'nobody';
  const options: Action[] = [
    { type: 'endPhase', role: other },
    { type: 'orderRedeploy', role: other, battery: 'no-such-battery', to: 'nowhere', mode: 'air' },
    { type: 'fundLine', role: actingRole(s) ?? 'north', line: 'no-such-line' },
    { type: 'transferStock', role: actingRole(s) ?? 'north', to: 'south', item: 'interceptor', theatre: 'east', amount: -3, contract: null },
  ];
  return options[n % options.length]!;
}

describe('property: random legal play keeps every invariant', () => {
  it('over at least 10,000 random legal actions', () => {
    let total = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.infiniteStream(fc.nat()), (seed, picks) => {
        const seats = { north: { kind: 'human' as const }, south: { kind: 'human' as const }, red: { kind: 'human' as const } };
        let s = newGame({ scenario, seed: String(seed), seats });
        const log: Action[] = [];
        const it = picks[Symbol.iterator]();
        for (let i = 0; i < 3000 && !s.outcome; i++) {
          const role = actingRole(s)!;
          const options = legalActions(s, role);
          expect(options.length, `${role} has a legal action in ${s.phase}`).toBeGreaterThan(0);
          const choice = options[it.next().value % options.length]!;
          const result = applyAction(s, choice.action);
          if (!result.ok) throw new Error(`legal action refused: ${JSON.stringify(choice.action)} → ${result.rejection.code}: ${result.rejection.message}`);
          s = result.state;
          log.push(choice.action);
          checkInvariants(s);
          if (i % 7 === 0) {
            const bad = applyAction(s, illegalAction(s, i));
            expect(bad.ok).toBe(false);
            expect(bad.state).toBe(s);
          }
        }
        total += log.length;
        expect(s.outcome, 'the game reaches an end').not.toBeNull();
        expect(replay(scenario, String(seed), seats, log).finalHash).toBe(stateHash(s));
      }),
      { numRuns: 90, seed: 20261121 },
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
  }, 600_000);
});

describe('property: malformed actions never throw', () => {
  it('any action type with arbitrary fields is refused or applied, never an exception, and a refusal leaves the state', () => {
    const seats = { north: { kind: 'human' as const }, south: { kind: 'human' as const }, red: { kind: 'human' as const }, facilitator: { kind: 'facilitator' as const } };
    const states: GameState[] = [];
    let s = newGame({ scenario, seed: 'garbage', seats });
    for (let i = 0; i < 60 && !s.outcome; i++) {
      states.push(s);
      const role = actingRole(s)!;
      s = applyAction(s, legalActions(s, role).at(-1)!.action).state;
    }
    const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.anything(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
    const fields = fc.dictionary(fc.constantFrom('role', 'line', 'battery', 'to', 'mode', 'amount', 'lots', 'item', 'theatre', 'terms', 'agreement', 'proposal', 'accept', 'partner', 'move', 'target', 'transfer', 'project', 'region', 'threat', 'doctrine', 'attacks', 'provocation', 'card', 'custom', 'track', 'by', 'reveal', 'reason', 'option', 'contract'), anything);
    const roleName = fc.constantFrom('north', 'south', 'red', 'facilitator', 'nobody');
    fc.assert(
      fc.property(fc.constantFrom(...ACTION_TYPES), fields, roleName, fc.nat(states.length - 1), (type, extra, role, at) => {
        const state = states[at]!;
        const action = { ...extra, type, role } as unknown as Action;
        const result = applyAction(state, action);
        if (!result.ok) {
          expect(result.state).toBe(state);
          expect(typeof result.rejection.code).toBe('string');
          expect(result.rejection.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 4000, seed: 42 },
    );
  }, 60_000);
});
