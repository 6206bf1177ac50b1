// A plain picture of a step's draft as it stands, for code that only reads a lot of it (the end of
// turn's conditions, scores and turn record): reading through immer's draft costs a trap per field
// and a proxy per object touched. Only what the step has drafted is copied (shallowly, with the drafts
// inside replaced by their pictures); everything else is the base's own objects, shared as they are.
// The picture does not follow later writes: take a new one after writing. Never write to it.
// It reads immer 11's draft record (`Symbol.for('immer-state')`, base_, copy_ and modified_), as
// context.ts does; test/core/plain-reads.test.ts and test/core/snapshot.test.ts check that layout.

import { lightRecord } from './lightStep';
import { copyState, type GameState } from './state';

const DRAFT_STATE = Symbol.for('immer-state');
interface DraftRecord { base_: unknown; copy_: unknown; modified_: boolean }

/** The value as it stands now, as plain data: itself when it is not a draft. */
export function snapshot<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const record = (value as unknown as Record<symbol, DraftRecord | undefined>)[DRAFT_STATE];
  if (record === undefined) return value;
  // Unchanged (immer marks a draft and all its parents modified on a write): the base is its value, as
  // immer's own current() has it. The base holds no drafts.
  if (!record.modified_ || record.copy_ == null) return record.base_ as T;
  if (Array.isArray(record.copy_)) return record.copy_.map(snapshot) as T;
  const source = record.copy_ as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) out[key] = snapshot(source[key]);
  return out as T;
}

/**
 * The whole state as it stands now, as plain data (see snapshot), made with copyState (one shape; a
 * copy key by key would be a slow dictionary object). A light step's picture is its base with the
 * fields it has written, without turning the step into a draft. In both cases the flat records the
 * step owns (own()) are shared as they are, so take a new picture after writing.
 */
export function snapshotState(s: GameState): GameState {
  const light = lightRecord(s);
  if (light) {
    // Still light: a copy of the step's own state (see lightStep.ts).
    if (!light.draft) return copyState(light.next);
    return snapshotState(light.draft as GameState);
  }
  const record = (s as unknown as Record<symbol, DraftRecord | undefined>)[DRAFT_STATE];
  if (record === undefined) return s;
  if (!record.modified_ || record.copy_ == null) return record.base_ as GameState;
  const out = copyState(record.copy_ as GameState) as unknown as Record<string, unknown>;
  for (const key of Object.keys(out)) out[key] = snapshot(out[key]);
  return out as unknown as GameState;
}
