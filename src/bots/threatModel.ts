import { detectionChance, type Battery, type Scenario, type ThreatKind } from '../core';
import { leakerWorth, regionWorth, type Interests } from './interests';
import { board, mayDefend, neighbours, regionDef, type View } from './knowledge';

// The bots' picture of the threat: how many threats the public table is likely to send at each
// region, and how likely one is to get through the batteries that cover it.

type BatteryType = Scenario['batteryTypes'][number];

/** Half cover fires at half the hit chance; a counter-drone layer stops half the drones; SLS looks half the time at missiles [A]. */
const HALF = 0.5;
const COUNTER_DRONE = 0.5;
const LOOK_BALLISTIC = 0.5;

/** A battery's hit chance and owner (whose doctrine it fires by). */
export interface Shooter { p: number; owner: string }
export type Placement = Pick<Battery, 'owner' | 'region' | 'halfCover' | 'status' | 'type' | 'rounds' | 'id'>;

export const threatKind = (v: View, threat: string): ThreatKind | undefined => v.scenario.threatTypes.find((t) => t.id === threat)?.kind;

/** A Red role seated by anyone but the script launches the waves itself. */
export const redPlayed = (v: Pick<View, 'scenario' | 'seats'>): boolean =>
  v.scenario.roles.some((r) => r.kind === 'red' && v.seats[r.id] !== undefined && v.seats[r.id]!.kind !== 'scripted');

/** Expected threats of a kind at a region over `turns` turns from now, from the public table (or revealed waves). */
export function expectedThreats(v: View, region: string, kind: ThreatKind, turns: number): number {
  // Asked many times per decision, and the same until the turn, the end of its threats or the revealed waves change:
  // remembered per turn, seats and whether the turn's threats are done (not per phase: diplomacy, industry and
  // deployment see the same counts), and per region with the revealed waves of its theatre.
  let c = threatContext;
  const sc = v.scenario;
  const done = threatsDone(v);
  if (c === null || c.turn !== v.turn || c.done !== done || c.seats !== v.seats || c.waves !== sc.waves || c.regionDefs !== sc.regions
    || c.roles !== sc.roles || c.types !== sc.threatTypes || c.turns !== sc.turns) {
    c = { turn: v.turn, done, seats: v.seats, waves: sc.waves, regionDefs: sc.regions, roles: sc.roles, types: sc.threatTypes, turns: sc.turns, regions: new Map() };
    threatContext = c;
  }
  const theatre = regionDef(v, region)?.theatre;
  const revealed = theatre !== undefined ? v.plannedWaves[theatre] : undefined;
  let memo = c.regions.get(region);
  if (!memo || memo.revealed !== revealed) { memo = { revealed, counts: new Map() }; c.regions.set(region, memo); }
  const key = kind === 'drone' ? turns : -1 - turns;
  let found = memo.counts.get(key);
  if (found === undefined) { found = countThreats(v, region, kind, turns); memo.counts.set(key, found); }
  return found;
}

/** What countThreats reads: the turn, whether its threats are done (the phase and whether Red is played), the seats, the scenario's waves, regions, roles, threat types and length, and a theatre's revealed waves. */
interface ThreatContext {
  turn: number; done: boolean; seats: object; waves: object; regionDefs: object; roles: object; types: object; turns: number;
  regions: Map<string, { revealed: unknown; counts: Map<number, number> }>;
}
let threatContext: ThreatContext | null = null;

/** Whether this turn's threats no longer count as expected: in the assessment, and in the threats phase of a scripted Red cell. */
const threatsDone = (v: View): boolean => v.phase === 'assessment' || (v.phase === 'threats' && !redPlayed(v));

/** expectedThreats without the memo (for tests). */
export function countThreats(v: View, region: string, kind: ThreatKind, turns: number): number {
  let sum = 0;
  const played = redPlayed(v);
  const theatre = regionDef(v, region)?.theatre;
  const revealed = theatre !== undefined ? v.plannedWaves[theatre] : undefined;
  const done = threatsDone(v);
  // The table's entries at this region of this kind (found once, not once per turn), in table order.
  const waves = v.scenario.waves.filter((w) => w.targets.includes(region) && threatKind(v, w.threat) === kind);
  for (let t = v.turn; t < v.turn + turns && t <= v.scenario.turns; t++) {
    if (t === v.turn && done) continue;
    if (t === v.turn && revealed && revealed.length > 0) {
      for (const a of revealed) if (a.target === region && threatKind(v, a.threat) === kind) sum += a.count;
      continue;
    }
    for (const w of waves) if (w.fromTurn <= t && w.toTurn >= t) sum += (played ? w.max : (w.min + w.max) / 2) / w.targets.length;
  }
  return sum;
}

