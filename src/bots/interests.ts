import type { Condition, Quantity } from '../core';
import { effectsValue } from './effectValue';
import {
  bindRole, changedFields, compareHolds, countedFields, holds, NO_BINDING, pairKey, isRedRole, quantity, readingQuantities, regionDef, roleDef, sameQuantities,
  sameSide, trackKeyOf, turnsLeft,
  type Binding, type View,
} from './knowledge';

// A role's interests, read from the scenario as its view shows it: score items, visible objectives,
// its side's victory conditions, the other sides' (to deny) and the shared-loss conditions (to avoid).
// Each becomes a per-unit weight on a "lever": a track, a stock, a tech level, protected value, …

/** Points a bot puts on its side's victory, on denying another side's, and on avoiding a shared loss. */
export const WIN_POINTS = 25;
export const DENY_POINTS = 12;
export const SHARED_LOSS_POINTS = 30;
const KEEP = 0.3;
const SHARED_LOSS_KEEP = 0.6;

export interface Interests {
  role: string;
  side: string;
  red: boolean;
  /** Per-unit weight of each lever (positive: more is better). */
  levers: Map<string, number>;
  /** What one budget point is worth to the role now. */
  bp: number;
}

type Compare = Extract<Condition, { compare: unknown }>;

const leverMemo = new WeakMap<Quantity, Map<string | null, Map<string | null, string | null>>>();

/** The lever a quantity moves, e.g. `track:trust:a+b`, `stock:poland|cgr-080|*`, `protect:europe`. */
export function leverOf(v: View, q: Quantity, b: Binding): string | null {
  // A name made of the quantity and the binding (and the scenario's set of tracks): remembered per quantity.
  let memo = leverMemo.get(q);
  if (!memo) { memo = new Map(); leverMemo.set(q, memo); }
  let byTarget = memo.get(b.actor);
  if (!byTarget) { byTarget = new Map(); memo.set(b.actor, byTarget); }
  let found = byTarget.get(b.target);
  if (found === undefined) { found = leverNow(v, q, b); byTarget.set(b.target, found); }
  return found;
}

function leverNow(v: View, q: Quantity, b: Binding): string | null {
  if ('track' in q) { const key = trackKeyOf(v, q.track, b); return key === null ? null : `track:${key}`; }
  if ('budget' in q) return `budget:${bindRole(q.budget, b)}`;
  if ('stock' in q) return `stock:${bindRole(q.stock, b)}|${q.item}|${q.theatre ?? '*'}`;
  if ('techLevel' in q) return `tech:${q.techLevel}`;
  if ('protectedPct' in q) return `protect:${q.protectedPct}`;
  if ('disabledRegions' in q) return `disabled:${q.disabledRegions}|${q.owner === undefined ? '*' : bindRole(q.owner, b)}`;
  if ('longestStockout' in q) return `stockout:${bindRole(q.longestStockout, b)}|${q.item}`;
  if ('arms' in q) return `arms:${bindRole(q.arms, b)}`;
  if ('armsChange' in q) return `armsChange:${bindRole(q.armsChange, b)}`;
  if ('agreements' in q) return `agreements:${q.agreements}|${q.party === undefined ? '*' : bindRole(q.party, b)}`;
  if ('leakers' in q) return `leakers:${q.leakers}`;
  if ('onTimePct' in q) return `ontime:${bindRole(q.onTimePct, b)}`;
  if ('gaps' in q) return `gaps:${q.gaps}`;
  if ('operationalBatteries' in q) return `batteries:${bindRole(q.operationalBatteries, b)}|${q.theatre ?? '*'}`;
  return null;
}

const FLIP: Record<string, Compare['op']> = { '>=': '<', '<=': '>', '>': '<=', '<': '>=' };

const negated = new WeakMap<Condition, Condition>();

/** The opposite condition (the same object for the same condition, so what is remembered per quantity is found again). */
function negate(c: Condition): Condition {
  let found = negated.get(c);
  if (!found) { found = negateNow(c); negated.set(c, found); }
  return found;
}

