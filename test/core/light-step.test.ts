import { afterEach, describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { applyAction, canonicalJson, createGame, legalActions, setCoreAutoFreeze, stateHash, type GameState } from '../../src/core';
import { append, own, ownMember, ownValue, peekField } from '../../src/core/context';
import { lightRecord } from '../../src/core/lightStep';
import { produceGame } from '../../src/core/produce';
import { actingRole, newGame } from '../support/builders';
import { alea } from 'seedrandom';
import { playGame } from '../../src/bots';
import { loadScenario, scenarioIds, standardSeats } from '../../src/cli/scenarioFiles';

// A step starts light (no immer draft) and becomes a draft only when a rule reaches into a list or a
// nested record; either way the next state must be what immer alone would make, and the previous
// state must stay exactly as it was.

const isFrozenDeep = (value: unknown): boolean =>
  value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(isFrozenDeep));

describe('light steps', () => {
  afterEach(() => setCoreAutoFreeze(true));

  it('a step that writes values and flat records makes no draft, and gives what immer gives', () => {
    for (const freeze of [true, false]) {
      setCoreAutoFreeze(freeze);
      const s = newGame();
      const role = Object.keys(s.budgets)[0]!;
      let drafted: boolean | null = null;
      const next = produceGame(s, role, (ctx) => {
        ctx.s.actionCount += 1;
        own(ctx.s, 'budgets')[role] = 1;
        own(ctx.s, 'budgets')[role] = 2;
        ctx.s.queue = peekField(ctx.s, 'queue').slice(1);
        drafted = lightRecord(ctx.s)?.draft != null;
      });
      expect(drafted).toBe(false);
      const expected = produce(s, (d) => { d.actionCount += 1; d.budgets[role] = 2; d.queue.shift(); });
      expect(canonicalJson({ ...next, scenario: null })).toBe(canonicalJson({ ...expected, scenario: null }));
      expect(next.scenario).toBe(s.scenario);
      expect(next.tracks).toBe(s.tracks);
      expect(next.budgets).not.toBe(s.budgets);
      expect(s.budgets[role]).not.toBe(2);
      if (freeze) expect(Object.isFrozen(next) && Object.entries(next).every(([k, v]) => k === 'scenario' || isFrozenDeep(v))).toBe(true);
    }
  });

  it('turns into an immer draft at the first read of a list, keeping what was written so far', () => {
    const s = newGame();
    const role = Object.keys(s.budgets)[0]!;
    const next = produceGame(s, role, (ctx) => {
      const light = ctx.s;
      own(ctx.s, 'budgets')[role] = 7;
      ctx.s.turn = 9;
      expect(lightRecord(ctx.s)?.draft).toBeNull();
      const first = ctx.s.batteries[0]!;
      first.rounds += 1;
      expect(lightRecord(light)?.draft).not.toBeNull();
      expect(ctx.s).not.toBe(light); // the context now works on the draft itself
      expect(ctx.s.turn).toBe(9);
      expect(light.turn).toBe(9); // and the light view passes through to it
      expect(ctx.s.budgets[role]).toBe(7);
    });
    expect(next.turn).toBe(9);
    expect(next.budgets[role]).toBe(7);
    expect(next.batteries[0]!.rounds).toBe(s.batteries[0]!.rounds + 1);
    expect(next.batteries[1]).toBe(s.batteries[1]);
  });

  it('ownMember, ownValue and append copy only what they write, light or drafted, and agree with immer', () => {
    for (const drafted of [false, true]) {
      const s = newGame();
      const region = Object.keys(s.regions)[0]!;
      const next = produceGame(s, null, (ctx) => {
        if (drafted) void ctx.s.agreements.length; // any list read makes the draft
        ownMember(ctx.s, 'batteries', 0).rounds = 99;
        ownMember(ctx.s, 'batteries', 0).capacity = 5;
        ownValue(ctx.s, 'regions', region)!.damage = 3;
        ownValue(ctx.s, 'turnStats', 'reassured')!.someone = 1;
        append(ctx.s, 'discard', 'card-x');
        expect(lightRecord(ctx.s) === undefined || lightRecord(ctx.s)!.draft !== null).toBe(drafted);
      });
      const expected = produce(s, (d) => {
        d.batteries[0]!.rounds = 99;
        d.batteries[0]!.capacity = 5;
        d.regions[region]!.damage = 3;
        d.turnStats.reassured.someone = 1;
        d.discard.push('card-x');
      });
      expect(stateHash(next)).toBe(stateHash(expected));
      expect(next.batteries[1]).toBe(s.batteries[1]);
      expect(s.batteries[0]!.rounds).not.toBe(99);
      expect(s.regions[region]!.damage).not.toBe(3);
      expect(s.turnStats.reassured.someone).toBeUndefined();
      expect(s.discard).not.toContain('card-x');
    }
  });

  it('a member copied while light is written into its draft when the step turns into one, so deeper writes go through immer', () => {
    for (const freeze of [true, false]) {
      setCoreAutoFreeze(freeze);
      const s = newGame();
      expect(s.lines.length).toBeGreaterThan(0);
      const region = Object.keys(s.regions)[0]!;
      const surges = s.lines[0]!.surges.length;
      const next = produceGame(s, null, (ctx) => {
        ownMember(ctx.s, 'lines', 0).fundedThisTurn = true;
        ownValue(ctx.s, 'regions', region)!.damage = 2;
        append(ctx.s, 'discard', 'card-y');
        // Now a rule reaches into what the member holds: the step becomes a draft first.
        ctx.s.lines[0]!.surges.push({ amount: 1, turnsLeft: 2 });
        ctx.s.regions[region]!.counterDrone += 1;
        expect(lightRecord(ctx.s) === undefined || lightRecord(ctx.s)!.draft !== null).toBe(true);
      });
      expect(s.lines[0]!.surges.length).toBe(surges);
      expect(s.lines[0]!.fundedThisTurn).not.toBe(true);
      expect(next.lines[0]!.surges.length).toBe(surges + 1);
      expect(next.lines[0]!.fundedThisTurn).toBe(true);
      expect(next.regions[region]).toMatchObject({ damage: 2, counterDrone: s.regions[region]!.counterDrone + 1 });
      expect(next.discard.at(-1)).toBe('card-y');
    }
  });

  it('never changes the state an action was applied to (auto-freeze off: nothing would catch it)', () => {
    setCoreAutoFreeze(false);
    const random = alea('light-steps');
    let s: GameState = newGame();
    for (let i = 0; i < 400 && !s.outcome; i++) {
      const role = actingRole(s)!;
      const legal = legalActions(s, role);
      const pick = legal[Math.floor(random() * legal.length)]!;
      const before = canonicalJson(s);
      const result = applyAction(s, pick.action);
      expect(result.ok).toBe(true);
      expect(canonicalJson(s)).toBe(before);
      s = result.state;
    }
    expect(s.actionCount).toBeGreaterThan(100);
  });

  it('never changes the state an action was applied to, in standard-bot play of every shipped scenario (auto-freeze off)', () => {
    setCoreAutoFreeze(false);
    let checked = 0;
    for (const id of scenarioIds()) {
      const loaded = loadScenario(id);
      if (!loaded.ok) throw new Error(loaded.message);
      const { scenario } = loaded.value;
      const seats = standardSeats(scenario);
      const played = playGame(scenario, 'unchanged', seats, { turnHashes: false, maxActions: 300 });
      let s = createGame(scenario, 'unchanged', seats);
      for (const action of played.actions) {
        // The log is appended to by copying (log.ts): its chunks are checked by their lengths, the rest as text.
        const picture = () => `${canonicalJson({ ...s, scenario: null, log: null })}|${s.log.map((chunk) => chunk.length).join()}`;
        const before = picture();
        const result = applyAction(s, action);
        expect(result.ok).toBe(true);
        expect(picture(), `${id}: ${action.type}`).toBe(before);
        s = result.state;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1500);
  }, 60_000);
});