/**
 * The battery of a placement that engages threats at `region` first once set up (the first with full cover, else the
 * first with half cover: the same battery for either kind of threat), with its type and the factor on its hit chance.
 */
export function firstShooterAt(v: View, region: string, placement: readonly Placement[]): { type: BatteryType; factor: number } | undefined {
  let half: { type: BatteryType; factor: number } | undefined;
  for (const b of placement) {
    const type = v.scenario.batteryTypes.find((t) => t.id === b.type);
    if (!type) continue;
    if (b.region === region && mayDefend(v, b.owner, region)) return { type, factor: 1 };
    if (half === undefined && b.halfCover === region && neighbours(v, b.region).includes(region) && mayDefend(v, b.owner, region)) half = { type, factor: HALF };
  }
  return half;
}

/** For each region, the battery that fires first at drones and at missiles. */
type CoverTable = Map<string, { drone?: Shooter; ballistic?: Shooter }>;
/**
 * What batteries' cover reads besides the batteries: the agreements and the map (the same for every viewer). A memo
 * entry writes them out in its own literal: in Node 20 a spread followed by more properties (`{ ...key, table }`)
 * takes the runtime's slow path (a few µs each).
 */
interface MapKey { agreements: object; types: object; regions: object; lanes: object }
const sameMap = (k: MapKey | undefined, v: View): k is MapKey =>
  k !== undefined && k.agreements === v.agreements && k.types === v.scenario.batteryTypes && k.regions === v.scenario.regions && k.lanes === v.scenario.lanes;

/** With the agreements and map it was made with: coverTable gives it for the same placement whatever the view's (see freshCover). */
interface CoverEntry extends MapKey { table: CoverTable; batteries: readonly Placement[] }
const coverMemo = new WeakMap<readonly Placement[], CoverEntry>();

/** What one battery brings to a cover table: where it fires at full and at half chance, and its shooters (none without a known type). */
interface BatteryCover { here: string | null; there: string | null; full: Record<ThreatKind, Shooter>; half: Record<ThreatKind, Shooter> }
interface CoverPart extends MapKey { cover: BatteryCover | null }
const batteryCovers = new WeakMap<Placement, CoverPart>();

/** A battery's part of the cover: the same battery object with the same agreements and map gives the same part. */
function batteryCover(v: View, b: Placement): BatteryCover | null {
  const found = batteryCovers.get(b);
  if (sameMap(found, v)) return found.cover;
  const type = v.scenario.batteryTypes.find((t) => t.id === b.type);
  const shooter = (kind: ThreatKind, factor: number): Shooter => ({ p: type!.sspk[kind] * type!.reliability * factor, owner: b.owner });
  const cover: BatteryCover | null = !type ? null : {
    here: mayDefend(v, b.owner, b.region) ? b.region : null,
    there: b.halfCover !== null && neighbours(v, b.region).includes(b.halfCover) && mayDefend(v, b.owner, b.halfCover) ? b.halfCover : null,
    full: { drone: shooter('drone', 1), ballistic: shooter('ballistic', 1) },
    half: { drone: shooter('drone', HALF), ballistic: shooter('ballistic', HALF) },
  };
  batteryCovers.set(b, { agreements: v.agreements, types: v.scenario.batteryTypes, regions: v.scenario.regions, lanes: v.scenario.lanes, cover });
  return cover;
}

/** batteryCover of each of the view's batteries that fires (operational, with rounds), in order, null for the others. */
interface ViewCovers extends MapKey { firing: (BatteryCover | null)[] }
const coversMemo = new WeakMap<readonly Placement[], ViewCovers>();

