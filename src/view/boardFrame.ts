import * as Phaser from 'phaser';
import { plural, type Scenario } from '../core';
import { dashedPath, fitText, label } from './draw';
import { BOARD, labelKeepClear, laneLabelSpot, lanePath, THEATRE_HEADER, type BoardLayout, type Point, type Rect } from './layout';
import { palette, tensionColour } from './theme';

// The still parts of the board: the situation-room table, the theatres as framed insets with their
// tension gauges, and the lanes (dashed arcs for air, solid curves for sea, with transit turns).

export function drawTable(scene: Phaser.Scene): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics();
  g.fillStyle(palette.board, 1).fillRoundedRect(BOARD.x - 4, BOARD.y - 4, BOARD.w + 8, BOARD.h + 8, 12);
  g.lineStyle(1, palette.grid, 1);
  for (let x = BOARD.x + 20; x < BOARD.x + BOARD.w; x += 40) g.lineBetween(x, BOARD.y, x, BOARD.y + BOARD.h);
  for (let y = BOARD.y + 20; y < BOARD.y + BOARD.h; y += 40) g.lineBetween(BOARD.x, y, BOARD.x + BOARD.w, y);
  g.lineStyle(2, palette.panelEdge, 1).strokeRoundedRect(BOARD.x - 4, BOARD.y - 4, BOARD.w + 8, BOARD.h + 8, 12);
  return g;
}

export class TensionGauge {
  readonly #g: Phaser.GameObjects.Graphics;
  readonly #numeral: Phaser.GameObjects.Text;
  readonly #flash: Phaser.GameObjects.Graphics;

  readonly #scene: Phaser.Scene;
  readonly #right: number;
  readonly #y: number;
  /** A segment's width: 10 px, narrower where the name leaves less room (4 px beside a name drawTheatres fitted,
   * at least 2 in a loaded scenario's very narrow theatre). */
  readonly #seg: number;

