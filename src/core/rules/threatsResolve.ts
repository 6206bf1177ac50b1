import type { Battery, GameState, PlannedAttack } from '../state';
import { draw, emit, ownMember, ownRecord, ownValue, peekField, plural, roleName, say, scenarioOf, standing, type Ctx, type ShotRecord } from '../context';
import { snapshotState } from '../snapshot';
import { damageRegion, round4 } from '../effects';
import { costExchangeRatio } from '../formulas';
import { batteryType, coverage, regionName, regionOwner, type RegionCoverage } from './deploymentMap';
import { doctrineOf } from './deployment';
import { BALLISTIC_LOOK_CHANCE, engage, type Shooter } from './threatsEngage';

// Resolving a wave (DESIGN §5.5): each threat in list order is detected (or not), meets the
// counter-drone layer, then the covering batteries under their owner's doctrine; leakers damage.

/** Chance a counter-drone layer stops a drone [A]. */
export const COUNTER_DRONE_P = 0.5;
/** Detection bonus for a region whose owner shares intelligence [A]. */
export const INTEL_DETECTION_BONUS = 0.1;
/** Half cover fires at half the single-shot kill probability [A]. */
export const HALF_COVER_FACTOR = 0.5;

type ThreatType = GameState['scenario']['threatTypes'][number];

interface Tally { threats: number; stopped: number; leaked: number; fired: number; interceptorCost: number; threatCost: number }

/**
 * A wave reads the board many times per threat. It reads plain data taken when the wave starts
 * (reading through immer's draft costs a proxy per object touched): the scenario, batteries,
 * agreements, doctrines and regions as they stand. What a wave changes (rounds, damage and the turn's
 * statistics) is tracked beside the board, threat by threat in the same order and with the same
 * rounding, and written to the draft once when the wave on the theatre is over: nothing reads them
 * from the draft in between.
 */
interface WaveBoard {
  s: GameState;
  batteries: Map<string, Battery>;
  /** Rounds of the batteries that have fired in this wave (the others' are their battery's). */
  rounds: Map<string, number>;
  /** Damage of the regions this wave struck, as it stands. */
  damage: Map<string, number>;
  /** Per target: detection chance; per target and kind: who may shoot (battery, shot probability). */
  detection: Map<string, number>;
  shooters: Map<string, Shooter[]>;
  /** Per battery: the unit cost of its interceptor. */
  unitCost: Map<string, number>;
  stats: { leaked: number; intercepted: number; fired: number; interceptorCost: number; threatCost: number };
}

function waveBoard(step: GameState): WaveBoard {
  // The state as it stands (a light step stays light), its drafted parts as plain pictures: a whole
  // picture rather than an object of the few fields a wave reads, so that the rules it calls see
  // states of one shape (an object of another shape made them measurably slower).
  const s = snapshotState(step);
  const batteries = new Map<string, Battery>();
  for (const b of s.batteries) if (!batteries.has(b.id)) batteries.set(b.id, b);
  const stats = { leaked: 0, intercepted: 0, fired: 0, interceptorCost: 0, threatCost: 0 };
  return { s, batteries, rounds: new Map(), damage: new Map(), detection: new Map(), shooters: new Map(), unitCost: new Map(), stats };
}

export function detectionChance(s: GameState, theatre: string, target: string): number {
  const base = s.scenario.theatres.find((t) => t.id === theatre)?.detection ?? 1;
  const owner = regionOwner(s, target);
  const shares = owner !== undefined && s.agreements.some((a) => a.type === 'intelSharing' && a.parties.includes(owner));
  return Math.min(1, base + (shares ? INTEL_DETECTION_BONUS : 0));
}

/** The batteries that may engage a threat at `target`, full cover first, each with its shot probability. */
export function shootersFor(s: GameState, cover: RegionCoverage | undefined, kind: ThreatType['kind']): Shooter[] {
  if (!cover) return [];
  const out: Shooter[] = [];
  const add = (id: string, factor: number) => {
    const b = s.batteries.find((x) => x.id === id);
    const type = b && batteryType(s, b);
    if (b && type) out.push({ battery: b.id, p: type.sspk[kind] * type.reliability * factor, rounds: b.rounds });
  };
  for (const id of cover.full) add(id, 1);
  for (const id of cover.half) add(id, HALF_COVER_FACTOR);
  return out;
}

