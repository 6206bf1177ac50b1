import * as Phaser from 'phaser';
import type { GameState } from '../core';
import { patternFill } from './patterns';
import { bakePiece, fitText, label } from './draw';
import type { Point, Rect } from './layout';
import { palette } from './theme';

// Stockpiles along the foot of each theatre: one chip per owner and item, with its count.

export const ITEM_ICONS: Record<string, string> = {
  interceptor: 'icon-interceptor', launcher: 'icon-launcher', munition: 'icon-rocket', equipment: 'icon-crate',
};

const CHIP_H = 30;

export class Shelf {
  #objects: Phaser.GameObjects.GameObject[] = [];
  #slots: Record<string, Point> = {};

  readonly #scene: Phaser.Scene;
  readonly #theatre: string;
  readonly #rect: Rect;

  constructor(scene: Phaser.Scene, theatre: string, rect: Rect) {
    this.#scene = scene;
    this.#theatre = theatre;
    this.#rect = rect;
  }

  /** Where a stock of `owner|item` sits (or would sit) on this shelf. */
  slot(owner: string, item: string): Point {
    return this.#slots[`${owner}|${item}`] ?? { x: this.#rect.x + this.#rect.w / 2, y: this.#rect.y + this.#rect.h / 2 };
  }

  update(s: GameState): void {
    for (const o of this.#objects) o.destroy();
    this.#objects = [];
    this.#draw(s);
    // Still until the next update: one texture instead of a draw per chip part each frame.
    const r = this.#rect;
    this.#objects = [bakePiece(this.#scene, this.#objects, { x: r.x - 1, y: r.y - 1, w: r.w + 2, h: r.h + 2 }).setDepth(2)];
  }

  #draw(s: GameState): void {
    this.#slots = {};
    const entries = Object.entries(s.stocks)
      .map(([key, amount]) => ({ key, amount, parts: key.split('|') }))
      .filter((e) => e.parts[2] === this.#theatre && (e.amount > 0 || s.scenario.roles.some((r) => r.id === e.parts[0])))
      .filter((e) => e.amount > 0 || s.scenario.stockpiles.some((x) => `${x.owner}|${x.item}|${x.theatre}` === e.key));
    const g = this.#scene.add.graphics();
    g.fillStyle(0x0b121b, 0.55).fillRoundedRect(this.#rect.x, this.#rect.y, this.#rect.w, this.#rect.h, 8);
    this.#objects.push(g);
    if (entries.length === 0) {
      this.#objects.push(label(this.#scene, this.#rect.x + 10, this.#rect.y + this.#rect.h / 2, 'No stockpiles here', { size: 14, colour: palette.textMuted }).setOrigin(0, 0.5));
      return;
    }
    const width = Math.min(200, (this.#rect.w - 8) / entries.length - 6);
    entries.forEach((e, i) => {
      const [owner = '', itemId = ''] = e.parts;
      const item = s.scenario.items.find((x) => x.id === itemId);
      const x = this.#rect.x + 4 + i * (width + 6);
      const y = this.#rect.y + (this.#rect.h - CHIP_H) / 2;
      this.#slots[`${owner}|${itemId}`] = { x: x + 22, y: y + CHIP_H / 2 };
      const bg = this.#scene.add.graphics();
      bg.fillStyle(palette.panelRaised, 1).fillRoundedRect(x, y, width, CHIP_H, 6);
      bg.lineStyle(1, palette.panelEdge, 1).strokeRoundedRect(x, y, width, CHIP_H, 6);
      const stripe = patternFill(this.#scene, owner, x + 1, y + 1, 7, CHIP_H - 2);
      const icon = this.#scene.add.image(x + 22, y + CHIP_H / 2, ITEM_ICONS[item?.kind ?? 'equipment'] ?? 'icon-crate').setDisplaySize(22, 22);
      const count = label(this.#scene, x + 38, y + CHIP_H / 2, formatCount(e.amount), { size: 17, bold: true, colour: e.amount > 0 ? palette.text : palette.dangerText }).setOrigin(0, 0.5);
      const name = label(this.#scene, count.x + count.width + 6, y + CHIP_H / 2, item?.name ?? itemId, { size: 13, colour: palette.textMuted }).setOrigin(0, 0.5);
      fitText(name, Math.max(10, x + width - name.x - 6));
      this.#objects.push(bg, stripe, icon, count, name);
    });
  }
}

export const formatCount = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-GB') : n.toFixed(1));
