import {
  applyAction, canonicalJson, createGame, phaseName, roleName, trackName, turnLabel,
  type Action, type GameState, type Scenario, type Seat, type Seats,
} from '../core';
import { computeDebrief, describeAction } from './compute';
import { cap, fmt } from './words';
import type { Debrief } from './types';

// A forked game beside its original: where they split, the first decision that differs, and turn by
// turn the outcome so far, every role's score, every theatre's tension and the other tracks.
// Pure (no DOM, no clock): both games are re-run from their logs; the debrief supplies the turn rows.

export interface ForkGame { scenario: Scenario; seed: string; seats: Seats; actions: readonly Action[] }

export interface CompareMetric { key: string; group: 'score' | 'tension' | 'track'; name: string }

/** One game at the end of one turn. */
export interface TurnSide {
  scores: Record<string, number>;
  tracks: Record<string, number>;
  /** In words: the outcome when the game ended that turn, else who leads. */
  outcome: string;
}

export interface CompareTurn {
  turn: number;
  label: string;
  original: TurnSide | null;
  fork: TurnSide | null;
  /** The keys of the metrics whose values differ (a metric only one game has counts too). */
  differs: string[];
}

export interface SideSummary {
  actions: number;
  turns: number;
  finished: boolean;
  /** The outcome in words, or how far the game has got. */
  outcome: string;
  scores: Record<string, number>;
  /** Where the log stops being valid, if it does. */
  failure: string | null;
}

export interface ForkComparison {
  title: string;
  seed: string;
  roles: { id: string; name: string }[];
  split: { at: number; turn: number; label: string; phase: string; text: string };
  seatChanges: { role: string; name: string; original: string; fork: string }[];
  /** Null while the fork has made exactly the original's decisions. */
  firstDifference: { index: number; turn: number; label: string; phase: string; original: string; fork: string } | null;
  original: SideSummary;
  fork: SideSummary;
  metrics: CompareMetric[];
  turns: CompareTurn[];
}

/** Compares a fork (left the original after `at` actions) with the original, turn by turn. */
export function compareFork(original: ForkGame, fork: ForkGame, at: number): ForkComparison {
  const a = computeDebrief(original);
  const b = computeDebrief(fork);
  const start = createGame(original.scenario, original.seed, original.seats);
  const atSplit = stateAfter(original, Math.min(at, original.actions.length));
  const metrics = metricsOf(start);
  const turns: CompareTurn[] = [];
  const last = Math.max(a.turns.length, b.turns.length);
  for (let t = 1; t <= last; t++) {
    const left = sideAt(a, t, start);
    const right = sideAt(b, t, start);
    const label = (a.turns[t - 1] ?? b.turns[t - 1])!.label;
    turns.push({ turn: t, label, original: left, fork: right, differs: metrics.filter((m) => valueOf(left, m) !== valueOf(right, m)).map((m) => m.key) });
  }
  const where = `${turnLabel(atSplit)} (turn ${atSplit.turn}), ${phaseName(atSplit.phase).toLowerCase()} phase`;
  return {
    title: original.scenario.title,
    seed: original.seed,
    roles: original.scenario.roles.map((r) => ({ id: r.id, name: r.name })),
    split: {
      at, turn: atSplit.turn, label: turnLabel(atSplit), phase: phaseName(atSplit.phase),
      text: at === 0 ? `At the very beginning, before the first action: ${where}.` : `After action ${at} of ${original.actions.length}: ${where}.`,
    },
    seatChanges: seatChanges(start, original.seats, fork.seats),
    firstDifference: firstDifference(original, fork),
    original: summary(a, start),
    fork: summary(b, start),
    metrics,
    turns,
  };
}

/** Scores per role, tension per theatre, then every other track, in the scenario's order. */
function metricsOf(s: GameState): CompareMetric[] {
  const scores = s.scenario.roles.map((r) => ({ key: `score:${r.id}`, group: 'score' as const, name: r.name }));
  const keys = Object.keys(s.tracks);
  const tension = keys.filter((k) => k.startsWith('tension:')).map((k) => ({ key: k, group: 'tension' as const, name: s.scenario.theatres.find((t) => `tension:${t.id}` === k)?.name ?? trackName(s, k) }));
  const other = keys.filter((k) => !k.startsWith('tension:')).map((k) => ({ key: k, group: 'track' as const, name: cap(trackName(s, k)) }));
  return [...scores, ...tension, ...other];
}