function shootersOnBoard(w: WaveBoard, target: string, kind: ThreatType['kind']): Shooter[] {
  // Who may shoot at a target does not change during a wave, only their rounds: the list is made once
  // per target and kind, from the cover of that region alone (its rounds are set before each threat).
  const key = `${target}\u0000${kind}`;
  let list = w.shooters.get(key);
  if (!list) {
    const cover = coverage(w.s, null, target)[target];
    const made: Shooter[] = [];
    const add = (id: string, factor: number) => {
      const b = w.batteries.get(id);
      const type = b && batteryType(w.s, b);
      if (b && type) made.push({ battery: b.id, p: type.sspk[kind] * type.reliability * factor, rounds: 0 });
    };
    if (cover) {
      for (const id of cover.full) add(id, 1);
      for (const id of cover.half) add(id, HALF_COVER_FACTOR);
    }
    w.shooters.set(key, (list = made));
  }
  return list;
}

export function resolveAttacks(ctx: Ctx, theatre: string, attacks: readonly PlannedAttack[], attacker: string | null): void {
  const s = ctx.s;
  const scenario = scenarioOf(s);
  const th = scenario.theatres.find((t) => t.id === theatre);
  if (!th) return;
  const board = waveBoard(s);
  const tally: Tally = { threats: 0, stopped: 0, leaked: 0, fired: 0, interceptorCost: 0, threatCost: 0 };
  const next = () => draw(ctx, 'threats');
  const stats = standing(peekField(s, 'turnStats'));
  // The running totals start from the turn's figures so that each threat rounds them as before.
  board.stats.interceptorCost = stats.interceptorCost;
  board.stats.threatCost = stats.threatCost;
  for (const attack of attacks) {
    const type = scenario.threatTypes.find((t) => t.id === attack.threat);
    const count = Number.isFinite(attack.count) ? Math.max(0, Math.floor(attack.count)) : 0;
    if (!type || !(attack.target in board.s.regions)) continue;
    const shooters = shootersOnBoard(board, attack.target, type.kind);
    for (let i = 0; i < count; i++) resolveOne(ctx, board, theatre, type, attack.target, shooters, count === 1 ? '' : ` ${i + 1} of ${count}`, tally, next);
  }
  writeWave(s, board, theatre);
  if (tally.threats > 0) summarise(ctx, th.name, attacker, tally);
}

/** Writes what the wave changed into the step, once: rounds, damage and the turn's statistics. */
function writeWave(s: GameState, w: WaveBoard, theatre: string): void {
  const stats = ownRecord(s, 'turnStats');
  const leakers = ownValue(s, 'turnStats', 'leakers')!;
  leakers[theatre] = (leakers[theatre] ?? 0) + w.stats.leaked;
  const intercepted = ownValue(s, 'turnStats', 'intercepted')!;
  intercepted[theatre] = (intercepted[theatre] ?? 0) + w.stats.intercepted;
  if (w.stats.fired > 0) stats.fired += w.stats.fired;
  if (w.stats.leaked + w.stats.intercepted > 0) {
    stats.interceptorCost = w.stats.interceptorCost;
    stats.threatCost = w.stats.threatCost;
  }
  // The board's list is the step's list as it stood, member for member: a battery's index is the same.
  w.s.batteries.forEach((b, i) => {
    const rounds = w.rounds.get(b.id);
    if (rounds === undefined || w.batteries.get(b.id) !== b || rounds === b.rounds) return;
    ownMember(s, 'batteries', i).rounds = rounds;
  });
  for (const [id, damage] of w.damage) ownValue(s, 'regions', id)!.damage = damage;
}

function resolveOne(ctx: Ctx, w: WaveBoard, theatre: string, type: ThreatType, target: string, shooters: Shooter[], nth: string, tally: Tally, next: () => number): void {
  let q = w.detection.get(target);
  if (q === undefined) w.detection.set(target, (q = detectionChance(w.s, theatre, target)));
  const parts: string[] = [];
  let detected = true;
  if (q < 1) {
    const u = next();
    detected = u < q;
    if (!detected) parts.push(`it was not detected in time (u=${compared(u, ' ≥ ', q)})`);
  }
  let killed = false;
  let shots: ShotRecord[] = [];
  if (detected && type.kind === 'drone' && (w.s.regions[target]?.counterDrone ?? 0) > 0) {
    const u = next();
    killed = u < COUNTER_DRONE_P;
    parts.push(killed ? `the counter-drone layer brought it down (u=${pair(u, COUNTER_DRONE_P)} < ${COUNTER_DRONE_P})` : `the counter-drone layer missed (u=${pair(u, COUNTER_DRONE_P)})`);
  }
  if (detected && !killed) {
    for (const x of shooters) x.rounds = w.rounds.get(x.battery) ?? w.batteries.get(x.battery)!.rounds;
    let first: Shooter | undefined;
    for (const x of shooters) if (x.rounds > 0) { first = x; break; }
    if (!first) {
      parts.push(shooters.length > 0 ? 'the batteries covering it had no interceptors left' : 'no ready battery covered it');
    } else {
      const owner = w.batteries.get(first.battery)!.owner;
      const result = engage(type.kind, doctrineOf(w.s, owner, type.kind), shooters, next);
      for (const x of shooters) w.rounds.set(x.battery, x.rounds);
      shots = result.shots;
      killed = result.killed;
      parts.push(shotsText(shots, killed));
      if (result.look && !result.look.possible) parts.push(`there was no time for a second look (u=${pair(result.look.u, BALLISTIC_LOOK_CHANCE)})`);
    }
  }
  const leaked = !killed;
  if (leaked) parts.push('it struck');
  const stats = w.stats;
  if (leaked) {
    strike(ctx, w, target);
    stats.leaked += 1;
  } else stats.intercepted += 1;
  let cost = 0;
  for (const shot of shots) cost += interceptorUnitCost(w, shot.battery);
  stats.fired += shots.length;
  stats.interceptorCost = round4(stats.interceptorCost + cost);
  stats.threatCost = round4(stats.threatCost + type.unitCost);
  tally.threats += 1;
  tally[leaked ? 'leaked' : 'stopped'] += 1;
  tally.fired += shots.length;
  tally.interceptorCost += cost;
  tally.threatCost += type.unitCost;
  emit(ctx, {
    kind: 'interception', theatre, target, threat: type.id, shots, leaked, detected,
    text: `${type.name}${nth} aimed at ${regionName(w.s, target)}: ${parts.join('; ')}.`,
  });
}

