import { canonicalJson, type Action, type GameState, type Seats } from '../core';
import { actorOf } from '../bots';

// Undo: a human seat may take back its own last actions while it still has the step in the same
// phase, as long as nothing random was drawn and no other seat could have seen the result. Then the
// game without the action is exactly a game in which it was never taken, so undo leaves no trace in
// the action log (docs/replay-format.md, "Undo").

export type UndoCheck = { ok: true } | { ok: false; reason: string };

/**
 * May `role` undo `action`, which took the game from `before` to `after` (the current state)?
 * The reason, when not, is a sentence for the player.
 */
export function checkUndo(before: GameState | undefined, after: GameState, action: Action | undefined, role: string, seats: Seats): UndoCheck {
  const seat = seats[role]?.kind;
  if (seat !== 'human' && seat !== 'facilitator') return { ok: false, reason: 'Only a person at the screen can undo their own actions.' };
  if (!before || !action) return { ok: false, reason: 'There is nothing to undo yet.' };
  if (after.outcome) return { ok: false, reason: 'The game is over.' };
  if (action.role !== role) return { ok: false, reason: 'Another seat has acted since your last action, so it can no longer be undone.' };
  if (before.turn !== after.turn || before.phase !== after.phase) return { ok: false, reason: 'Your last action closed the phase; only actions within the current phase can be undone.' };
  if (actorOf(after) !== role) return { ok: false, reason: 'The step has passed to another seat, who may already have seen your action.' };
  if (canonicalJson(before.rng) !== canonicalJson(after.rng)) return { ok: false, reason: 'Your last action drew on chance (dice or cards), so it stands.' };
  return { ok: true };
}