function negateNow(c: Condition): Condition {
  if ('all' in c) return { any: c.all.map(negate) };
  if ('any' in c) return { all: c.any.map(negate) };
  if ('not' in c) return c.not;
  // Quantities in this game do not go below 0: "not 0" means "more than 0".
  if (c.op === '==') return c.value <= 0 ? { ...c, op: '>' } : { any: [{ ...c, op: '<' }, { ...c, op: '>' }] };
  return { compare: c.compare, op: FLIP[c.op]!, value: c.value };
}

const pickArms = (isX: boolean, change: boolean, nx: number, ny: number, dx: number, dy: number): number =>
  isX ? (change ? Math.abs(dx) : nx) : change ? Math.abs(dy) : ny;

const armsPaths = new WeakMap<object, Map<string, number[]>>();

/** Arms levels run on by themselves (the Richardson model): the path from now to the last turn. */
function armsPath(v: View, role: string, change: boolean): number[] {
  // Asked for every arms goal of every role at every decision: remembered per arms record and turn.
  if (!v.arms) return armsPathNow(v, role, change);
  let memo = armsPaths.get(v.arms);
  if (!memo) { memo = new Map(); armsPaths.set(v.arms, memo); }
  const key = `${role}|${change}|${v.turn}|${v.scenario.turns}`;
  let found = memo.get(key);
  if (!found) { found = armsPathNow(v, role, change); memo.set(key, found); }
  return found;
}

function armsPathNow(v: View, role: string, change: boolean): number[] {
  const arms = v.arms;
  const r = v.scenario.richardson;
  if (!arms || !r || (role !== r.x && role !== r.y)) return [0];
  let x = arms.levels[r.x] ?? 0;
  let y = arms.levels[r.y] ?? 0;
  const isX = role === r.x;
  const path = [pickArms(isX, change, x, y, arms.change[r.x] ?? 0, arms.change[r.y] ?? 0)];
  for (let t = 0; t < turnsLeft(v); t++) {
    const nx = Math.max(0, x + arms.k * y - arms.a * x + arms.g);
    const ny = Math.max(0, y + arms.l * x - arms.b * y + arms.h);
    path.push(pickArms(isX, change, nx, ny, nx - x, ny - y));
    x = nx; y = ny;
  }
  return path;
}

const armsRole = (q: Quantity, b: Binding): { role: string; change: boolean } | null => {
  if ('arms' in q) return { role: bindRole(q.arms, b), change: false };
  if ('armsChange' in q) return { role: bindRole(q.armsChange, b), change: true };
  return null;
};

/**
 * A goal on an arms level that holds now but fails later along the projected path is treated as
 * failing soon: each unit of arms brings the failure closer, so the weight grows as it nears.
 */
function armsWeight(v: View, c: Compare, b: Binding, points: number): number | null {
  const who = armsRole(c.compare, b);
  if (!who) return null;
  const path = armsPath(v, who.role, who.change);
  const failsAt = path.findIndex((x) => !compareHolds(x, c.op, c.value));
  if (failsAt <= 0) return null;
  return points / (1 + failsAt);
}

/** How far a compare is from holding (0 if it holds), in the quantity's own units (`x`: its count, when the caller has it). */
function distance(v: View, c: Compare, b: Binding, x = quantity(v, c.compare, b)): number {
  if (compareHolds(x, c.op, c.value)) return 0;
  const strict = c.op === '>' || c.op === '<' ? 1 : 0;
  return Math.max(1e-3, Math.abs(x - c.value) + strict);
}

/** Works out what a goal adds to the levers: each addition, in order (lever, weight, lever, weight, …). */
class InterestBuilder {
  readonly adds: (string | number)[] = [];
  constructor(private readonly v: View, private readonly binding: Binding, readonly keep: number) {}

  add(lever: string | null, w: number): void {
    if (lever === null || w === 0 || !Number.isFinite(w)) return;
    this.adds.push(lever, w);
  }

