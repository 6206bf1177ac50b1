import { describe, expect, it } from 'vitest';
import { DODGE_PX, dodgeOffsets, sameAs } from '../../src/ui/debriefCharts';

describe('debrief line charts: series with the same values stay visible', () => {
  it('spreads series that share a value at a point around it, in series order, and leaves lone values alone', () => {
    const offsets = dodgeOffsets([
      [1, 2, 5],
      [1, 3, 5],
      [4, 2, 5],
    ]);
    // Turn 1: the first two share 1; the third is alone.
    expect(offsets.map((o) => o[0])).toEqual([-DODGE_PX / 2, DODGE_PX / 2, 0]);
    // Turn 2: the first and third share 2.
    expect(offsets.map((o) => o[1])).toEqual([-DODGE_PX / 2, 0, DODGE_PX / 2]);
    // Turn 3: all three share 5, centred on it.
    expect(offsets.map((o) => o[2])).toEqual([-DODGE_PX, 0, DODGE_PX]);
  });

  it('does not group missing values', () => {
    const offsets = dodgeOffsets([[null, 0], [null, 0], [0, null]]);
    expect(offsets).toEqual([[0, -DODGE_PX / 2], [0, DODGE_PX / 2], [0, 0]]);
  });

  it('names an earlier series with the very same values at every point', () => {
    const twins = sameAs([
      { name: 'Poland', values: [1, 2, 3] },
      { name: 'South Korea', values: [1, 2, 4] },
      { name: 'United States', values: [1, 2, 3] },
      { name: 'Japan', values: [1, 2] },
    ]);
    expect(twins).toEqual([null, null, 'Poland', null]);
  });
});
