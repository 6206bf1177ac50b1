import { describe, expect, it } from 'vitest';
import { labelKeepClear, laneLabelSpot, lanePath, layoutBoard, type Point, type Rect } from '../../src/view/layout';
import { scenarioById } from '../bots/support';

// A lane's label ("sea · 2 turns", "airlift") sits on its lane where it covers no region card, no first battery's
// slot, no stockpile shelf and no theatre header. On the crowded boards it used to sit under a battery token or a
// shelf. Half a label's width: 14 px bold text ≈ 8 px a character, and 10 px of pill on each side.
const half = (text: string) => text.length * 4 + 10;
const covers = (p: Point, w: number, r: Rect) => p.x + w > r.x && p.x - w < r.x + r.w && p.y + 14 > r.y && p.y - 14 < r.y + r.h;

function labels(id: string) {
  const scenario = scenarioById(id);
  const layout = layoutBoard(scenario);
  const keepClear = labelKeepClear(layout);
  return scenario.lanes.flatMap((lane) => {
    const path = lanePath(scenario, layout, lane);
    if (!path?.labelled) return [];
    const w = half(lane.mode === 'sea' ? `sea · ${lane.transit} turns` : 'airlift');
    const spot = laneLabelSpot(path.pts, w, keepClear);
    return [{ lane: lane.id, spot, path, w, covered: keepClear.filter((r) => covers(spot, w, r)).length, anyClear: path.pts.some((p) => !keepClear.some((r) => covers(p, w, r))) }];
  });
}

const SCENARIOS = ['first-contract', 'hotline', 'kielce-line', 'many-hands', 'surge-line', 'two-theatres', 'umbrella-gap'];

describe('lane labels on the board', () => {
  it.each(SCENARIOS)('cover nothing on %s wherever their lane has room for them', (id) => {
    const all = labels(id);
    for (const l of all.filter((x) => x.anyClear)) expect({ lane: l.lane, covered: l.covered }).toEqual({ lane: l.lane, covered: 0 });
  });

  it('all have room on the crowded Two Theatres board, and sit on their lane', () => {
    const all = labels('two-theatres');
    expect(all.length).toBe(4);
    for (const l of all) {
      expect(l.covered, l.lane).toBe(0);
      expect(l.path.pts).toContainEqual(l.spot);
    }
  });
});
