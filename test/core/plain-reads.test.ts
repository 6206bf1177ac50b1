import { afterEach, describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { legalActions, setCoreAutoFreeze, stateHash, type GameState } from '../../src/core';
import { currentList, own, peekField, standing, untouchedField } from '../../src/core/context';
import { advance, advanceWouldRun, idleRoleOnStep, skipIdle } from '../../src/core/flow';
import { appendLog } from '../../src/core/log';
import { lightRecord } from '../../src/core/lightStep';
import { checkSharedLoss, sharedLossReached } from '../../src/core/rules/assessment';
import { produceGame } from '../../src/core/produce';
import { act, actingRole, newGame } from '../support/builders';

// Rules read some fields from the step's base instead of through the draft, and decide on the
// finished state whether the automatic steps and the shared-loss check have anything to do.

describe('reading untouched fields from the base', () => {
  afterEach(() => setCoreAutoFreeze(true));

  it('gives the base value of a field the step has not touched, and nothing once it is drafted or set', () => {
    const s = newGame();
    produce(s, (draft) => {
      expect(untouchedField(draft, 'queue')).toBe(s.queue);
      draft.turn += 1;
      expect(untouchedField(draft, 'queue')).toBe(s.queue);
      void draft.budgets.x;
      expect(untouchedField(draft, 'budgets')).toBeNull();
      draft.queue = ['someone'];
      expect(untouchedField(draft, 'queue')).toBeNull();
    });
  });

  it('reads a plain state directly', () => {
    const s = newGame();
    expect(untouchedField(s, 'queue')).toBe(s.queue);
  });

  it('standing() gives a draft\'s values as they stand, without drafting its members, and plain values as they are', () => {
    const base = { list: [{ n: 1, inner: { k: 'a' } }, { n: 2, inner: { k: 'b' } }] };
    expect(standing(base)).toBe(base);
    expect(standing(null)).toBeNull();
    produce(base, (draft) => {
      expect(standing(draft.list)).toBe(base.list);
      draft.list[0]!.n = 5;
      const now = standing(draft.list);
      expect(now[1]).toBe(base.list[1]);
      expect(standing(now[0]!).n).toBe(5);
      expect(standing(now[0]!).inner).toBe(base.list[0]!.inner);
    });
  });
});

describe('writing flat records and reading lists without drafting them', () => {
  afterEach(() => setCoreAutoFreeze(true));

  it('own() copies a record on the first write of a step, keeps that copy, and leaves the base as it was', () => {
    for (const freeze of [true, false]) {
      setCoreAutoFreeze(freeze);
      const s = newGame();
      const [role] = Object.keys(s.budgets);
      const before = s.budgets[role!]!;
      const next = produce(s, (draft) => {
        const budgets = own(draft, 'budgets');
        expect(budgets).not.toBe(s.budgets);
        budgets[role!] = before - 1;
        expect(own(draft, 'budgets')).toBe(budgets);
        expect(peekField(draft, 'budgets')[role!]).toBe(before - 1);
        expect(draft.budgets[role!]).toBe(before - 1);
      });
      expect(s.budgets[role!]).toBe(before);
      expect(next.budgets[role!]).toBe(before - 1);
      expect(Object.keys(next.budgets)).toEqual(Object.keys(s.budgets));
      expect(Object.isFrozen(next.budgets)).toBe(freeze);
    }
  });

  it('own() writes through the draft once a rule has drafted the record', () => {
    const s = newGame();
    const [role] = Object.keys(s.budgets);
    const next = produce(s, (draft) => {
      const drafted = draft.budgets;
      drafted[role!] = 1;
      own(draft, 'budgets')[role!] = 2;
      expect(drafted[role!]).toBe(2);
    });
    expect(next.budgets[role!]).toBe(2);
    expect(s.budgets[role!]).not.toBe(2);
  });

  it('currentList() shows the list as it stands in the step, changed members included', () => {
    const s = newGame();
    produce(s, (draft) => {
      expect(currentList(draft, 'batteries')).toBe(s.batteries);
      draft.batteries[0]!.rounds = 99;
      const list = currentList(draft, 'batteries');
      expect(list.map((b) => b.rounds)).toEqual([99, ...s.batteries.slice(1).map((b) => b.rounds)]);
      draft.batteries = draft.batteries.slice(0, 1);
      expect(currentList(draft, 'batteries').length).toBe(1);
    });
    expect(currentList(s, 'batteries')).toBe(s.batteries);
  });
});

/** Plays a fixture game with both auto-freeze settings, calling `visit` on every state it passes through; at least 50 must count. */
function everyState(seed: string, limit: number, visit: (s: GameState, freeze: boolean) => boolean): void {
  for (const freeze of [true, false]) {
    setCoreAutoFreeze(freeze);
    let s: GameState = newGame({ seed });
    let checked = 0;
    for (let i = 0; i < limit && !s.outcome; i++) {
      if (visit(s, freeze)) checked++;
      const role = actingRole(s);
      if (!role) break;
      const options = legalActions(s, role);
      s = act(s, options[i % options.length]!.action).state;
    }
    expect(checked).toBeGreaterThan(50);
  }
  setCoreAutoFreeze(true);
}

describe('the follow-up after an action', () => {
  it('advance and the shared-loss check change nothing whenever the plain checks say so', () => {
    everyState('follow-up', 300, (s) => {
      if (advanceWouldRun(s) || sharedLossReached(s)) return false;
      const after = produceGame(s, null, (ctx) => { if (!checkSharedLoss(ctx)) advance(ctx); });
      expect(stateHash(after)).toBe(stateHash(s));
      return true;
    });
  });
});

describe('passing the step of an idle role', () => {
  it('is a light step (no immer draft) whenever it only passes the step on, and makes what immer makes', () => {
    everyState('idle-pass', 600, (s, freeze) => {
      // Any role on step will do: the equivalence is of the two ways of making the next state.
      const idle = idleRoleOnStep(s) ?? s.queue[0];
      const onlyPasses = s.queue.length >= 2 && s.phase !== 'events' && s.phase !== 'assessment' && !s.pendingChoice;
      if (idle === undefined || !onlyPasses) return false;
      let drafted: boolean | null = null;
      const stepped = produceGame(s, null, (ctx) => { skipIdle(ctx, idle); drafted = lightRecord(ctx.s)?.draft != null; });
      const text = `${s.scenario.roles.find((r) => r.id === idle)!.name} has nothing more to do in this phase.`;
      const made = produce(s, (d) => {
        d.queue.shift();
        d.log = appendLog(s.log, [{ turn: s.turn, phase: s.phase, role: null, text }], false);
      });
      expect(drafted).toBe(false);
      expect(stateHash(stepped)).toBe(stateHash(made));
      expect(Object.keys(stepped)).toEqual(Object.keys(made));
      expect([Object.isFrozen(stepped), Object.isFrozen(stepped.queue), Object.isFrozen(stepped.log)]).toEqual([freeze, freeze, freeze]);
      return true;
    });
  });
});
