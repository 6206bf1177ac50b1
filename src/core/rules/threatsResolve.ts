import type { Battery, GameState, PlannedAttack } from '../state';
import { draw, emit, readable, roleName, say, type Ctx, type ShotRecord } from '../context';
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
 * agreements, doctrines and regions as they stand. Only rounds and damage change during a wave:
 * rounds are tracked in `rounds` and written to the draft; damage is only ever read from the draft.
 */
interface WaveBoard { s: GameState; batteries: Map<string, Battery>; rounds: Map<string, number> }

function waveBoard(draft: GameState): WaveBoard {
  const s = {
    scenario: draft.scenario, batteries: readable(draft.batteries), agreements: readable(draft.agreements),
    doctrines: readable(draft.doctrines), regions: readable(draft.regions),
  } as GameState;
  const batteries = new Map<string, Battery>();
  const rounds = new Map<string, number>();
  for (const b of s.batteries) if (!batteries.has(b.id)) { batteries.set(b.id, b); rounds.set(b.id, b.rounds); }
  return { s, batteries, rounds };
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

function shootersOnBoard(w: WaveBoard, cover: RegionCoverage | undefined, kind: ThreatType['kind']): Shooter[] {
  if (!cover) return [];
  const out: Shooter[] = [];
  const add = (id: string, factor: number) => {
    const b = w.batteries.get(id);
    const type = b && batteryType(w.s, b);
    if (b && type) out.push({ battery: b.id, p: type.sspk[kind] * type.reliability * factor, rounds: w.rounds.get(b.id)! });
  };
  for (const id of cover.full) add(id, 1);
  for (const id of cover.half) add(id, HALF_COVER_FACTOR);
  return out;
}

export function resolveAttacks(ctx: Ctx, theatre: string, attacks: readonly PlannedAttack[], attacker: string | null): void {
  const s = ctx.s;
  const th = s.scenario.theatres.find((t) => t.id === theatre);
  if (!th) return;
  s.turnStats.leakers[theatre] ??= 0;
  s.turnStats.intercepted[theatre] ??= 0;
  const board = waveBoard(s);
  const cov = coverage(board.s);
  const tally: Tally = { threats: 0, stopped: 0, leaked: 0, fired: 0, interceptorCost: 0, threatCost: 0 };
  for (const attack of attacks) {
    const type = s.scenario.threatTypes.find((t) => t.id === attack.threat);
    const count = Number.isFinite(attack.count) ? Math.max(0, Math.floor(attack.count)) : 0;
    if (!type || !(attack.target in s.regions)) continue;
    for (let i = 0; i < count; i++) resolveOne(ctx, board, theatre, type, attack.target, cov, count === 1 ? '' : ` ${i + 1} of ${count}`, tally);
  }
  if (tally.threats > 0) summarise(ctx, th.name, attacker, tally);
}

function resolveOne(ctx: Ctx, w: WaveBoard, theatre: string, type: ThreatType, target: string, cov: Record<string, RegionCoverage>, nth: string, tally: Tally): void {
  const s = ctx.s;
  const next = () => draw(ctx, 'threats');
  const q = detectionChance(w.s, theatre, target);
  const parts: string[] = [];
  let detected = true;
  if (q < 1) {
    const u = next();
    detected = u < q;
    if (!detected) parts.push(`it was not detected in time (u=${pair(u, q)} ≥ ${pair(q, u)})`);
  }
  let killed = false;
  let shots: ShotRecord[] = [];
  if (detected && type.kind === 'drone' && (w.s.regions[target]?.counterDrone ?? 0) > 0) {
    const u = next();
    killed = u < COUNTER_DRONE_P;
    parts.push(killed ? `the counter-drone layer brought it down (u=${pair(u, COUNTER_DRONE_P)} < ${COUNTER_DRONE_P})` : `the counter-drone layer missed (u=${pair(u, COUNTER_DRONE_P)})`);
  }
  if (detected && !killed) {
    const shooters = shootersOnBoard(w, cov[target], type.kind);
    const first = shooters.find((x) => x.rounds > 0);
    if (!first) {
      parts.push(shooters.length > 0 ? 'the batteries covering it had no interceptors left' : 'no ready battery covered it');
    } else {
      const owner = w.batteries.get(first.battery)!.owner;
      const result = engage(type.kind, doctrineOf(w.s, owner, type.kind), shooters, next);
      for (const x of shooters) {
        if (x.rounds === w.rounds.get(x.battery)) continue;
        w.rounds.set(x.battery, x.rounds);
        const b = s.batteries.find((y) => y.id === x.battery);
        if (b) b.rounds = x.rounds;
      }
      shots = result.shots;
      killed = result.killed;
      parts.push(shotsText(shots, killed));
      if (result.look && !result.look.possible) parts.push(`there was no time for a second look (u=${pair(result.look.u, BALLISTIC_LOOK_CHANCE)})`);
    }
  }
  const leaked = !killed;
  if (leaked) parts.push('it struck');
  const stats = s.turnStats;
  if (leaked) {
    damageRegion(ctx, target, 1);
    stats.leakers[theatre] = (stats.leakers[theatre] ?? 0) + 1;
  } else stats.intercepted[theatre] = (stats.intercepted[theatre] ?? 0) + 1;
  const cost = shots.reduce((sum, shot) => sum + interceptorUnitCost(w, shot.battery), 0);
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

function interceptorUnitCost(w: WaveBoard, batteryId: string): number {
  const b = w.batteries.get(batteryId);
  const type = b && batteryType(w.s, b);
  return (type && w.s.scenario.items.find((i) => i.id === type.interceptor)?.unitCost) ?? 0;
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];

function shotsText(shots: readonly ShotRecord[], killed: boolean): string {
  const n = `${shots.length} shot${shots.length === 1 ? '' : 's'}`;
  const hitAt = shots.findIndex((x) => x.hit);
  const hit = shots[hitAt];
  if (killed && hit) return `${n}, hit on the ${ORDINALS[hitAt] ?? `${hitAt + 1}th`} (u=${pair(hit.u, hit.p)} < ${pair(hit.p, hit.u)})`;
  const misses = shots.map((x) => `u=${pair(x.u, x.p)} ≥ ${pair(x.p, x.u)}`).join(', ');
  return `${n}, ${shots.length === 1 ? 'missed' : 'all missed'} (${misses})`;
}

/** Two decimals, or more when needed so that two compared numbers do not print alike. */
function pair(x: number, other: number): string {
  for (let d = 2; d < 6; d++) if (x.toFixed(d) !== other.toFixed(d)) return x.toFixed(d);
  return x.toFixed(6);
}

function summarise(ctx: Ctx, theatreName: string, attacker: string | null, t: Tally): void {
  const by = attacker ? ` launched by ${roleName(ctx.s, attacker)}` : '';
  const cer = costExchangeRatio(t.fired, t.fired === 0 ? 0 : t.interceptorCost / t.fired, t.threatCost);
  const exchange = t.fired === 0
    ? 'no interceptors were fired'
    : `${t.fired} interceptor${t.fired === 1 ? '' : 's'} fired, costing ${round4(t.interceptorCost)} against threats costing ${round4(t.threatCost)}: a cost-exchange ratio of ${Math.round(cer * 10) / 10}`;
  say(ctx, `The wave on ${theatreName}${by}: ${t.threats} threat${t.threats === 1 ? '' : 's'}, ${t.stopped} stopped, ${t.leaked} got through; ${exchange}.`);
}
