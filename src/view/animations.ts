import * as Phaser from 'phaser';
import type { GameEvent, GameState } from '../core';
import type { BoardView } from './board';
import { label, scaled, tinted, tweenPromise, wait } from './draw';
import { BOARD, quadPoint, type Point } from './layout';
import { ITEM_ICONS } from './shelf';
import { hexColour, palette } from './theme';

// Motion that explains cause and effect (DESIGN §10): a wave arcs in from outside its theatre,
// interceptors rise to meet each threat, hits flash, leakers strike the region card; deliveries
// fly to the stockpile shelf; a banner names each new phase. Every duration is scaled by the speed.

type Interception = Extract<GameEvent, { kind: 'interception' }>;
type Delivery = Extract<GameEvent, { kind: 'delivery' }>;

const DEPTH = 10;

export async function playWave(scene: Phaser.Scene, board: BoardView, s: GameState, events: readonly Interception[], speed: number): Promise<void> {
  if (speed <= 0 || events.length === 0) return;
  const runs = events.map((e, i) => wait(scene, scaled(i * 420, speed)).then(() => playOne(scene, board, s, e, speed, i)));
  await Promise.all(runs);
}

async function playOne(scene: Phaser.Scene, board: BoardView, s: GameState, e: Interception, speed: number, index: number): Promise<void> {
  const target = board.layout.regions[e.target];
  const origin = board.layout.threatOrigin[e.theatre];
  if (!target || !origin) return;
  const kind = s.scenario.threatTypes.find((t) => t.id === e.threat)?.kind ?? 'drone';
  const start = { x: origin.x, y: origin.y + (Math.abs(hashText(e.text)) % 80) };
  const control = { x: (start.x + target.x) / 2 + 40, y: Math.min(start.y, target.y) - 70 };
  const meet = quadPoint(start, control, target, 0.72);
  const threat = scene.add.image(start.x, start.y, tinted(scene, kind === 'ballistic' ? 'icon-ballistic' : 'icon-drone', palette.threat))
    .setDisplaySize(30, 30).setDepth(DEPTH);
  const flight = { t: 0 };
  const place = () => {
    const p = quadPoint(start, control, target, flight.t);
    const ahead = quadPoint(start, control, target, Math.min(1, flight.t + 0.02));
    threat.setPosition(p.x, p.y).setRotation(Math.atan2(ahead.y - p.y, ahead.x - p.x) + Math.PI / 2);
  };
  await tweenPromise(scene, { targets: flight, t: 0.72, duration: scaled(1100, speed), ease: 'Sine.easeIn', onUpdate: place });
  let killed = false;
  for (const shot of e.shots) {
    const from = shot.source === 'counterDrone' ? target : board.batteryAt(shot.battery) ?? target;
    await fireInterceptor(scene, from, meet, shot.hit, shot.u, shot.p, speed, index);
    if (shot.hit) { killed = true; break; }
  }
  if (killed) {
    await burst(scene, meet, 0xffffff, speed);
    threat.destroy();
    return;
  }
  await tweenPromise(scene, { targets: flight, t: 1, duration: scaled(380, speed), onUpdate: place });
  threat.destroy();
  await Promise.all([burst(scene, target, palette.danger, speed), board.regions[e.target]?.strike(scaled(520, speed))]);
}

async function fireInterceptor(scene: Phaser.Scene, from: Point, to: Point, hit: boolean, u: number, p: number, speed: number, index: number): Promise<void> {
  const missile = scene.add.image(from.x, from.y, tinted(scene, 'icon-interceptor', palette.interceptor)).setDisplaySize(22, 22).setDepth(DEPTH);
  missile.setRotation(Math.atan2(to.y - from.y, to.x - from.x) + Math.PI / 2);
  const pos = { t: 0 };
  const end = hit ? to : { x: to.x + (to.x - from.x) * 0.25, y: to.y + (to.y - from.y) * 0.25 };
  // The trail is a stretched quad, not a Graphics line redrawn (re-tessellated) every frame.
  const length = Math.hypot(end.x - from.x, end.y - from.y);
  const trail = scene.add.image(from.x, from.y, tinted(scene, '__WHITE', palette.interceptor)).setOrigin(0, 0.5).setAlpha(0.5)
    .setRotation(Math.atan2(end.y - from.y, end.x - from.x)).setDisplaySize(0, 2).setDepth(DEPTH - 1);
  await tweenPromise(scene, {
    targets: pos, t: 1, duration: scaled(480, speed), ease: 'Quad.easeOut',
    onUpdate: () => {
      missile.setPosition(from.x + (end.x - from.x) * pos.t, from.y + (end.y - from.y) * pos.t);
      trail.setDisplaySize(length * pos.t, 2);
    },
  });
  // Successive threats put their dice on successive lines, so overlapping verdicts stay readable.
  const verdict = label(scene, to.x + 14, to.y - 44 + (index % 3) * 22, `${u.toFixed(2)} ${hit ? '<' : '≥'} ${p.toFixed(2)} ${hit ? 'hit' : 'miss'}`, {
    size: 15, bold: true, colour: hit ? '#ffffff' : '#ffb27a',
  }).setDepth(DEPTH + 1);
  const plate = scene.add.graphics().setDepth(DEPTH).fillStyle(0x0b121b, 0.85).fillRoundedRect(verdict.x - 6, verdict.y - 2, verdict.width + 12, verdict.height + 4, 6);
  missile.destroy();
  void tweenPromise(scene, { targets: [trail], alpha: 0, duration: scaled(600, speed) }).then(() => trail.destroy());
  void wait(scene, scaled(900, speed)).then(() => { verdict.destroy(); plate.destroy(); });
  if (!hit) await wait(scene, scaled(120, speed));
}

