import * as Phaser from 'phaser';
import { coverage, gaps, isDisabled, roleName, type GameState } from '../core';
import { drawLanes, drawTable, drawTheatres, type LaneGeometry, type TensionGauge } from './boardFrame';
import { BOARD, layoutBoard, laneControl, moveProgress, quadPoint, REGION_H, REGION_W, type BoardLayout, type Point } from './layout';
import { ensureRolePatterns } from './patterns';
import { RegionCard, type RegionLook } from './regionCard';
import { Shelf } from './shelf';
import { BatteryToken, LineToken } from './tokens';
import { bake } from './draw';
import { hexColour } from './theme';

// The whole board, drawn from scenario data and redrawn from each new state. It holds no rules:
// cover and gaps come from the core's coverage() and gaps().

export class BoardView {
  readonly layout: BoardLayout;
  readonly regions: Record<string, RegionCard> = {};
  readonly #gauges: Record<string, TensionGauge>;
  readonly #lanes: Record<string, LaneGeometry>;
  readonly #shelves: Record<string, Shelf> = {};
  readonly #batteries = new Map<string, BatteryToken>();
  /** Which token shows each battery now. */
  readonly #batteryKey = new Map<string, string>();
  readonly #lines = new Map<string, LineToken>();
  readonly #trails: Phaser.GameObjects.Graphics;
  #tensions: Record<string, number> = {};
  /** Details on hover go to the panels' tooltip (null hides it); set by the scene. */
  onHover: (lines: string[] | null, x: number, y: number) => void = () => undefined;
  #state: GameState;

  readonly #scene: Phaser.Scene;

