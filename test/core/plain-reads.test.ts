import { afterEach, describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { legalActions, setCoreAutoFreeze, stateHash, type GameState } from '../../src/core';
import { untouchedField } from '../../src/core/context';
import { advance, advanceWouldRun } from '../../src/core/flow';
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
});

describe('the follow-up after an action', () => {
  it('advance and the shared-loss check change nothing whenever the plain checks say so', () => {
    for (const freeze of [true, false]) {
      setCoreAutoFreeze(freeze);
      let s: GameState = newGame({ seed: 'follow-up' });
      let checked = 0;
      for (let i = 0; i < 300 && !s.outcome; i++) {
        if (!advanceWouldRun(s) && !sharedLossReached(s)) {
          const after = produceGame(s, null, (ctx) => { if (!checkSharedLoss(ctx)) advance(ctx); });
          expect(stateHash(after)).toBe(stateHash(s));
          checked++;
        }
        const role = actingRole(s);
        if (!role) break;
        const options = legalActions(s, role);
        s = act(s, options[i % options.length]!.action).state;
      }
      expect(checked).toBeGreaterThan(50);
    }
    setCoreAutoFreeze(true);
  });
});
