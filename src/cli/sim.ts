import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { createGame, roleName, setCoreAutoFreeze, stateHash, type Scenario, type Seats } from '../core';
import { playGame, type LookaheadOptions } from '../bots';
import { buildReplayFile, formatReplayFile } from '../app/replayFile';
import { parseSimArgs, SIM_USAGE, type SimOptions } from './simArgs';
import { applySeatSpecs, loadScenario, seatsText, simSeats } from './scenarioFiles';
import { TurnDigest } from './turnDigest';
import { gameResult, reportLines, summarise, type GameResult } from './balanceStats';

// npm run sim -- --scenario ID|FILE --seed N [--seats role=bot:standard,...] [--games K] [--out FILE] [--json]
// One game: a turn-by-turn account and the outcome. --games K: a balance report over seeds N..N+K−1.
// Bad arguments: one line on stderr and exit code 2; never a stack trace.

export interface SimIo {
  out(text: string): void;
  err(text: string): void;
  writeFile(path: string, text: string): void;
  /** Whether to draw a progress bar (a terminal on stderr). */
  progress: boolean;
}

export const nodeIo: SimIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  writeFile: (path, text) => writeFileSync(path, text),
  progress: process.stderr.isTTY === true,
};

function oneGame(o: SimOptions, scenario: Scenario, seats: Seats, io: SimIo): number {
  const seed = String(o.seed);
  const digest = new TurnDigest();
  digest.start(createGame(scenario, seed, seats));
  const game = playGame(scenario, seed, seats, { lookahead: o.lookahead, onStep: (step) => digest.record(step) });
  const s = game.state;
  const finalHash = stateHash(s);
  let written: string | null = null;
  if (o.out !== null) {
    const bots = Object.keys(o.lookahead).length > 0 ? { lookahead: o.lookahead } : {};
    io.writeFile(o.out, formatReplayFile(buildReplayFile({ scenario, seed, seats, actions: game.actions, turnHashes: game.turnHashes, finalHash, bots })));
    written = o.out;
  }
  if (o.json) {
    const turns = s.history.map((h) => ({ turn: h.turn, hash: game.turnHashes[h.turn - 1] ?? null, summary: digest.sentences(s, h.turn) }));
    const result = {
      scenario: { id: scenario.id, title: scenario.title, hash: s.scenarioHash },
      seed, seats,
      outcome: s.outcome && {
        reason: s.outcome.reason, text: s.outcome.text, winners: s.outcome.winners, winningSides: s.outcome.winningSides,
        causedBy: s.outcome.causedBy, scores: Object.fromEntries(Object.entries(s.outcome.scores).map(([r, x]) => [r, x.total])),
      },
      turnsPlayed: s.turn,
      actions: game.actions.length,
      rejections: game.rejections,
      turns,
      turnHashes: game.turnHashes,
      finalHash,
      replayFile: written,
    };
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const lines = [`${scenario.title} (${scenario.id}), seed ${seed}. Seats: ${seatsText(seats)}.`, ...digest.lines(s)];
  if (s.outcome) {
    lines.push(`Outcome: ${s.outcome.text}`);
    for (const [role, score] of Object.entries(s.outcome.scores))
      lines.push(`  ${roleName(s, role)}: ${score.total} (${score.breakdown.map((b) => `${b.label} ${b.points}`).join('; ') || 'nothing scored'})`);
  } else lines.push(`The game stopped unfinished after ${game.actions.length} actions.`);
  if (game.rejections.length > 0) lines.push(`Bot actions refused by the rules: ${game.rejections.length} (first: ${game.rejections[0]!.role} ${game.rejections[0]!.action.type}: ${game.rejections[0]!.message}).`);
  lines.push(`Final state hash: ${finalHash}.`);
  if (written) lines.push(`Replay written to ${written}.`);
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

function progressBar(done: number, total: number, started: number): string {
  const width = 30;
  const filled = Math.round((width * done) / total);
  const elapsed = (Date.now() - started) / 1000;
  const eta = done === 0 ? '?' : `${Math.round((elapsed / done) * (total - done))}s`;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} games, ${Math.round(elapsed)}s, ${eta} left `;
}

/** Plays seeds from..from+games−1 and summarises them (also used by the balance report). */
export function playMany(scenario: Scenario, seats: Seats, from: number, games: number, lookahead: Partial<LookaheadOptions>, onGame?: (done: number) => void) {
  const results: GameResult[] = [];
  const started = Date.now();
  for (let k = 0; k < games; k++) {
    const seed = from + k;
    results.push(gameResult(seed, playGame(scenario, String(seed), seats, { lookahead, turnHashes: false })));
    onGame?.(k + 1);
  }
  return summarise(scenario, seats, results, Date.now() - started);
}

function manyGames(o: SimOptions, scenario: Scenario, seats: Seats, io: SimIo): number {
  const started = Date.now();
  let shown = -1;
  const report = playMany(scenario, seats, o.seed, o.games, o.lookahead, (done) => {
    const step = Math.floor((100 * done) / o.games);
    if (step === shown) return;
    shown = step;
    if (io.progress) io.err(progressBar(done, o.games, started));
  });
  if (io.progress) io.err('\n');
  io.out(o.json ? `${JSON.stringify(report, null, 2)}\n` : `${reportLines(report).join('\n')}\n`);
  return 0;
}

export function runSim(argv: readonly string[], io: SimIo = nodeIo): number {
  const args = parseSimArgs(argv);
  if (!args.ok) { io.err(`${args.message}\n`); return 2; }
  const o = args.value;
  if (o.help) { io.out(`${SIM_USAGE}\n`); return 0; }
  const loaded = loadScenario(o.scenario);
  if (!loaded.ok) { io.err(`${loaded.message}\n`); return 2; }
  const { scenario } = loaded.value;
  const seats = applySeatSpecs(scenario, simSeats(scenario), o.seats);
  if (!seats.ok) { io.err(`${seats.message}\n`); return 2; }
  setCoreAutoFreeze(false);
  try {
    return o.games > 1 ? manyGames(o, scenario, seats.value, io) : oneGame(o, scenario, seats.value, io);
  } catch (e) {
    io.err(`sim failed: ${(e as Error).message}\n`);
    return 1;
  }
}

const isMain = isMainThread && process.argv[1] !== undefined && /sim\.[tj]s$/.test(process.argv[1]);
if (isMain) process.exitCode = runSim(process.argv.slice(2));
