import type { GameState, Scenario } from '../core';

// Board geometry: scenario coordinates (theatre frames and region positions) fitted into the
// board's rectangle on the 1280×720 canvas. Pure arithmetic, no rules.

export interface Rect { x: number; y: number; w: number; h: number }
export interface Point { x: number; y: number }

/** Where the board sits on the canvas: left of the side panel, below the top bar, above the nations strip. */
export const BOARD: Rect = { x: 10, y: 62, w: 836, h: 540 };
export const REGION_W = 188;
export const REGION_H = 66;
export const THEATRE_HEADER = 42;
export const SHELF_H = 34;

export interface BoardLayout {
  theatres: Record<string, Rect>;
  regions: Record<string, Point>;
  /** Where a theatre's threats come from: outside its frame, on the side away from the other theatres. */
  threatOrigin: Record<string, Point>;
  /** Stockpile shelf slots along the foot of each theatre. */
  shelf: Record<string, Rect>;
}

export function layoutBoard(scenario: Scenario): BoardLayout {
  const frames = scenario.theatres.map((t) => t.frame);
  const minX = Math.min(...frames.map((f) => f.x));
  const minY = Math.min(...frames.map((f) => f.y));
  const maxX = Math.max(...frames.map((f) => f.x + f.w));
  const maxY = Math.max(...frames.map((f) => f.y + f.h));
  const scale = Math.min(BOARD.w / (maxX - minX), BOARD.h / (maxY - minY));
  const offX = BOARD.x + (BOARD.w - (maxX - minX) * scale) / 2;
  const offY = BOARD.y + (BOARD.h - (maxY - minY) * scale) / 2;
  const map = (x: number, y: number): Point => ({ x: offX + (x - minX) * scale, y: offY + (y - minY) * scale });

  const theatres: Record<string, Rect> = {};
  const shelf: Record<string, Rect> = {};
  const threatOrigin: Record<string, Point> = {};
  for (const t of scenario.theatres) {
    const p = map(t.frame.x, t.frame.y);
    const r = { x: p.x, y: p.y, w: t.frame.w * scale, h: t.frame.h * scale };
    theatres[t.id] = r;
    shelf[t.id] = { x: r.x + 8, y: r.y + r.h - SHELF_H - 6, w: r.w - 16, h: SHELF_H };
    // Threats come in over the theatre's top right corner, just under its header.
    threatOrigin[t.id] = { x: r.x + r.w - 24, y: r.y + THEATRE_HEADER + 6 };
  }
  const regions: Record<string, Point> = {};
  for (const reg of scenario.regions) {
    const p = map(reg.x, reg.y);
    const frame = theatres[reg.theatre];
    if (!frame) { regions[reg.id] = p; continue; }
    // Keep the card inside its frame, clear of the header and the stockpile shelf.
    const x = clamp(p.x, frame.x + REGION_W / 2 + 14, frame.x + frame.w - REGION_W / 2 - 58);
    const y = clamp(p.y, frame.y + THEATRE_HEADER + REGION_H / 2 + 8, frame.y + frame.h - SHELF_H - REGION_H / 2 - 52);
    regions[reg.id] = { x, y };
  }
  return { theatres, regions, threatOrigin, shelf };
}

const clamp = (v: number, lo: number, hi: number): number => (hi < lo ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));

/** A lane's curve: a quadratic bend whose control point sits off the straight line. */
export function laneControl(a: Point, b: Point, bend: number): Point {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: mx - (dy / len) * bend, y: my + (dx / len) * bend };
}

export function quadPoint(a: Point, c: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
}

/** How far along its move a battery is (0 at the start, 1 at the destination), for drawing only. */
export function moveProgress(s: GameState, b: GameState['batteries'][number]): number {
  if (b.status === 'packing') return 0;
  if (b.status === 'setup') return 1;
  if (b.status !== 'transit') return 0;
  if (b.mode === 'air') {
    const total = s.scenario.airlift.loadsPerBattery;
    return total > 0 ? Math.min(0.9, Math.max(0.1, 1 - b.loadsLeft / total)) : 0.5;
  }
  const lane = s.scenario.lanes.find((l) => (l.from === b.region && l.to === b.destination) || (l.to === b.region && l.from === b.destination));
  const total = lane?.transit ?? s.scenario.seaTransitTurns;
  return Math.min(0.9, Math.max(0.1, 1 - b.turnsLeft / Math.max(total, b.turnsLeft + 1)));
}

/** The rectangles a lane's label must not cover: every region card with its first battery's slot to its right, the
 * stockpile shelves and the theatres' headers. */
export function labelKeepClear(layout: BoardLayout): Rect[] {
  return [
    ...Object.values(layout.regions).map((p) => ({ x: p.x - REGION_W / 2, y: p.y - REGION_H / 2, w: REGION_W + 86, h: REGION_H + 8 })),
    ...Object.values(layout.shelf),
    ...Object.values(layout.theatres).map((r) => ({ ...r, h: THEATRE_HEADER })),
  ];
}

/**
 * Where a lane's label goes (`pts`: 41 points along the lane from a to b; `half`: half the label's width): the point
 * nearest the lane's middle where a 28 px high label covers nothing of `keepClear`; where there is none (two cards
 * close together), the middle of the stretch between the lane's own two cards.
 */
export function laneLabelSpot(pts: readonly Point[], half: number, keepClear: readonly Rect[]): Point {
  const clear = [...pts.keys()].sort((i, j) => Math.abs(i - 20) - Math.abs(j - 20)).map((i) => pts[i]!)
    .find((p) => !keepClear.some((r) => p.x + half > r.x && p.x - half < r.x + r.w && p.y + 14 > r.y && p.y - 14 < r.y + r.h));
  if (clear) return clear;
  const a = pts[0]!;
  const b = pts[pts.length - 1]!;
  const under = (p: Point, c: Point) => Math.abs(p.x - c.x) < REGION_W / 2 + 14 && Math.abs(p.y - c.y) < REGION_H / 2 + 14;
  const free = pts.filter((p) => !under(p, a) && !under(p, b));
  return free[Math.floor(free.length / 2)] ?? pts[20]!;
}

/**
 * A lane's curve as the board draws it: its control point and 41 points from one card to the other. `labelled`: a
 * sea lane, or an airlift between theatres, carries a label.
 */
export function lanePath(scenario: Scenario, layout: BoardLayout, lane: Scenario['lanes'][number]): { a: Point; c: Point; b: Point; pts: Point[]; labelled: boolean } | null {
  const a = layout.regions[lane.from];
  const b = layout.regions[lane.to];
  if (!a || !b) return null;
  const theatre = (id: string) => scenario.regions.find((r) => r.id === id)?.theatre;
  const sameTheatre = theatre(lane.from) === theatre(lane.to);
  const c = laneControl(a, b, lane.mode === 'air' ? (sameTheatre ? 18 : -60) : 70);
  return { a, c, b, pts: Array.from({ length: 41 }, (_, i) => quadPoint(a, c, b, i / 40)), labelled: lane.mode === 'sea' || !sameTheatre };
}
