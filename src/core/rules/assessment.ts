import { copyState, type GameState, type Outcome, type TurnRecord } from '../state';
import { append, currentList, emit, inStep, own, peekField, roleName, say, standing, type Ctx } from '../context';
import { conditionFields, evaluate, protectedPct, quantityValue } from '../conditions';
import { applyEffects, round4 } from '../effects';
import { costExchangeRatio, richardsonStep } from '../formulas';
import { assessDeployment } from './deployment';
import { assessIndustry } from './industry';
import { assessAgreements } from './diplomacy';
import { freezeKept } from '../produce';
import { snapshotState } from '../snapshot';

// Assessment (DESIGN §4.6, §5.6–5.7): tracks update, objectives are checked, the turn is recorded,
// and the game ends on victory, shared loss or the last turn.

export function runAssessment(ctx: Ctx): void {
  const s = ctx.s;
  assessDeployment(ctx);
  assessIndustry(ctx);
  assessAgreements(ctx);
  updateArmsRace(ctx);
  // What follows mostly reads (conditions, scores, the turn record): it reads a plain picture of the
  // state as it stands, taken again after every write.
  let now = snapshotState(s);
  for (const rule of now.scenario.assessmentRules) {
    if (!evaluate(now, rule.when)) continue;
    say(ctx, rule.text);
    applyEffects(ctx, rule.effects, { actor: null, target: null }, 'diplomacy');
    now = snapshotState(s);
  }
  for (const o of now.scenario.objectives)
    if (o.byTurn !== undefined && now.objectivesMet[o.id] === undefined && now.turn <= o.byTurn && evaluate(now, o.condition)) {
      own(s, 'objectivesMet')[o.id] = now.turn;
      say(ctx, `Objective met: ${o.text}`);
      now = snapshotState(s);
    }
  // A turn's record never changes once written: frozen, immer skips it and the state hash remembers
  // its digest, so hashing a long game does not re-serialise its past turns (see freezeKept).
  const record = turnRecord(now);
  freezeKept(record);
  append(s, 'history', record);
  const after = copyState(now);
  after.history = [...now.history, record];
  now = after;
  if (checkSharedLoss(ctx, now)) return;
  const early = now.scenario.victory.filter((v) => v.when === 'anyTurn' && evaluate(now, v.condition));
  if (early.length > 0) {
    const sides = [...new Set(early.map((v) => v.side))];
    finishGame(ctx, 'victory', early.map((v) => v.text).join(' '), sides);
    return;
  }
  if (now.turn >= now.scenario.turns) endOnLastTurn(ctx, now);
}

function updateArmsRace(ctx: Ctx): void {
  const s = ctx.s;
  const r = s.scenario.richardson;
  // Read as it stands and replaced whole (writing into it would draft the step).
  const arms = standing(peekField(s, 'arms'));
  if (!arms || !r) return;
  const levels = standing(arms.levels);
  const x = levels[r.x] ?? 0;
  const y = levels[r.y] ?? 0;
  const next = richardsonStep({ x, y }, arms);
  const nx = Math.max(0, round4(next.x));
  const ny = Math.max(0, round4(next.y));
  s.arms = {
    ...arms,
    levels: { ...levels, [r.x]: nx, [r.y]: ny },
    change: { ...standing(arms.change), [r.x]: round4(nx - x), [r.y]: round4(ny - y) },
  };
  say(ctx, `Arms levels: ${roleName(s, r.x)} ${nx}, ${roleName(s, r.y)} ${ny}.`);
}

/** Whether checkSharedLoss would end the game now (read-only; for plain states between steps). */
export function sharedLossReached(s: GameState): boolean {
  if (s.outcome) return false;
  // Asked after every action, and most actions leave what it reads alone: the last verdict holds
  // while the fields it reads are the same objects (a step replaces only what it writes).
  let reads = lossReads.get(s.scenario);
  if (!reads) {
    reads = [...s.scenario.sharedLoss.reduce((all, loss) => conditionFields(loss.condition, all), new Set<keyof GameState>(['tracks']))];
    lossReads.set(s.scenario, reads);
  }
  const last = lastLoss;
  if (last && last.scenario === s.scenario && !inStep(s) && reads.every((k, i) => s[k] === last.values[i])) return last.verdict;
  let verdict = s.scenario.theatres.some((t) => (s.tracks[`tension:${t.id}`] ?? 0) >= 10);
  verdict ||= s.scenario.sharedLoss.some((loss) => evaluate(s, loss.condition));
  lastLoss = { scenario: s.scenario, values: reads.map((k) => s[k]), verdict };
  return verdict;
}

const lossReads = new WeakMap<GameState['scenario'], (keyof GameState)[]>();
let lastLoss: { scenario: GameState['scenario']; values: unknown[]; verdict: boolean } | null = null;

