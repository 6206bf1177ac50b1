import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyAction, canonicalJson, createGame, legalActions, parseScenario, phaseName, turnLabel, viewFor, type Action, type Seats } from '../../src/core';
import { actorOf, botRandom, decide, playGame } from '../../src/bots';
import { compareFork, valueOf } from '../../src/debrief/forkCompare';
import { computeDebrief } from '../../src/debrief';

// A real all-bot game and a fork of it that plays differently from the start of turn 2: the
// comparison must say where they split, what each side did first, and the turns side by side.

const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8')));
if (!parsed.ok) throw new Error('first-contract does not parse');
const scenario = parsed.scenario;
const seed = 'fork-compare-3';
const seats: Seats = { poland: { kind: 'bot', level: 'standard' }, korea: { kind: 'bot', level: 'standard' } };
const original = playGame(scenario, seed, seats, { turnHashes: false });

/** Re-runs `prefix` with `forkSeats`, then lets the bots play on to the end. */
function playOn(forkSeats: Seats, prefix: readonly Action[]): Action[] {
  let state = createGame(scenario, seed, forkSeats);
  const actions: Action[] = [];
  const apply = (a: Action) => {
    const r = applyAction(state, a);
    if (!r.ok) throw new Error(`refused: ${r.rejection.message}`);
    state = r.state;
    actions.push(a);
  };
  prefix.forEach(apply);
  while (!state.outcome) {
    const role = actorOf(state)!;
    const seat = forkSeats[role];
    apply(decide(viewFor(state, role), legalActions(state, role), botRandom(state, role), seat?.kind === 'bot' ? seat.level : 'easy'));
  }
  return actions;
}

// The start of turn 2 in the original.
const at = (() => {
  let state = createGame(scenario, seed, seats);
  for (const [i, a] of original.actions.entries()) {
    const r = applyAction(state, a);
    if (!r.ok) throw new Error('the original does not re-run');
    state = r.state;
    if (state.turn === 2) return i + 1;
  }
  throw new Error('the original never reached turn 2');
})();
const forkSeats: Seats = { ...seats, korea: { kind: 'bot', level: 'easy' } };
const forkActions = playOn(forkSeats, original.actions.slice(0, at));
const origGame = { scenario, seed, seats, actions: original.actions };
const forkGame = { scenario, seed, seats: forkSeats, actions: forkActions };
const c = compareFork(origGame, forkGame, at);

describe('comparing a fork with its original', () => {
  it('the fork really plays differently (the test is about something)', () => {
    expect(canonicalJson(forkActions)).not.toBe(canonicalJson(original.actions));
    expect(forkActions.slice(0, at)).toEqual(original.actions.slice(0, at));
  });

  it('says where they split: the action, the turn with its label, and the phase', () => {
    let state = createGame(scenario, seed, seats);
    for (const a of original.actions.slice(0, at)) { const r = applyAction(state, a); if (r.ok) state = r.state; }
    expect(c.split).toMatchObject({ at, turn: 2, label: turnLabel(state, 2), phase: phaseName(state.phase) });
    expect(c.split.text).toContain(`After action ${at} of ${original.actions.length}`);
    expect(c.split.text).toContain(turnLabel(state, 2));
  });

  it('names the seat that changed, in words', () => {
    expect(c.seatChanges).toEqual([{ role: 'korea', name: 'South Korea', original: 'standard bot', fork: 'easy bot' }]);
  });

  it('finds the first action that differs and says what each side did there', () => {
    const i = original.actions.findIndex((a, k) => canonicalJson(a) !== canonicalJson(forkActions[k]));
    expect(c.firstDifference).not.toBeNull();
    const d = c.firstDifference!;
    expect(d.index).toBe(i);
    expect(d.index).toBeGreaterThanOrEqual(at);
    // In words, each with the acting role's name, and not the same words.
    const name = (role: string) => scenario.roles.find((r) => r.id === role)!.name;
    expect(d.original.startsWith(`${name(original.actions[i]!.role)}: `)).toBe(true);
    expect(d.fork.startsWith(`${name(forkActions[i]!.role)}: `)).toBe(true);
    expect(d.original).not.toBe(d.fork);
    expect(d.original).not.toMatch(/[a-z][A-Z]/); // no camelCase action types or ids
  });

  it('lays the turns side by side with the debrief’s scores and tracks, and marks what differs', () => {
    const a = computeDebrief(origGame);
    const b = computeDebrief(forkGame);
    expect(c.turns.length).toBe(Math.max(a.turns.length, b.turns.length));
    for (const row of c.turns) {
      const left = a.turns[row.turn - 1]?.record;
      const right = b.turns[row.turn - 1]?.record;
      expect(row.original?.scores).toEqual(left?.scores);
      expect(row.fork?.tracks).toEqual(right?.tracks);
      const tension = c.metrics.find((m) => m.key === 'tension:europe')!;
      expect(valueOf(row.original, tension)).toBe(left?.tracks['tension:europe']);
      const expected = c.metrics.filter((m) => valueOf(row.original, m) !== valueOf(row.fork, m)).map((m) => m.key);
      expect(row.differs).toEqual(expected);
    }
    // Turn 1 was played the same in both; something differs by the end.
    expect(c.turns[0]!.differs).toEqual([]);
    expect(c.turns.some((t) => t.differs.length > 0)).toBe(true);
    expect(c.metrics.filter((m) => m.group === 'score').map((m) => m.name)).toEqual(['Poland', 'South Korea']);
    expect(c.metrics.filter((m) => m.group === 'tension').map((m) => m.name)).toEqual(['Europe', 'East Asia']);
  });

  it('gives each side’s final outcome and scores, as the debrief does', () => {
    const a = computeDebrief(origGame);
    const b = computeDebrief(forkGame);
    expect(c.original.finished).toBe(true);
    expect(c.fork.finished).toBe(true);
    expect(c.original.outcome).toBe(a.outcome!.text);
    expect(c.fork.outcome).toBe(b.outcome!.text);
    expect(c.fork.scores).toEqual(Object.fromEntries(Object.entries(b.scores).map(([r, s]) => [r, s.total])));
    const lastRow = c.turns.at(-1)!;
    expect(lastRow.original?.outcome ?? lastRow.fork?.outcome).toMatch(/^Ended: /);
    if (c.turns.length > 1) expect(c.turns[0]!.original!.outcome).toMatch(/^Goes on/);
  });

  it('a fork that has not yet gone past its fork point: the first difference says so', () => {
    const fresh = compareFork(origGame, { ...forkGame, actions: original.actions.slice(0, at) }, at);
    expect(fresh.firstDifference?.index).toBe(at);
    expect(fresh.firstDifference?.fork).toContain(`no action ${at + 1} yet`);
    expect(fresh.fork.finished).toBe(false);
    expect(fresh.fork.outcome).toContain('Not finished');
    // A fork identical to the original has no difference at all.
    expect(compareFork(origGame, { ...origGame }, at).firstDifference).toBeNull();
  });
});
