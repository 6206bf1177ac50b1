import { describe, expect, it } from 'vitest';
import { current, produce } from 'immer';
import { snapshot, snapshotState } from '../../src/core/snapshot';
import { currentList, own, ownMember } from '../../src/core/context';
import { lightRecord } from '../../src/core/lightStep';
import { produceGame } from '../../src/core/produce';
import { newGame } from '../support/builders';

// snapshot() gives a plain picture of a draft as it stands, sharing what the step has not drafted.

describe('snapshot', () => {
  it('equals immer\'s current() and shares what the step has not drafted', () => {
    const base = { n: 1, list: [{ k: 1, inner: { a: 1 } }, { k: 2, inner: { a: 2 } }], rec: { x: 1 }, untouched: { y: 2 } };
    produce(base, (draft) => {
      expect(snapshot(draft)).toBe(base);
      draft.list[0]!.inner.a = 5;
      void draft.rec.x;
      draft.n = 2;
      const now = snapshot(draft);
      expect(now).toEqual(current(draft));
      expect(now.untouched).toBe(base.untouched);
      expect(now.list[1]).toBe(base.list[1]);
      expect(now.rec).toEqual(base.rec);
      // A picture does not follow later writes.
      draft.rec.x = 9;
      expect(now.rec.x).toBe(1);
      expect(snapshot(draft).rec.x).toBe(9);
    });
  });

  it('gives plain values as they are', () => {
    const plain = { a: [1, 2] };
    expect(snapshot(plain)).toBe(plain);
    expect(snapshot(null)).toBeNull();
    expect(snapshot(3)).toBe(3);
  });

  it('pictures a whole state as it stands, in a light step without making a draft, and in a drafted one', () => {
    const s = newGame();
    const role = Object.keys(s.budgets)[0]!;
    let light: unknown = null;
    let drafted: unknown = null;
    const next = produceGame(s, role, (ctx) => {
      const step = lightRecord(ctx.s)!;
      own(ctx.s, 'budgets')[role] = 42;
      ctx.s.turn += 1;
      if (currentList(ctx.s, 'batteries').length > 0) ownMember(ctx.s, 'batteries', 0).rounds = 0;
      light = snapshotState(ctx.s);
      expect(step.draft).toBeNull();
      ctx.s.agreements.push({ id: 'x', type: 'defencePact', parties: [role], formed: 1, until: null } as never);
      expect(step.draft).not.toBeNull();
      drafted = snapshotState(ctx.s);
    });
    const before = { ...next, agreements: s.agreements };
    expect(light).toEqual({ ...before, log: s.log });
    expect(Object.keys(light as object)).toEqual(Object.keys(s));
    expect(drafted).toEqual({ ...next, log: s.log });
    expect((drafted as typeof s).tracks).toBe(s.tracks);
  });
});
