import { readFileSync } from 'node:fs';
import {
  AGREEMENT_NAMES, ROLE_TRACKS, computeScores, phaseName, roleName, setCoreAutoFreeze, trackName, turnLabel, type GameState,
} from '../core';
import {
  GAME_VERSION, parseReplayText, problemLines, verifyReplay, type ReplayFile, type ReplayProblem, type Verification,
} from '../app/replayFile';
import { compareReplays } from './replayCompare';
import { loadScenario, scenarioIds } from './scenarioFiles';

// npm run replay -- FILE [--json] [--to-turn N | --compare OTHER]
// Re-runs a replay file (docs/replay-format.md). Exit 0: verified, with the outcome and the final hash.
// Exit 1: diverged, with the turn, the action and both hashes. Exit 2: the file cannot be used
// (unreadable, not JSON, another format version, unknown or changed scenario, bad fields, an action
// the rules refuse) or the arguments are wrong. Never a stack trace. With --compare OTHER: exit 0 when the
// two files hold the same game, 1 when they differ (where they split, and turn by turn), 2 as above.

export const REPLAY_USAGE = 'Usage: npm run replay -- FILE [--json] [--to-turn N | --compare OTHER_FILE]';

export interface ReplayIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
}

export const nodeIo: ReplayIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (path) => readFileSync(path, 'utf8'),
};

export interface ReplayArgs { file: string; json: boolean; toTurn: number | null; help: boolean; compare: string | null }

export function parseReplayArgs(argv: readonly string[]): { ok: true; value: ReplayArgs } | { ok: false; message: string } {
  const files: string[] = [];
  let json = false;
  let help = false;
  let toTurn: number | null = null;
  let compare: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i]!.startsWith('--') ? argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined] : [argv[i]!, undefined];
    if (name === '--json') json = true;
    else if (name === '--help' || name === '-h') help = true;
    else if (name === '--to-turn') {
      const text = inline ?? argv[++i];
      if (text === undefined) return { ok: false, message: '--to-turn needs a value.' };
      if (!/^\d+$/.test(text) || Number(text) < 1) return { ok: false, message: `--to-turn must be a whole number from 1, got "${text}".` };
      toTurn = Number(text);
    } else if (name === '--compare') {
      const text = inline ?? argv[++i];
      if (text === undefined || text === '') return { ok: false, message: '--compare needs the other replay file.' };
      compare = text;
    } else if (name.startsWith('-')) return { ok: false, message: `Unknown option ${name}. ${REPLAY_USAGE}` };
    else files.push(name);
  }
  if (help) return { ok: true, value: { file: '', json, toTurn, help, compare } };
  if (compare !== null && toTurn !== null) return { ok: false, message: '--to-turn and --compare do not go together: compare whole replays, or check one up to a turn.' };
  if (files.length !== 1) return { ok: false, message: files.length === 0 ? REPLAY_USAGE : `Give one replay file, got ${files.length}: ${files.join(', ')}.` };
  return { ok: true, value: { file: files[0]!, json, toTurn, help, compare } };
}

/** The game's own scenarios (scenarios/), for a replay file that does not embed its scenario. */
function findScenario(id: string) {
  if (!scenarioIds().includes(id)) return undefined;
  const loaded = loadScenario(id);
  return loaded.ok ? loaded.value.scenario : undefined;
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : code ?? 'unknown error';
}

