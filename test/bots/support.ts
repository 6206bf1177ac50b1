import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, type BotLevel, type Scenario, type Seats } from '../../src/core';

// Shared by the bot tests: every scenario shipped in scenarios/ (and the all-mechanics fixture).

export const SCENARIO_DIR = join(__dirname, '../../scenarios');
export const FIXTURE = join(__dirname, '../fixtures/all-mechanics.json');

export function loadFile(file: string): Scenario {
  const result = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.scenario;
}

/** Scenario files that parse (one still being written by someone else is skipped, not failed, here). */
export function shippedScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const f of readdirSync(SCENARIO_DIR).filter((x) => x.endsWith('.json')).sort()) {
    try { out.push(loadFile(join(SCENARIO_DIR, f))); } catch { /* the scenario tests report broken files */ }
  }
  return out;
}

export const scenarioById = (id: string): Scenario => loadFile(join(SCENARIO_DIR, `${id}.json`));

/** Every role that plays seated by a bot of `level` (scripted roles stay scripted). */
export function botSeats(scenario: Scenario, level: BotLevel | ((role: string) => BotLevel)): Seats {
  const seats: Seats = {};
  for (const r of scenario.roles)
    seats[r.id] = r.seat === 'scripted' ? { kind: 'scripted' } : { kind: 'bot', level: typeof level === 'function' ? level(r.id) : level };
  return seats;
}

/** Seeds for the long runs: 20 by default, `BOT_SEEDS=200` (npm run test:bots) for the full check. */
export const SEEDS = Number(process.env.BOT_SEEDS ?? 20);
