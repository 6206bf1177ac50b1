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
