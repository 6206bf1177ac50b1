import { describe, expect, it } from 'vitest';
import { current, produce } from 'immer';
import { snapshot } from '../../src/core/snapshot';

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
});