/** The state at the point verified: whose turn it is, each role's budget, tracks and score, agreements. */
export function stateSummary(s: GameState, turn: number): { lines: string[]; json: Record<string, unknown> } {
  const roles = s.scenario.roles.map((r) => r.id);
  const scores = computeScores(s);
  const now = s.outcome ? `Game over: ${s.outcome.text}` : `Now: turn ${s.turn} (${turnLabel(s)}), ${phaseName(s.phase).toLowerCase()} phase.`;
  const pairs = Object.keys(s.tracks).filter((k) => k.startsWith('trust:')).map((k) => k.slice('trust:'.length));
  const shown = new Set([...pairs.flatMap((p) => [`trust:${p}`, `interop:${p}`]), ...s.scenario.theatres.map((t) => `tension:${t.id}`),
    ...roles.flatMap((r) => ROLE_TRACKS.map((t) => `${t}:${r}`))]);
  const others = Object.keys(s.tracks).filter((k) => !shown.has(k));
  const kinds = new Map<string, number>();
  for (const a of s.agreements) kinds.set(AGREEMENT_NAMES[a.type], (kinds.get(AGREEMENT_NAMES[a.type]) ?? 0) + 1);
  const lines = [
    `State after turn ${turn} (${turnLabel(s, turn)}):`,
    `  ${now}`,
    ...roles.map((r) => `  ${roleName(s, r)}: budget ${s.budgets[r] ?? 0}; ${ROLE_TRACKS.map((t) => `${t} ${s.tracks[`${t}:${r}`]}`).join(', ')}; score ${scores[r]?.total ?? 0}.`),
    `  Tension: ${s.scenario.theatres.map((t) => `${t.name} ${s.tracks[`tension:${t.id}`]}`).join(', ')}.`,
    `  Trust/interoperability: ${pairs.map((p) => `${p.split('+').map((r) => roleName(s, r)).join('–')} ${s.tracks[`trust:${p}`]}/${s.tracks[`interop:${p}`]}`).join(', ')}.`,
    ...(others.length > 0 ? [`  Other tracks: ${others.map((k) => `${trackName(s, k)} ${s.tracks[k]}`).join('; ')}.`] : []),
    `  Agreements in force: ${s.agreements.length}${kinds.size > 0 ? ` (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}.`,
  ];
  const json = {
    turn, label: turnLabel(s, turn), now: { turn: s.turn, phase: s.phase }, budgets: s.budgets, tracks: s.tracks,
    agreements: s.agreements.map((a) => ({ type: a.type, parties: a.parties })),
    scores: Object.fromEntries(roles.map((r) => [r, scores[r]?.total ?? 0])),
  };
  return { lines, json };
}

type Report = { code: 0 | 1 | 2; json: Record<string, unknown>; out: string[]; err: string[] };

const unusable = (file: string, kind: string, lines: string[], extra: Record<string, unknown> = {}): Report => ({
  code: 2, out: [], err: lines.map((l) => `${file}: ${l}`), json: { status: 'unusable', file, kind, problems: lines, ...extra },
});

function fromProblem(file: string, p: ReplayProblem): Report {
  if (p.kind === 'json') return { ...unusable(file, p.kind, problemLines(p), { line: p.line, column: p.column }), err: [`${file}:${p.line}:${p.column}: not valid JSON: ${p.errors[0]?.message ?? ''}`] };
  const known = p.kind === 'unknownScenario' ? ` (known: ${scenarioIds().join(', ') || 'none'})` : '';
  return unusable(file, p.kind, problemLines(p).map((l, i) => (i === 0 ? l + known : l)), { errors: p.errors });
}

function fromVerification(file: string, replay: ReplayFile, v: Verification, toTurn: number | null): Report {
  if (v.status === 'unusable')
    return unusable(file, 'rejected', [`cannot be replayed: ${v.reason}`], { turn: v.turn, action: v.action, rejection: { code: v.rejection.code, message: v.rejection.message } });
  if (v.status === 'diverged') {
    const out = [`${file}: diverged at turn ${v.turn}, action ${v.action + 1} (actions[${v.action}]): ${v.reason}.`,
      `  expected state hash: ${v.expected ?? '(none recorded)'}`, `  actual state hash:   ${v.actual ?? '(none: the log ends first)'}`];
    return { code: 1, out, err: [], json: { status: 'diverged', file, turn: v.turn, action: v.action, expected: v.expected, actual: v.actual, reason: v.reason } };
  }
  const sc = replay.scenario;
  const head = `${sc.title} (${sc.id}), seed ${replay.seed}`;
  const out = v.complete
    ? [`${file}: verified. ${head}: ${v.turns} turn${v.turns === 1 ? '' : 's'} and ${v.actions} actions re-run, every turn's state hash as recorded.`]
    : [`${file}: verified up to turn ${v.turns} of ${replay.turnHashes.length}. ${head}: ${v.actions} of ${replay.actions.length} actions re-run.`];
  if (replay.gameVersion !== GAME_VERSION) out.push(`Recorded with game version ${replay.gameVersion}; this is ${GAME_VERSION}.`);
  const summary = toTurn === null ? null : stateSummary(v.state, v.turns);
  if (summary) out.push(...summary.lines);
  else out.push(`Outcome: ${v.outcome ? v.outcome.text : `none: the game stopped unfinished in turn ${v.state.turn}.`}`);
  out.push(`${v.complete ? 'Final state' : `State after turn ${v.turns}`} hash: ${v.finalHash}.`);
  const outcome = v.outcome && { reason: v.outcome.reason, text: v.outcome.text, winners: v.outcome.winners, scores: Object.fromEntries(Object.entries(v.outcome.scores).map(([r, x]) => [r, x.total])) };
  return {
    code: 0, out, err: [],
    json: {
      status: 'verified', file, complete: v.complete, scenario: { id: sc.id, title: sc.title, hash: replay.scenarioHash }, seed: replay.seed,
      gameVersion: replay.gameVersion, turns: v.turns, actions: v.actions, outcome, finalHash: v.finalHash, turnHashes: v.turnHashes,
      ...(summary ? { state: summary.json } : {}),
    },
  };
}

function read(file: string, io: ReplayIo): { ok: true; replay: ReplayFile } | { ok: false; report: Report } {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    return { ok: false, report: unusable(file, 'unreadable', [`cannot be read (${readError(e)})`]) };
  }
  const parsed = parseReplayText(text, { findScenario });
  return parsed.ok ? parsed : { ok: false, report: fromProblem(file, parsed) };
}