/** The view's battery covers: kept per batteries list while the agreements and the map are the same (whoever views them). */
function viewCovers(v: View): ViewCovers {
  let found = coversMemo.get(v.batteries);
  if (sameMap(found, v)) return found;
  const firing = v.batteries.map((b) => (fires(b) ? batteryCover(v, b) : null));
  found = { agreements: v.agreements, types: v.scenario.batteryTypes, regions: v.scenario.regions, lanes: v.scenario.lanes, firing };
  coversMemo.set(v.batteries, found);
  return found;
}

/** For every region and threat kind, the view's battery that fires first (as the rules pick it): worked out once per placement. */
export function coverTable(v: View): CoverTable {
  const found = coverMemo.get(v.batteries);
  if (found) return found.table;
  // A wave's shots change the batteries' rounds, which the table does not hold while they last: the table made last
  // serves a placement that fires from the same places with the same types and owners, with the same agreements and map.
  // A risk asked for before (freshCover) made the view's table already.
  const table = freshMemo.get(v) ?? (lastCover && sameMap(lastCover, v) && sameFiring(lastCover.batteries, v.batteries) ? lastCover.table : buildCoverTable(v));
  coverMemo.set(v.batteries, lastCover = { agreements: v.agreements, types: v.scenario.batteryTypes, regions: v.scenario.regions, lanes: v.scenario.lanes, table, batteries: v.batteries });
  return table;
}

let lastCover: CoverEntry | undefined;

const fires = (b: Placement): boolean => b.status === 'operational' && b.rounds > 0;

/** Whether two placements make the same cover table: battery by battery the same type, owner, places and whether it fires. */
const sameFiring = (a: readonly Placement[], b: readonly Placement[]): boolean => a.length === b.length && a.every((x, n) => {
  const y = b[n]!;
  return x === y || (x.type === y.type && x.owner === y.owner && x.region === y.region && x.halfCover === y.halfCover && fires(x) === fires(y));
});

const freshMemo = new WeakMap<View, CoverTable>();

/**
 * The cover table of the view's own batteries as this view's agreements and map make it. coverTable
 * remembers a table per placement, so for batteries unchanged since an earlier view with other
 * agreements it gives that view's table (kept: the decisions depend on it); the risk of a changed
 * placement is worked out over this one, as a new placement's table would be. Leaves coverTable's memo as it is.
 */
function freshCover(v: View): CoverTable {
  const found = coverMemo.get(v.batteries);
  if (sameMap(found, v)) return found.table;
  let table = freshMemo.get(v);
  if (!table) { table = buildCoverTable(v); freshMemo.set(v, table); }
  return table;
}

export function buildCoverTable(v: View): CoverTable {
  const full: CoverTable = new Map();
  const half: CoverTable = new Map();
  const slot = (table: CoverTable, region: string) => { let x = table.get(region); if (!x) { x = {}; table.set(region, x); } return x; };
  for (const c of viewCovers(v).firing) {
    if (!c) continue;
    const here = c.here !== null ? slot(full, c.here) : null;
    const there = c.there !== null ? slot(half, c.there) : null;
    for (const kind of KINDS) {
      if (here && !here[kind]) here[kind] = c.full[kind];
      if (there && !there[kind]) there[kind] = c.half[kind];
    }
  }
  for (const [region, shooters] of half) {
    const own = slot(full, region);
    for (const kind of KINDS) if (!own[kind] && shooters[kind]) own[kind] = shooters[kind];
  }
  return full;
}

const KINDS = ['drone', 'ballistic'] as const;

function doctrineLeak(v: View, owner: string, kind: ThreatKind, p: number): number {
  const doctrine = v.doctrines[owner]?.[kind] ?? (kind === 'drone' ? 'single' : 'barrage');
  if (doctrine === 'single') return 1 - p;
  if (doctrine === 'barrage' || kind === 'drone') return (1 - p) * (1 - p);
  return (1 - p) * (1 - LOOK_BALLISTIC * p);
}

/** Expected interceptors fired per threat under the owner's doctrine. */
export function shotsPerThreat(v: View, owner: string, kind: ThreatKind, p: number): number {
  const doctrine = v.doctrines[owner]?.[kind] ?? (kind === 'drone' ? 'single' : 'barrage');
  if (doctrine === 'single') return 1;
  if (doctrine === 'barrage') return 2;
  return 1 + (1 - p) * (kind === 'drone' ? 1 : LOOK_BALLISTIC);
}

