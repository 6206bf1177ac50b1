import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Shared by `npm run bench` and `npm run bench:browser`: statistics, the machine line, the table and
// bench/results.json (each script rewrites its own section and keeps the other's).

export const RESULTS_FILE = fileURLToPath(new URL('../../bench/results.json', import.meta.url));

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}
export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Wall time of `run` in µs: the least of `tries` runs, so that a busy machine's preemptions drop out. */
export function leastMicros(run: () => unknown, tries: number): number {
  let best = Infinity;
  for (let k = 0; k < tries; k++) {
    const t0 = process.hrtime.bigint();
    run();
    const t = Number(process.hrtime.bigint() - t0) / 1000;
    if (t < best) best = t;
  }
  return best;
}

/** A fixed plain-JS workload, to compare runs on machines of different speed or load. */
export function calibrationMs(): number {
  const t0 = performance.now();
  let x = 0;
  const items = Array.from({ length: 1000 }, (_, i) => ({ id: `k${i}`, v: i }));
  for (let r = 0; r < 2000; r++) for (const it of items) x += it.v & r;
  if (x === -1) console.log(x);
  return Math.round((performance.now() - t0) * 10) / 10;
}

export interface Machine { date: string; node: string; cpu: string; cores: number; loadAverage: number[]; calibrationMs: number }

export function machine(): Machine {
  return {
    date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100), calibrationMs: calibrationMs(),
  };
}

export interface Row { figure: string; value: string; budget: string; ok: boolean | null }

export function printTable(title: string, rows: readonly Row[]): void {
  const w0 = Math.max(...rows.map((r) => r.figure.length), 6);
  const w1 = Math.max(...rows.map((r) => r.value.length), 5);
  const w2 = Math.max(...rows.map((r) => r.budget.length), 6);
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c.padEnd(w2)}  ${d}`;
  console.log(`\n${title}`);
  console.log(line('figure', 'value', 'budget', ''));
  console.log(line('-'.repeat(w0), '-'.repeat(w1), '-'.repeat(w2), '----'));
  for (const r of rows) console.log(line(r.figure, r.value, r.budget, r.ok === null ? '' : r.ok ? 'ok' : 'OVER'));
}

/** Writes one section of bench/results.json, keeping the others. */
export function writeSection(section: string, value: unknown): void {
  let all: Record<string, unknown> = {};
  if (existsSync(RESULTS_FILE)) {
    try { all = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>; } catch { all = {}; }
  }
  all[section] = value;
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}

export const fixed = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
