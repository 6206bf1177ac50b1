import type { GameState } from './state';
import { currentList, emit, own, ownMember, peekField, roleName, say, scenarioOf, standing, untouchedField, type Ctx } from './context';
import { PHASES, type Phase } from './vocabulary';
import { emptyTurnStatsValue } from './turnStats';
import { hasActionBesidesEnd } from './legal';
import { drawNextEvent } from './rules/events';
import { expireProposals } from './rules/diplomacy';
import { resolveIndustry } from './rules/industry';
import { planWaves, resolveScriptedThreats } from './rules/threats';
import { runAssessment } from './rules/assessment';

// The turn machine of DESIGN §4: six phases; in the four role phases the seated roles act in the
// scenario's order and end their step; the others run by themselves.

const PHASE_NAMES: Record<Phase, string> = {
  events: 'Events', diplomacy: 'Diplomacy', industry: 'Industry', deployment: 'Deployment', threats: 'Threats', assessment: 'Assessment',
};
export const phaseName = (p: Phase): string => PHASE_NAMES[p];

export function turnLabel(s: GameState, turn = s.turn): string {
  return s.scenario.turnLabels[turn - 1] ?? `turn ${turn}`;
}

/** Roles that take steps: every role with a seat other than 'scripted'. */
export function playingRoles(s: GameState): string[] {
  // Seats are read from the step's base while untouched (reading them through the draft drafts every seat).
  const seats = peekField(s, 'seats');
  return scenarioOf(s).roles.filter((r) => { const seat = seats[r.id]; return seat !== undefined && seat.kind !== 'scripted'; }).map((r) => r.id);
}

export function startTurn(ctx: Ctx): void {
  const s = ctx.s;
  // Budgets written to the step's own copy, workforce only where it differs.
  const budgets = own(s, 'budgets');
  const workforce = peekField(s, 'workforce');
  const first = s.turn === 1;
  for (const r of s.scenario.roles) {
    budgets[r.id] = round2(Math.min(budgets[r.id] ?? 0, r.budget.cap) + (first ? 0 : r.budget.perTurn));
    if (workforce[r.id] !== r.workforce) own(s, 'workforce')[r.id] = r.workforce;
  }
  s.turnStats = emptyTurnStatsValue();
  s.movesUsed = {};
  // Only lines funded last turn are copied to reset the mark (setting false again changes nothing).
  currentList(s, 'lines').forEach((member, i) => {
    if (standing(member).fundedThisTurn !== false) ownMember(s, 'lines', i).fundedThisTurn = false;
  });
  say(ctx, `Turn ${s.turn} of ${s.scenario.turns} (${turnLabel(s)}) begins.`);
  planWaves(ctx);
  enterPhase(ctx, 'events');
}

function enterPhase(ctx: Ctx, phase: Phase): void {
  const s = ctx.s;
  const scenario = scenarioOf(s);
  s.phase = phase;
  const hint = scenario.phaseHints[phase];
  emit(ctx, { kind: 'phase', turn: peekField(s, 'turn'), phase, text: `${phaseName(phase)} phase.${hint ? ` ${hint}` : ''}` });
  s.queue = phase === 'events' || phase === 'assessment' ? [] : playingRoles(s);
  if (phase === 'events') s.eventsLeft = scenario.eventsPerTurn;
}

function exitPhase(ctx: Ctx): void {
  switch (peekField(ctx.s, 'phase')) {
    case 'diplomacy': expireProposals(ctx); break;
    case 'industry': resolveIndustry(ctx); break;
    case 'threats': resolveScriptedThreats(ctx); break;
    default: break;
  }
}

/**
 * Runs automatic steps until a role must act, a choice is pending, or the game is over. What they
 * write to the log is the game's own (no role's), though a role's action set them going.
 */
export function advance(ctx: Ctx): void {
  const before = ctx.logRole;
  ctx.logRole = null;
  runAutomatic(ctx);
  ctx.logRole = before;
}

/** Whether advance() would change anything: false while a role is on step, a choice is pending or the game is over. */
export function advanceWouldRun(s: GameState): boolean {
  if (s.outcome || s.pendingChoice) return false;
  return s.phase === 'events' || s.phase === 'assessment' || s.queue.length === 0;
}

function runAutomatic(ctx: Ctx): void {
  const s = ctx.s;
  // outcome, pendingChoice and queue are only looked at: read without drafting them.
  for (let guard = 0; guard < 1000 && !peekField(s, 'outcome'); guard++) {
    if (peekField(s, 'pendingChoice')) return;
    // The phase and the events left read beside the step's proxy (a trap call each otherwise).
    const phase = peekField(s, 'phase');
    if (phase === 'events') {
      if (peekField(s, 'eventsLeft') > 0) {
        s.eventsLeft -= 1;
        drawNextEvent(ctx);
        continue;
      }
    } else if (phase === 'assessment') {
      runAssessment(ctx);
      if (peekField(s, 'outcome')) return;
      s.turn += 1;
      startTurn(ctx);
      continue;
    } else if (peekField(s, 'queue').length > 0) {
      return;
    }
    exitPhase(ctx);
    if (peekField(s, 'outcome')) return;
    const next = PHASES[PHASES.indexOf(phase) + 1];
    if (next) enterPhase(ctx, next);
  }
}

/**
 * The role on step has nothing but "end my step" left: it leaves the queue and play goes on.
 * Checked on plain (finalised) states between drafts, since reading legality through a draft is slow.
 */
export function idleRoleOnStep(s: GameState): string | null {
  const front = s.queue[0];
  if (front === undefined || s.pendingChoice || s.outcome) return null;
  return hasActionBesidesEnd(s, front) ? null : front;
}

export function skipIdle(ctx: Ctx, role: string): void {
  ctx.s.queue = peekField(ctx.s, 'queue').slice(1);
  say(ctx, idleText(ctx.s, role));
  advance(ctx);
}

export const idleText = (s: GameState, role: string): string => `${roleName(s, role)} has nothing more to do in this phase.`;

/** The role on step ends it; it leaves the queue. */
export function endStep(ctx: Ctx, role: string): void {
  const s = ctx.s;
  // Read from the step's base when untouched: filtering the drafted queue costs a proxy and a walk.
  const queue = untouchedField(s, 'queue');
  if (queue) s.queue = queue[0] === role ? queue.slice(1) : [...queue];
  else s.queue = s.queue.filter((r, i) => !(i === 0 && r === role));
  say(ctx, `${roleName(s, role)} ends the ${phaseName(peekField(s, 'phase')).toLowerCase()} step.`);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