function check(args: ReplayArgs, io: ReplayIo): Report {
  const parsed = read(args.file, io);
  if (!parsed.ok) return parsed.report;
  if (args.compare !== null) {
    const other = read(args.compare, io);
    if (!other.ok) return other.report;
    setCoreAutoFreeze(false);
    return compareReplays(args.file, parsed.replay, args.compare, other.replay);
  }
  const recorded = parsed.replay.turnHashes.length;
  if (args.toTurn !== null && args.toTurn > recorded)
    return unusable(args.file, 'arguments', [`--to-turn ${args.toTurn}: this replay records ${recorded} turn${recorded === 1 ? '' : 's'}`]);
  setCoreAutoFreeze(false);
  const v = verifyReplay(parsed.replay, args.toTurn === null ? {} : { toTurn: args.toTurn });
  return fromVerification(args.file, parsed.replay, v, args.toTurn);
}

export function runReplay(argv: readonly string[], io: ReplayIo = nodeIo): number {
  const wantsJson = argv.includes('--json');
  const args = parseReplayArgs(argv);
  let report: Report;
  if (!args.ok) report = { code: 2, out: [], err: [args.message], json: { status: 'unusable', kind: 'arguments', problems: [args.message] } };
  else if (args.value.help) report = { code: 0, out: [REPLAY_USAGE], err: [], json: { usage: REPLAY_USAGE } };
  else {
    try {
      report = check(args.value, io);
    } catch (e) {
      const message = `replay failed unexpectedly: ${(e as Error).message}`;
      report = { code: 2, out: [], err: [message], json: { status: 'unusable', kind: 'internal', problems: [message] } };
    }
  }
  if (wantsJson) io.out(`${JSON.stringify(report.json, null, 2)}\n`);
  else {
    if (report.out.length > 0) io.out(`${report.out.join('\n')}\n`);
    if (report.err.length > 0) io.err(`${report.err.join('\n')}\n`);
  }
  return report.code;
}

const isMain = process.argv[1] !== undefined && /cli[\\/]replay\.[tj]s$/.test(process.argv[1]);
if (isMain) process.exitCode = runReplay(process.argv.slice(2));
