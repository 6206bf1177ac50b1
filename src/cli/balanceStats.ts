import { hashValue, type Outcome, type Scenario, type Seats } from '../core';
import type { PlayedGame } from '../bots';

// Statistics over many simulated games: win rates per role and side with Wilson 95% intervals,
// mean scores and length, the shared-loss rate.

export interface GameResult {
  seed: number;
  reason: Outcome['reason'] | 'unfinished';
  winners: string[];
  winningSides: string[];
  scores: Record<string, number>;
  turns: number;
  actions: number;
  rejections: number;
}

export function gameResult(seed: number, game: PlayedGame): GameResult {
  const o = game.state.outcome;
  return {
    seed,
    reason: o?.reason ?? 'unfinished',
    winners: o?.winners ?? [],
    winningSides: o?.winningSides ?? [],
    scores: Object.fromEntries(Object.entries(o?.scores ?? {}).map(([r, x]) => [r, x.total])),
    turns: game.state.turn,
    actions: game.actions.length,
    rejections: game.rejections.length,
  };
}

export interface Rate { count: number; rate: number; low: number; high: number }

export interface BalanceReport {
  scenario: { id: string; title: string; hash: string };
  seeds: { from: number; to: number };
  games: number;
  seats: Seats;
  sides: ({ id: string; name: string } & Rate)[];
  roles: ({ id: string; name: string; side: string; meanScore: number } & Rate)[];
  meanTurns: number;
  sharedLoss: Rate;
  outcomes: Record<string, number>;
  rejections: number;
  actionsPerGame: number;
  msPerGame: number;
}

/** Wilson score interval for k successes in n trials (z = 1.96 for 95%). */
export function wilson(k: number, n: number, z = 1.96): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const rate = (count: number, n: number): Rate => ({ count, rate: n === 0 ? 0 : count / n, ...wilson(count, n) });
const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, x) => a + x, 0) / xs.length);

export function summarise(scenario: Scenario, seats: Seats, results: readonly GameResult[], ms: number): BalanceReport {
  const n = results.length;
  const outcomes: Record<string, number> = {};
  for (const r of results) outcomes[r.reason] = (outcomes[r.reason] ?? 0) + 1;
  return {
    scenario: { id: scenario.id, title: scenario.title, hash: hashValue(scenario) },
    seeds: { from: results[0]?.seed ?? 0, to: results[n - 1]?.seed ?? 0 },
    games: n,
    seats,
    sides: scenario.sides.map((s) => ({ id: s.id, name: s.name, ...rate(results.filter((r) => r.winningSides.includes(s.id)).length, n) })),
    roles: scenario.roles.map((r) => ({
      id: r.id, name: r.name, side: r.side,
      ...rate(results.filter((x) => x.winners.includes(r.id)).length, n),
      meanScore: mean(results.map((x) => x.scores[r.id] ?? 0)),
    })),
    meanTurns: mean(results.map((r) => r.turns)),
    sharedLoss: rate(outcomes.sharedLoss ?? 0, n),
    outcomes,
    rejections: results.reduce((a, r) => a + r.rejections, 0),
    actionsPerGame: mean(results.map((r) => r.actions)),
    msPerGame: n === 0 ? 0 : ms / n,
  };
}

export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const interval = (r: Rate): string => `${pct(r.rate)} [${pct(r.low)}–${pct(r.high)}]`;
const round1 = (x: number): number => Math.round(x * 10) / 10;

export function reportLines(r: BalanceReport): string[] {
  const width = Math.max(...r.sides.map((s) => s.name.length), ...r.roles.map((x) => x.name.length), 8);
  const lines = [
    `Balance of ${r.scenario.title} (${r.scenario.id}): ${r.games} games, seeds ${r.seeds.from}–${r.seeds.to}.`,
    `Seats: ${Object.entries(r.seats).map(([k, s]) => `${k}=${s.kind === 'bot' ? `bot:${s.level}` : s.kind}`).join(', ')}.`,
    `Mean length ${round1(r.meanTurns)} turns; shared loss ${interval(r.sharedLoss)}; outcomes ${Object.entries(r.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    'Win rate per side (95% interval):',
    ...r.sides.map((s) => `  ${s.name.padEnd(width)}  ${interval(s)}`),
    'Win rate and mean score per role:',
    ...r.roles.map((x) => `  ${x.name.padEnd(width)}  ${interval(x)}  mean score ${round1(x.meanScore)}`),
    `Bot actions refused by the rules: ${r.rejections}. ${round1(r.actionsPerGame)} actions and ${Math.round(r.msPerGame)} ms per game.`,
  ];
  return lines;
}
