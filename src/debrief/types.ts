import type { Action, Outcome, Pattern, Seats, TurnRecord } from '../core';

// What the debrief shows, computed from the log alone (scenario, seed, seats, actions), so a finished
// game and an imported replay give the very same debrief.

export interface DebriefInput {
  scenario: import('../core').Scenario;
  seed: string;
  seats: Seats;
  actions: readonly Action[];
}

/** Region cover in one theatre as a turn closed: how many regions had full, half or no cover, and gaps. */
export interface TheatreCoverage { full: number; half: number; none: number; gaps: number; regions: number }

export interface DebriefTurn {
  record: TurnRecord;
  label: string;
  coverage: Record<string, TheatreCoverage>;
}

/** One decision in the timeline: who did what, when, in the game's own words. */
export interface Decision {
  index: number;
  turn: number;
  phase: string;
  role: string;
  text: string;
}

/** An agreement in force from turn `from` to turn `to` (inclusive; as recorded at each turn's end). */
export interface AllianceSpan { type: string; name: string; parties: string[]; from: number; to: number }

export interface TurningPoint {
  turn: number;
  label: string;
  /** Sum over roles of the score change and over theatres of the tension change (absolute values). */
  scoreSwing: number;
  tensionSwing: number;
  changes: string[];
  decisions: Decision[];
  events: string[];
}

export interface CostExchangeRow { turn: number; fired: number; interceptorCost: number; threatCost: number; ratio: number }

export interface DebriefRole { id: string; name: string; colour: string; pattern: Pattern; side: string }

export interface Debrief {
  scenario: { id: string; title: string; turns: number; discussionQuestions: string[]; teachingGoals: string[] };
  roles: DebriefRole[];
  theatres: { id: string; name: string }[];
  items: { id: string; name: string }[];
  seed: string;
  seats: Seats;
  actionCount: number;
  /** Null when every action replayed; otherwise where the log stopped being valid. */
  failure: { index: number; turn: number; message: string } | null;
  finished: boolean;
  outcome: { reason: Outcome['reason']; text: string; winners: string[] } | null;
  turns: DebriefTurn[];
  decisions: Decision[];
  alliances: AllianceSpan[];
  turningPoints: TurningPoint[];
  costExchange: CostExchangeRow[];
  scores: Outcome['scores'];
  events: { turn: number; text: string; byFacilitator: boolean }[];
}