  constructor(scene: Phaser.Scene, s: GameState) {
    this.#scene = scene;
    ensureRolePatterns(scene, s.scenario.roles);
    this.layout = layoutBoard(s.scenario);
    const table = drawTable(scene);
    const theatres = drawTheatres(scene, s.scenario, this.layout);
    const lanes = drawLanes(scene, s.scenario, this.layout);
    this.#gauges = theatres.gauges;
    this.#lanes = lanes.lanes;
    bake(scene, [table, ...theatres.still, ...lanes.still], { x: BOARD.x - 6, y: BOARD.y - 6, w: BOARD.w + 12, h: BOARD.h + 12 });
    this.#trails = scene.add.graphics().setDepth(1);
    for (const r of s.scenario.regions) {
      const at = this.layout.regions[r.id]!;
      this.regions[r.id] = new RegionCard(scene, at, this.#regionLook(s, r.id, {}, []));
      this.regions[r.id]!.container.setDepth(2);
    }
    for (const t of s.scenario.theatres) this.#shelves[t.id] = new Shelf(scene, t.id, this.layout.shelf[t.id]!);
    for (const [id, card] of Object.entries(this.regions)) {
      card.container.setInteractive({ hitArea: new Phaser.Geom.Rectangle(-REGION_W / 2, -REGION_H / 2, REGION_W, REGION_H), hitAreaCallback: Phaser.Geom.Rectangle.Contains });
      card.container.on('pointerover', (p: Phaser.Input.Pointer) => this.onHover(this.#regionDetails(id), p.x, p.y));
      card.container.on('pointerout', () => this.onHover(null, 0, 0));
    }
    this.#state = s;
    this.update(s, 0);
  }

  /** Plain lines about a region for the hover panel: owner, value, damage, who covers it. */
  #regionDetails(id: string): string[] {
    const s = this.#state;
    const r = s.scenario.regions.find((x) => x.id === id)!;
    const cov = coverage(s)[id];
    const names = (ids: readonly string[]) => ids.map((b) => s.batteries.find((x) => x.id === b)?.name ?? b).join(', ');
    const damage = s.regions[id]?.damage ?? 0;
    return [
      `${r.name} · ${roleName(s, r.owner)}`,
      `Value ${r.value} · ${damage > 0 ? `hit ${damage} of ${r.stayingPower}` : `can take ${r.stayingPower} hits`}${isDisabled(s, id) ? ' · disabled' : ''}`,
      cov && cov.full.length > 0 ? `Covered by ${names(cov.full)}` : cov && cov.half.length > 0 ? `Half-covered by ${names(cov.half)}` : 'No air-defence cover',
      ...(gaps(s).includes(id) ? ['Its own battery is away: a gap'] : []),
    ];
  }

  #regionLook(s: GameState, id: string, cov: ReturnType<typeof coverage>, open: readonly string[]): RegionLook {
    const r = s.scenario.regions.find((x) => x.id === id)!;
    const owner = s.scenario.roles.find((x) => x.id === r.owner);
    const c = cov[id];
    return {
      name: r.name, owner: r.owner, ownerColour: owner?.colour ?? '#9fb0c3',
      value: r.value, stayingPower: r.stayingPower, damage: s.regions[id]?.damage ?? 0, disabled: isDisabled(s, id),
      cover: c && c.full.length > 0 ? 'full' : c && c.half.length > 0 ? 'half' : 'none',
      gap: open.includes(id),
    };
  }

  /** Redraws from a state; `duration` > 0 slides tokens and tweens bars to their new places. */
  update(s: GameState, duration: number): Promise<void> {
    this.#state = s;
    const cov = coverage(s);
    const open = gaps(s);
    for (const id of Object.keys(this.regions)) this.regions[id]!.update(this.#regionLook(s, id, cov, open), duration);
    for (const t of s.scenario.theatres) {
      const v = s.tracks[`tension:${t.id}`] ?? 0;
      this.#gauges[t.id]?.update(v, this.#tensions[t.id] !== undefined && this.#tensions[t.id] !== v);
      this.#tensions[t.id] = v;
      this.#shelves[t.id]?.update(s);
    }
    const moves: Promise<void>[] = [];
    this.#trails.clear();
    const seen = new Set<string>();
    const perRegion: Record<string, number> = {};
    // Operational batteries of one owner in one region share a token (×N); moving ones go alone.
    const groups = new Map<string, GameState['batteries']>();
    for (const b of s.batteries) {
      const key = b.status === 'operational' ? `${b.region}|${b.owner}` : b.id;
      groups.set(key, [...(groups.get(key) ?? []), b]);
    }
    for (const [key, group] of groups) {
      const b = group[0]!;
      seen.add(key);
      const at = this.#batteryPoint(s, b, perRegion);
      let token = this.#batteries.get(key);
      const path = b.status === 'transit' && b.destination ? this.path(b.region, b.destination) : null;
      const progress = path ? moveProgress(s, b) : null;
      if (!token) {
        token = new BatteryToken(this.#scene, s, b, at);
        this.#batteries.set(key, token);
      } else if (path && progress !== null && token.progress !== null) {
        // On its way: slide along the lane's curve, turn by turn.
        moves.push(token.follow(path, token.progress, progress, duration * 1.6));
      } else moves.push(token.moveTo(at, duration * 1.6));
      token.progress = progress;
      token.update(s, b, group);
      for (const x of group) this.#batteryKey.set(x.id, key);
      if (b.destination && b.status !== 'operational') this.#drawTrail(s, b);
    }
    for (const [id, token] of this.#batteries) if (!seen.has(id)) { token.destroy(); this.#batteries.delete(id); }
    for (const line of s.lines) {
      const token = this.#lines.get(line.id);
      if (token) token.update(line);
      else {
        const p = this.layout.regions[line.region];
        if (p) this.#lines.set(line.id, new LineToken(this.#scene, s, line, { x: p.x - REGION_W / 2 - 2, y: p.y + REGION_H / 2 + 6 }));
      }
    }
    return Promise.all(moves).then(() => undefined);
  }

  /** Where a battery's token stands: docked at its region, or along its path while it moves. */
  #batteryPoint(s: GameState, b: GameState['batteries'][number], perRegion: Record<string, number>): Point {
    if (b.status === 'transit' && b.destination) {
      const path = this.path(b.region, b.destination);
      if (path) return quadPoint(path.a, path.c, path.b, moveProgress(s, b));
    }
    // Packing at its old place, setting up at its new one (the core has already moved it there).
    return this.#dock(b.region, perRegion);
  }

  #dock(region: string, perRegion: Record<string, number>): Point {
    const p = this.layout.regions[region] ?? { x: 0, y: 0 };
    const n = perRegion[region] ?? 0;
    perRegion[region] = n + 1;
    if (n === 0) return { x: p.x + REGION_W / 2 + 30, y: p.y - 8 };
    if (n === 1) return { x: p.x + REGION_W / 2 + 30, y: p.y + 54 };
    return { x: p.x + REGION_W / 2 - 26 - (n - 2) * 50, y: p.y - REGION_H / 2 - 26 };
  }

  /** The curve between two regions: their lane if one joins them, else a gentle arc. */
  path(from: string, to: string): { a: Point; c: Point; b: Point } | null {
    const a = this.layout.regions[from];
    const b = this.layout.regions[to];
    if (!a || !b) return null;
    for (const lane of Object.values(this.#lanes)) {
      if (lane.a === a && lane.b === b) return lane;
      if (lane.a === b && lane.b === a) return { a, c: lane.c, b };
    }
    return { a, c: laneControl(a, b, -50), b };
  }

  #drawTrail(s: GameState, b: GameState['batteries'][number]): void {
    const path = this.path(b.region, b.destination!);
    if (!path) return;
    const owner = s.scenario.roles.find((r) => r.id === b.owner);
    const colour = owner ? hexColour(owner.colour) : 0xffffff;
    this.#trails.lineStyle(4, colour, 0.55);
    const pts = Array.from({ length: 31 }, (_, i) => quadPoint(path.a, path.c, path.b, i / 30));
    this.#trails.strokePoints(pts.map((p) => new Phaser.Math.Vector2(p.x, p.y)));
    const end = pts[pts.length - 1]!;
    this.#trails.fillStyle(colour, 0.8).fillCircle(end.x, end.y, 6);
  }

  batteryAt(id: string): Point | null {
    const t = this.#batteries.get(this.#batteryKey.get(id) ?? id);
    return t ? { x: t.container.x, y: t.container.y } : null;
  }

  linePoint(item: string, s: GameState): Point | null {
    const line = s.lines.find((l) => l.item === item);
    return line ? this.layout.regions[line.region] ?? null : null;
  }

  shelfSlot(theatre: string, owner: string, item: string): Point {
    return this.#shelves[theatre]?.slot(owner, item) ?? { x: 0, y: 0 };
  }

  highlight(regionIds: readonly string[]): void {
    for (const [id, card] of Object.entries(this.regions)) card.setHighlight(regionIds.includes(id));
  }
}
