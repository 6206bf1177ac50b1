import { answered, entry, type ActionOf, type LegalAction, type Rejection } from '../actions';
import type { GameState, PlannedAttack } from '../state';
import { draw, own, ownValue, peekField, roleName, say, theatreName, type Ctx } from '../context';
import { performRoll } from '../conditions';
import { applyEffects } from '../effects';
import { reject } from '../rejections';
import { regionName, theatreOf } from './deploymentMap';
import { resolveAttacks } from './threatsResolve';
import { snapshotState } from '../snapshot';
import { isRed } from './diplomacyShared';

// Threats (DESIGN §5.5): waves come from the scenario's table, either rolled by the rules when no
// Red role is played, or launched by a played Red role within the table's limits.

export { resolveAttacks } from './threatsResolve';
export { engage, type Engagement, type Shooter } from './threatsEngage';

export type ThreatAction = ActionOf<'launchWave' | 'launchProvocation'>;
type WaveEntry = GameState['scenario']['waves'][number];
type Provocation = GameState['scenario']['provocations'][number];

/** Most attacks one launchWave may list. */
export const MAX_ATTACKS_PER_WAVE = 20;

const isActive = (s: { turn: number }, e: { fromTurn: number; toTurn: number }): boolean => e.fromTurn <= s.turn && s.turn <= e.toTurn;
const threatName = (s: GameState, id: string): string => s.scenario.threatTypes.find((t) => t.id === id)?.name ?? id;
const provocationKey = (id: string): string => `provocation:${id}`;

/** A Red role is played when one is seated by anyone but the script; otherwise the rules roll the waves. */
export function redPlayed(s: GameState): boolean {
  const seats = peekField(s, 'seats');
  return s.scenario.roles.some((r) => r.kind === 'red' && seats[r.id] !== undefined && seats[r.id]!.kind !== 'scripted');
}

const scriptedAttacker = (s: GameState): string | null => s.scenario.roles.find((r) => r.kind === 'red')?.id ?? null;

/** Turn start: roll this turn's waves ahead of time, so intelligence sharing can reveal them. */
export function planWaves(ctx: Ctx): void {
  const s = ctx.s;
  // Made as a plain record and assigned whole (filling the step's field would draft it).
  s.plannedWaves = redPlayed(s) ? {} : drawWaves(s, () => draw(ctx, 'threats'));
}

/** A turn's waves from the scenario's table, each entry's count and then its target drawn with `random`
 *  (the rules' threats stream, or a bot's sample of what that stream may give). */
export function drawWaves(s: Pick<GameState, 'scenario' | 'turn'>, random: () => number): GameState['plannedWaves'] {
  const planned: GameState['plannedWaves'] = {};
  for (const w of s.scenario.waves) {
    if (!isActive(s, w)) continue;
    const count = w.min + Math.floor(random() * (w.max - w.min + 1));
    const target = w.targets[Math.floor(random() * w.targets.length)];
    if (count <= 0 || target === undefined) continue;
    (planned[w.theatre] ??= []).push({ threat: w.threat, target, count });
  }
  return planned;
}

/** End of the threats phase: a scripted Red cell's planned waves strike, then its provocations are tried. */
export function resolveScriptedThreats(ctx: Ctx): void {
  const s = ctx.s;
  if (!redPlayed(s)) {
    const attacker = scriptedAttacker(s);
    const actor = ctx.actor;
    ctx.actor = attacker; // so tension it raises is recorded against the Red cell
    for (const t of s.scenario.theatres) {
      const attacks = peekField(s, 'plannedWaves')[t.id];
      if (attacks && attacks.length > 0) resolveAttacks(ctx, t.id, attacks, attacker);
    }
    for (const p of s.scenario.provocations) if (isActive(s, p)) tryProvocation(ctx, p, attacker);
    ctx.actor = actor;
  }
  s.plannedWaves = {};
}

function tryProvocation(ctx: Ctx, p: Provocation, actor: string | null): void {
  say(ctx, p.text);
  const binding = { actor, target: null };
  if (performRoll(ctx, 'threats', p.roll, `Provocation in ${theatreName(ctx.s, p.theatre)}`, binding))
    applyEffects(ctx, p.success, binding, 'threats');
}

/** Assigns each attack to the first active table entry of its threat and target with room left; a rejection otherwise. */
function assignAttacks(s: GameState, attacks: unknown): number[] | Rejection {
  if (!Array.isArray(attacks) || attacks.length === 0 || attacks.length > MAX_ATTACKS_PER_WAVE)
    return reject('action/malformed', `A wave lists 1 to ${MAX_ATTACKS_PER_WAVE} attacks, each a threat type, a target region and a number.`);
  const waves = s.scenario.waves;
  if (!waves.some((w) => isActive(s, w))) return reject('threat/no-table', 'The threat table has no waves open this turn.');
  // Launched this turn per table entry, counting this wave's attacks as they are assigned.
  const used: number[] = [];
  const plan: number[] = [];
  for (const [n, x] of (attacks as unknown[]).entries()) {
    const at = `Attack ${n + 1}`;
    if (typeof x !== 'object' || x === null) return reject('action/malformed', `${at} must name a threat type, a target region and a number.`);
    const { threat, target, count } = x as Record<string, unknown>;
    if (typeof threat !== 'string' || !s.scenario.threatTypes.some((t) => t.id === threat))
      return reject('target/unknown', `${at}: there is no such threat type.`, { threat });
    if (typeof target !== 'string' || !s.scenario.regions.some((r) => r.id === target))
      return reject('target/unknown', `${at}: there is no such region.`, { target });
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
      return reject('action/malformed', `${at}: the number of threats must be a whole number of at least 1.`, { count });
    // The first active entry of this threat and target with room for them all; the most room of any otherwise.
    let entry = -1;
    let matched = false;
    let most = 0;
    for (let i = 0; i < waves.length && entry < 0; i++) {
      const w = waves[i]!;
      if (!isActive(s, w) || w.threat !== threat || !w.targets.includes(target)) continue;
      matched = true;
      const room = w.max - (used[i] ??= s.turnStats.launched[String(i)] ?? 0);
      if (room >= count) entry = i;
      else most = Math.max(most, room);
    }
    if (!matched)
      return reject('target/invalid', `${at}: this turn's threat table sends no ${threatName(s, threat)} at ${regionName(s, target)}.`);
    if (entry < 0)
      return reject('threat/over-limit', `${at}: at most ${most} more ${threatName(s, threat)} can be launched at ${regionName(s, target)} this turn, not ${count}.`, { most });
    used[entry]! += count;
    plan.push(entry);
  }
  return plan;
}