  /** Spreads `points` over the levers that make the condition hold (or keep holding). */
  condition(c: Condition, points: number): void {
    const v = this.v;
    const b = this.binding;
    // A compare first: the most asked, found with one test (see holds).
    if ('compare' in c) {
      // (A turn has no lever.)
      const lever = leverOf(v, c.compare, b);
      if (lever === null) return;
      const x = quantity(v, c.compare, b);
      const dir = c.op === '>=' || c.op === '>' ? 1 : c.op === '<=' || c.op === '<' ? -1 : Math.sign(c.value - x);
      if (dir === 0) return;
      // (Without an arms race, no arms path and no arms change.)
      const soon = v.arms ? armsWeight(v, c, b, points) : null;
      const gap = distance(v, c, b, x);
      // Short of the goal: the points spread over the units still missing; reached: a smaller weight
      // to keep it, larger the thinner the margin.
      const w = soon ?? (gap > 0 ? points / Math.max(1, gap) : (points * this.keep) / (1 + Math.abs(x - c.value)));
      this.add(lever, dir * w);
      if (v.arms && 'armsChange' in c.compare) this.armsChange(c.compare.armsChange === 'actor' ? b.actor ?? '' : c.compare.armsChange, dir * w);
      return;
    }
    if ('not' in c) return this.condition(negate(c.not), points);
    // (holds is asked again rather than kept in a list: over one view its quantities are counted once.)
    if ('all' in c) {
      let open = 0;
      for (const x of c.all) if (!holds(v, x, b)) open++;
      for (const x of c.all) this.condition(x, holds(v, x, b) ? points * 0.5 : points / Math.max(1, open));
      return;
    }
    if (c.any.some((x) => holds(v, x, b))) { for (const x of c.any) if (holds(v, x, b)) this.condition(x, points * 0.5); return; }
    // The nearest to holding (the first of the nearest, as a stable sort would put it).
    let nearest: Condition | undefined;
    let least = Infinity;
    for (const x of c.any) { const d = roughDistance(v, x, b); if (nearest === undefined || d < least) { nearest = x; least = d; } }
    if (nearest) this.condition(nearest, points);
  }

  /**
   * Next turn's arms change of `role` is k·rival − a·own + g (Richardson): wanting it larger or
   * smaller (by `w` per unit of its size) is wanting the two arms levels moved, now, before it is counted.
   */
  private armsChange(role: string, w: number): void {
    const arms = this.v.arms;
    const r = this.v.scenario.richardson;
    if (!arms || !r || (role !== r.x && role !== r.y)) return;
    const rival = role === r.x ? r.y : r.x;
    const [a, k, g] = role === r.x ? [arms.a, arms.k, arms.g] : [arms.b, arms.l, arms.h];
    const change = k * (arms.levels[rival] ?? 0) - a * (arms.levels[role] ?? 0) + g;
    const sign = change >= 0 ? 1 : -1;
    this.add(`arms:${role}`, w * -a * sign);
    this.add(`arms:${rival}`, w * k * sign);
  }
}

function roughDistance(v: View, c: Condition, b: Binding): number {
  if ('compare' in c) return distance(v, c, b);
  return holds(v, c, b) ? 0 : 1;
}

/**
 * One goal of a role (a condition with its points): what it adds to the levers, with what that was worked
 * out from. A goal reads the view only through quantities (noted with their values as they are counted) and
 * the arms race (its projected path also reads the turn).
 */
interface Goal {
  c: Condition;
  points: number;
  keep: number;
  arms: View['arms'];
  turn: number;
  reads: unknown[];
  adds: (string | number)[];
}

/** Whether a goal was worked out for this condition, points and keep, and for the arms race as it stands. */
const fits = (v: View, g: Goal, c: Condition, points: number, keep: number): boolean =>
  g.c === c && g.points === points && g.keep === keep && g.arms === v.arms && (!v.arms || g.turn === v.turn);

/** Per condition that names no actor or target, the goal last worked out for it (by any role); null for the others. */
const sharedGoals = new WeakMap<Condition, Goal | null>();

