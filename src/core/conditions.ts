import type { Condition, Quantity, RollSpec } from './scenario/schema';
import type { GameState } from './state';
import { currentList, emit, inStep, peekField, resolveTrack, rollDie, standing, type Ctx } from './context';
import type { Stream } from './vocabulary';
import { gaps, theatreOf } from './rules/deploymentMap';
import { snapshotState } from './snapshot';

// Declarative conditions and rolls of scenario data, evaluated over the state.

export interface Binding { actor: string | null; target: string | null }
const NO_BINDING: Binding = { actor: null, target: null };

export function bindRole(role: string, b: Binding): string {
  if (role === 'actor') return b.actor ?? role;
  if (role === 'target') return b.target ?? role;
  return role;
}

/** A region or theatre named `target` in a move stands for the move's target. */
export const bindPlace = (id: string, b: Binding): string => (id === 'target' && b.target ? b.target : id);

export const isDisabled = (s: GameState, region: string): boolean => {
  const def = s.scenario.regions.find((r) => r.id === region);
  if (!def) return false;
  const damage = inStep(s) ? standing(standing(peekField(s, 'regions'))[region])?.damage : s.regions[region]?.damage;
  return (damage ?? 0) >= def.stayingPower;
};

export function protectedPct(s: GameState, theatre: string): number {
  let total = 0;
  let kept = 0;
  // The scenario's regions and the damage as it stands, each read once (not through the draft per region).
  const step = inStep(s);
  const damage = step ? standing(peekField(s, 'regions')) : s.regions;
  for (const r of s.scenario.regions) {
    if (theatre !== 'all' && r.theatre !== theatre) continue;
    total += r.value;
    if (((step ? standing(damage[r.id]) : damage[r.id])?.damage ?? 0) < r.stayingPower) kept += r.value;
  }
  return total === 0 ? 100 : Math.round((1000 * kept) / total) / 10;
}

export function stockOf(s: GameState, owner: string, item: string, theatre?: string): number {
  let sum = 0;
  for (const t of s.scenario.theatres) {
    if (theatre !== undefined && t.id !== theatre) continue;
    sum += peekField(s, 'stocks')[`${owner}|${item}|${t.id}`] ?? 0;
  }
  return sum;
}

export function leakersSoFar(s: GameState, theatre: string): number {
  const pick = (rec: Record<string, number>) =>
    theatre === 'all' ? Object.values(rec).reduce((a, b) => a + b, 0) : rec[theatre] ?? 0;
  // The turn records are frozen: read in place, not each through a draft.
  return currentList(s, 'history').reduce((sum, h) => sum + pick(h.leakers), 0) + pick(standing(standing(peekField(s, 'turnStats')).leakers));
}

/**
 * The fields of the state quantityValue reads for `q` (besides the scenario): **keep it with
 * quantityValue**. A value worked out from a state holds for any state whose listed fields are the
 * same objects (states share the parts a step did not write). test/core/conditions.test.ts checks it.
 */
export function quantityFields(q: Quantity): readonly (keyof GameState)[] {
  if ('track' in q) return ['tracks'];
  if ('budget' in q) return ['budgets'];
  if ('stock' in q) return ['stocks'];
  if ('techLevel' in q) return ['transfers'];
  if ('protectedPct' in q || 'disabledRegions' in q) return ['regions'];
  if ('longestStockout' in q) return ['stockout'];
  if ('arms' in q || 'armsChange' in q) return ['arms'];
  if ('agreements' in q) return ['agreements'];
  if ('leakers' in q) return ['history', 'turnStats'];
  if ('onTimePct' in q) return ['contracts'];
  if ('gaps' in q) return ['batteries', 'agreements'];
  if ('operationalBatteries' in q) return ['batteries'];
  return ['turn'];
}

/** The fields of the state a condition reads (see quantityFields). */
export function conditionFields(c: Condition, into: Set<keyof GameState> = new Set()): Set<keyof GameState> {
  if ('all' in c) for (const x of c.all) conditionFields(x, into);
  else if ('any' in c) for (const x of c.any) conditionFields(x, into);
  else if ('not' in c) conditionFields(c.not, into);
  else for (const f of quantityFields(c.compare)) into.add(f);
  return into;
}