/** The value of a metric in one game at one turn's end (undefined when that game has no such turn). */
export function valueOf(side: TurnSide | null, m: CompareMetric): number | undefined {
  if (!side) return undefined;
  return m.group === 'score' ? side.scores[m.key.slice('score:'.length)] : side.tracks[m.key];
}

function sideAt(d: Debrief, turn: number, s: GameState): TurnSide | null {
  const row = d.turns[turn - 1];
  if (!row) return null;
  const scores = row.record.scores;
  const ended = d.outcome && turn === d.turns.length ? `Ended: ${d.outcome.text}` : null;
  return { scores, tracks: row.record.tracks, outcome: ended ?? leader(s, scores) };
}

function leader(s: GameState, scores: Record<string, number>): string {
  const roles = s.scenario.roles.filter((r) => scores[r.id] !== undefined);
  const best = Math.max(...roles.map((r) => scores[r.id]!));
  const top = roles.filter((r) => scores[r.id] === best);
  if (top.length === 0) return 'Goes on';
  if (top.length === roles.length) return `Goes on, all level at ${fmt(best)}`;
  return `Goes on, ${top.map((r) => r.name).join(' and ')} ${top.length > 1 ? 'lead' : 'leads'} with ${fmt(best)}`;
}

function summary(d: Debrief, s: GameState): SideSummary {
  const scores = Object.fromEntries(Object.entries(d.scores).map(([role, x]) => [role, x.total]));
  return {
    actions: d.actionCount,
    turns: d.turns.length,
    finished: d.finished,
    outcome: d.outcome ? d.outcome.text : `Not finished: ${d.turns.length} of ${s.scenario.turns} turns played, ${d.actionCount} actions.`,
    scores,
    failure: d.failure ? `The log stops being valid at action ${d.failure.index + 1} (turn ${d.failure.turn}): ${d.failure.message}` : null,
  };
}

function firstDifference(original: ForkGame, fork: ForkGame): ForkComparison['firstDifference'] {
  const n = Math.max(original.actions.length, fork.actions.length);
  let i = 0;
  while (i < n && i < original.actions.length && i < fork.actions.length && canonicalJson(original.actions[i]) === canonicalJson(fork.actions[i])) i++;
  if (i === original.actions.length && i === fork.actions.length) return null;
  const left = step(original, i);
  const right = step(fork, i);
  const s = left.before;
  const nothing = (g: ForkGame, st: GameState, who: string) =>
    st.outcome ? `${who} had ended (after ${g.actions.length} actions).` : `${who} has no action ${i + 1} yet: it stops after ${g.actions.length} actions.`;
  return {
    index: i, turn: s.turn, label: turnLabel(s), phase: phaseName(s.phase),
    original: left.text ?? nothing(original, left.before, 'The original'),
    fork: right.text ?? nothing(fork, right.before, 'This game'),
  };
}

/** The state before action `i` and that action in words ("Poland: …"), or null text when there is none. */
function step(g: ForkGame, i: number): { before: GameState; text: string | null } {
  const before = stateAfter(g, i);
  const action = g.actions[i];
  if (!action || before.actionCount < i) return { before, text: null };
  const result = applyAction(before, action);
  const who = roleName(before, action.role);
  if (!result.ok) return { before, text: `${who}: an action the rules refuse (${result.rejection.message})` };
  return { before, text: `${who}: ${describeAction(before, action, result.state)}` };
}

/** The state after the first `n` actions (or as far as the rules accept them). */
function stateAfter(g: ForkGame, n: number): GameState {
  let state = createGame(g.scenario, g.seed, g.seats);
  for (const action of g.actions.slice(0, n)) {
    const result = applyAction(state, action);
    if (!result.ok) break;
    state = result.state;
  }
  return state;
}

function seatChanges(s: GameState, before: Seats, after: Seats): ForkComparison['seatChanges'] {
  const ids = [...s.scenario.roles.map((r) => r.id), 'facilitator'];
  return ids
    .filter((id) => canonicalJson(before[id] ?? null) !== canonicalJson(after[id] ?? null))
    .map((id) => ({ role: id, name: roleName(s, id), original: seatWords(before[id]), fork: seatWords(after[id]) }));
}

export function seatWords(seat: Seat | undefined): string {
  if (!seat) return 'nobody';
  if (seat.kind === 'bot') return `${seat.level} bot`;
  return seat.kind === 'human' ? 'a person' : seat.kind === 'facilitator' ? 'the facilitator' : 'scripted';
}

export { fmt };
