import { legalActionsWordless, type Action, type GameState } from '../core';
import { HOLD_AT } from './red';

// The lookahead's rollout policy: cheap enough for hundreds of playouts per decision. Nations end their
// steps (what the lookahead weighs is the one action it tries, not the others' whole plans); a played
// Red cell launches what the table still allows at the most valuable uncovered target, as the standard
// Red does once tension has risen, and holds its fire near the top of the tension track; an event
// choice takes the first option. The rules still check every action (a refused one falls back).

export function rolloutAction(s: GameState, actor: string): Action {
  if (s.pendingChoice) return legalActionsWordless(s, actor)[0]?.action ?? { type: 'endPhase', role: actor };
  if (s.phase === 'threats') {
    const launch = redLaunch(s, actor);
    if (launch) return launch;
  }
  return { type: 'endPhase', role: actor };
}

const covered = new WeakMap<object, Set<string>>();

/** Regions with an operational battery standing in them (the cover a cheap Red avoids). */
function coveredRegions(s: GameState): Set<string> {
  let found = covered.get(s.batteries);
  if (!found) {
    found = new Set(s.batteries.filter((b) => b.status === 'operational' && b.rounds > 0).map((b) => b.region));
    covered.set(s.batteries, found);
  }
  return found;
}

/** Most attacks a rollout's wave lists (the rules allow 20). */
const MAX_ATTACKS = 12;

/** One wave with every table entry still open, each at its most valuable uncovered target: one action, not one per entry. */
function redLaunch(s: GameState, actor: string): Action | null {
  if (s.scenario.roles.find((r) => r.id === actor)?.kind !== 'red') return null;
  const cover = coveredRegions(s);
  const attacks: { threat: string; target: string; count: number }[] = [];
  for (let n = 0; n < s.scenario.waves.length && attacks.length < MAX_ATTACKS; n++) {
    const w = s.scenario.waves[n]!;
    if (w.fromTurn > s.turn || w.toTurn < s.turn) continue;
    const count = w.max - (s.turnStats.launched[String(n)] ?? 0);
    if (count <= 0 || (s.tracks[`tension:${w.theatre}`] ?? 0) >= HOLD_AT) continue;
    let target: string | null = null;
    let bestValue = -Infinity;
    for (const id of w.targets) {
      const region = s.scenario.regions.find((r) => r.id === id);
      if (!region) continue;
      const value = (cover.has(id) ? 0 : 1000) + region.value;
      if (value > bestValue) { bestValue = value; target = id; }
    }
    if (target !== null) attacks.push({ threat: w.threat, target, count });
  }
  return attacks.length === 0 ? null : { type: 'launchWave', role: actor, attacks };
}
