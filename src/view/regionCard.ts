import * as Phaser from 'phaser';
import { patternFill } from './patterns';
import { bakePiece, dashedRoundedRect, fitText, label, tweenPromise } from './draw';
import { REGION_H, REGION_W, type Point } from './layout';
import { hexColour, palette } from './theme';

// A region as a rounded card: the owner's colour stripe with its pattern, the name, value pips,
// and a damage bar of the region's staying power. Cover rings and gaps are drawn around it.

export interface RegionLook {
  name: string;
  owner: string;
  ownerColour: string;
  value: number;
  stayingPower: number;
  damage: number;
  disabled: boolean;
  cover: 'full' | 'half' | 'none';
  gap: boolean;
}

export class RegionCard {
  readonly container: Phaser.GameObjects.Container;
  readonly #ring: Phaser.GameObjects.Graphics;
  readonly #bar: Phaser.GameObjects.Graphics;
  readonly #damageText: Phaser.GameObjects.Text;
  readonly #gapTag: Phaser.GameObjects.Container;
  readonly #disabledTag: Phaser.GameObjects.Container;
  readonly #highlight: Phaser.GameObjects.Graphics;
  #shownDamage = -1;

  readonly #scene: Phaser.Scene;
  #look: RegionLook;

  constructor(scene: Phaser.Scene, readonly at: Point, look: RegionLook) {
    this.#scene = scene;
    this.#look = look;
    const w = REGION_W;
    const h = REGION_H;
    this.#ring = scene.add.graphics().setPosition(at.x, at.y).setDepth(1.5);
    this.#highlight = scene.add.graphics().setPosition(at.x, at.y).setDepth(1.6);
    const bg = scene.add.graphics();
    bg.fillStyle(palette.panelRaised, 0.97).fillRoundedRect(-w / 2, -h / 2, w, h, 10);
    bg.lineStyle(1.5, palette.panelEdge, 1).strokeRoundedRect(-w / 2, -h / 2, w, h, 10);
    const stripe = patternFill(scene, look.owner, -w / 2 + 1, -h / 2 + 1, 12, h - 2);
    const stripeEdge = scene.add.graphics().fillStyle(hexColour(look.ownerColour), 1).fillRect(-w / 2 + 12, -h / 2 + 4, 2, h - 8);
    const name = fitText(label(scene, -w / 2 + 20, -h / 2 + 5, look.name, { size: 17, bold: true }), w - 26);
    const pips = scene.add.graphics();
    const pipStart = -w / 2 + 20;
    for (let i = 0; i < Math.min(look.value, 12); i++) {
      const px = pipStart + i * 9 + 3;
      pips.fillStyle(palette.accentHex, 1).fillRect(px - 3, -3, 6, 6);
    }
    const valueText = label(scene, pipStart + Math.min(look.value, 12) * 9 + 4, -10, `${look.value}`, { size: 14, colour: palette.accent, bold: true });
    this.#bar = scene.add.graphics();
    this.#damageText = label(scene, w / 2 - 8, h / 2 - 22, '', { size: 14, colour: palette.textMuted, align: 'right' }).setOrigin(1, 0);
    this.#gapTag = this.#tag('UNCOVERED', palette.danger, -h / 2 - 14);
    this.#disabledTag = this.#tag('DISABLED', palette.danger, 0);
    // The still face of the card is one texture; the bar, the damage text and the tags change.
    const face = bakePiece(scene, [bg, stripe, stripeEdge, name, pips, valueText], { x: -w / 2 - 1, y: -h / 2 - 1, w: w + 2, h: h + 2 });
    this.container = scene.add.container(at.x, at.y, [face, this.#bar, this.#damageText, this.#disabledTag, this.#gapTag]);
    this.container.setSize(w, h);
    this.update(look, 0);
  }

  #tag(text: string, colour: number, y: number): Phaser.GameObjects.Container {
    const t = label(this.#scene, 0, 0, text, { size: 13, bold: true, colour: '#0b121b' }).setOrigin(0.5);
    const g = this.#scene.add.graphics().fillStyle(colour, 1).fillRoundedRect(-t.width / 2 - 8, -11, t.width + 16, 22, 11);
    return this.#scene.add.container(0, y, [g, t]).setVisible(false);
  }

  /** `duration` > 0 tweens the damage bar to its new value. */
  update(look: RegionLook, duration: number): void {
    this.#look = look;
    this.#drawRing();
    this.#gapTag.setVisible(look.gap);
    this.#disabledTag.setVisible(look.disabled);
    this.#damageText.setText(look.damage > 0 ? `hits ${look.damage}/${look.stayingPower}` : `holds ${look.stayingPower}`);
    if (this.#shownDamage !== look.damage) {
      const from = this.#shownDamage < 0 ? look.damage : this.#shownDamage;
      this.#shownDamage = look.damage;
      if (duration > 0 && from !== look.damage) {
        const counter = { v: from };
        void tweenPromise(this.#scene, { targets: counter, v: look.damage, duration, onUpdate: () => this.#drawBar(counter.v) });
      } else this.#drawBar(look.damage);
    }
  }

  #drawBar(damage: number): void {
    const w = 92;
    const x0 = -REGION_W / 2 + 20;
    const y0 = REGION_H / 2 - 17;
    const n = Math.max(1, this.#look.stayingPower);
    const seg = (w - (n - 1) * 3) / n;
    this.#bar.clear();
    for (let i = 0; i < n; i++) {
      const x = x0 + i * (seg + 3);
      const fill = Math.min(1, Math.max(0, damage - i));
      this.#bar.fillStyle(0x2a3b50, 1).fillRect(x, y0, seg, 9);
      if (fill > 0) this.#bar.fillStyle(palette.danger, 1).fillRect(x, y0, seg * fill, 9);
      this.#bar.lineStyle(1, 0x4a6078, 1).strokeRect(x, y0, seg, 9);
    }
  }

  #drawRing(): void {
    const g = this.#ring;
    g.clear();
    const pad = 6;
    const x = -REGION_W / 2 - pad;
    const y = -REGION_H / 2 - pad;
    const w = REGION_W + pad * 2;
    const h = REGION_H + pad * 2;
    if (this.#look.gap) {
      g.fillStyle(palette.danger, 0.12).fillRoundedRect(x, y, w, h, 14);
      g.lineStyle(3, palette.danger, 1);
      dashedRoundedRect(g, x, y, w, h, 14);
    } else if (this.#look.cover === 'full') {
      g.fillStyle(palette.shield, 0.08).fillRoundedRect(x, y, w, h, 14);
      g.lineStyle(3, palette.shield, 0.95).strokeRoundedRect(x, y, w, h, 14);
    } else if (this.#look.cover === 'half') {
      g.lineStyle(2.5, palette.shield, 0.9);
      dashedRoundedRect(g, x, y, w, h, 14);
    }
  }

  setHighlight(on: boolean): void {
    this.#highlight.clear();
    if (!on) return;
    const pad = 11;
    this.#highlight.lineStyle(3, palette.focusHex, 1).strokeRoundedRect(-REGION_W / 2 - pad, -REGION_H / 2 - pad, REGION_W + pad * 2, REGION_H + pad * 2, 16);
  }

  /** A leaker strikes: the card shakes and flashes. */
  async strike(duration: number): Promise<void> {
    if (duration <= 0) return;
    const flash = this.#scene.add.graphics().setPosition(this.at.x, this.at.y).setDepth(2.5);
    flash.fillStyle(palette.danger, 0.55).fillRoundedRect(-REGION_W / 2, -REGION_H / 2, REGION_W, REGION_H, 10);
    const x = this.container.x;
    await Promise.all([
      tweenPromise(this.#scene, { targets: flash, alpha: 0, duration }),
      tweenPromise(this.#scene, { targets: this.container, x: x + 5, duration: duration / 6, yoyo: true, repeat: 2 }),
    ]);
    this.container.x = x;
    flash.destroy();
  }
}
