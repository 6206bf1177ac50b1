import * as Phaser from 'phaser';
import type { Pattern } from '../core';

// A role's pattern is its second cue beside its colour (DESIGN §10): the same tile everywhere the
// role's colour carries meaning, drawn once per role into a small repeating texture.

const TILE = 16;

export function drawPattern(g: CanvasRenderingContext2D, pattern: Pattern, colour: string): void {
  const s = TILE;
  g.fillStyle = colour;
  g.fillRect(0, 0, s, s);
  g.strokeStyle = g.fillStyle = 'rgba(11,18,27,0.75)';
  g.lineWidth = s / 8;
  switch (pattern) {
    case 'solid':
      break;
    case 'stripes':
      g.beginPath();
      for (let k = -s; k <= s; k += s / 2) { g.moveTo(k, s); g.lineTo(k + s, 0); }
      g.stroke();
      break;
    case 'dots':
      for (const [x, y] of [[s / 4, s / 4], [(3 * s) / 4, (3 * s) / 4]]) { g.beginPath(); g.arc(x!, y!, s / 8, 0, Math.PI * 2); g.fill(); }
      break;
    case 'cross':
      g.beginPath();
      g.moveTo(s / 2, s / 6); g.lineTo(s / 2, (5 * s) / 6); g.moveTo(s / 6, s / 2); g.lineTo((5 * s) / 6, s / 2);
      g.stroke();
      break;
    case 'waves':
      g.beginPath();
      for (const y of [s / 4, (3 * s) / 4]) { g.moveTo(0, y); g.quadraticCurveTo(s / 4, y - s / 6, s / 2, y); g.quadraticCurveTo((3 * s) / 4, y + s / 6, s, y); }
      g.stroke();
      break;
    case 'checks':
      g.fillRect(0, 0, s / 2, s / 2);
      g.fillRect(s / 2, s / 2, s / 2, s / 2);
      break;
    case 'rings':
      g.beginPath(); g.arc(s / 2, s / 2, s / 4, 0, Math.PI * 2); g.stroke();
      break;
  }
}

export const patternKey = (role: string): string => `pattern-${role}`;

/** Makes (once) the repeating texture of each role of the scenario. */
export function ensureRolePatterns(scene: Phaser.Scene, roles: readonly { id: string; colour: string; pattern: Pattern }[]): void {
  for (const r of roles) {
    const key = patternKey(r.id);
    if (scene.textures.exists(key)) scene.textures.remove(key);
    const tex = scene.textures.createCanvas(key, TILE, TILE);
    if (!tex) continue;
    drawPattern(tex.getContext(), r.pattern, r.colour);
    tex.refresh();
  }
}

/** A strip or swatch filled with the role's pattern. */
export function patternFill(scene: Phaser.Scene, role: string, x: number, y: number, w: number, h: number): Phaser.GameObjects.TileSprite {
  return scene.add.tileSprite(x, y, w, h, patternKey(role)).setOrigin(0, 0);
}