  constructor(scene: Phaser.Scene, right: number, y: number, nameRight: number) {
    this.#scene = scene;
    this.#right = right;
    this.#y = y;
    this.#seg = Math.max(2, Math.min(10, Math.floor((right - 56 - nameRight) / 10) - 3));
    this.#g = scene.add.graphics().setDepth(1);
    this.#flash = scene.add.graphics().setDepth(1);
    this.#numeral = label(scene, right, y, '0', { size: 28, bold: true }).setOrigin(1, 0.5).setDepth(1);
    const word = label(scene, right - 52 - 10 * (this.#seg + 3), y, 'tension', { size: 14, colour: palette.textMuted }).setOrigin(1, 0.5).setDepth(1);
    // A long theatre name wins over the word: the colour ramp and the numeral still say it.
    if (word.x - word.width < nameRight + 10) word.setVisible(false);
  }

  update(value: number, changed: boolean): void {
    const seg = this.#seg;
    const x0 = this.#right - 44 - 10 * (seg + 3);
    this.#g.clear();
    for (let i = 0; i < 10; i++) {
      const x = x0 + i * (seg + 3);
      const on = i < value;
      this.#g.fillStyle(on ? tensionColour(i + 1) : 0x223246, 1).fillRect(x, this.#y - 8 - (i >= 6 ? 2 : 0), seg, 16 + (i >= 6 ? 4 : 0));
    }
    this.#numeral.setText(String(value)).setColor(value >= 7 ? palette.dangerText : value >= 4 ? '#f2c46d' : palette.text);
    if (changed) {
      this.#flash.clear().fillStyle(0xffffff, 0.35).fillRoundedRect(x0 - 6, this.#y - 16, this.#right - x0 + 10, 32, 8);
      this.#flash.alpha = 1;
      this.#scene.tweens.add({ targets: this.#flash, alpha: 0, duration: 900 });
    }
  }
}

export function drawTheatres(scene: Phaser.Scene, scenario: Scenario, layout: BoardLayout): { gauges: Record<string, TensionGauge>; still: Phaser.GameObjects.Graphics[] } {
  const gauges: Record<string, TensionGauge> = {};
  const still: Phaser.GameObjects.Graphics[] = [];
  for (const t of scenario.theatres) {
    const r = layout.theatres[t.id]!;
    const g = scene.add.graphics();
    still.push(g);
    g.fillStyle(0x122030, 0.92).fillRoundedRect(r.x, r.y, r.w, r.h, 14);
    g.lineStyle(2, 0x3a5573, 1).strokeRoundedRect(r.x, r.y, r.w, r.h, 14);
    g.fillStyle(0x1a2c42, 1).fillRoundedRect(r.x + 1, r.y + 1, r.w - 2, THEATRE_HEADER, { tl: 13, tr: 13, bl: 0, br: 0 });
    g.lineStyle(1, 0x3a5573, 1).lineBetween(r.x, r.y + THEATRE_HEADER, r.x + r.w, r.y + THEATRE_HEADER);
    // Corner ticks: a framed inset on the situation table.
    g.lineStyle(3, palette.accentHex, 0.7);
    for (const [cx, cy, dx, dy] of [[r.x, r.y, 1, 1], [r.x + r.w, r.y, -1, 1], [r.x, r.y + r.h, 1, -1], [r.x + r.w, r.y + r.h, -1, -1]] as const) {
      g.lineBetween(cx, cy + dy * 4, cx, cy + dy * 18);
      g.lineBetween(cx + dx * 4, cy, cx + dx * 18, cy);
    }
    const name = label(scene, r.x + 14, r.y + THEATRE_HEADER / 2, t.name.toUpperCase(), { size: 20, bold: true }).setOrigin(0, 0.5).setDepth(1);
    // Theatres side by side leave the name less room than the gauge at its narrowest (126 px) needs: the name
    // shrinks to 15 px, and only then shortens.
    const room = r.w - 154;
    if (name.width > room) fitText(name.setFontSize(Math.max(15, Math.floor((20 * room) / name.width))), room);
    gauges[t.id] = new TensionGauge(scene, r.x + r.w - 14, r.y + THEATRE_HEADER / 2, name.x + name.width);
  }
  return { gauges, still };
}

export interface LaneGeometry { a: Point; c: Point; b: Point; mode: 'air' | 'sea' }

/** Draws the lanes and returns their curves, so moving tokens can follow them. */
export function drawLanes(scene: Phaser.Scene, scenario: Scenario, layout: BoardLayout): { lanes: Record<string, LaneGeometry>; still: Phaser.GameObjects.Graphics[] } {
  const out: Record<string, LaneGeometry> = {};
  const g = scene.add.graphics();
  const pills = scene.add.graphics();
  const keepClear = labelKeepClear(layout);
  for (const lane of scenario.lanes) {
    const path = lanePath(scenario, layout, lane);
    if (!path) continue;
    const { a, c, b, pts } = path;
    out[lane.id] = { a, c, b, mode: lane.mode };
    if (lane.mode === 'air') {
      g.lineStyle(2.5, 0x8fb3d1, 0.75);
      dashedPath(g, pts, 10, 8);
    } else {
      g.lineStyle(4, 0x3f7fb0, 0.85);
      g.strokePoints(pts.map((p) => new Phaser.Math.Vector2(p.x, p.y)));
    }
    if (path.labelled) {
      const text = lane.mode === 'sea' ? `sea · ${plural(lane.transit, 'turn')}` : 'airlift';
      const t = label(scene, 0, 0, text, { size: 14, bold: true, colour: lane.mode === 'sea' ? '#bcdcf5' : '#d5e4f0' }).setOrigin(0.5);
      const mid = laneLabelSpot(pts, t.width / 2 + 10, keepClear);
      t.setPosition(mid.x, mid.y);
      pills.fillStyle(0x0b121b, 0.9).fillRoundedRect(mid.x - t.width / 2 - 8, mid.y - 12, t.width + 16, 24, 12);
      pills.lineStyle(1.5, lane.mode === 'sea' ? 0x3f7fb0 : 0x8fb3d1, 1).strokeRoundedRect(mid.x - t.width / 2 - 8, mid.y - 12, t.width + 16, 24, 12);
      t.setDepth(1);
    }
  }
  return { lanes: out, still: [g, pills] };
}

export const rectCentre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
