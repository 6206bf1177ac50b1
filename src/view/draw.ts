import * as Phaser from 'phaser';
import { fonts, palette } from './theme';
import type { Point } from './layout';

// Small drawing helpers shared by the board's pieces.

export interface LabelStyle { size?: number; colour?: string; bold?: boolean; align?: 'left' | 'center' | 'right'; width?: number }

/** Crisp text (drawn at twice the canvas resolution, so it stays sharp when the canvas is scaled up). */
export function label(scene: Phaser.Scene, x: number, y: number, text: string, style: LabelStyle = {}): Phaser.GameObjects.Text {
  const t = scene.add.text(x, y, text, {
    fontFamily: fonts.family,
    fontSize: `${style.size ?? 16}px`,
    color: style.colour ?? palette.text,
    fontStyle: style.bold ? 'bold' : 'normal',
    align: style.align ?? 'left',
    wordWrap: style.width ? { width: style.width, useAdvancedWrap: true } : undefined,
  });
  t.setResolution(2);
  return t;
}

/** Shortens a text to fit a width, with an ellipsis. */
export function fitText(t: Phaser.GameObjects.Text, width: number): Phaser.GameObjects.Text {
  const full = t.text;
  if (t.width <= width) return t;
  let n = full.length;
  while (n > 1 && t.width > width) {
    n -= 1;
    t.setText(`${full.slice(0, n).trimEnd()}…`);
  }
  return t;
}

/** A dashed polyline through sampled points. */
export function dashedPath(g: Phaser.GameObjects.Graphics, points: readonly Point[], dash = 9, gap = 7): void {
  let draw = true;
  let left = dash;
  for (let i = 1; i < points.length; i++) {
    let a = points[i - 1]!;
    const b = points[i]!;
    let seg = Math.hypot(b.x - a.x, b.y - a.y);
    while (seg > 0) {
      const step = Math.min(left, seg);
      const t = step / seg;
      const next = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      if (draw) g.lineBetween(a.x, a.y, next.x, next.y);
      a = next;
      seg -= step;
      left -= step;
      if (left <= 0) { draw = !draw; left = draw ? dash : gap; }
    }
  }
}

/** A dashed rounded rectangle (corners drawn as short arcs of points). */
export function dashedRoundedRect(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, r: number): void {
  const pts: Point[] = [];
  const corner = (cx: number, cy: number, from: number) => {
    for (let k = 0; k <= 4; k++) {
      const a = from + (k / 4) * (Math.PI / 2);
      pts.push({ x: cx + Math.cos(a) * r, y: cy + Math.sin(a) * r });
    }
  };
  corner(x + w - r, y + r, -Math.PI / 2);
  corner(x + w - r, y + h - r, 0);
  corner(x + r, y + h - r, Math.PI / 2);
  corner(x + r, y + r, Math.PI);
  pts.push(pts[0]!);
  dashedPath(g, pts);
}

/** Milliseconds scaled by the animation speed (0 when animations are skipped). */
export const scaled = (ms: number, scale: number): number => Math.round(ms * scale);

export function tweenPromise(scene: Phaser.Scene, config: Phaser.Types.Tweens.TweenBuilderConfig): Promise<void> {
  return new Promise((resolve) => {
    if (!config.duration) {
      // Skipped: jump to the end state.
      const targets = Array.isArray(config.targets) ? config.targets : [config.targets];
      for (const target of targets)
        for (const [k, v] of Object.entries(config))
          if (typeof v === 'number' && !['duration', 'delay', 'repeat', 'hold'].includes(k)) (target as Record<string, number>)[k] = v;
      resolve();
      return;
    }
    scene.tweens.add({ ...config, onComplete: () => resolve() });
  });
}

/** Waits in wall-clock time (the scene clock slows down with the frame rate on weak machines). */
export const wait = (_scene: Phaser.Scene, ms: number): Promise<void> =>
  ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Draws still Graphics once into a texture and drops them: Graphics are re-tessellated every frame,
 * which costs a lot on software-rendered classroom machines. `area`: the part of the canvas they
 * cover; only that part is drawn each frame (software WebGL pays for every pixel of the quad).
 */
export function bake(scene: Phaser.Scene, objects: Phaser.GameObjects.GameObject[], area: { x: number; y: number; w: number; h: number }): Phaser.GameObjects.RenderTexture {
  const { width, height } = scene.scale;
  const rt = scene.add.renderTexture(0, 0, width, height).setOrigin(0, 0);
  rt.draw(objects);
  rt.render();
  rt.setCrop(area.x, area.y, area.w, area.h);
  for (const o of objects) o.destroy();
  return rt;
}

/**
 * Draws a piece's still parts (positioned around its origin) once into a texture of `box`, at twice
 * the resolution so text stays sharp, and drops them: one textured quad per frame instead of a draw
 * per part. The texture sits at `box` in the same coordinates the parts had.
 */
export function bakePiece(scene: Phaser.Scene, parts: Phaser.GameObjects.GameObject[], box: { x: number; y: number; w: number; h: number }): Phaser.GameObjects.RenderTexture {
  const rt = scene.add.renderTexture(box.x, box.y, Math.ceil(box.w * 2), Math.ceil(box.h * 2)).setOrigin(0, 0).setScale(0.5);
  const holder = scene.add.container(-box.x * 2, -box.y * 2, parts).setScale(2);
  rt.draw(holder);
  rt.render();
  holder.destroy();
  return rt;
}

/**
 * A copy of a white texture in one colour, made once. Phaser's Canvas renderer has no tint; a
 * coloured copy looks the same in both renderers (white art multiplied by a colour is that colour).
 */
export function tinted(scene: Phaser.Scene, key: string, colour: number): string {
  const out = `${key}:${colour.toString(16)}`;
  if (scene.textures.exists(out)) return out;
  const src = scene.textures.get(key).getSourceImage() as HTMLImageElement | HTMLCanvasElement;
  const tex = scene.textures.createCanvas(out, src.width, src.height);
  if (!tex) return key;
  const g = tex.getContext();
  g.drawImage(src, 0, 0);
  g.globalCompositeOperation = 'source-in';
  g.fillStyle = `#${colour.toString(16).padStart(6, '0')}`;
  g.fillRect(0, 0, src.width, src.height);
  tex.refresh();
  return out;
}