function checkRed(s: GameState, role: string): Rejection | null {
  return isRed(s, role) ? null : reject('role/not-red', `${roleName(s, role)} does not command threats: only a Red cell launches waves and provocations.`);
}

export function checkThreats(s: GameState, a: ThreatAction): Rejection | null {
  const notRed = checkRed(s, a.role);
  if (notRed) return notRed;
  if (a.type === 'launchWave') {
    const plan = assignAttacks(s, a.attacks);
    return Array.isArray(plan) ? null : plan;
  }
  if (a.type !== 'launchProvocation') return reject('action/unknown', 'That is not a threats action.');
  const p = typeof a.provocation === 'string' ? s.scenario.provocations.find((x) => x.id === a.provocation) : undefined;
  if (!p) return reject('target/unknown', 'There is no such provocation in this scenario.', { provocation: a.provocation });
  if (!isActive(s, p)) return reject('target/invalid', `That provocation can only be tried from turn ${p.fromTurn} to turn ${p.toTurn}.`);
  if ((s.movesUsed[provocationKey(p.id)] ?? 0) >= 1) return reject('limit/reached', 'That provocation has already been tried this turn.');
  return null;
}

export function applyThreats(ctx: Ctx, a: ThreatAction): void {
  const s = ctx.s;
  if (a.type === 'launchProvocation') {
    const p = s.scenario.provocations.find((x) => x.id === a.provocation)!;
    const used = own(s, 'movesUsed');
    used[provocationKey(p.id)] = (used[provocationKey(p.id)] ?? 0) + 1;
    tryProvocation(ctx, p, a.role);
    return;
  }
  // Planning the wave only reads the scenario, the turn and the turn's launches: from a plain picture of
  // the state, without drafting them (reading the table through the draft cost a trap per entry and
  // drafted turnStats). A whole picture: the rules it is handed to see states of one shape.
  const now = snapshotState(s);
  const plan = assignAttacks(now, a.attacks) as number[];
  const attacks: PlannedAttack[] = a.attacks.map((x) => ({ threat: x.threat, target: x.target, count: x.count }));
  const launched: Record<string, number> = {};
  attacks.forEach((x, n) => {
    const key = String(plan[n]);
    launched[key] = (launched[key] ?? now.turnStats.launched[key] ?? 0) + x.count;
  });
  const launchedNow = ownValue(s, 'turnStats', 'launched')!;
  // for…in rather than Object.entries (the same order, no list of pairs).
  for (const key in launched) launchedNow[key] = launched[key]!;
  const list = attacks.map((x) => `${x.count} × ${threatName(now, x.threat)} at ${regionName(now, x.target)}`).join(', ');
  say(ctx, `${roleName(now, a.role)} launches a wave: ${list}.`);
  for (const t of now.scenario.theatres) {
    const here = attacks.filter((x) => theatreOf(now, x.target) === t.id);
    if (here.length > 0) resolveAttacks(ctx, t.id, here, a.role);
  }
}

export function legalThreats(s: GameState, role: string, out: LegalAction[] = []): LegalAction[] {
  // isRed, not checkRed: a refusal's message for every other role's idle check is not needed.
  if (s.phase !== 'threats' || !isRed(s, role)) return out;
  s.scenario.waves.forEach((w, i) => {
    const left = w.max - (s.turnStats.launched[String(i)] ?? 0);
    if (answered(out) || !isActive(s, w) || left <= 0) return;
    const counts = left >= 2 ? [left, Math.floor(left / 2)] : [left];
    for (const target of w.targets)
      for (const count of counts)
        out.push(entry({ type: 'launchWave', role, attacks: [{ threat: w.threat, target, count }] }, 0, () => [
          `Launch ${count} × ${threatName(s, w.threat)} at ${regionName(s, target)}${count === left ? ' (all left)' : ''}`,
          `${count} × ${threatName(s, w.threat)} strike at ${regionName(s, target)} now; the batteries covering it engage them.`,
        ]));
  });
  for (const p of s.scenario.provocations) {
    if (answered(out)) return out;
    if (!isActive(s, p) || (s.movesUsed[provocationKey(p.id)] ?? 0) >= 1) continue;
    out.push(entry({ type: 'launchProvocation', role, provocation: p.id }, 0, () => [`Provocation in ${theatreName(s, p.theatre)}`, `${p.text} A roll decides whether it works.`]));
  }
  return out;
}
