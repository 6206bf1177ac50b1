import * as z from 'zod/mini';
import {
  applyAction, closedTurns, createGame, describeValue, formatPath, hashValue, issueToError, parseScenario, replay, stateHash,
  type Action, type GameState, type Outcome, type Rejection, type Scenario, type ScenarioError, type Seats,
} from '../core';
import { actionLogSchema, seatSchema } from './actionSchema';
import { isRecord, jsonProblem, parseJsonText, pathOrWhole } from './jsonText';

// The replay file (docs/replay-format.md): everything needed to re-run a game exactly and to check
// that it came out the same. Untrusted on load: validated here, with errors that name the JSON path.
// No DOM and no Node: the browser and the command line share it.

export const REPLAY_FORMAT_VERSION = 1;
/** The game's version (package.json); a test keeps the two equal. */
export const GAME_VERSION = '0.1.0';

const hash = z.string().check(z.regex(/^[0-9a-f]{16}$/, 'expected a state hash of 16 hexadecimal digits'));
const lookaheadSchema = z.strictObject({
  candidates: z.optional(z.number().check(z.int(), z.gte(1), z.lte(64))), samples: z.optional(z.number().check(z.int(), z.gte(1), z.lte(256))),
  turns: z.optional(z.number().check(z.int(), z.gte(1), z.lte(40))), maxActions: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100_000))),
});

export const replayFileSchema = z.strictObject({
  formatVersion: z.literal(REPLAY_FORMAT_VERSION),
  gameVersion: z.string().check(z.minLength(1), z.maxLength(40)),
  scenarioId: z.string().check(z.minLength(1), z.maxLength(40)),
  scenarioHash: hash,
  /** Always written; a file without it is read against the game's own scenario of that id. */
  scenario: z.optional(z.unknown()),
  seed: z.string().check(z.minLength(1), z.maxLength(200)),
  seats: z.record(z.string().check(z.minLength(1), z.maxLength(40)), seatSchema),
  bots: z._default(z.strictObject({ lookahead: z.optional(lookaheadSchema) }), {}),
  actions: actionLogSchema,
  turnHashes: z.array(hash).check(z.maxLength(40)),
  finalHash: hash,
});

export type ReplayFile = Omit<z.infer<typeof replayFileSchema>, 'scenario' | 'actions' | 'seats'> & {
  scenario: Scenario;
  seats: Seats;
  actions: Action[];
};

/**
 * Why a file cannot be used. `json`: not JSON (line and column); `formatVersion`: a version this game
 * does not read; `schema`: fields by path; `scenario`: the embedded scenario is not valid;
 * `scenarioMismatch`: id or hash do not match the scenario; `unknownScenario`: nothing embedded and
 * no scenario of that id here.
 */
export type ReplayProblemKind = 'json' | 'formatVersion' | 'schema' | 'scenario' | 'scenarioMismatch' | 'unknownScenario';
export type ReplayProblem = { ok: false; kind: ReplayProblemKind; errors: ScenarioError[]; line?: number; column?: number };
export type ReplayFileResult = { ok: true; replay: ReplayFile } | ReplayProblem;

export interface ReplayReadOptions {
  /** The game's own scenarios, for a file that does not embed its scenario. */
  findScenario?: (id: string) => Scenario | undefined;
}

export interface ReplayInput {
  scenario: Scenario;
  seed: string;
  seats: Seats;
  actions: readonly Action[];
  turnHashes: readonly string[];
  finalHash: string;
  bots?: ReplayFile['bots'];
}

export function buildReplayFile(input: ReplayInput): ReplayFile {
  return {
    formatVersion: REPLAY_FORMAT_VERSION,
    gameVersion: GAME_VERSION,
    scenarioId: input.scenario.id,
    scenarioHash: hashValue(input.scenario),
    scenario: input.scenario,
    seed: input.seed,
    seats: input.seats,
    bots: input.bots ?? {},
    actions: [...input.actions],
    turnHashes: [...input.turnHashes],
    finalHash: input.finalHash,
  };
}

/** A game's action log as a replay file: the log is re-run for the hash after every turn. */
export function replayFileFromLog(game: { scenario: Scenario; seed: string; seats: Seats; actions: readonly Action[] }): ReplayFile {
  const again = replay(game.scenario, game.seed, game.seats, game.actions);
  return buildReplayFile({ ...game, turnHashes: again.turnHashes, finalHash: again.finalHash });
}

