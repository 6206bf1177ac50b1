import {
  bindRole, compareHolds, gaps, pairKey, isDisabled, quantityFields, quantityValue, trackBounds as coreTrackBounds,
  type Condition, type GameState, type Quantity, type Role, type RoleView,
} from '../core';

// What a bot can read off its view: the scenario's quantities and conditions evaluated over public
// data only, with the same meaning as the rules give them.

export type View = RoleView;
export interface Binding { actor: string | null; target: string | null }
export const NO_BINDING: Binding = { actor: null, target: null };
type RollSpec = { die: number; dice: number; atLeast: number; addTracks: { track: string; factor: number }[]; bonuses: { when: Condition; add: number }[] };

/** The core's board helpers read only public fields, all of which a view carries (it lacks just dice and deck). */
export const board = (v: View): GameState => v as unknown as GameState;

export const roleDef = (v: View, id: string): Role | undefined => v.scenario.roles.find((r) => r.id === id);
export const sideOf = (v: View, id: string): string | undefined => roleDef(v, id)?.side;
export const isRedRole = (v: View, id: string): boolean => roleDef(v, id)?.kind === 'red';
export const sameSide = (v: View, a: string, b: string): boolean => sideOf(v, a) !== undefined && sideOf(v, a) === sideOf(v, b);
export const regionDef = (v: View, id: string) => v.scenario.regions.find((r) => r.id === id);
export const theatreOf = (v: View, region: string): string | undefined => regionDef(v, region)?.theatre;
export const budgetOf = (v: View, role: string): number => v.budgets[role] ?? 0;
export const trackValue = (v: View, key: string): number => v.tracks[key] ?? 0;
export const isDisabledRegion = (v: View, region: string): boolean => isDisabled(board(v), region);
export const turnsLeft = (v: View): number => Math.max(0, v.scenario.turns - v.turn);
export const isPlayed = (v: View, role: string): boolean => { const seat = v.seats[role]; return seat !== undefined && seat.kind !== 'scripted'; };

// The rules' own binding of `actor` and `target`.
export { bindPlace, bindRole, compareHolds, pairKey } from '../core';

/** Per actor, then per target (no string keys to build on every call). */
type ByBinding<T> = Map<string | null, Map<string | null, T>>;

function bindingSlot<T>(memo: ByBinding<T>, b: Binding): Map<string | null, T> {
  let byTarget = memo.get(b.actor);
  if (!byTarget) { byTarget = new Map(); memo.set(b.actor, byTarget); }
  return byTarget;
}

const trackKeys = new WeakMap<object, Map<string, ByBinding<string | null>>>();

/** The stored key of a track reference after binding actor/target, or null if the game has no such track. */
export function trackKeyOf(v: View, ref: string, b: Binding = NO_BINDING): string | null {
  // The set of tracks is fixed by the scenario: remember the answer per scenario.
  let memo = trackKeys.get(v.scenario.roles);
  if (!memo) { memo = new Map(); trackKeys.set(v.scenario.roles, memo); }
  let perRef = memo.get(ref);
  if (!perRef) { perRef = new Map(); memo.set(ref, perRef); }
  const slot = bindingSlot(perRef, b);
  let found = slot.get(b.target);
  if (found === undefined) { found = trackKeyNow(v, ref, b); slot.set(b.target, found); }
  return found;
}

function trackKeyNow(v: View, ref: string, b: Binding): string | null {
  const colon = ref.indexOf(':');
  let key = ref;
  if (colon >= 0) {
    const kind = ref.slice(0, colon);
    const parts = ref.slice(colon + 1).split('+').map((p) => bindRole(p, b));
    key = `${kind}:${parts.length === 2 ? pairKey(parts[0]!, parts[1]!) : parts.join('+')}`;
  }
  return key in v.tracks ? key : null;
}

/** A track's bounds, as the rules keep it within them. */
export function trackBounds(v: View, key: string): readonly [number, number] {
  // The rules' bounds read only the key and the scenario's own tracks: remembered per scenario.
  let memo = boundsMemo.get(v.scenario.tracks);
  if (!memo) { memo = new Map(); boundsMemo.set(v.scenario.tracks, memo); }
  let found = memo.get(key);
  if (!found) { found = coreTrackBounds(board(v), key); memo.set(key, found); }
  return found;
}

const boundsMemo = new WeakMap<object, Map<string, readonly [number, number]>>();

/** Every field of the view a quantity counts from (quantityFields names no other), in a fixed order. */
export const COUNTED = ['tracks', 'budgets', 'stocks', 'transfers', 'regions', 'stockout', 'arms', 'agreements', 'history', 'turnStats',
  'contracts', 'batteries', 'turn'] as const satisfies readonly (keyof View)[];

let countedOf: View | null = null;
let counted: unknown[] = [];