function goalOf(v: View, binding: Binding, before: Goal | undefined, c: Condition, points: number, keep: number, changed: number): Goal {
  if (before && fits(v, before, c, points, keep) && sameQuantities(v, before.reads, changed)) return before;
  // A condition that names no actor or target adds the same for every role: the goal another role worked out
  // for it is this role's too while its points and quantities are the same (shared loss, denials, tension, rules).
  // (Not for a goal worked out afresh: freshInterests does not look at what was kept.)
  let shared = sharedGoals.get(c);
  if (shared === undefined) {
    const text = JSON.stringify(c);
    shared = text.includes('actor') || text.includes('target') ? null : undefined;
  }
  if (before && shared && shared !== before && fits(v, shared, c, points, keep) && sameQuantities(v, shared.reads)) return shared;
  const build = new InterestBuilder(v, binding, keep);
  const { reads } = readingQuantities(() => build.condition(c, points));
  const made = { c, points, keep, arms: v.arms, turn: v.turn, reads, adds: build.adds };
  sharedGoals.set(c, shared === null ? null : made);
  return made;
}

/** A role's interests as last worked out (per scenario as its viewer sees it), for the next time they are asked. */
interface Kept {
  binding: Binding;
  /** The view's counted fields (countedFields) when they were worked out: every goal's quantities had their noted values in them. */
  fields: unknown[];
  /** What the score items add, and a nation's care for its standing, partners and regions: fixed by the scenario. */
  items: (string | number)[];
  standing: (string | number)[];
  goals: Goal[];
  /** How many of the goals come before the rules' and moves' worths are read. */
  early: number;
  late: boolean;
  nearCap: boolean;
  /** The interests the rules' and moves' worths are read from (the early goals only). */
  base: Interests;
  result: Interests;
}

const kept = new WeakMap<object, Map<string, Kept>>();

function addAll(levers: Map<string, number>, adds: readonly (string | number)[]): void {
  for (let n = 0; n < adds.length; n += 2) levers.set(adds[n] as string, (levers.get(adds[n] as string) ?? 0) + (adds[n + 1] as number));
}

/** The levers of the score items, the early goals and the standing, added in that order. */
function sumLevers(items: readonly (string | number)[], goals: readonly Goal[], early: number, standing: readonly (string | number)[]): Map<string, number> {
  const levers = new Map<string, number>();
  addAll(levers, items);
  for (let n = 0; n < early; n++) addAll(levers, goals[n]!.adds);
  addAll(levers, standing);
  return levers;
}

/**
 * A role's interests. Each goal's part is kept from the last time they were asked while the quantities it
 * counted have the same values (and the arms race is the same): between two decisions most actions change
 * few of them. The levers are summed in the same order as ever, so the weights are the same to the last bit,
 * and when no part and no worth has changed the same interests are given again. test/bots/interests-memo.test.ts
 * checks kept against fresh in every state of games of every scenario.
 */
export function interestsOf(v: View, role: string): Interests {
  let byRole = kept.get(v.scenario);
  if (!byRole) { byRole = new Map(); kept.set(v.scenario, byRole); }
  const made = interestsNow(v, role, byRole.get(role));
  byRole.set(role, made);
  return made.result;
}

/** interestsOf worked out afresh (for tests). */
export const freshInterests = (v: View, role: string): Interests => interestsNow(v, role, undefined).result;