/** A leaker damages its target (as damageRegion does, on the wave's own record of the damage). */
function strike(ctx: Ctx, w: WaveBoard, target: string): void {
  const before = w.damage.get(target) ?? w.s.regions[target]!.damage;
  w.damage.set(target, before + 1);
  let def: GameState['scenario']['regions'][number] | undefined;
  for (const r of w.s.scenario.regions) if (r.id === target) { def = r; break; }
  if (def && before < def.stayingPower && before + 1 >= def.stayingPower) say(ctx, `${regionName(w.s, target)} is disabled.`);
}

function interceptorUnitCost(w: WaveBoard, batteryId: string): number {
  let cost = w.unitCost.get(batteryId);
  if (cost === undefined) {
    const b = w.batteries.get(batteryId);
    const type = b && batteryType(w.s, b);
    cost = (type && w.s.scenario.items.find((i) => i.id === type.interceptor)?.unitCost) ?? 0;
    w.unitCost.set(batteryId, cost);
  }
  return cost;
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];

function shotsText(shots: readonly ShotRecord[], killed: boolean): string {
  const n = `${plural(shots.length, 'shot')}`;
  let hitAt = -1;
  for (let i = 0; i < shots.length; i++) if (shots[i]!.hit) { hitAt = i; break; }
  const hit = shots[hitAt];
  if (killed && hit) return `${n}, hit on the ${ORDINALS[hitAt] ?? `${hitAt + 1}th`} (u=${compared(hit.u, ' < ', hit.p)})`;
  let misses = '';
  for (let i = 0; i < shots.length; i++) misses += `${i > 0 ? ', ' : ''}u=${compared(shots[i]!.u, ' ≥ ', shots[i]!.p)}`;
  return `${n}, ${shots.length === 1 ? 'missed' : 'all missed'} (${misses})`;
}

/** Two decimals, or more when needed so that two compared numbers do not print alike. */
function pair(x: number, other: number): string {
  for (let d = 2; d < 6; d++) {
    const text = x.toFixed(d);
    if (text !== other.toFixed(d)) return text;
  }
  return x.toFixed(6);
}

/** `${pair(a, b)}${op}${pair(b, a)}`, each number printed once: both stop at the same number of decimals. */
function compared(a: number, op: string, b: number): string {
  for (let d = 2; d < 6; d++) {
    const x = a.toFixed(d);
    const y = b.toFixed(d);
    if (x !== y) return x + op + y;
  }
  return a.toFixed(6) + op + b.toFixed(6);
}

function summarise(ctx: Ctx, theatreName: string, attacker: string | null, t: Tally): void {
  const by = attacker ? ` launched by ${roleName(ctx.s, attacker)}` : '';
  const cer = costExchangeRatio(t.fired, t.fired === 0 ? 0 : t.interceptorCost / t.fired, t.threatCost);
  const exchange = t.fired === 0
    ? 'no interceptors were fired'
    : `${plural(t.fired, 'interceptor')} fired, costing ${round4(t.interceptorCost)} against threats costing ${round4(t.threatCost)}: a cost-exchange ratio of ${Math.round(cer * 10) / 10}`;
  say(ctx, `The wave on ${theatreName}${by}: ${plural(t.threats, 'threat')}, ${t.stopped} stopped, ${t.leaked} got through; ${exchange}.`);
}