/** JSON text with one action per line: diffable, and still small. */
export function formatReplayFile(file: ReplayFile): string {
  const { actions, ...head } = file;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const list = actions.length === 0 ? '[]' : `[\n${actions.map((a) => `    ${JSON.stringify(a)}`).join(',\n')}\n  ]`;
  return `{\n${[...lines, `  "actions": ${list}`].join(',\n')}\n}\n`;
}

const problem = (kind: ReplayProblemKind, errors: ScenarioError[]): ReplayProblem => ({ ok: false, kind, errors });

/** The text of a replay file (from disk, a download or a drop) → a replay file, or why it cannot be used. */
export function parseReplayText(text: string, options: ReplayReadOptions = {}): ReplayFileResult {
  const json = parseJsonText(text);
  if (json.ok) return parseReplayFile(json.value, options);
  return { ok: false, kind: 'json', line: json.line, column: json.column, errors: [jsonProblem(json)] };
}

/** Untrusted JSON (already parsed from text) → a replay file, or the problems with their JSON paths. */
export function parseReplayFile(json: unknown, options: ReplayReadOptions = {}): ReplayFileResult {
  if (!isRecord(json)) return problem('schema', [{ path: '', message: `expected a replay file (a JSON object), got ${describeValue(json)}` }]);
  if (json.formatVersion !== REPLAY_FORMAT_VERSION) return problem('formatVersion', [{ path: 'formatVersion', message: formatVersionMessage(json) }]);
  if ('roles' in json && !('actions' in json))
    return problem('schema', [{ path: '', message: 'this is a scenario file, not a replay file: open it as a scenario' }]);
  const parsed = replayFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return problem('schema', parsed.error.issues.map((issue) => replayIssue(issue, json)));
  const file = parsed.data;
  const found = scenarioOf(file, options);
  if (!found.ok) return found;
  const { scenario } = found;
  const errors: ScenarioError[] = [];
  if (scenario.id !== file.scenarioId)
    errors.push({ path: 'scenarioId', message: `names "${file.scenarioId}" but the embedded scenario is "${scenario.id}"` });
  if (hashValue(scenario) !== file.scenarioHash)
    errors.push({
      path: 'scenarioHash',
      message: file.scenario === undefined
        ? `does not match this game's scenario "${scenario.id}": the scenario has changed since the game was played`
        : 'does not match the embedded scenario: the scenario was changed after the game was played',
    });
  if (errors.length > 0) return problem('scenarioMismatch', errors);
  const seatErrors = Object.keys(file.seats)
    .filter((role) => role !== 'facilitator' && !scenario.roles.some((r) => r.id === role))
    .map((role) => ({ path: `seats.${role}`, message: `there is no role "${role}" in the scenario` }));
  if (seatErrors.length > 0) return problem('schema', seatErrors);
  return { ok: true, replay: { ...file, scenario, seats: file.seats as Seats, actions: file.actions } };
}

function formatVersionMessage(json: Record<string, unknown>): string {
  const found = json.formatVersion;
  if (found === undefined) return 'is missing: this is not a replay file';
  const newer = typeof found === 'number' && found > REPLAY_FORMAT_VERSION ? ': the file was written by a newer version of the game' : '';
  return `this game reads replay format version ${REPLAY_FORMAT_VERSION}, got ${describeValue(found)}${newer}`;
}

/** The scenario the file was played on: embedded (validated like any scenario file) or the game's own. */
function scenarioOf(file: z.infer<typeof replayFileSchema>, options: ReplayReadOptions): { ok: true; scenario: Scenario } | ReplayProblem {
  if (file.scenario === undefined) {
    const known = options.findScenario?.(file.scenarioId);
    if (known) return { ok: true, scenario: known };
    return problem('unknownScenario', [{ path: 'scenarioId', message: `unknown scenario "${file.scenarioId}": the file does not embed its scenario and this game has no scenario with that id` }]);
  }
  const parsed = parseScenario(file.scenario);
  if (parsed.ok) return { ok: true, scenario: parsed.scenario };
  return problem('scenario', parsed.errors.map((e) => ({ path: e.path ? `scenario.${e.path}` : 'scenario', message: e.message })));
}

/** The core's scenario messages, pointed at this format's documentation instead of the scenario's. */
function replayIssue(issue: z.core.$ZodIssue, json: unknown): ScenarioError {
  if (issue.code === 'invalid_union' && issue.discriminator !== undefined && 'options' in issue && issue.options) {
    const got = issue.path.reduce<unknown>((at, key) => (isRecord(at) || Array.isArray(at) ? (at as Record<PropertyKey, unknown>)[key] : undefined), json);
    return { path: formatPath(issue.path), message: `expected one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}, got ${describeValue(got)}` };
  }
  const error = issueToError(issue);
  return { path: error.path, message: error.message.replace('the scenario format', 'docs/replay-format.md').replace('docs/scenario-format.md', 'docs/replay-format.md') };
}

