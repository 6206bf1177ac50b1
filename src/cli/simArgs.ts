import { BOT_LEVELS, type BotLevel, type Seat } from '../core';
import type { LookaheadOptions } from '../bots';

// Command-line arguments of `npm run sim`: parsed into options, or one plain sentence saying what is wrong.

export const SIM_USAGE = 'Usage: npm run sim -- --scenario ID|FILE [--seed N] [--seats role=bot:LEVEL|scripted,...] [--games K] [--out FILE] [--json] [--lookahead candidates=C,samples=S,turns=T]';

export interface SeatSpec { role: string; seat: Seat }

export interface SimOptions {
  scenario: string;
  seed: number;
  seats: SeatSpec[];
  games: number;
  out: string | null;
  json: boolean;
  lookahead: Partial<LookaheadOptions>;
  help: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
const MAX_SEED = Number.MAX_SAFE_INTEGER;

function wholeNumber(name: string, text: string, min: number, max = MAX_SEED): Parsed<number> {
  if (!/^\d+$/.test(text)) return fail(`${name} must be a whole number, got "${text}".`);
  const n = Number(text);
  if (n < min || n > max) return fail(`${name} must be from ${min} to ${max}, got ${text}.`);
  return { ok: true, value: n };
}

/** `poland=bot:standard,red=scripted` → seat specs (the roles are checked against the scenario later). */
export function parseSeats(text: string): Parsed<SeatSpec[]> {
  const out: SeatSpec[] = [];
  for (const part of text.split(',')) {
    const m = /^([a-z0-9][a-z0-9-]*)=(.+)$/.exec(part.trim());
    if (!m) return fail(`Bad seat "${part}": write role=bot:LEVEL or role=scripted, e.g. poland=bot:standard.`);
    const [, role, kind] = m as unknown as [string, string, string];
    if (out.some((s) => s.role === role)) return fail(`Role "${role}" is seated twice in --seats.`);
    if (kind === 'scripted') { out.push({ role, seat: { kind: 'scripted' } }); continue; }
    const level = /^bot:(.+)$/.exec(kind)?.[1];
    if (level === undefined || !(BOT_LEVELS as readonly string[]).includes(level))
      return fail(`Bad seat "${part}": a seat is bot:${BOT_LEVELS.join('|bot:')} or scripted.`);
    out.push({ role, seat: { kind: 'bot', level: level as BotLevel } });
  }
  return { ok: true, value: out };
}

function parseLookahead(text: string): Parsed<Partial<LookaheadOptions>> {
  const out: Partial<LookaheadOptions> = {};
  const names = { candidates: 'candidates', samples: 'samples', turns: 'turns', actions: 'maxActions' } as const;
  for (const part of text.split(',')) {
    const [key, value] = part.split('=');
    const field = names[key as keyof typeof names];
    if (!field || value === undefined) return fail(`Bad --lookahead "${part}": use candidates=C,samples=S,turns=T,actions=A.`);
    const n = wholeNumber(`--lookahead ${key}`, value, 1, 100_000);
    if (!n.ok) return n;
    out[field] = n.value;
  }
  return { ok: true, value: out };
}

export function parseSimArgs(argv: readonly string[]): Parsed<SimOptions> {
  const o: SimOptions = { scenario: '', seed: 1, seats: [], games: 1, out: null, json: false, lookahead: {}, help: false };
  const args = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let k = 0; k < args.length; k++) {
    const flag = args[k]!;
    if (flag === '--json') { o.json = true; continue; }
    if (flag === '--help' || flag === '-h') { o.help = true; continue; }
    const takesValue = ['--scenario', '--seed', '--seats', '--games', '--out', '--lookahead'];
    if (!takesValue.includes(flag)) return fail(flag.startsWith('-') ? `Unknown option ${flag}. ${SIM_USAGE}` : `Unexpected argument "${flag}". ${SIM_USAGE}`);
    const value = args[++k];
    if (value === undefined || value === '') return fail(`${flag} needs a value.`);
    switch (flag) {
      case '--scenario': o.scenario = value; break;
      case '--out': o.out = value; break;
      case '--seed': { const n = wholeNumber('--seed', value, 0); if (!n.ok) return n; o.seed = n.value; break; }
      case '--games': { const n = wholeNumber('--games', value, 1, 1_000_000); if (!n.ok) return n; o.games = n.value; break; }
      case '--seats': { const s = parseSeats(value); if (!s.ok) return s; o.seats = s.value; break; }
      case '--lookahead': { const l = parseLookahead(value); if (!l.ok) return l; o.lookahead = l.value; break; }
    }
  }
  if (o.help) return { ok: true, value: o };
  if (o.scenario === '') return fail(`--scenario is required. ${SIM_USAGE}`);
  if (o.out !== null && o.games > 1) return fail('--out writes the replay of one game: use it without --games.');
  if (o.seed + o.games - 1 > MAX_SEED) return fail('--seed plus --games goes past the largest seed.');
  return { ok: true, value: o };
}
