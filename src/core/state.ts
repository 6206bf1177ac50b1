import type { Immutable } from 'immer';
import type { Scenario } from './scenario/schema';
import type { RoleView } from './view';
import type {
  AgreementType, BatteryStatus, BotLevel, Doctrine, LaneMode, Phase, SeatKind, Stream, ThreatKind,
} from './vocabulary';

// The game state: plain serialisable data with id references (no classes, Maps or functions),
// so it can be hashed, saved, sent in a link and replayed.

export type Seat = { kind: Exclude<SeatKind, 'bot'> } | { kind: 'bot'; level: BotLevel };
export type Seats = Record<string, Seat>;

/** seedrandom's alea state: four numbers, restored exactly. */
export interface RngState { c: number; s0: number; s1: number; s2: number }

export interface Battery {
  id: string;
  name: string;
  type: string;
  owner: string;
  /** Where it stands, or for a battery on the move where it left from. */
  region: string;
  /** The region it was stationed at when the game began (or was built): its absence opens a gap. */
  home: string;
  halfCover: string | null;
  status: BatteryStatus;
  destination: string | null;
  mode: LaneMode | null;
  /** Air moves: loads still to fly. Sea moves and setup: turns still to go. */
  loadsLeft: number;
  turnsLeft: number;
  rounds: number;
  capacity: number;
  /** Turns spent away from a home region owned by another role (for the credibility cost). */
  awayTurns: number;
}

export interface Line {
  id: string;
  name: string;
  item: string;
  region: string;
  owners: { role: string; share: number }[];
  buildLeft: number;
  /** 0 while building; 1, 2, 3 after completion = 25 %, 50 %, 100 % of capacity. */
  ramp: number;
  capacity: number;
  surges: { amount: number; turnsLeft: number }[];
  upkeep: number;
  quality: number;
  requiredTech: { transfer: string; level: number } | null;
  fundedThisTurn: boolean;
  produced: number;
  lotsLost: number;
}

export interface TechTransfer {
  id: string;
  donor: string;
  recipient: string;
  level: number;
  /** The step under way, if any. */
  building: { level: number; turnsLeft: number } | null;
  /** Export-approval requests refused so far (for the log and debrief). */
  refusals: number;
}

export interface Agreement {
  id: string;
  type: AgreementType;
  parties: string[];
  since: number;
  /** Turns left, or null for open-ended. */
  turnsLeft: number | null;
  transfer: string | null;
  line: string | null;
}

export interface ProposalTerms {
  /** BP the proposer pays the addressees on acceptance (split evenly). */
  bp: number;
  duration: number | null;
  /** Technology transfer: who gives, who receives. */
  donor?: string;
  recipient?: string;
  /** Joint venture: the line template and the equity split. */
  template?: string;
  shares?: { role: string; share: number }[];
}

export interface Proposal {
  id: string;
  type: AgreementType;
  from: string;
  to: string[];
  accepted: string[];
  terms: ProposalTerms;
  /** 0 for an opening offer, +1 for each counter. */
  round: number;
}

export interface PipelineEntry { owner: string; item: string; theatre: string; amount: number; arrives: number; source: 'order' | 'resupply' }

export interface PlannedAttack { threat: string; target: string; count: number }

export interface TurnRecord {
  turn: number;
  tracks: Record<string, number>;
  budgets: Record<string, number>;
  stocks: Record<string, number>;
  leakers: Record<string, number>;
  intercepted: Record<string, number>;
  interceptorsFired: number;
  interceptorCost: number;
  threatCost: number;
  costExchange: number;
  protectedPct: Record<string, number>;
  agreements: { type: AgreementType; parties: string[] }[];
  scores: Record<string, number>;
  arms: Record<string, number>;
}

export interface Outcome {
  reason: 'victory' | 'sharedLoss' | 'lastTurn' | 'facilitator';
  winners: string[];
  winningSides: string[];
  text: string;
  causedBy: string | null;
  scores: Record<string, { total: number; breakdown: { label: string; points: number }[] }>;
}

export interface LogEntry { turn: number; phase: Phase; role: string | null; text: string }