/**
 * The COUNTED fields of a view, read once per view (quantities are counted many times over one view), in COUNTED's order
 * (quantity-memo.test.ts checks it). Each is read by its name: `v[f]` over thirteen names is a megamorphic read, which cost
 * ≈ 1.6 % of a game's instructions.
 */
export function countedFields(v: View): unknown[] {
  if (countedOf !== v) {
    countedOf = v;
    counted = [v.tracks, v.budgets, v.stocks, v.transfers, v.regions, v.stockout, v.arms, v.agreements, v.history, v.turnStats, v.contracts, v.batteries, v.turn];
  }
  return counted;
}

/** The COUNTED fields (a bit per place) that are other objects in `v` than in `fields` (countedFields of an earlier view). */
export function changedFields(v: View, fields: readonly unknown[]): number {
  const now = countedFields(v);
  let changed = 0;
  for (let i = 0; i < now.length; i++) if (now[i] !== fields[i]) changed |= 1 << i;
  return changed;
}

/** One quantity's count under one binding: the value, with the fields it was counted from and the view it was last checked in. */
interface Count {
  q: Quantity;
  b: Binding;
  /** The fields of the view the quantity counts from (the rules' own list, quantityFields), as places in COUNTED. */
  reads: readonly number[];
  /** The same places as bits. */
  mask: number;
  from: unknown[];
  value: number;
  seen: View | null;
  /** The reading it was last noted in. */
  noted: number;
}

interface QuantitySlot {
  reads: readonly number[];
  /** Whether the binding counts (the quantity names the actor or the target). */
  bound: boolean;
  counts: Count[];
}
const quantitySlots = new WeakMap<Quantity, QuantitySlot>();

/** The count of a quantity under a binding (made the first time it is asked for). */
function countOf(q: Quantity, b: Binding): Count {
  let slot = quantitySlots.get(q);
  if (!slot) {
    // A quantity that names neither the actor nor the target counts the same under every binding: one count for all.
    const text = JSON.stringify(q);
    const reads = quantityFields(q).map((f) => {
      const at = (COUNTED as readonly string[]).indexOf(f);
      if (at < 0) throw new Error(`COUNTED lacks ${f}`);
      return at;
    });
    slot = { reads, bound: text.includes('actor') || text.includes('target'), counts: [] };
    quantitySlots.set(q, slot);
  }
  if (!slot.bound) b = NO_BINDING;
  for (const c of slot.counts) if (c.b.actor === b.actor && c.b.target === b.target) return c;
  const c: Count = { q, b: { actor: b.actor, target: b.target }, reads: slot.reads, mask: slot.reads.reduce((m, at) => m | (1 << at), 0), from: [], value: 0, seen: null, noted: 0 };
  slot.counts.push(c);
  return c;
}

/** A count's value in `v`: counted again only when a field it counts from is another object than last time. */
function valueIn(v: View, c: Count): number {
  // Asked several times per view (holds, then the distance to the goal): checked once per view.
  if (c.seen === v) return c.value;
  const fields = countedFields(v);
  const reads = c.reads;
  let same = c.seen !== null;
  for (let i = 0; same && i < reads.length; i++) if (c.from[i] !== fields[reads[i]!]) same = false;
  if (!same) {
    for (let i = 0; i < reads.length; i++) c.from[i] = fields[reads[i]!];
    c.value = quantityNow(v, c.q, c.b);
  }
  c.seen = v;
  return c.value;
}

/**
 * The value of a scenario quantity, as the rules count it, remembered while the fields it counts from
 * (with the scenario, which does not change) are the same objects. test/bots/quantity-memo.test.ts checks
 * the remembered values against the rules' count in every state of games of every scenario.
 */
export function quantity(v: View, q: Quantity, b: Binding = NO_BINDING): number {
  const c = countOf(q, b);
  const value = valueIn(v, c);
  if (reading !== 0 && c.noted !== reading) { c.noted = reading; reads.push(c, value); }
  return value;
}

/** While not 0, the number of this reading: counts asked for are noted once in `reads`, with their value (see readingQuantities). */
let reading = 0;
let readings = 0;
let reads: unknown[] = [];

/** Runs `f`, listing the quantities it counted with their values, flat, in the order first counted (not nested). */
export function readingQuantities<T>(f: () => T): { result: T; reads: unknown[] } {
  if (reading !== 0) throw new Error('readingQuantities is not nested');
  reading = ++readings;
  const mine: unknown[] = (reads = []);
  try { return { result: f(), reads: mine }; } finally { reading = 0; }
}

/**
 * Whether every quantity in `reads` (from readingQuantities) still counts the same in `v`. `changed`: the fields
 * (changedFields) that may differ from a view in which these values were last found; a quantity counting from
 * none of them has its value still.
 */
export function sameQuantities(v: View, reads: readonly unknown[], changed = -1): boolean {
  for (let i = 0; i < reads.length; i += 2) {
    const c = reads[i] as Count;
    if ((c.mask & changed) !== 0 && valueIn(v, c) !== reads[i + 1]) return false;
  }
  return true;
}

