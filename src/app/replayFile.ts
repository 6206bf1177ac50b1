import * as z from 'zod';
import {
  ACTION_TYPES, BOT_LEVELS, applyAction, createGame, hashValue, parseScenario, replay,
  type Action, type Scenario, type ScenarioError, type Seats,
} from '../core';

// The replay file (docs/replay-format.md): everything needed to re-run a game exactly and to check
// that it came out the same. Untrusted on load: validated here, with errors that name the JSON path.
// No DOM and no Node: the browser and the command line share it.

export const REPLAY_FORMAT_VERSION = 1;
/** The game's version (package.json); a test keeps the two equal. */
export const GAME_VERSION = '0.1.0';

const hash = z.string().regex(/^[0-9a-f]{16}$/, 'expected a state hash of 16 hexadecimal digits');
const seatSchema = z.union([
  z.strictObject({ kind: z.literal('bot'), level: z.enum(BOT_LEVELS) }),
  z.strictObject({ kind: z.enum(['human', 'facilitator', 'scripted']) }),
]);
/** Each action is checked field by field by the rules when it is replayed; here only its frame. */
const actionSchema = z.looseObject({ type: z.enum(ACTION_TYPES), role: z.string().min(1).max(40) });
const lookaheadSchema = z.strictObject({
  candidates: z.number().int().min(1).max(64), samples: z.number().int().min(1).max(256),
  turns: z.number().int().min(1).max(40), maxActions: z.number().int().min(1).max(100_000),
}).partial();

export const replayFileSchema = z.strictObject({
  formatVersion: z.literal(REPLAY_FORMAT_VERSION),
  gameVersion: z.string().min(1).max(40),
  scenarioId: z.string().min(1).max(40),
  scenarioHash: hash,
  scenario: z.unknown(),
  seed: z.string().min(1).max(200),
  seats: z.record(z.string().min(1).max(40), seatSchema),
  bots: z.strictObject({ lookahead: lookaheadSchema.optional() }).default({}),
  actions: z.array(actionSchema).max(500_000),
  turnHashes: z.array(hash).max(40),
  finalHash: hash,
});

export type ReplayFile = Omit<z.infer<typeof replayFileSchema>, 'scenario' | 'actions' | 'seats'> & {
  scenario: Scenario;
  seats: Seats;
  actions: Action[];
};

export type ReplayFileResult = { ok: true; replay: ReplayFile } | { ok: false; errors: ScenarioError[] };

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

/** JSON text with one action per line: diffable, and still small. */
export function formatReplayFile(file: ReplayFile): string {
  const { actions, ...head } = file;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const list = actions.length === 0 ? '[]' : `[\n${actions.map((a) => `    ${JSON.stringify(a)}`).join(',\n')}\n  ]`;
  return `{\n${[...lines, `  "actions": ${list}`].join(',\n')}\n}\n`;
}

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((x) => JSON.stringify(x)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/** Untrusted JSON (already parsed from text) → a replay file, or the problems with their JSON paths. */
export function parseReplayFile(json: unknown): ReplayFileResult {
  const parsed = replayFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: issueText(i) })) };
  const file = parsed.data;
  const scenario = parseScenario(file.scenario);
  if (!scenario.ok) return { ok: false, errors: scenario.errors.map((e) => ({ path: e.path ? `scenario.${e.path}` : 'scenario', message: e.message })) };
  const errors: ScenarioError[] = [];
  if (scenario.scenario.id !== file.scenarioId)
    errors.push({ path: 'scenarioId', message: `names "${file.scenarioId}" but the embedded scenario is "${scenario.scenario.id}"` });
  if (hashValue(scenario.scenario) !== file.scenarioHash)
    errors.push({ path: 'scenarioHash', message: 'does not match the embedded scenario: the scenario was changed after the game was played' });
  for (const role of Object.keys(file.seats))
    if (role !== 'facilitator' && !scenario.scenario.roles.some((r) => r.id === role))
      errors.push({ path: `seats.${role}`, message: `there is no role "${role}" in the scenario` });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, replay: { ...file, scenario: scenario.scenario, seats: file.seats as Seats, actions: file.actions as unknown as Action[] } };
}

export type Verification =
  | { verified: true; finalHash: string }
  | { verified: false; turn: number; action: number; reason: string };

/** Re-runs the rules over the file's action log and compares every turn's hash with the recorded one. */
export function verifyReplay(file: ReplayFile): Verification {
  const result = replay(file.scenario, file.seed, file.seats, file.actions);
  if (result.failure)
    return { verified: false, turn: result.failure.turn, action: result.failure.index, reason: `the action was refused: ${result.failure.rejection.message}` };
  const turns = Math.max(result.turnHashes.length, file.turnHashes.length);
  for (let t = 0; t < turns; t++) {
    if (result.turnHashes[t] === file.turnHashes[t]) continue;
    return { verified: false, turn: t + 1, action: firstActionOfTurn(file, t + 1), reason: 'the state after this turn differs from the recorded one' };
  }
  if (result.finalHash !== file.finalHash)
    return { verified: false, turn: result.state.turn, action: file.actions.length - 1, reason: 'the final state differs from the recorded one' };
  return { verified: true, finalHash: result.finalHash };
}

/** Index of the first action taken in `turn`, found by one more pass over the log. */
function firstActionOfTurn(file: ReplayFile, turn: number): number {
  let state = createGame(file.scenario, file.seed, file.seats);
  for (let n = 0; n < file.actions.length; n++) {
    if (state.turn >= turn) return n;
    const result = applyAction(state, file.actions[n]!);
    if (!result.ok) return n;
    state = result.state;
  }
  return Math.max(0, file.actions.length - 1);
}
