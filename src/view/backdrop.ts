import * as Phaser from 'phaser';
import { palette } from './theme';

/** The situation-room table behind the menus: a dark field, a faint grid and a world strip of frames. */
export function drawBackdrop(scene: Phaser.Scene): void {
  const { width, height } = scene.scale;
  const g = scene.add.graphics();
  // No full-screen fill: the game's clear colour is the same, and a fill costs every frame.
  g.lineStyle(1, palette.grid, 0.8);
  for (let x = 0; x < width; x += 40) g.lineBetween(x, 0, x, height);
  for (let y = 0; y < height; y += 40) g.lineBetween(0, y, width, y);
  g.lineStyle(1, palette.grid, 1);
  for (let x = 0; x < width; x += 200) g.lineBetween(x, 0, x, height);
  // Three schematic theatre frames along the foot: the world strip the scenarios are played on.
  const frames = [[60, 560, 330, 140], [470, 600, 330, 110], [880, 550, 340, 150]] as const;
  for (const [x, y, w, hgt] of frames) {
    g.lineStyle(2, 0x243a52, 1).strokeRoundedRect(x, y, w, hgt, 12);
    g.lineStyle(3, palette.accentHex, 0.25);
    g.lineBetween(x, y + 4, x, y + 18).lineBetween(x + 4, y, x + 18, y);
  }
  const arc = new Phaser.Curves.QuadraticBezier(new Phaser.Math.Vector2(330, 600), new Phaser.Math.Vector2(640, 470), new Phaser.Math.Vector2(960, 590));
  g.lineStyle(2, 0x3f7fb0, 0.35);
  arc.draw(g, 64);
}
