import { answered, entry, type ActionOf, type LegalAction, type Rejection } from '../actions';
import type { Move } from '../scenario/schema';
import type { GameState } from '../state';
import { own, regionName, roleName, say, theatreName, type Ctx } from '../context';
import { evaluate } from '../conditions';
import { applyEffects } from '../effects';
import { reject } from '../rejections';
import type { Stream } from '../vocabulary';

// Scenario moves: named actions written as data (reassurance, sanctions, notifications, aid steps,
// provocations). Cost, per-turn limit, a requirement and declarative effects.

export type MoveAction = ActionOf<'playMove'>;

export const moveById = (s: GameState, id: string): Move | undefined => s.scenario.moves.find((m) => m.id === id);

const usedKey = (role: string, move: string) => `move|${role}|${move}`;

function targetsFor(s: GameState, move: Move, role: string): (string | null)[] {
  switch (move.target) {
    case 'none': return [null];
    case 'role': return s.scenario.roles.filter((r) => r.id !== role).map((r) => r.id);
    case 'region': return s.scenario.regions.map((r) => r.id);
    case 'theatre': return s.scenario.theatres.map((t) => t.id);
  }
}

export function checkMove(s: GameState, a: MoveAction): Rejection | null {
  const move = typeof a.move === 'string' ? moveById(s, a.move) : undefined;
  if (!move) return reject('target/unknown', 'There is no such move in this scenario.', { move: a.move });
  if (!move.roles.includes(a.role)) return reject('target/invalid', `${roleName(s, a.role)} cannot make the move "${move.name}".`);
  if (s.phase !== move.phase) return reject('phase/wrong-phase', `"${move.name}" can only be made in the ${move.phase} phase.`);
  if (!targetsFor(s, move, a.role).includes(a.target ?? null))
    return reject('target/invalid', `"${move.name}" needs ${move.target === 'none' ? 'no target' : `a ${move.target} as its target`}.`, { target: a.target });
  if ((s.movesUsed[usedKey(a.role, move.id)] ?? 0) >= move.perTurn)
    return reject('limit/reached', `"${move.name}" can be made only ${move.perTurn === 1 ? 'once' : `${move.perTurn} times`} a turn.`);
  const budget = s.budgets[a.role] ?? 0;
  if (budget < move.cost)
    return reject('budget/insufficient', `${roleName(s, a.role)} cannot afford "${move.name}": it costs ${move.cost} BP and ${roleName(s, a.role)} has ${budget} BP.`);
  if (move.requires && !evaluate(s, move.requires, { actor: a.role, target: a.target ?? null }))
    return reject('move/requirement-unmet', `"${move.name}" is not possible now: its condition is not met.`);
  return null;
}

const STREAM_OF_PHASE: Record<Move['phase'], Stream> = {
  events: 'events', diplomacy: 'diplomacy', industry: 'industry', deployment: 'threats', threats: 'threats', assessment: 'diplomacy',
};

export function applyMove(ctx: Ctx, a: MoveAction): void {
  const s = ctx.s;
  const move = moveById(s, a.move)!;
  const budgets = own(s, 'budgets');
  budgets[a.role] = Math.round(((budgets[a.role] ?? 0) - move.cost) * 100) / 100;
  const key = usedKey(a.role, move.id);
  const used = own(s, 'movesUsed');
  used[key] = (used[key] ?? 0) + 1;
  const target = a.target ? ` (${targetName(s, move, a.target)})` : '';
  say(ctx, `${roleName(s, a.role)}: ${move.name}${target}.`);
  applyEffects(ctx, move.effects, { actor: a.role, target: a.target ?? null }, STREAM_OF_PHASE[move.phase]);
}

function targetName(s: GameState, move: Move, id: string): string {
  if (move.target === 'role') return roleName(s, id);
  if (move.target === 'region') return regionName(s, id);
  return theatreName(s, id);
}

export function legalMoves(s: GameState, role: string, out: LegalAction[] = []): LegalAction[] {
  for (const move of s.scenario.moves) {
    if (move.phase !== s.phase || !move.roles.includes(role)) continue;
    // What checkMove checks besides the requirement, once for all targets (the role, phase and target
    // hold by construction): it would refuse every target, and building its messages for each one costs
    // more than the rest of the list.
    if ((s.movesUsed[usedKey(role, move.id)] ?? 0) >= move.perTurn || (s.budgets[role] ?? 0) < move.cost) continue;
    for (const target of targetsFor(s, move, role)) {
      if (answered(out)) return out;
      if (move.requires && !evaluate(s, move.requires, { actor: role, target })) continue;
      out.push(entry({ type: 'playMove', role, move: move.id, target }, move.cost, () => [target ? `${move.name}: ${targetName(s, move, target)}` : move.name, move.text]));
    }
  }
  return out;
}