export interface GameState {
  formatVersion: 1;
  scenario: Scenario;
  scenarioHash: string;
  seed: string;
  seats: Seats;
  turn: number;
  phase: Phase;
  /** Roles still to act in this phase, in order; the first is on step. */
  queue: string[];
  paused: boolean;
  rng: Record<Stream, RngState>;
  budgets: Record<string, number>;
  workforce: Record<string, number>;
  tracks: Record<string, number>;
  regions: Record<string, { damage: number; counterDrone: number }>;
  batteries: Battery[];
  /** Keyed `owner|item|theatre`. */
  stocks: Record<string, number>;
  pipeline: PipelineEntry[];
  lines: Line[];
  transfers: TechTransfer[];
  projects: { id: string; project: string; owner: string; turnsLeft: number }[];
  agreements: Agreement[];
  proposals: Proposal[];
  nextId: number;
  contracts: Record<string, { delivered: number; late: number; onTimeChecks: number; onTimeMet: number }>;
  deck: string[];
  discard: string[];
  eventsLeft: number;
  pendingChoice: { card: string; role: string } | null;
  /** Roles that may see the next card and the next wave (intelligence sharing). */
  intel: Record<string, { nextCard: boolean; nextWave: boolean; reports: string[] }>;
  plannedWaves: Record<string, PlannedAttack[]>;
  doctrines: Record<string, Record<ThreatKind, Doctrine>>;
  hotline: Record<string, boolean>;
  arms: { levels: Record<string, number>; change: Record<string, number>; k: number; l: number; a: number; b: number; g: number; h: number } | null;
  movesUsed: Record<string, number>;
  turnStats: { leakers: Record<string, number>; intercepted: Record<string, number>; fired: number; interceptorCost: number; threatCost: number; reassured: Record<string, number>; launched: Record<string, number> };
  stockout: Record<string, { run: number; longest: number }>;
  objectivesMet: Record<string, number>;
  tensionCause: Record<string, string | null>;
  history: TurnRecord[];
  /** The log in chunks, one per turn: read it with logEntries, logSize (log.ts). */
  log: LogEntry[][];
  actionCount: number;
  revealed: boolean;
  outcome: Outcome | null;
}

export type ReadonlyState = Immutable<GameState>;

export const stockKey = (owner: string, item: string, theatre: string): string => `${owner}|${item}|${theatre}`;

/**
 * A shallow copy of a state, field by field in createGame's order. `{ ...state }` does the same, but
 * in the rules it copies states of every scenario and shape at one place, where the engine's fast
 * object copy gives up (it cost a sixth of a typical action); this literal has one shape. A field added
 * to GameState must be added here (the type requires it; test/core/state-copy.test.ts checks the order).
 */
export function copyState(s: GameState): GameState {
  return {
    formatVersion: s.formatVersion, scenario: s.scenario, scenarioHash: s.scenarioHash, seed: s.seed, seats: s.seats, turn: s.turn,
    phase: s.phase, queue: s.queue, paused: s.paused, rng: s.rng, budgets: s.budgets, workforce: s.workforce, tracks: s.tracks,
    regions: s.regions, batteries: s.batteries, stocks: s.stocks, pipeline: s.pipeline, lines: s.lines, transfers: s.transfers,
    projects: s.projects, agreements: s.agreements, proposals: s.proposals, nextId: s.nextId, contracts: s.contracts, deck: s.deck,
    discard: s.discard, eventsLeft: s.eventsLeft, pendingChoice: s.pendingChoice, intel: s.intel, plannedWaves: s.plannedWaves,
    doctrines: s.doctrines, hotline: s.hotline, arms: s.arms, movesUsed: s.movesUsed, turnStats: s.turnStats, stockout: s.stockout,
    objectivesMet: s.objectivesMet, tensionCause: s.tensionCause, history: s.history, log: s.log, actionCount: s.actionCount,
    revealed: s.revealed, outcome: s.outcome,
  };
}

/**
 * The view as one object literal, field by field in the state's order (without rng, deck, plannedWaves and
 * intel), then the view's own: one shape, where a rest-and-spread copy of the state took the engine's slow
 * path (see copyState) and made bot decisions about a fifth slower. Next to copyState, which it follows (the game's JS compresses the two as one).
 */
export function viewObject(s: GameState, scenario: Scenario, viewer: string, nextCard: string | null, plannedWaves: GameState['plannedWaves'], intel: GameState['intel']): RoleView {
  return {
    formatVersion: s.formatVersion, scenario, scenarioHash: s.scenarioHash, seed: s.seed, seats: s.seats, turn: s.turn,
    phase: s.phase, queue: s.queue, paused: s.paused, budgets: s.budgets, workforce: s.workforce, tracks: s.tracks,
    regions: s.regions, batteries: s.batteries, stocks: s.stocks, pipeline: s.pipeline, lines: s.lines, transfers: s.transfers,
    projects: s.projects, agreements: s.agreements, proposals: s.proposals, nextId: s.nextId, contracts: s.contracts,
    discard: s.discard, eventsLeft: s.eventsLeft, pendingChoice: s.pendingChoice, doctrines: s.doctrines, hotline: s.hotline, arms: s.arms,
    movesUsed: s.movesUsed, turnStats: s.turnStats, stockout: s.stockout, objectivesMet: s.objectivesMet, tensionCause: s.tensionCause,
    history: s.history, log: s.log, actionCount: s.actionCount, revealed: s.revealed, outcome: s.outcome,
    viewer, deckSize: s.deck.length, nextCard, plannedWaves, intel,
  };
}
