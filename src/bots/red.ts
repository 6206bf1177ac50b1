import type { LegalAction } from '../core';
import { effectsValue } from './effectValue';
import { regionDef, rollChance, trackKeyOf, trackValue, type View } from './knowledge';
import type { BotContext, Choice } from './standard';
import { harm, leakChance, threatKind } from './threatModel';

// The Red cell: it launches what the scenario's threat table allows this turn at the targets where
// leakers hurt the defenders most, and provokes while tension leaves room. At low tension it probes
// (half a wave per table entry); from `ESCALATE_AT` it launches everything the table allows; near the
// top of the tension track it probes again, then holds (a shared loss is a loss for Red as well).

export const ESCALATE_AT = 4;
/** From this tension Red probes again, and from `HOLD_AT` it holds its fire: at 10 everyone, Red too, loses. */
export const RESTRAINT_AT = 8;
export const HOLD_AT = 9;

function tensionIn(v: View, theatre: string | undefined): number {
  if (theatre === undefined) return 0;
  // Asked for every launch scored: the track's key is found once per scenario and theatre.
  let keys = tensionKeys.get(v.scenario.roles);
  if (!keys) { keys = new Map(); tensionKeys.set(v.scenario.roles, keys); }
  let key = keys.get(theatre);
  if (key === undefined) { key = trackKeyOf(v, `tension:${theatre}`); keys.set(theatre, key); }
  return key === null ? 0 : trackValue(v, key);
}

/** Per scenario (its roles, as trackKeyOf remembers keys), the tension track's key of each theatre. */
const tensionKeys = new WeakMap<object, Map<string, string | null>>();

/** The table entry a launch of `threat` at `target` would draw on (the rules use the first with room). */
function entryFor(v: View, threat: string, target: string, count: number): number {
  return v.scenario.waves.findIndex((w, i) => w.fromTurn <= v.turn && v.turn <= w.toTurn && w.threat === threat && w.targets.includes(target)
    && w.max - (v.turnStats.launched[i] ?? 0) >= count);
}

function waveValue(ctx: BotContext, threat: string, target: string, count: number): number {
  const { v, i } = ctx;
  const kind = threatKind(v, threat);
  if (!regionDef(v, target) || !kind) return -1;
  // A small base keeps Red launching even when its scoring says little about a target.
  return 0.5 - harm(v, i, target, count * leakChance(v, target, kind)) + count * 0.01;
}

const raising = new WeakMap<object, boolean>();

/** Whether a provocation's success can raise tension (an incident, or its theatre's tension track named). */
function raisesTension(p: { success: unknown; theatre: string }): boolean {
  let found = raising.get(p);
  if (found === undefined) {
    const text = JSON.stringify(p.success);
    found = text.includes('"incident"') || text.includes(`tension:${p.theatre}`);
    raising.set(p, found);
  }
  return found;
}

export function scoreThreats(ctx: BotContext, l: LegalAction): Choice | null {
  const { v } = ctx;
  const a = l.action;
  if (a.type === 'launchWave') {
    const attack = a.attacks[0];
    if (!attack || a.attacks.length !== 1) return null;
    const theatre = regionDef(v, attack.target)?.theatre;
    const entry = entryFor(v, attack.threat, attack.target, attack.count);
    const w = v.scenario.waves[entry];
    if (!w) return null;
    // Launched from this entry this turn (a number key reads the same property as its text).
    const done = v.turnStats.launched[entry] ?? 0;
    const left = w.max - done;
    const tension = tensionIn(v, theatre);
    if (tension >= HOLD_AT) return { action: a, value: -1 };
    if (tension < ESCALATE_AT || tension >= RESTRAINT_AT) {
      // Probing: one half-sized wave per table entry.
      const probe = left >= 2 ? Math.floor(left / 2) : left;
      if (done > 0 || attack.count !== probe) return { action: a, value: -1 };
    }
    return { action: a, value: waveValue(ctx, attack.threat, attack.target, attack.count) };
  }
  if (a.type === 'launchProvocation') {
    const p = v.scenario.provocations.find((x) => x.id === a.provocation);
    if (!p) return null;
    const binding = { actor: ctx.role, target: null };
    const raises = raisesTension(p);
    if (raises && tensionIn(v, p.theatre) >= RESTRAINT_AT) return { action: a, value: -1 };
    // Provoking is the Red cell's part in the story: a base value on top of what its effects bring it.
    const chance = rollChance(v, p.roll, binding);
    return { action: a, value: 1 + chance * effectsValue(v, ctx.i, p.success, binding) };
  }
  return null;
}
