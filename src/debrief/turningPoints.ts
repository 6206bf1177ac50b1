import { computeScores, roleName, type GameState } from '../core';
import type { DebriefTurn, Decision, TurningPoint } from './types';
import { fmt } from './words';

// Turning points: the turns with the largest swings in score or tension. Score and tension swings are
// each scaled by their largest value over the game, so a tension jump counts as much as a score jump.

const MAX_POINTS = 3;

export function findTurningPoints(initial: GameState, turns: readonly DebriefTurn[], decisions: readonly Decision[], events: readonly { turn: number; text: string }[]): TurningPoint[] {
  const startScores = Object.fromEntries(Object.entries(computeScores(initial)).map(([k, v]) => [k, v.total]));
  const rows = turns.map((t, i) => {
    const prevScores = i === 0 ? startScores : turns[i - 1]!.record.scores;
    const prevTracks = i === 0 ? initial.tracks : turns[i - 1]!.record.tracks;
    const changes: string[] = [];
    let scoreSwing = 0;
    for (const r of initial.scenario.roles) {
      const from = prevScores[r.id] ?? 0;
      const to = t.record.scores[r.id] ?? 0;
      if (from === to) continue;
      scoreSwing += Math.abs(to - from);
      changes.push(`${r.name}: score ${fmt(from)} → ${fmt(to)} (${to > from ? '+' : ''}${fmt(to - from)})`);
    }
    let tensionSwing = 0;
    for (const th of initial.scenario.theatres) {
      const key = `tension:${th.id}`;
      const from = prevTracks[key] ?? 0;
      const to = t.record.tracks[key] ?? 0;
      if (from === to) continue;
      tensionSwing += Math.abs(to - from);
      changes.push(`Tension in ${th.name}: ${from} → ${to}`);
    }
    return { t, scoreSwing: round1(scoreSwing), tensionSwing, changes };
  });
  const maxScore = Math.max(0, ...rows.map((r) => r.scoreSwing));
  const maxTension = Math.max(0, ...rows.map((r) => r.tensionSwing));
  const weight = (r: (typeof rows)[number]) => (maxScore > 0 ? r.scoreSwing / maxScore : 0) + (maxTension > 0 ? r.tensionSwing / maxTension : 0);
  const chosen = rows
    .filter((r) => weight(r) > 0)
    .sort((a, b) => weight(b) - weight(a) || a.t.record.turn - b.t.record.turn)
    .slice(0, MAX_POINTS)
    .sort((a, b) => a.t.record.turn - b.t.record.turn);
  return chosen.map((r) => {
    const turn = r.t.record.turn;
    return {
      turn,
      label: r.t.label,
      scoreSwing: r.scoreSwing,
      tensionSwing: r.tensionSwing,
      changes: r.changes,
      decisions: decisions.filter((d) => d.turn === turn).map((d) => ({ ...d, text: `${roleName(initial, d.role)}: ${d.text}` })),
      events: events.filter((e) => e.turn === turn).map((e) => e.text),
    };
  });
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