function interestsNow(v: View, role: string, before: Kept | undefined): Kept {
  const def = roleDef(v, role);
  const side = def?.side ?? role;
  const red = isRedRole(v, role);
  const binding: Binding = before?.binding ?? { actor: role, target: null };
  const goals: Goal[] = [];
  let same = before !== undefined;
  // A kept goal's quantities that count from none of the fields changed since then have their noted values still.
  const fields = countedFields(v);
  const changed = before ? changedFields(v, before.fields) : -1;
  const goal = (c: Condition, points: number, keep = KEEP) => {
    const was = before?.goals[goals.length];
    const g = goalOf(v, binding, was, c, points, keep, changed);
    if (g !== was) same = false;
    goals.push(g);
  };
  for (const o of v.scenario.objectives) {
    if (o.owner !== role && o.owner !== side) continue;
    if (o.byTurn !== undefined && (v.objectivesMet[o.id] !== undefined || v.turn > o.byTurn)) continue;
    goal(o.condition, o.points);
  }
  for (const vc of v.scenario.victory) {
    if (vc.side === side) goal(vc.condition, WIN_POINTS);
    else if (v.scenario.roles.some((r) => r.side === vc.side)) goal(negate(vc.condition), DENY_POINTS);
  }
  // A shared loss can come in one jump (a card, an incident at 7+): its margin is watched more closely.
  for (const loss of v.scenario.sharedLoss) goal(negate(loss.condition), SHARED_LOSS_POINTS, SHARED_LOSS_KEEP);
  for (const c of belowTop(v)) goal(c, SHARED_LOSS_POINTS, SHARED_LOSS_KEEP);
  const early = goals.length;
  const items = before?.items ?? itemAdds(v, role, def?.score ?? [], binding);
  const standing = before?.standing ?? (red ? [] : standingAdds(v, role));
  const late = turnsLeft(v) <= 1;
  const nearCap = def !== undefined && (v.budgets[role] ?? 0) + def.budget.perTurn > def.budget.cap;
  let base: Interests;
  if (same && before!.early === early && before!.late === late && before!.nearCap === nearCap) base = before!.base;
  else {
    same = false;
    const levers = sumLevers(items, goals, early, standing);
    const bp = (late ? 0.3 : nearCap ? 0.35 : 0.6) + (levers.get(`budget:${role}`) ?? 0);
    base = { role, side, red, levers, bp };
  }
  // The rules' and moves' worths are read from the levers as they stand here: all of them before any of their goals is added.
  const ruleWorths = v.scenario.assessmentRules.map((rule) => effectsValue(v, base, rule.effects, NO_BINDING));
  const moveWorths = v.scenario.moves.map((move) => !move.requires || !move.roles.includes(role) || holds(v, move.requires, binding)
    ? 0 : effectsValue(v, base, move.effects, binding) - move.cost * base.bp);
  // The scenario's assessment rules fire every turn their condition holds: a role wants the
  // conditions of the rules that help it and not those of the rules that hurt it.
  const turns = Math.min(RULE_TURNS, turnsLeft(v) + 1);
  v.scenario.assessmentRules.forEach((rule, n) => {
    const worth = ruleWorths[n]!;
    if (Math.abs(worth) > 0.1) goal(worth > 0 ? rule.when : negate(rule.when), Math.abs(worth) * turns);
  });
  // A move the role would like to make but may not yet: its requirement becomes a (smaller) goal.
  v.scenario.moves.forEach((move, n) => { if (moveWorths[n]! > 0.5) goal(move.requires!, moveWorths[n]! * ENABLER_SHARE * turns); });
  if (same && before!.goals.length === goals.length) { before!.fields = fields; return before!; }
  // The base's levers, then the later goals' additions: the same sums in the same order (and the same order of
  // keys) as adding everything afresh, without adding the score items, early goals and standing again.
  const levers = new Map(base.levers);
  for (let n = early; n < goals.length; n++) addAll(levers, goals[n]!.adds);
  return { binding, fields, items, standing, goals, early, late, nearCap, base, result: { role, side, red, levers, bp: base.bp } };
}

function itemAdds(v: View, role: string, score: readonly { quantity: Quantity; weight: number }[], binding: Binding): (string | number)[] {
  const build = new InterestBuilder(v, binding, KEEP);
  for (const item of score) build.add(leverOf(v, item.quantity, binding), item.weight);
  return build.adds;
}

/** A nation also cares a little for its own standing, its partners' trust and its own regions. */
function standingAdds(v: View, role: string): (string | number)[] {
  const build = new InterestBuilder(v, NO_BINDING, KEEP);
  for (const kind of ['support', 'reputation', 'readiness']) build.add(`track:${kind}:${role}`, 0.3);
  for (const r of v.scenario.roles)
    if (r.id !== role && sameSide(v, role, r.id)) build.add(`track:trust:${pairKey(role, r.id)}`, 0.5);
  for (const t of v.scenario.theatres)
    if (v.scenario.regions.some((r) => r.theatre === t.id && r.owner === role)) build.add(`protect:${t.id}`, 0.05);
  return build.adds;
}