interface Passive { q: number; drone: number; ballistic: number; agreements: object; state: unknown }
const passiveMemo = new WeakMap<object, Map<string, Passive>>();

/**
 * Detection chance and counter-drone factor at a region (they depend on the agreements and the region's state,
 * not on the batteries): kept per scenario and region from one decision to the next while those are the same.
 */
export function passiveDefence(v: View, region: string): Passive {
  let memo = passiveMemo.get(v.scenario);
  if (!memo) { memo = new Map(); passiveMemo.set(v.scenario, memo); }
  const state = v.regions[region];
  let found = memo.get(region);
  if (!found || found.agreements !== v.agreements || found.state !== state) { found = passiveNow(v, region); memo.set(region, found); }
  return found;
}

/** passiveDefence without the memo (for tests). */
export function passiveNow(v: View, region: string): Passive {
  const state = v.regions[region];
  return {
    q: detectionChance(board(v), regionDef(v, region)?.theatre ?? '', region),
    drone: (state?.counterDrone ?? 0) > 0 ? COUNTER_DRONE : 1,
    ballistic: 1,
    agreements: v.agreements,
    state,
  };
}

/** Chance that one threat of `kind` aimed at `region` gets through. */
export function leakChance(v: View, region: string, kind: ThreatKind): number {
  return leakPast(v, region, kind, coverTable(v).get(region)?.[kind]);
}

/** Chance that one threat gets through the passive defences and the battery that fires first (if any). */
function leakPast(v: View, region: string, kind: ThreatKind, first: Shooter | undefined): number {
  const passive = passiveDefence(v, region);
  const shots = first ? doctrineLeak(v, first.owner, kind, first.p) : 1;
  return 1 - passive.q + passive.q * passive[kind] * shots;
}

/**
 * The batteries that fire first at `region` (as coverTable picks them: the first with full cover, else the first with
 * half cover) among the view's `covers` when its battery number `at` covers `here` in full and `there` by half with `own`.
 */
function firstShootersSwapped(covers: readonly (BatteryCover | null)[], region: string, at: number, here: string | null, there: string | null, own: BatteryCover): Record<ThreatKind, Shooter> | undefined {
  let half: Record<ThreatKind, Shooter> | undefined;
  for (let n = 0; n < covers.length; n++) {
    if (n === at) {
      if (here === region) return own.full;
      if (half === undefined && there === region) half = own.half;
      continue;
    }
    const c = covers[n];
    if (!c) continue;
    if (c.here === region) return c.full;
    if (half === undefined && c.there === region) half = c.half;
  }
  return half;
}

/** What `leakers` threats getting through at a region are worth to a role: linear per hit, softly capped at the
 *  hits that disable it (a disabled region loses nothing more but the leakers themselves). */
export function harm(v: View, i: Interests, region: string, leakers: number): number {
  const def = regionDef(v, region);
  if (!def || leakers <= 0) return 0;
  const left = Math.max(0, def.stayingPower - (v.regions[region]?.damage ?? 0));
  const hits = left === 0 ? 0 : left * (1 - Math.exp(-leakers / left));
  return (regionWorth(v, i, region) * hits) / def.stayingPower - leakerWorth(i, def.theatre) * leakers;
}

export interface Exposure { kind: ThreatKind; targets: readonly string[]; count: number }

/** The threats a theatre can expect over `turns` turns: table entries (or this turn's revealed waves). */
export function exposure(v: View, theatre: string, turns: number): Exposure[] {
  let memo = exposureMemo.get(v.scenario);
  if (!memo) { memo = new Map(); exposureMemo.set(v.scenario, memo); }
  let byTurns = memo.get(theatre);
  if (!byTurns) { byTurns = new Map(); memo.set(theatre, byTurns); }
  const played = redPlayed(v);
  const revealed = v.plannedWaves[theatre];
  const launched = played ? v.turnStats.launched : null;
  const found = byTurns.get(turns);
  if (found && found.turn === v.turn && found.phase === v.phase && found.played === played && found.revealed === revealed && found.launched === launched)
    return found.out;
  const out = exposureNow(v, theatre, turns);
  byTurns.set(turns, { turn: v.turn, phase: v.phase, played, revealed, launched, out });
  return out;
}

