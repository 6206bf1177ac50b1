import type { Effect } from '../core';
import { lever, regionWorth, stockWorth, trackWeight, type Interests } from './interests';
import {
  bindPlace, bindRole, holds, regionDef, rollChance, sameSide, trackBounds, trackKeyOf, trackValue,
  type Binding, type View,
} from './knowledge';
import { expectedThreats } from './threatModel';

// What a list of declarative effects (a card option, a move, a project, a provocation) is worth to a
// role, judged statically from its interests: no dice are thrown, rolls count by their chance.

function trackDelta(v: View, i: Interests, key: string, by: number): number {
  const [min, max] = trackBounds(v, key);
  const from = trackValue(v, key);
  const to = Math.min(max, Math.max(min, from + by));
  return trackWeight(i, key) * (to - from);
}

export function effectsValue(v: View, i: Interests, effects: readonly Effect[], b: Binding): number {
  let sum = 0;
  for (const e of effects) sum += effectValue(v, i, e, b);
  return sum;
}

/** What an adjustTrack effect moves, under the binding it was last asked with (asked for every rule at every decision). */
interface TrackMove { actor: string | null; target: string | null; key: string | null; lever: string; min: number; max: number }
const trackMoves = new WeakMap<Effect, TrackMove>();

export function effectValue(v: View, i: Interests, e: Effect, b: Binding): number {
  if ('adjustTrack' in e) {
    let m = trackMoves.get(e);
    if (!m || m.actor !== b.actor || m.target !== b.target) {
      const key = trackKeyOf(v, e.adjustTrack, b);
      const [min, max] = key === null ? [0, 0] : trackBounds(v, key);
      m = { actor: b.actor, target: b.target, key, lever: `track:${key}`, min, max };
      trackMoves.set(e, m);
    }
    if (m.key === null) return 0;
    // As trackDelta, with the key, the bounds and the lever's name found once.
    const from = trackValue(v, m.key);
    return lever(i, m.lever) * (Math.min(m.max, Math.max(m.min, from + e.by)) - from);
  }
  if ('setTrack' in e) {
    const key = trackKeyOf(v, e.setTrack, b);
    return key === null ? 0 : trackDelta(v, i, key, e.to - trackValue(v, key));
  }
  if ('grantBudget' in e) {
    const role = bindRole(e.grantBudget, b);
    if (role === i.role) return i.bp * e.amount;
    return lever(i, `budget:${role}`) * e.amount + (sameSide(v, role, i.role) ? 0.1 * e.amount : 0);
  }
  if ('addStock' in e) {
    const role = bindRole(e.addStock, b);
    return stockWorth(i, role, e.item, e.theatre) * e.amount;
  }
  if ('addBattery' in e) {
    const owner = bindRole(e.owner, b);
    const region = bindPlace(e.region, b);
    const friendly = owner === i.role || sameSide(v, owner, i.role);
    const worth = 2 + Math.max(0, regionWorth(v, i, region)) * 0.3 + lever(i, `batteries:${owner}|*`);
    return friendly ? worth : -worth;
  }
  if ('addLine' in e) return e.owners.some((o) => bindRole(o.role, b) === i.role) ? 1.5 : 0;
  if ('addCounterDrone' in e) {
    const region = bindPlace(e.addCounterDrone, b);
    const drones = expectedThreats(v, region, 'drone', 4);
    const def = regionDef(v, region);
    return def ? (drones * 0.4 * regionWorth(v, i, region)) / def.stayingPower + 0.3 : 0;
  }
  if ('damageRegion' in e) {
    const region = bindPlace(e.damageRegion, b);
    const def = regionDef(v, region);
    return def ? (-regionWorth(v, i, region) * e.amount) / def.stayingPower : 0;
  }
  if ('repairRegion' in e) {
    const region = bindPlace(e.repairRegion, b);
    const def = regionDef(v, region);
    const damage = v.regions[region]?.damage ?? 0;
    return def ? (regionWorth(v, i, region) * Math.min(damage, e.amount)) / def.stayingPower : 0;
  }
  if ('incident' in e) {
    const theatre = bindPlace(e.incident, b);
    const key = `tension:${theatre}`;
    if (!(key in v.tracks)) return 0;
    let step = trackValue(v, key) >= 7 ? 2 : 1;
    if (v.hotline[theatre]) step = Math.floor(step / 2);
    return trackDelta(v, i, key, step);
  }
  if ('hotline' in e) {
    const theatre = bindPlace(e.hotline, b);
    if (v.hotline[theatre]) return 0;
    return -0.5 * trackWeight(i, `tension:${theatre}`);
  }
  if ('richardson' in e) return richardsonValue(v, i, e.richardson);
  if ('adjustArms' in e) return lever(i, `arms:${bindRole(e.adjustArms, b)}`) * e.by;
  if ('revealNext' in e) return bindRole(e.revealNext, b) === i.role ? 0.5 : 0;
  if ('crisis' in e) {
    const defenders = v.scenario.regions.filter((r) => r.theatre === e.crisis);
    const worth = defenders.reduce((sum, r) => sum + regionWorth(v, i, r.id) / r.stayingPower, 0) / Math.max(1, defenders.length);
    return -worth * Math.min(3, e.attackers / 2);
  }
  if ('roll' in e) {
    const p = rollChance(v, e.roll, b);
    return p * effectsValue(v, i, e.success, b) + (1 - p) * effectsValue(v, i, e.failure, b);
  }
  if ('when' in e) return effectsValue(v, i, holds(v, e.when, b) ? e.then : e.otherwise, b);
  return 0;
}

/** Lower reaction coefficients calm an arms race: good for whoever wants small arms changes or low tension. */
function richardsonValue(v: View, i: Interests, d: { k?: number; l?: number; a?: number; b?: number }): number {
  if (!v.arms) return 0;
  const calming = -(d.k ?? 0) - (d.l ?? 0) + (d.a ?? 0) + (d.b ?? 0);
  let care = 0;
  for (const [key, w] of i.levers) {
    if (key.startsWith('armsChange:')) care -= w;
    else if (key.startsWith('track:tension:')) care -= w * 0.5;
  }
  return calming * 10 * care;
}
