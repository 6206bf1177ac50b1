import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseScenario, type Scenario, type Seats } from '../core';
import { parseJsonText } from '../app/jsonText';
import type { Parsed, SeatSpec } from './simArgs';

// Finding a scenario for the command line: by id in scenarios/, or by a path to a JSON file.

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export function scenarioIds(dir = SCENARIO_DIR): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
}

export interface LoadedScenario { scenario: Scenario; file: string }

export function loadScenario(arg: string, dir = SCENARIO_DIR): Parsed<LoadedScenario> {
  const isPath = arg.endsWith('.json') || arg.includes('/') || arg.includes('\\');
  const file = isPath ? arg : join(dir, `${arg}.json`);
  if ((!isPath && !/^[a-z0-9][a-z0-9-]*$/.test(arg)) || !existsSync(file)) {
    if (isPath) return { ok: false, message: `${arg}: cannot be read (no such file).` };
    return { ok: false, message: `Unknown scenario "${arg}": expected one of ${scenarioIds(dir).join(', ') || '(none found)'}, or a path to a scenario file.` };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, message: `${arg}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'}).` };
  }
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, message: `${arg}:${json.line}:${json.column}: not valid JSON: ${json.message}` };
  const parsed = parseScenario(json.value);
  if (!parsed.ok) {
    const [first] = parsed.errors;
    const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problem${parsed.errors.length > 2 ? 's' : ''})` : '';
    return { ok: false, message: `${arg}: ${first?.path || '(whole file)'}: ${first?.message ?? 'not a valid scenario'}${more}` };
  }
  return { ok: true, value: { scenario: parsed.scenario, file } };
}

/** The simulator's seats: every role a bot at the scenario's level, scripted roles left to the script. */
export function simSeats(scenario: Scenario): Seats {
  const seats: Seats = {};
  for (const r of scenario.roles) seats[r.id] = r.seat === 'scripted' ? { kind: 'scripted' } : { kind: 'bot', level: r.bot };
  return seats;
}

/** Standard bots in every seat that plays (the balance report's "standard against standard"). */
export function standardSeats(scenario: Scenario): Seats {
  const seats: Seats = {};
  for (const r of scenario.roles) seats[r.id] = r.seat === 'scripted' ? { kind: 'scripted' } : { kind: 'bot', level: 'standard' };
  return seats;
}

export function applySeatSpecs(scenario: Scenario, seats: Seats, specs: readonly SeatSpec[]): Parsed<Seats> {
  const out = { ...seats };
  for (const s of specs) {
    if (!scenario.roles.some((r) => r.id === s.role))
      return { ok: false, message: `Bad seat: there is no role "${s.role}" in ${scenario.id} (roles: ${scenario.roles.map((r) => r.id).join(', ')}).` };
    out[s.role] = s.seat;
  }
  return { ok: true, value: out };
}

export const seatsText = (seats: Seats): string =>
  Object.entries(seats).map(([role, s]) => `${role}=${s.kind === 'bot' ? `bot:${s.level}` : s.kind}`).join(', ');
