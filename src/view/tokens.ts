import * as Phaser from 'phaser';
import { plural, type Battery, type GameState, type Line } from '../core';
import { patternFill } from './patterns';
import { bakePiece, label, tweenPromise } from './draw';
import { quadPoint, type Point } from './layout';
import { hexColour, palette } from './theme';

// Tokens on the board: batteries (operational, packing, in transit with turns left, setting up) and
// production lines (building, ramping up, at full rate).

const R = 22;

export function roleColour(s: GameState, role: string): number {
  const c = s.scenario.roles.find((r) => r.id === role)?.colour;
  return c ? hexColour(c) : palette.mutedHex;
}

/** A round token: a disc ringed in the owner's colour, an icon, and the owner's pattern as a corner badge (one texture). */
function tokenBody(scene: Phaser.Scene, owner: string, colour: number, icon: string): Phaser.GameObjects.RenderTexture {
  const disc = scene.add.graphics();
  disc.fillStyle(0x0b121b, 1).fillCircle(0, 0, R);
  disc.lineStyle(3, colour, 1).strokeCircle(0, 0, R);
  const img = scene.add.image(0, 0, icon).setDisplaySize(30, 30);
  const badgeEdge = scene.add.graphics();
  badgeEdge.fillStyle(0x0b121b, 1).fillRoundedRect(R - 12, -R - 6, 16, 16, 3);
  const badge = patternFill(scene, owner, R - 10, -R - 4, 12, 12);
  return bakePiece(scene, [disc, img, badgeEdge, badge], { x: -R - 3, y: -R - 8, w: 2 * R + 8, h: 2 * R + 11 });
}

export class BatteryToken {
  readonly container: Phaser.GameObjects.Container;
  readonly #caption: Phaser.GameObjects.Text;
  readonly #status: Phaser.GameObjects.Text;
  readonly #statusBg: Phaser.GameObjects.Graphics;
  readonly #count: Phaser.GameObjects.Text;
  readonly #countBg: Phaser.GameObjects.Graphics;

  readonly #scene: Phaser.Scene;

  constructor(scene: Phaser.Scene, s: GameState, b: Battery, at: Point) {
    this.#scene = scene;
    const colour = roleColour(s, b.owner);
    const body = tokenBody(scene, b.owner, colour, 'icon-battery');
    this.#caption = label(scene, 0, R + 2, '', { size: 14, bold: true }).setOrigin(0.5, 0);
    this.#statusBg = scene.add.graphics();
    this.#status = label(scene, 0, R + 31, '', { size: 13, bold: true, colour: '#0b121b' }).setOrigin(0.5);
    this.#count = label(scene, -R - 2, -R - 6, '', { size: 13, bold: true, colour: '#0b121b' }).setOrigin(0.5);
    this.#countBg = scene.add.graphics();
    this.container = scene.add.container(at.x, at.y, [body, this.#caption, this.#statusBg, this.#status, this.#countBg, this.#count]);
    this.container.setDepth(3);
    this.update(s, b, [b]);
  }

  /** `group`: the batteries this token stands for (one owner's operational batteries in one region). */
  update(s: GameState, b: Battery, group: readonly Battery[]): void {
    const rounds = group.reduce((sum, x) => sum + x.rounds, 0);
    const capacity = group.reduce((sum, x) => sum + x.capacity, 0);
    this.#caption.setText(`${rounds}/${capacity}`);
    this.#count.setText(group.length > 1 ? `×${group.length}` : '');
    this.#countBg.clear();
    if (group.length > 1) this.#countBg.fillStyle(0xffffff, 1).fillRoundedRect(-R - 16, -R - 16, 28, 20, 10);
    const text = statusText(s, b);
    this.#status.setText(text);
    this.#statusBg.clear();
    if (text) {
      const w = this.#status.width + 14;
      this.#statusBg.fillStyle(b.status === 'setup' ? palette.accentHex : 0xbfd2e3, 1).fillRoundedRect(-w / 2, R + 20, w, 22, 11);
    }
  }

  /** Where along its move path the token stands (null when docked at a region). */
  progress: number | null = null;

  moveTo(p: Point, duration: number): Promise<void> {
    return tweenPromise(this.#scene, { targets: this.container, x: p.x, y: p.y, duration, ease: 'Sine.easeInOut' });
  }

  follow(path: { a: Point; c: Point; b: Point }, from: number, to: number, duration: number): Promise<void> {
    const place = (t: number) => { const p = quadPoint(path.a, path.c, path.b, t); this.container.setPosition(p.x, p.y); };
    if (duration <= 0 || from === to) { place(to); return Promise.resolve(); }
    const at = { t: from };
    return tweenPromise(this.#scene, { targets: at, t: to, duration, ease: 'Sine.easeInOut', onUpdate: () => place(at.t) });
  }

  destroy(): void {
    this.container.destroy();
  }
}

/** "packing", "in transit · 2 turns", "setting up" — drawn from the state, rounded for the eye. */
export function statusText(s: GameState, b: Battery): string {
  switch (b.status) {
    case 'operational': return '';
    case 'packing': return 'packing up';
    case 'setup': return 'setting up';
    case 'transit': {
      if (b.mode === 'air') {
        const perTurn = s.scenario.airlift.loadsPerTurn;
        const turns = perTurn > 0 ? Math.max(1, Math.ceil(b.loadsLeft / perTurn)) : b.turnsLeft;
        return `by air · ~${plural(turns, 'turn')}`;
      }
      return `by sea · ${plural(b.turnsLeft, 'turn')}`;
    }
  }
}

export class LineToken {
  readonly #caption: Phaser.GameObjects.Text;
  readonly #progress: Phaser.GameObjects.Graphics;

  constructor(scene: Phaser.Scene, s: GameState, line: Line, at: Point) {
    const owner = line.owners[0]?.role ?? '';
    const colour = roleColour(s, owner);
    const bg = scene.add.graphics();
    bg.fillStyle(0x0b121b, 1).fillRoundedRect(-20, -20, 40, 40, 8);
    bg.lineStyle(2.5, colour, 1).strokeRoundedRect(-20, -20, 40, 40, 8);
    // Joint lines show every owner's pattern as a split strip along the bottom.
    const strips = line.owners.map((o, i) => patternFill(scene, o.role, -18 + (36 / line.owners.length) * i, 12, 36 / line.owners.length, 6));
    const icon = scene.add.image(0, -3, 'icon-line').setDisplaySize(26, 26);
    this.#progress = scene.add.graphics();
    this.#caption = label(scene, 0, 22, '', { size: 13, bold: true }).setOrigin(0.5, 0);
    const face = bakePiece(scene, [bg, ...strips, icon], { x: -22, y: -22, w: 44, h: 44 });
    scene.add.container(at.x, at.y, [face, this.#progress, this.#caption]).setDepth(3);
    this.update(line);
  }

  update(line: Line): void {
    const share = line.buildLeft > 0 ? 0 : [0, 0.25, 0.5, 1][line.ramp] ?? 1;
    this.#caption.setText(line.buildLeft > 0 ? `builds · ${line.buildLeft}` : `${Math.round(share * 100)}%${line.fundedThisTurn ? ' ✓' : ''}`);
    this.#progress.clear();
    this.#progress.lineStyle(4, line.buildLeft > 0 ? 0x8fa3b8 : palette.accentHex, 1);
    this.#progress.beginPath();
    this.#progress.arc(0, 0, 25, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * Math.max(0.02, share), false);
    this.#progress.strokePath();
  }
}
