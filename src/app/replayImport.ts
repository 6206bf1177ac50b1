import type { Action, Scenario, Seats } from '../core';
import {
  formatReplayFile, parseReplayText, problemLines, verificationText, verifyReplay, replayFileFromLog, type ReplayFile,
} from './replayFile';

// Opening a replay file in the browser: read it, re-run it, and say in plain words whether it came
// out the same ("verified"), where it went another way ("diverged at turn N, action K", with the hash
// the file expected and the one the rules gave), or why the file cannot be used at all.

/** `action`: where a diverged replay parts (the viewer opens there); `expected` and `actual`: the hashes that differ (null when an action is refused). */
export type ImportResult =
  | { kind: 'unusable'; problems: string[] }
  | { kind: 'verified'; file: ReplayFile; text: string }
  | { kind: 'diverged'; file: ReplayFile; action: number; expected: string | null; actual: string | null; text: string };

/** `shipped`: the game's own scenarios, for a file that names its scenario without embedding it. */
export function importReplayText(text: string, shipped: readonly Scenario[]): ImportResult {
  const parsed = parseReplayText(text, { findScenario: (id) => shipped.find((s) => s.id === id) });
  if (!parsed.ok) return { kind: 'unusable', problems: problemLines(parsed).slice(0, 8) };
  return checkReplay(parsed.replay);
}

export function checkReplay(file: ReplayFile): ImportResult {
  const v = verifyReplay(file);
  const text = verificationText(v);
  if (v.status === 'verified') return { kind: 'verified', file, text };
  const refused = v.status === 'unusable';
  return { kind: 'diverged', file, action: v.action, expected: refused ? null : v.expected, actual: refused ? null : v.actual, text };
}

/** A scenario id or a seed as part of a file name. */
export const safeName = (x: string): string => x.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);

/** The game in play (or a fork) as a replay file. */
export function replayFileOf(game: { scenario: Scenario; seed: string; seats: Seats; actions: readonly Action[] }): { file: ReplayFile; name: string; text: string } {
  const file = replayFileFromLog(game);
  return { file, name: `${safeName(game.scenario.id)}-${safeName(game.seed)}-${game.actions.length}.replay.json`, text: formatReplayFile(file) };
}