/** The rules' own count over the view (it carries every field a quantity reads); gaps from the memo below. */
function quantityNow(v: View, q: Quantity, b: Binding): number {
  if ('gaps' in q) {
    const open = openGaps(v);
    return q.gaps === 'all' ? open.length : open.filter((r) => theatreOf(v, r) === q.gaps).length;
  }
  return quantityValue(board(v), q, b);
}

const gapsMemo = new WeakMap<object, { agreements: object; regions: object; lanes: object; open: string[] }>();

/** The core's gaps (home regions left uncovered): they read the batteries, the agreements and the map, so
 *  they are worked out again only when one of those has changed (states share unchanged parts). */
export function openGaps(v: View): string[] {
  const found = gapsMemo.get(v.batteries);
  if (found && found.agreements === v.agreements && found.regions === v.scenario.regions && found.lanes === v.scenario.lanes) return found.open;
  const open = gaps(board(v));
  gapsMemo.set(v.batteries, { agreements: v.agreements, regions: v.scenario.regions, lanes: v.scenario.lanes, open });
  return open;
}


export function holds(v: View, c: Condition, b: Binding = NO_BINDING): boolean {
  // Loops rather than every/some: asked for every goal at every decision, without a closure each time (and a compare, the
  // most asked, first: each `in` test on conditions of so many shapes is a slow, megamorphic one).
  if ('compare' in c) return compareHolds(quantity(v, c.compare, b), c.op, c.value);
  if ('all' in c) { for (const x of c.all) if (!holds(v, x, b)) return false; return true; }
  if ('any' in c) { for (const x of c.any) if (holds(v, x, b)) return true; return false; }
  return !holds(v, c.not, b);
}

/** Chance that a scenario roll (dice + track terms + bonuses) reaches its target. */
export function rollChance(v: View, spec: RollSpec, b: Binding = NO_BINDING): number {
  let mod = 0;
  for (const t of spec.addTracks) { const key = trackKeyOf(v, t.track, b); mod += t.factor * (key === null ? 0 : trackValue(v, key)); }
  for (const bonus of spec.bonuses) if (holds(v, bonus.when, b)) mod += bonus.add;
  // Distribution of the sum of the dice, built one die at a time.
  let dist = [1];
  for (let d = 0; d < spec.dice; d++) {
    const next = new Array<number>(dist.length + spec.die).fill(0);
    dist.forEach((p, sum) => { for (let face = 1; face <= spec.die; face++) next[sum + face]! += p / spec.die; });
    dist = next;
  }
  return dist.reduce((acc, p, sum) => (sum + mod >= spec.atLeast ? acc + p : acc), 0);
}

/** Per agreements list: for each role, the hosts whose regions its batteries may defend. */
const defenceLinks = new WeakMap<object, Map<string, Set<string>>>();

/** Whether batteries of `owner` may defend `region` (own region, or a pact or alliance with its owner). */
export function mayDefend(v: View, owner: string, region: string): boolean {
  const host = regionDef(v, region)?.owner;
  if (host === undefined) return false;
  if (host === owner) return true;
  let links = defenceLinks.get(v.agreements);
  if (!links) {
    links = new Map();
    for (const g of v.agreements)
      if (g.type === 'defencePact' || g.type === 'alliance')
        for (const a of g.parties) for (const b of g.parties) if (a !== b) { let hosts = links.get(a); if (!hosts) { hosts = new Set(); links.set(a, hosts); } hosts.add(b); }
    defenceLinks.set(v.agreements, links);
  }
  return links.get(owner)?.has(host) ?? false;
}

const adjacency = new WeakMap<object, Map<string, string[]>>();

/** Regions joined to `region` by a lane, in scenario order (worked out once per scenario). */
export function neighbours(v: View, region: string): string[] {
  let map = adjacency.get(v.scenario.lanes);
  if (!map) {
    map = new Map();
    for (const r of v.scenario.regions) {
      const near = new Set<string>();
      for (const lane of v.scenario.lanes) {
        if (lane.from === r.id) near.add(lane.to);
        if (lane.to === r.id) near.add(lane.from);
      }
      map.set(r.id, v.scenario.regions.map((x) => x.id).filter((id) => id !== r.id && near.has(id)));
    }
    adjacency.set(v.scenario.lanes, map);
  }
  return map.get(region) ?? [];
}

/** Log entries of this role in the current phase of this turn: a bot stops after too many. */
export function stepsTakenNow(v: View, role: string): number {
  let n = 0;
  // The log is kept in chunks, one per turn: this turn's entries are the last chunk.
  const now = v.log[v.log.length - 1] ?? [];
  for (let i = now.length - 1; i >= 0; i--) {
    const e = now[i]!;
    if (e.turn !== v.turn || e.phase !== v.phase) break;
    if (e.role === role) n++;
  }
  return n;
}
