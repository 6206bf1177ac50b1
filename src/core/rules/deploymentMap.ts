import type { Battery, GameState } from '../state';
import type { LaneMode } from '../vocabulary';
import { currentList, inStep, regionName, scenarioOf, standing } from '../context';
import { hasAgreement } from './diplomacy';

// The board's geometry for batteries: routes along lanes, adjacency, who covers which region, gaps.

export interface RegionCoverage { readonly full: readonly string[]; readonly half: readonly string[] }
export type Lane = GameState['scenario']['lanes'][number];

export { regionName };
export const regionOwner = (s: GameState, id: string): string | undefined => scenarioOf(s).regions.find((r) => r.id === id)?.owner;
export const theatreOf = (s: GameState, region: string): string | undefined => scenarioOf(s).regions.find((r) => r.id === region)?.theatre;
export const batteryType = (s: GameState, b: Battery) => scenarioOf(s).batteryTypes.find((t) => t.id === b.type);

/** Breadth-first over lanes of one mode (two-way, scenario lane order): the lane that first reached each region. */
function explore(s: GameState, from: string, mode: LaneMode, stopAt?: string): Map<string, Lane> {
  const via = new Map<string, Lane>();
  const seen = new Set([from]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const here = queue[head]!;
    for (const lane of s.scenario.lanes) {
      if (lane.mode !== mode || (lane.from !== here && lane.to !== here)) continue;
      const next = lane.from === here ? lane.to : lane.from;
      if (seen.has(next)) continue;
      seen.add(next);
      via.set(next, lane);
      if (next === stopAt) return via;
      queue.push(next);
    }
  }
  return via;
}

// Routes depend only on the scenario's lanes, which never change: each is worked out once per lane list
// (the bots list every move of every battery at every deployment decision). Handed out frozen.
const routes = new WeakMap<readonly Lane[], Map<string, readonly Lane[] | null>>();
const reachable = new WeakMap<readonly Lane[], Map<string, readonly string[]>>();

function remembered<T>(table: WeakMap<readonly Lane[], Map<string, T>>, lanes: readonly Lane[], key: string, make: () => T): T {
  let known = table.get(lanes);
  if (!known) table.set(lanes, (known = new Map()));
  let value = known.get(key);
  if (value === undefined) known.set(key, (value = make()));
  return value;
}

/** Fewest-lane path of one mode; null if none. */
export function findRoute(s: GameState, from: string, to: string, mode: LaneMode): readonly Lane[] | null {
  if (from === to) return [];
  return remembered(routes, s.scenario.lanes, `${from}|${to}|${mode}`, () => {
    const via = explore(s, from, mode, to);
    if (!via.has(to)) return null;
    const path: Lane[] = [];
    for (let at = to; at !== from; ) {
      const lane = via.get(at)!;
      path.unshift(lane);
      at = lane.from === at ? lane.to : lane.from;
    }
    return Object.freeze(path);
  });
}

/** Every region a battery standing at `from` can reach by one mode, in scenario region order. */
export function reachableRegions(s: GameState, from: string, mode: LaneMode): readonly string[] {
  return remembered(reachable, s.scenario.lanes, `${from}|${mode}`, () => {
    const via = explore(s, from, mode);
    return Object.freeze(s.scenario.regions.map((r) => r.id).filter((id) => id !== from && via.has(id)));
  });
}

/** Regions joined to `region` by a lane of any mode, in scenario region order. */
export function adjacentRegions(s: GameState, region: string): readonly string[] {
  return remembered(reachable, s.scenario.lanes, region, () => {
    const near = new Set<string>();
    for (const lane of s.scenario.lanes) {
      if (lane.from === region) near.add(lane.to);
      if (lane.to === region) near.add(lane.from);
    }
    return Object.freeze(s.scenario.regions.map((r) => r.id).filter((id) => id !== region && near.has(id)));
  });
}