/**
 * Shared loss: any theatre's tension at its top, or a scenario condition (trust at 0, …). `now` is the
 * state to read: ctx.s, or a plain picture of it as it stands (see snapshot.ts). Its flat records are
 * read as they stand (peekField), so a light step stays light.
 */
export function checkSharedLoss(ctx: Ctx, now: GameState = ctx.s): boolean {
  if (now.outcome) return true;
  for (const t of now.scenario.theatres) {
    if ((peekField(now, 'tracks')[`tension:${t.id}`] ?? 0) < 10) continue;
    const cause = peekField(now, 'tensionCause')[t.id] ?? null;
    const by = cause && cause !== 'facilitator' ? ` ${roleName(now, cause)} took the step that caused it.` : '';
    finishGame(ctx, 'sharedLoss', `Tension in ${t.name} reached 10: everyone loses.${by}`, [], cause);
    return true;
  }
  for (const loss of now.scenario.sharedLoss)
    if (evaluate(now, loss.condition)) {
      finishGame(ctx, 'sharedLoss', `${loss.text} Everyone loses.`, [], null);
      return true;
    }
  return false;
}

function endOnLastTurn(ctx: Ctx, now: GameState): void {
  const sides = now.scenario.sides
    .map((side) => side.id)
    .filter((side) => {
      const conditions = now.scenario.victory.filter((v) => v.side === side);
      return conditions.length > 0 && conditions.every((v) => evaluate(now, v.condition));
    });
  const names = sides.map((id) => now.scenario.sides.find((x) => x.id === id)?.name ?? id);
  const text = sides.length > 0 ? `The last turn is over. Victory conditions met by ${names.join(' and ')}.` : 'The last turn is over. No side met its victory conditions.';
  finishGame(ctx, 'lastTurn', text, sides);
}

export function objectiveMet(s: GameState, o: GameState['scenario']['objectives'][number]): boolean {
  if (o.byTurn !== undefined) return s.objectivesMet[o.id] !== undefined;
  return evaluate(s, o.condition);
}

export function computeScores(s: GameState): Outcome['scores'] {
  const scores: Outcome['scores'] = {};
  for (const role of s.scenario.roles) {
    const breakdown: { label: string; points: number }[] = [];
    for (const o of s.scenario.objectives)
      if ((o.owner === role.id || o.owner === role.side) && objectiveMet(s, o)) breakdown.push({ label: o.text, points: o.points });
    for (const item of role.score) {
      const points = Math.round(item.weight * quantityValue(s, item.quantity, { actor: role.id, target: null }) * 10) / 10;
      if (points !== 0) breakdown.push({ label: item.label, points });
    }
    const total = Math.round(breakdown.reduce((sum, b) => sum + b.points, 0) * 10) / 10;
    scores[role.id] = { total, breakdown };
  }
  return scores;
}

export function finishGame(ctx: Ctx, reason: Outcome['reason'], text: string, winningSides: string[] = [], causedBy: string | null = null): void {
  const s = ctx.s;
  if (s.outcome) return;
  const winners = s.scenario.roles.filter((r) => winningSides.includes(r.side)).map((r) => r.id);
  // Scores read a plain picture of the state (reading lists through the step would draft them).
  s.outcome = { reason, winners, winningSides, text, causedBy, scores: computeScores(snapshotState(s)) };
  s.queue = [];
  s.pendingChoice = null;
  emit(ctx, { kind: 'gameOver', text });
}

function turnRecord(s: GameState): TurnRecord {
  // Flat records and lists read as they stand (copying them through the draft costs a trap per key).
  // Records filled by loops and for…in rather than through lists of pairs (Object.entries, fromEntries): the same keys in the same order.
  const stocks: Record<string, number> = {};
  const all = peekField(s, 'stocks');
  for (const k in all) stocks[k] = all[k]!;
  const scores = computeScores(s);
  const kept: Record<string, number> = {};
  for (const t of s.scenario.theatres) kept[t.id] = protectedPct(s, t.id);
  const totals: Record<string, number> = {};
  for (const k in scores) totals[k] = scores[k]!.total;
  const stats = standing(peekField(s, 'turnStats'));
  return {
    turn: s.turn,
    tracks: { ...peekField(s, 'tracks') },
    budgets: { ...peekField(s, 'budgets') },
    stocks,
    leakers: { ...standing(stats.leakers) },
    intercepted: { ...standing(stats.intercepted) },
    interceptorsFired: stats.fired,
    interceptorCost: round4(stats.interceptorCost),
    threatCost: round4(stats.threatCost),
    costExchange: round4(costExchangeRatio(stats.fired, stats.fired === 0 ? 0 : stats.interceptorCost / stats.fired, stats.threatCost)),
    protectedPct: kept,
    agreements: currentList(s, 'agreements').map((member) => {
      const a = standing(member);
      return { type: a.type, parties: [...standing(a.parties)] };
    }),
    scores: totals,
    arms: s.arms ? { ...standing(standing(s.arms).levels) } : {},
  };
}
