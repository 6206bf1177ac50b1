import type { BalanceReport } from './balanceStats';
import { pct } from './balanceStats';

// docs/balance.md: the balance criteria of the scenarios with opposing sides, checked against
// standard bots in every seat.

export const MIN_SIDE_WIN = 0.2;
export const MAX_SIDE_WIN = 0.8;
export const MAX_SHARED_LOSS = 0.35;

/** A scenario has opposing sides when at least two of its sides have roles. */
export const opposingSides = (r: BalanceReport): boolean => new Set(r.roles.map((x) => x.side)).size >= 2;

export function verdict(r: BalanceReport): { pass: boolean; problems: string[] } {
  const problems: string[] = [];
  const played = new Set(r.roles.map((x) => x.side));
  for (const s of r.sides) {
    if (!played.has(s.id)) continue;
    if (s.rate < MIN_SIDE_WIN) problems.push(`${s.name} wins only ${pct(s.rate)}`);
    if (s.rate > MAX_SIDE_WIN) problems.push(`${s.name} wins ${pct(s.rate)}`);
  }
  if (r.sharedLoss.rate >= MAX_SHARED_LOSS) problems.push(`shared loss in ${pct(r.sharedLoss.rate)}`);
  return { pass: problems.length === 0, problems };
}

const range = (x: { rate: number; low: number; high: number }): string => `${pct(x.rate)} (${pct(x.low)}–${pct(x.high)})`;
const round1 = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);

export function balanceMarkdown(reports: readonly BalanceReport[], seeds: number, gameVersion: string): string {
  const out: string[] = [
    '# Balance report',
    '',
    `Written by \`npm run balance\` (game version ${gameVersion}): standard bots in every seat that plays, seeds 1–${seeds} of every scenario.`,
    `For each scenario with opposing sides the target is that no side wins in fewer than ${pct(MIN_SIDE_WIN)} or more than ${pct(MAX_SIDE_WIN)}`,
    `of the games and that fewer than ${pct(MAX_SHARED_LOSS)} end in a shared loss. Intervals are 95% Wilson intervals. The sides' win rates`,
    'need not add up to 100%: at the end every side whose victory conditions hold wins, so two sides can both win, or none.',
    'Tune the scenario data, not the bots, to meet the targets.',
    '',
    '| scenario | games | side win rates | shared loss | mean length | verdict |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of reports) {
    const sides = r.sides.filter((s) => r.roles.some((x) => x.side === s.id)).map((s) => `${s.name} ${pct(s.rate)}`).join('; ');
    const v = verdict(r);
    const status = !opposingSides(r) ? 'one side only (no target)' : v.pass ? 'meets the targets' : `misses: ${v.problems.join('; ')}`;
    out.push(`| ${r.scenario.id} | ${r.games} | ${sides} | ${pct(r.sharedLoss.rate)} | ${round1(r.meanTurns)} turns | ${status} |`);
  }
  for (const r of reports) {
    out.push('', `## ${r.scenario.title} (\`${r.scenario.id}\`)`, '');
    out.push(`Scenario content hash \`${r.scenario.hash}\` (it changes whenever the scenario file does).`);
    out.push(`${r.games} games (seeds ${r.seeds.from}–${r.seeds.to}); seats: ${Object.entries(r.seats).map(([k, s]) => `${k} ${s.kind === 'bot' ? `bot:${s.level}` : s.kind}`).join(', ')}.`);
    out.push(`Outcomes: ${Object.entries(r.outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}. Mean length ${round1(r.meanTurns)} turns; shared loss ${range(r.sharedLoss)}.`);
    out.push(`Bot actions refused by the rules: ${r.rejections}. About ${Math.round(r.actionsPerGame)} actions and ${Math.round(r.msPerGame)} ms per game.`, '');
    out.push('| side | win rate (95% interval) |', '| --- | --- |');
    for (const s of r.sides) out.push(`| ${s.name} | ${range(s)} |`);
    out.push('', '| role | side | win rate (95% interval) | mean score |', '| --- | --- | --- | --- |');
    for (const x of r.roles) out.push(`| ${x.name} | ${x.side} | ${range(x)} | ${round1(x.meanScore)} |`);
  }
  return `${out.join('\n')}\n`;
}