const tensionGoals = new WeakMap<object, Condition[]>();

/** Tension below 10 in every theatre (the same condition objects for a scenario). */
function belowTop(v: View): Condition[] {
  let found = tensionGoals.get(v.scenario.theatres);
  if (!found) {
    found = v.scenario.theatres.map((t): Condition => ({ compare: { track: `tension:${t.id}` }, op: '<', value: 10 }));
    tensionGoals.set(v.scenario.theatres, found);
  }
  return found;
}

/** Share of a blocked move's worth a role puts on meeting its requirement. */
const ENABLER_SHARE = 0.3;

/** Turns of an assessment rule's effect a role counts when it weighs the rule's condition. */
const RULE_TURNS = 3;

export const lever = (i: Interests, key: string): number => i.levers.get(key) ?? 0;

/** `prefix` + `name`, made once: a lever's key looked up again is then a string whose hash is known (no text to join and hash). */
function leverKey(prefix: string, name: string): string {
  let byName = leverKeys.get(prefix);
  if (!byName) { byName = new Map(); leverKeys.set(prefix, byName); }
  let key = byName.get(name);
  if (key === undefined) { key = prefix + name; byName.set(name, key); }
  return key;
}

const leverKeys = new Map<string, Map<string, string>>();

export function trackWeight(i: Interests, key: string): number {
  return lever(i, leverKey('track:', key));
}

/** What keeping a region intact (not disabled) is worth to the role; negative for a role that wants it disabled. */
export function regionWorth(v: View, i: Interests, region: string): number {
  let memo = worthMemo.get(i);
  if (!memo) { memo = new Map(); worthMemo.set(i, memo); }
  let found = memo.get(region);
  if (found === undefined) { found = regionWorthNow(v, i, region); memo.set(region, found); }
  return found;
}

const worthMemo = new WeakMap<Interests, Map<string, number>>();

/** A region's lever keys (protected value in its theatre; disabled regions in its theatre and in all, its owner's and anyone's), made once. */
const regionKeys = new WeakMap<object, string[]>();

function regionWorthNow(v: View, i: Interests, region: string): number {
  const def = regionDef(v, region);
  if (!def) return 0;
  let total = 0;
  let all = 0;
  for (const r of v.scenario.regions) { all += r.value; if (r.theatre === def.theatre) total += r.value; }
  let keys = regionKeys.get(def);
  if (!keys) {
    keys = [`protect:${def.theatre}`];
    for (const scope of [def.theatre, 'all']) for (const owner of [def.owner, '*']) keys.push(`disabled:${scope}|${owner}`);
    regionKeys.set(def, keys);
  }
  let w = 0;
  if (total > 0) w += lever(i, keys[0]!) * (100 * def.value) / total;
  if (all > 0) w += lever(i, 'protect:all') * (100 * def.value) / all;
  for (let n = 1; n < keys.length; n++) w -= lever(i, keys[n]!);
  return w;
}

/** What one more unit of `item` in `role`'s stock (in `theatre`) is worth to the interested role. */
export function stockWorth(i: Interests, role: string, item: string, theatre: string): number {
  return lever(i, `stock:${role}|${item}|${theatre}`) + lever(i, `stock:${role}|${item}|*`);
}

/** What one leaker in a theatre is worth (negative for defenders). */
export function leakerWorth(i: Interests, theatre: string): number {
  // Asked for every term of every risk: remembered per interests (they are not changed once made).
  let memo = leakerMemo.get(i);
  if (!memo) { memo = new Map(); leakerMemo.set(i, memo); }
  let found = memo.get(theatre);
  if (found === undefined) { found = lever(i, `leakers:${theatre}`) + lever(i, 'leakers:all'); memo.set(theatre, found); }
  return found;
}

const leakerMemo = new WeakMap<Interests, Map<string, number>>();