/** exposure without the memo (for tests). */
export function exposureNow(v: View, theatre: string, turns: number): Exposure[] {
  const played = redPlayed(v);
  const revealed = v.plannedWaves[theatre];
  const done = threatsDone(v);
  const out: Exposure[] = [];
  for (let t = v.turn; t < v.turn + turns && t <= v.scenario.turns; t++) {
    if (t === v.turn && done) continue;
    if (t === v.turn && revealed && revealed.length > 0) {
      for (const a of revealed) { const kind = threatKind(v, a.threat); if (kind) out.push({ kind, targets: [a.target], count: a.count }); }
      continue;
    }
    v.scenario.waves.forEach((w, n) => {
      const kind = threatKind(v, w.threat);
      if (!kind || w.theatre !== theatre || w.fromTurn > t || w.toTurn < t) return;
      const count = played ? w.max - (t === v.turn ? v.turnStats.launched[n] ?? 0 : 0) : (w.min + w.max) / 2;
      if (count > 0) out.push({ kind, targets: w.targets, count });
    });
  }
  return out;
}

/**
 * Per scenario (as a viewer sees it), theatre and number of turns: the exposures with what they were read from
 * (the turn, the phase, whether Red is played, the theatre's revealed waves, the waves launched this turn), kept
 * from one decision to the next while those are the same.
 */
const exposureMemo = new WeakMap<object, Map<string, Map<number, { turn: number; phase: string; played: boolean; revealed: unknown; launched: unknown; out: Exposure[] }>>>();

/**
 * theatreRisk's terms with the view's own batteries (as freshCover places them). Each term is one exposure's threats at one target;
 * the same target, kind and count recur over the turns of the horizon, so a term names its "signature"
 * (region, kind, count before the leak chance) and the harm is worked out once per signature.
 */
interface RiskTerms {
  theatre: string;
  turns: number;
  played: boolean;
  /** End (exclusive) of each exposure's terms. */
  ends: number[];
  /** Each term's signature. */
  sigOf: number[];
  region: string[];
  kind: ThreatKind[];
  count: number[];
  /** Harm of each signature with the view's batteries. */
  harm: number[];
  /** theatreRisk with the view's batteries (as freshCover places them, and as coverTable does once asked). */
  risk: number;
  now?: number;
  /** The shooter each signature's harm was worked out with (the same shooter gives the same harm). */
  shooter: (Shooter | undefined)[];
  /** The view's battery covers (viewCovers), asked for at every swap. */
  covers: ViewCovers;
}

/** The view and interests the terms in `terms` were worked out for (one decision asks for a few theatres and horizons). */
let termsOf: [View | null, Interests | null] = [null, null];
let terms: RiskTerms[] = [];

/** theatreRisk's terms with the view's own batteries: worked out once per view, interests, theatre and horizon. */
function riskTerms(v: View, i: Interests, theatre: string, turns: number): RiskTerms {
  if (termsOf[0] !== v || termsOf[1] !== i) { termsOf = [v, i]; terms = []; }
  for (const t of terms) if (t.theatre === theatre && t.turns === turns) return t;
  const played = redPlayed(v);
  const ends: number[] = [];
  const sigOf: number[] = [];
  const region: string[] = [];
  const kind: ThreatKind[] = [];
  const count: number[] = [];
  for (const e of exposure(v, theatre, turns)) {
    for (const r of e.targets) {
      const n = played ? e.count : e.count / e.targets.length;
      // A few signatures per theatre: found by a plain search (no key text to build from a fractional count).
      let sig = 0;
      while (sig < region.length && !(region[sig] === r && kind[sig] === e.kind && count[sig] === n)) sig++;
      if (sig === region.length) { region.push(r); kind.push(e.kind); count.push(n); }
      sigOf.push(sig);
    }
    ends.push(sigOf.length);
  }
  const cover = freshCover(v);
  const found: RiskTerms = { theatre, turns, played, ends, sigOf, region, kind, count, harm: [], risk: 0, now: undefined, shooter: region.map((r, k) => cover.get(r)?.[kind[k]!]), covers: viewCovers(v) };
  found.harm = termHarms(v, i, found, cover);
  found.risk = sumTerms(found, found.harm);
  terms.push(found);
  return found;
}