const BURST = 'fx-burst';

/** A white disc in a ring, drawn once into a texture; each burst is a tinted image of it. */
function burstTexture(scene: Phaser.Scene): string {
  if (!scene.textures.exists(BURST)) {
    const g = scene.make.graphics({}, false);
    g.fillStyle(0xffffff, 0.85).fillCircle(18, 18, 10);
    g.lineStyle(3, 0xffffff, 1).strokeCircle(18, 18, 16);
    g.generateTexture(BURST, 36, 36);
    g.destroy();
  }
  return BURST;
}

async function burst(scene: Phaser.Scene, at: Point, colour: number, speed: number): Promise<void> {
  const ring = scene.add.image(at.x, at.y, tinted(scene, burstTexture(scene), colour)).setDepth(DEPTH + 1);
  await tweenPromise(scene, { targets: ring, scale: 2.6, alpha: 0, duration: scaled(420, speed), ease: 'Quad.easeOut' });
  ring.destroy();
}

export async function playDelivery(scene: Phaser.Scene, board: BoardView, s: GameState, e: Delivery, speed: number): Promise<void> {
  if (speed <= 0) return;
  const to = board.shelfSlot(e.theatre, e.owner, e.item);
  const from = board.linePoint(e.item, s) ?? { x: to.x, y: to.y - 120 };
  const kind = s.scenario.items.find((i) => i.id === e.item)?.kind ?? 'equipment';
  const colour = s.scenario.roles.find((r) => r.id === e.owner)?.colour;
  const art = ITEM_ICONS[kind] ?? 'icon-crate';
  const icon = scene.add.image(from.x, from.y, colour ? tinted(scene, art, hexColour(colour)) : art).setDisplaySize(26, 26).setDepth(DEPTH);
  await tweenPromise(scene, { targets: icon, x: to.x, y: to.y, duration: scaled(800, speed), ease: 'Cubic.easeInOut' });
  await burst(scene, to, palette.accentHex, speed * 0.7);
  icon.destroy();
}

/** A banner across the board naming the phase that begins. */
export async function phaseBanner(scene: Phaser.Scene, title: string, hint: string, speed: number): Promise<void> {
  if (speed <= 0) return;
  const cx = BOARD.x + BOARD.w / 2;
  const cy = BOARD.y + BOARD.h / 2;
  const heading = label(scene, cx, cy - 14, title.toUpperCase(), { size: 44, bold: true, colour: palette.accent }).setOrigin(0.5);
  const sub = label(scene, cx, cy + 28, hint, { size: 18, align: 'center', width: 640 }).setOrigin(0.5, 0);
  const h = 110 + sub.height;
  const bg = scene.add.graphics();
  bg.fillStyle(0x0b121b, 0.88).fillRect(BOARD.x, cy - 56, BOARD.w, h);
  bg.lineStyle(2, palette.accentHex, 0.8).lineBetween(BOARD.x, cy - 56, BOARD.x + BOARD.w, cy - 56).lineBetween(BOARD.x, cy - 56 + h, BOARD.x + BOARD.w, cy - 56 + h);
  const group = [bg, heading, sub];
  for (const o of group) o.setDepth(DEPTH + 2).setAlpha(0);
  await tweenPromise(scene, { targets: group, alpha: 1, duration: scaled(220, speed) });
  await wait(scene, scaled(hint ? 1300 : 650, speed));
  await tweenPromise(scene, { targets: group, alpha: 0, duration: scaled(260, speed) });
  for (const o of group) o.destroy();
}

function hashText(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}