export function quantityValue(s: GameState, q: Quantity, b: Binding = NO_BINDING): number {
  if ('track' in q) {
    const key = resolveTrack(s, q.track, b.actor, b.target);
    return key === null ? 0 : peekField(s, 'tracks')[key] ?? 0;
  }
  if ('budget' in q) return peekField(s, 'budgets')[bindRole(q.budget, b)] ?? 0;
  if ('stock' in q) return stockOf(s, bindRole(q.stock, b), q.item, q.theatre);
  if ('techLevel' in q) return standing(currentList(s, 'transfers').find((t) => standing(t).id === q.techLevel))?.level ?? 0;
  if ('protectedPct' in q) return protectedPct(s, q.protectedPct);
  if ('disabledRegions' in q) {
    const owner = q.owner === undefined ? undefined : bindRole(q.owner, b);
    return s.scenario.regions.filter(
      (r) => (q.disabledRegions === 'all' || r.theatre === q.disabledRegions) && (owner === undefined || r.owner === owner) && isDisabled(s, r.id),
    ).length;
  }
  if ('longestStockout' in q) {
    const prefix = `${bindRole(q.longestStockout, b)}|${q.item}|`;
    return Object.entries(standing(peekField(s, 'stockout'))).reduce((m, [k, v]) => (k.startsWith(prefix) ? Math.max(m, standing(v).longest) : m), 0);
  }
  if ('arms' in q) return standing(peekField(s, 'arms'))?.levels[bindRole(q.arms, b)] ?? 0;
  if ('armsChange' in q) return Math.abs(standing(peekField(s, 'arms'))?.change[bindRole(q.armsChange, b)] ?? 0);
  if ('agreements' in q) {
    const party = q.party === undefined ? undefined : bindRole(q.party, b);
    if (!inStep(s)) return count(s.agreements, (a) => a.type === q.agreements && (party === undefined || a.parties.includes(party)));
    return count(currentList(s, 'agreements'), (member) => {
      const a = standing(member);
      return a.type === q.agreements && (party === undefined || standing(a.parties).includes(party));
    });
  }
  if ('leakers' in q) return leakersSoFar(s, q.leakers);
  if ('onTimePct' in q) {
    const seller = bindRole(q.onTimePct, b);
    let checks = 0;
    let met = 0;
    const records = standing(peekField(s, 'contracts'));
    for (const c of s.scenario.contracts) {
      if (c.seller !== seller) continue;
      const record = standing(records[c.id]);
      checks += record?.onTimeChecks ?? 0;
      met += record?.onTimeMet ?? 0;
    }
    return checks === 0 ? 100 : Math.round((1000 * met) / checks) / 10;
  }
  if ('gaps' in q) {
    // Coverage reads every battery, agreement and region owner: in a step, from a plain picture of the state.
    const open = gaps(inStep(s) ? snapshotState(s) : s);
    return q.gaps === 'all' ? open.length : open.filter((r) => theatreOf(s, r) === q.gaps).length;
  }
  if ('operationalBatteries' in q) {
    const owner = bindRole(q.operationalBatteries, b);
    const step = inStep(s);
    return count(currentList(s, 'batteries'), (member) => {
      const x = step ? standing(member) : member;
      return x.owner === owner && x.status === 'operational' && (q.theatre === undefined || theatreOf(s, x.region) === q.theatre);
    });
  }
  return s.turn;
}

/** How many members of a list pass a test (read in place, without drafting them). */
function count<T>(list: readonly T[], test: (x: T) => boolean): number {
  let n = 0;
  for (const x of list) if (test(x)) n++;
  return n;
}

export function evaluate(s: GameState, c: Condition, b: Binding = NO_BINDING): boolean {
  // Loops rather than every/some: no closure per evaluation (conditions are evaluated after every action).
  if ('all' in c) {
    for (const x of c.all) if (!evaluate(s, x, b)) return false;
    return true;
  }
  if ('any' in c) {
    for (const x of c.any) if (evaluate(s, x, b)) return true;
    return false;
  }
  if ('not' in c) return !evaluate(s, c.not, b);
  return compareHolds(quantityValue(s, c.compare, b), c.op, c.value);
}

/** A condition's comparison (the schema allows only COMPARATORS: the last is `==`). */
export function compareHolds(value: number, op: string, target: number): boolean {
  switch (op) {
    case '>=': return value >= target;
    case '<=': return value <= target;
    case '>': return value > target;
    case '<': return value < target;
    default: return value === target;
  }
}

/** The fixed part of a roll (track terms and bonuses), without the dice. */
export function rollModifier(s: GameState, spec: RollSpec, b: Binding = NO_BINDING): number {
  let mod = 0;
  for (const t of spec.addTracks) {
    const key = resolveTrack(s, t.track, b.actor, b.target);
    mod += t.factor * (key === null ? 0 : peekField(s, 'tracks')[key] ?? 0);
  }
  for (const bonus of spec.bonuses) if (evaluate(s, bonus.when, b)) mod += bonus.add;
  return mod;
}

/** Rolls dice from a stream and reports the roll in the log. */
export function performRoll(ctx: Ctx, stream: Stream, spec: RollSpec, label: string, b: Binding = NO_BINDING): boolean {
  const rolls: number[] = [];
  for (let i = 0; i < spec.dice; i++) rolls.push(rollDie(ctx, stream, spec.die));
  const mod = rollModifier(ctx.s, spec, b);
  const total = rolls.reduce((a, x) => a + x, 0) + mod;
  const success = total >= spec.atLeast;
  const dice = `${spec.dice > 1 ? spec.dice : ''}d${spec.die}`;
  const modText = mod === 0 ? '' : ` ${mod > 0 ? '+' : '−'} ${Math.abs(mod)}`;
  emit(ctx, {
    kind: 'roll', die: spec.die, rolls, total, target: spec.atLeast, success,
    text: `${label}: ${dice} rolled ${rolls.join(' + ')}${modText} = ${total}, needs ${spec.atLeast}: ${success ? 'success' : 'failure'}.`,
  });
  return success;
}