/** Sea transit: the lanes' own turns, but never less than the scenario's sea transit time. */
export function seaTurns(s: GameState, route: readonly Lane[]): number {
  return Math.max(s.scenario.seaTransitTurns, route.reduce((sum, lane) => sum + lane.transit, 0));
}

/** Air transit estimate: the airlift flies the loads already waiting before this battery's. */
export function airTurns(s: GameState, loadsAhead = 0): number {
  const { loadsPerTurn, loadsPerBattery } = s.scenario.airlift;
  return loadsPerTurn > 0 ? Math.ceil((loadsAhead + loadsPerBattery) / loadsPerTurn) : Infinity;
}

export function loadsWaiting(s: GameState): number {
  return currentList(s, 'batteries').reduce((sum, b) => sum + (b.mode === 'air' && (b.status === 'packing' || b.status === 'transit') ? b.loadsLeft : 0), 0);
}

/** A battery defends its owner's regions, and those of roles it has a defence pact or alliance with. */
export function mayDefend(s: GameState, owner: string, region: string): boolean {
  const host = regionOwner(s, region);
  if (host === undefined) return false;
  return host === owner || hasAgreement(s, 'defencePact', owner, host) || hasAgreement(s, 'alliance', owner, host);
}

// Most regions are covered by no battery or one: they share this record, and a battery joining a
// region's cover makes it a new one (lists of the exact size, not pushed into empty ones). Read only.
const NO_COVER: RegionCoverage = { full: [], half: [] };
const plus = (list: readonly string[], id: string): readonly string[] => (list.length === 0 ? [id] : [...list, id]);

/** For every region: operational batteries standing in it, and those half-covering it from next door (`only`: for that region alone, the others left uncovered). */
export function coverage(s: GameState, except: string | null = null, only?: string): Record<string, RegionCoverage> {
  const out: Record<string, RegionCoverage> = {};
  for (const r of s.scenario.regions) out[r.id] = NO_COVER;
  // Read without drafting each battery (this runs inside steps, e.g. for conditions on gaps).
  const step = inStep(s);
  for (const member of currentList(s, 'batteries')) {
    const b = step ? standing(member) : member;
    if (b.status !== 'operational' || b.id === except || (only !== undefined && b.region !== only && b.halfCover !== only)) continue;
    const here = out[b.region];
    if (here && mayDefend(s, b.owner, b.region)) out[b.region] = { full: plus(here.full, b.id), half: here.half };
    const to = b.halfCover;
    const half = to === null ? undefined : out[to];
    if (half && adjacentRegions(s, b.region).includes(to!) && mayDefend(s, b.owner, to!)) out[to!] = { full: half.full, half: plus(half.half, b.id) };
  }
  return out;
}

const covered = (c: RegionCoverage | undefined): boolean => !!c && c.full.length + c.half.length > 0;

/** Away from home: packing or on the move, or standing anywhere but its home region. */
export const isAway = (b: Battery): boolean => b.region !== b.home || b.status === 'packing' || b.status === 'transit';

/** Home regions whose battery is away and that nothing else covers (the gap shown on the board). */
export function gaps(s: GameState): string[] {
  const open = new Set<string>();
  const step = inStep(s);
  for (const member of currentList(s, 'batteries')) {
    const b = step ? standing(member) : member;
    // The cover of each home left behind, alone: cheaper than every region's (two or three are away at a time).
    if (isAway(b) && !open.has(b.home) && !covered(coverage(s, null, b.home)[b.home])) open.add(b.home);
  }
  return s.scenario.regions.map((r) => r.id).filter((id) => open.has(id));
}

/** Whether `region` would be left with no cover at all if battery `leaving` stopped covering (`all`: coverage(s), when the caller has it). */
export function leftUncovered(s: GameState, leaving: string, region: string, all?: Record<string, RegionCoverage>): boolean {
  if (!all) return !covered(coverage(s, leaving, region)[region]);
  // From the coverage of all batteries: is anything but the battery leaving still covering the region?
  const c = all[region];
  return !c || (c.full.every((id) => id === leaving) && c.half.every((id) => id === leaving));
}
