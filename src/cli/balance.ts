import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import { setCoreAutoFreeze, type Seats } from '../core';
import { playGame } from '../bots';
import { GAME_VERSION } from '../app/replayFile';
import { loadScenario, scenarioIds, SCENARIO_DIR, standardSeats } from './scenarioFiles';
import { gameResult, reportLines, summarise, type BalanceReport, type GameResult } from './balanceStats';
import { balanceMarkdown, opposingSides, verdict } from './balanceReport';
import type { BalanceJob } from './balanceWorker';

// npm run balance -- [--seeds N] [--scenario ID,...] [--workers W] [--out FILE]
// Standard bots in every seat of every scenario over seeds 1..N (500 by default), in worker
// threads; prints each scenario's report and writes docs/balance.md.

const USAGE = 'Usage: npm run balance -- [--seeds N] [--scenario ID,...] [--workers W] [--out FILE]';
const DEFAULT_OUT = fileURLToPath(new URL('../../docs/balance.md', import.meta.url));
const CHUNK = 5;

interface BalanceOptions { seeds: number; scenarios: string[]; workers: number; out: string }

function parseArgs(argv: readonly string[]): BalanceOptions | string {
  const o: BalanceOptions = { seeds: 500, scenarios: [], workers: Math.max(1, Math.min(4, availableParallelism())), out: DEFAULT_OUT };
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k]!;
    const value = argv[++k];
    if (value === undefined) return flag.startsWith('--') ? `${flag} needs a value.` : `Unexpected argument "${flag}". ${USAGE}`;
    const whole = (name: string, min: number) => (/^\d+$/.test(value) && Number(value) >= min ? Number(value) : `${name} must be a whole number of at least ${min}, got "${value}".`);
    if (flag === '--seeds') { const n = whole('--seeds', 1); if (typeof n === 'string') return n; o.seeds = n; }
    else if (flag === '--workers') { const n = whole('--workers', 1); if (typeof n === 'string') return n; o.workers = n; }
    else if (flag === '--scenario') o.scenarios = value.split(',').filter((x) => x !== '');
    else if (flag === '--out') o.out = value;
    else return `Unknown option ${flag}. ${USAGE}`;
  }
  const known = scenarioIds();
  const unknown = o.scenarios.find((id) => !known.includes(id));
  if (unknown) return `Unknown scenario "${unknown}": expected one of ${known.join(', ')}.`;
  if (o.scenarios.length === 0) o.scenarios = known;
  return o;
}

function spawnWorker(): Worker {
  // Workers start without tsx's hooks: register them, then load the worker module.
  const url = new URL('./balanceWorker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`, { eval: true });
}

/** Plays every seed, in worker threads when asked for more than one; results come back in seed order. */
async function playSeeds(file: string, seats: Seats, seeds: number, workers: number, onGame: (done: number) => void): Promise<GameResult[]> {
  const results: GameResult[] = [];
  if (workers <= 1) {
    const loaded = loadScenario(file);
    if (!loaded.ok) throw new Error(loaded.message);
    for (let seed = 1; seed <= seeds; seed++) {
      results.push(gameResult(seed, playGame(loaded.value.scenario, String(seed), seats, { turnHashes: false })));
      onGame(results.length);
    }
    return results;
  }
  const queue: number[][] = [];
  for (let seed = 1; seed <= seeds; seed += CHUNK) queue.push(Array.from({ length: Math.min(CHUNK, seeds - seed + 1) }, (_, k) => seed + k));
  await Promise.all(Array.from({ length: Math.min(workers, queue.length) }, () => new Promise<void>((resolve, reject) => {
    const worker = spawnWorker();
    const next = () => {
      const seedsOfJob = queue.shift();
      if (!seedsOfJob) { void worker.terminate().then(() => resolve()); return; }
      const job: BalanceJob = { file, seats, seeds: seedsOfJob };
      worker.postMessage(job);
    };
    worker.on('message', (m: GameResult | 'done') => {
      if (m === 'done') { next(); return; }
      results.push(m);
      onGame(results.length);
    });
    worker.on('error', reject);
    worker.once('online', next);
  })));
  return results.sort((a, b) => a.seed - b.seed);
}

function progress(id: string, done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((width * done) / total);
  process.stderr.write(`\r${id.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

export async function runBalance(argv: readonly string[]): Promise<number> {
  const o = parseArgs(argv);
  if (typeof o === 'string') { process.stderr.write(`${o}\n`); return 2; }
  setCoreAutoFreeze(false);
  const reports: BalanceReport[] = [];
  for (const id of o.scenarios) {
    const file = `${SCENARIO_DIR}${id}.json`;
    const loaded = loadScenario(file);
    if (!loaded.ok) { process.stderr.write(`${loaded.message} (skipped)\n`); continue; }
    const seats = standardSeats(loaded.value.scenario);
    const started = Date.now();
    const results = await playSeeds(file, seats, o.seeds, o.workers, (done) => progress(id, done, o.seeds));
    const report = summarise(loaded.value.scenario, seats, results, (Date.now() - started) * Math.min(o.workers, Math.ceil(o.seeds / CHUNK)));
    reports.push(report);
    const v = verdict(report);
    const status = !opposingSides(report) ? 'one side only: no target' : v.pass ? 'meets the targets' : `misses the targets: ${v.problems.join('; ')}`;
    process.stdout.write(`${reportLines(report).join('\n')}\nVerdict: ${status}.\n\n`);
  }
  writeFileSync(o.out, balanceMarkdown(reports, o.seeds, GAME_VERSION));
  process.stdout.write(`Report written to ${o.out}.\n`);
  return 0;
}

const isMain = isMainThread && process.argv[1] !== undefined && /balance\.[tj]s$/.test(process.argv[1]);
if (isMain) {
  runBalance(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => { process.stderr.write(`balance failed: ${(e as Error).message}\n`); process.exitCode = 1; },
  );
}