/** The harm of each signature with the batteries of a cover table. */
function termHarms(v: View, i: Interests, t: RiskTerms, cover: CoverTable): number[] {
  const { region, kind, count } = t;
  const out: number[] = [];
  for (let k = 0; k < region.length; k++) out[k] = harm(v, i, region[k]!, count[k]! * leakPast(v, region[k]!, kind[k]!, cover.get(region[k]!)?.[kind[k]!]));
  return out;
}

/** Sums the terms in theatreRisk's order: a played Red cell's wave at its worst target, a scripted wave over all of them. */
function sumTerms(t: RiskTerms, harmOf: readonly number[]): number {
  let risk = 0;
  let k = 0;
  for (const end of t.ends) {
    if (t.played) {
      let worst = 0;
      for (; k < end; k++) worst = Math.max(worst, harmOf[t.sigOf[k]!]!);
      risk += worst;
    } else {
      for (; k < end; k++) risk += harmOf[t.sigOf[k]!]!;
    }
  }
  return risk;
}

/**
 * Value a role expects to lose in a theatre over the horizon with the view's batteries. A Red
 * cell that is played picks its targets, so each wave is counted at its worst target; the rules'
 * own dice spread a scripted wave evenly over its targets.
 */
export function theatreRisk(v: View, i: Interests, theatre: string, turns: number): number {
  // coverTable may remember the view's placement from other agreements (see freshCover): then the same terms over its table.
  const cover = coverTable(v);
  const t = riskTerms(v, i, theatre, turns);
  return (t.now ??= cover === freshCover(v) ? t.risk : sumTerms(t, termHarms(v, i, t, cover)));
}

/**
 * theatreRisk with the view's battery number `at` (one given orders: operational, as the rules require) standing at
 * `region` with half cover `halfCover` (taken away when `region` is null). A battery covers at most its region and its
 * half-cover region, so only those of the old and the new place can change: the other terms are the view's own,
 * and every term is summed in the same order (same result to the last bit as theatreRisk over the changed placement).
 */
export function theatreRiskSwapped(v: View, i: Interests, theatre: string, turns: number, at: number, region: string | null, halfCover: string | null): number {
  const t = riskTerms(v, i, theatre, turns);
  const old = v.batteries[at]!;
  const { firing } = t.covers;
  // Its cover is among those that fire unless it has no rounds (then it covers nothing, here or there).
  const own = firing[at];
  if (!own) return t.risk;
  const { region: was, halfCover: wasHalf } = old;
  // Where the moved battery fires at full and at half chance (same type, rounds and owner: the same shooters).
  let here: string | null = null;
  let there: string | null = null;
  if (region !== null) {
    here = region === was ? own.here : mayDefend(v, old.owner, region) ? region : null;
    there = region === was && halfCover === wasHalf ? own.there
      : halfCover !== null && neighbours(v, region).includes(halfCover) && mayDefend(v, old.owner, halfCover) ? halfCover : null;
  }
  let harmOf: number[] | null = null;
  let shootersAt: string | undefined;
  let shooters: Record<ThreatKind, Shooter> | undefined;
  for (let k = 0; k < t.region.length; k++) {
    const r = t.region[k]!;
    // Only where its cover changes can the shooters change (not its own region when only the half cover moves).
    if ((r === here) === (r === own.here) && (r === there) === (r === own.there)) continue;
    // Signatures come region by region as the exposures name them: the shooters are looked up again only when the region changes.
    if (r !== shootersAt) { shootersAt = r; shooters = firstShootersSwapped(firing, r, at, here, there, own); }
    const kind = t.kind[k]!;
    const first = shooters?.[kind];
    if (first === t.shooter[k]) continue;
    const x = harm(v, i, r, t.count[k]! * leakPast(v, r, kind, first));
    if (x === t.harm[k]) continue;
    // The changed terms are written over a copy of the view's own.
    (harmOf ??= t.harm.slice())[k] = x;
  }
  // Nothing changed: the same terms in the same order.
  return harmOf === null ? t.risk : sumTerms(t, harmOf);
}
