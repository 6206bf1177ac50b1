import {
  AGREEMENT_NAMES, applyAction, logEntries, logSize, canonicalJson, computeScores, coverage, createGame, gaps, legalActions, trackName, turnLabel,
  type Action, type AgreementType, type GameState,
} from '../core';
import type { AllianceSpan, Debrief, DebriefInput, DebriefTurn, Decision, TheatreCoverage } from './types';
import { findTurningPoints } from './turningPoints';
import { displayLabel, typeWords } from './words';

// Re-runs the rules over the action log and collects, turn by turn, what the debrief shows.
// Pure: no DOM, no clock; the same input always gives the same debrief.

export function computeDebrief(input: DebriefInput): Debrief {
  const { scenario, seed, seats, actions } = input;
  const initial = createGame(scenario, seed, seats);
  let state = initial;
  const turns: DebriefTurn[] = [];
  const decisions: Decision[] = [];
  const events: Debrief['events'] = [];
  let failure: Debrief['failure'] = null;
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i]!;
    const before = state;
    const result = applyAction(before, action);
    if (!result.ok) {
      failure = { index: i, turn: before.turn, message: result.rejection.message };
      break;
    }
    state = result.state;
    if (action.type !== 'endPhase')
      decisions.push({ index: i, turn: before.turn, phase: before.phase, role: action.role, text: describeAction(before, action, state) });
    const fresh = logEntries(state.log, logSize(before.log));
    for (const e of result.events)
      if (e.kind === 'card') events.push({ turn: fresh.find((l) => l.text === e.text)?.turn ?? before.turn, text: e.text, byFacilitator: action.type === 'injectCard' });
    for (let t = before.history.length; t < state.history.length; t++) {
      const record = state.history[t]!;
      turns.push({ record, label: turnLabel(state, record.turn), coverage: coverageByTheatre(state) });
    }
  }
  const scores = state.outcome?.scores ?? computeScores(state);
  return {
    scenario: {
      id: scenario.id, title: scenario.title, turns: scenario.turns,
      discussionQuestions: [...scenario.discussionQuestions], teachingGoals: [...scenario.teachingGoals],
    },
    roles: scenario.roles.map((r) => ({ id: r.id, name: r.name, colour: r.colour, pattern: r.pattern, side: r.side })),
    theatres: scenario.theatres.map((t) => ({ id: t.id, name: t.name })),
    items: scenario.items.map((x) => ({ id: x.id, name: x.name })),
    seed,
    seats,
    actionCount: failure ? failure.index : actions.length,
    failure,
    finished: state.outcome !== null,
    outcome: state.outcome ? { reason: state.outcome.reason, text: state.outcome.text, winners: [...state.outcome.winners] } : null,
    turns,
    decisions,
    alliances: allianceSpans(turns),
    turningPoints: findTurningPoints(initial, turns, decisions, events),
    costExchange: turns.map((t) => ({
      turn: t.record.turn, fired: t.record.interceptorsFired, interceptorCost: t.record.interceptorCost,
      threatCost: t.record.threatCost, ratio: t.record.costExchange,
    })),
    scores,
    events,
  };
}

function coverageByTheatre(s: GameState): Record<string, TheatreCoverage> {
  const cov = coverage(s);
  const open = new Set(gaps(s));
  const out: Record<string, TheatreCoverage> = {};
  for (const t of s.scenario.theatres) {
    const c: TheatreCoverage = { full: 0, half: 0, none: 0, gaps: 0, regions: 0 };
    for (const r of s.scenario.regions) {
      if (r.theatre !== t.id) continue;
      const here = cov[r.id];
      c.regions += 1;
      if (here && here.full.length > 0) c.full += 1;
      else if (here && here.half.length > 0) c.half += 1;
      else c.none += 1;
      if (open.has(r.id)) c.gaps += 1;
    }
    out[t.id] = c;
  }
  return out;
}

/** The action in the game's own words: the label the legal-action list gave it (a region's theatre added where
 * its name is not unique), else its log line. */
export function describeAction(s: GameState, a: Action, after: GameState): string {
  switch (a.type) {
    case 'injectCard':
      if (a.custom) return `Injects a card written on the spot: “${a.custom.title}”`;
      break;
    case 'adjustTrack': {
      const from = s.tracks[a.track] ?? 0;
      return `${a.by > 0 ? 'Raises' : 'Lowers'} ${trackName(s, a.track)} from ${from} to ${from + a.by}`;
    }
    case 'endGame':
      return a.reason.trim() ? `Ends the game: ${a.reason.trim()}` : 'Ends the game';
    default:
      break;
  }
  const key = canonicalJson(a);
  const legal = legalActions(s, a.role);
  const exact = legal.find((l) => canonicalJson(l.action) === key);
  if (exact) return displayLabel(s, exact);
  for (const l of legal) {
    if (!l.amount) continue;
    const value = (a as unknown as Record<string, unknown>)[l.amount.field];
    if (canonicalJson({ ...l.action, [l.amount.field]: value }) === key) return `${displayLabel(s, l)} (${String(value)})`;
  }
  const line = logEntries(after.log, logSize(s.log)).find((e) => e.role === a.role);
  return line?.text ?? typeWords(a.type);
}

function allianceSpans(turns: readonly DebriefTurn[]): AllianceSpan[] {
  const spans: AllianceSpan[] = [];
  const open = new Map<string, AllianceSpan>();
  for (const t of turns) {
    const seen = new Set<string>();
    for (const a of t.record.agreements) {
      const parties = [...a.parties].sort();
      const key = `${a.type}|${parties.join('+')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const span = open.get(key);
      if (span && span.to === t.record.turn - 1) span.to = t.record.turn;
      else {
        const fresh: AllianceSpan = { type: a.type, name: AGREEMENT_NAMES[a.type as AgreementType] ?? a.type, parties, from: t.record.turn, to: t.record.turn };
        spans.push(fresh);
        open.set(key, fresh);
      }
    }
  }
  return spans;
}