export interface VerifyOptions {
  /** Stop once this turn is over and verified; at or past the last recorded turn the whole file is verified. */
  toTurn?: number;
}

export type Verification =
  | {
      status: 'verified';
      /** False when `toTurn` stopped before the end of the log. */
      complete: boolean;
      turns: number; actions: number; outcome: Outcome | null;
      finalHash: string; turnHashes: string[]; state: GameState;
    }
  | { status: 'diverged'; turn: number; action: number; expected: string | null; actual: string | null; reason: string }
  | { status: 'unusable'; turn: number; action: number; rejection: Rejection; reason: string };

/**
 * Re-runs the rules over the file's action log and compares every turn's hash with the recorded one.
 * `action` is the index in `actions` of the first action of the turn that diverged (or of the refused action).
 */
export function verifyReplay(file: ReplayFile, options: VerifyOptions = {}): Verification {
  const recorded = file.turnHashes;
  const stopAt = options.toTurn !== undefined && options.toTurn < recorded.length ? Math.max(0, options.toTurn) : null;
  let state = createGame(file.scenario, file.seed, file.seats);
  const turnHashes: string[] = [];
  let turnStart = 0;
  let n = 0;
  for (; n < file.actions.length && (stopAt === null || turnHashes.length < stopAt); n++) {
    const action = file.actions[n]!;
    const before = state.turn;
    const result = applyAction(state, action);
    if (!result.ok) {
      const reason = `the rules refuse action ${n + 1} (actions[${n}], ${action.type} by ${action.role}) in turn ${before}: ${result.rejection.message}`;
      return { status: 'unusable', turn: before, action: n, rejection: result.rejection, reason };
    }
    state = result.state;
    // The same turn boundaries as the core's replay(): one action can close several turns.
    const closed = closedTurns(state, before, turnHashes[before - 1] !== undefined);
    if (closed) {
      const actual = stateHash(state);
      for (let t = closed.from; t <= closed.to; t++) {
        turnHashes[t - 1] = actual;
        const expected = recorded[t - 1] ?? null;
        if (expected !== actual) {
          const reason = expected === null ? `the file records no hash for turn ${t}, but the log completes it` : `the state after turn ${t} differs from the recorded one`;
          return { status: 'diverged', turn: t, action: t === before ? turnStart : n, expected, actual, reason };
        }
      }
      turnStart = n + 1;
    }
  }
  const finalHash = stateHash(state);
  const done = { status: 'verified', turns: turnHashes.length, actions: n, outcome: state.outcome, finalHash, turnHashes, state } as const;
  if (stopAt !== null && turnHashes.length >= stopAt) return { ...done, complete: false };
  if (turnHashes.length < recorded.length) {
    const t = turnHashes.length + 1;
    return { status: 'diverged', turn: t, action: turnStart, expected: recorded[t - 1]!, actual: null, reason: `the log ends before turn ${t} is over, but the file records its hash` };
  }
  if (finalHash !== file.finalHash)
    return { status: 'diverged', turn: state.turn, action: turnStart, expected: file.finalHash, actual: finalHash, reason: 'the final state differs from the recorded one' };
  return { ...done, complete: true };
}

/** One sentence for a person: verified, or where and how the replay went another way. */
export function verificationText(v: Verification): string {
  if (v.status === 'verified') {
    const scope = v.complete ? `all ${v.actions} actions` : `${v.actions} actions, up to turn ${v.turns}`;
    return `Verified: re-running ${scope} gives the recorded state after every turn (state hash ${v.finalHash}).`;
  }
  if (v.status === 'unusable') return `Cannot be replayed: ${v.reason}.`;
  return `Diverged at turn ${v.turn}, action ${v.action + 1} (actions[${v.action}]): ${v.reason}; expected state hash ${v.expected ?? '(none recorded)'}, got ${v.actual ?? '(none)'}.`;
}

/** The problems of a file that cannot be used, one line each: `path: message`. */
export function problemLines(result: ReplayProblem): string[] {
  if (result.kind === 'json') return result.errors.map((e) => `${e.path}: not valid JSON: ${e.message}`);
  return result.errors.map((e) => `${pathOrWhole(e.path)}: ${e.message}`);
}
