import * as z from 'zod';
import { BOT_LEVELS, hashValue, parseScenario, replay, type Action, type GameState, type Scenario, type Seats } from '../core';
import { actionLogSchema } from './actionSchema';
import { GAME_VERSION } from './replayFile';

// Autosave: after every action the game in play is written to the browser's storage under one
// versioned key. A save is re-run through the rules when it is read and must come out at the hash it
// recorded. A save that cannot be read or does not verify is never overwritten: it is moved aside
// under its own key, reported, and offered for download until the player discards it.

export const AUTOSAVE_KEY = 'forge-shield/autosave/v1';
/** Unreadable saves are kept under this prefix plus a hash of their text. */
export const KEPT_PREFIX = 'forge-shield/unreadable-save/';
export const AUTOSAVE_FORMAT = 'forge-shield-autosave';
export const AUTOSAVE_VERSION = 1;

export type SaveStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const seatSchema = z.union([
  z.strictObject({ kind: z.literal('bot'), level: z.enum(BOT_LEVELS) }),
  z.strictObject({ kind: z.enum(['human', 'facilitator', 'scripted']) }),
]);

const saveSchema = z.strictObject({
  format: z.literal(AUTOSAVE_FORMAT),
  version: z.literal(AUTOSAVE_VERSION),
  gameVersion: z.string().max(40),
  savedAt: z.string().max(40),
  scenario: z.unknown(),
  seed: z.string().min(1).max(200),
  seats: z.record(z.string().min(1).max(40), seatSchema),
  actions: actionLogSchema,
  hash: z.string().regex(/^[0-9a-f]{16}$/),
  finished: z.boolean(),
});

export interface Autosave {
  scenario: Scenario;
  seed: string;
  seats: Seats;
  actions: Action[];
  hash: string;
  finished: boolean;
  savedAt: string;
}

export type SaveCheck = { ok: true; save: Autosave; state: GameState } | { ok: false; reason: string };

/** Reads a save's text and re-runs it: the save and its state, or why it cannot be used. */
export function checkSave(text: string): SaveCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not readable (the text is cut off or damaged)' };
  }
  const head = z.looseObject({ format: z.string(), version: z.number() }).safeParse(json);
  if (!head.success || head.data.format !== AUTOSAVE_FORMAT) return { ok: false, reason: 'it is not a Forge & Shield saved game' };
  if (head.data.version !== AUTOSAVE_VERSION)
    return { ok: false, reason: `it was saved in format ${head.data.version}; this version of the game reads format ${AUTOSAVE_VERSION}` };
  const parsed = saveSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `its ${issue.path.join('.') || 'contents'} field is not valid (${issue.message})` };
  }
  const scenario = parseScenario(parsed.data.scenario);
  if (!scenario.ok) return { ok: false, reason: `its scenario is not valid (${scenario.errors[0]?.path}: ${scenario.errors[0]?.message})` };
  const data = parsed.data;
  const seats = data.seats as Seats;
  const again = replay(scenario.scenario, data.seed, seats, data.actions);
  if (again.failure)
    return { ok: false, reason: `it does not verify: action ${again.failure.index + 1} of ${data.actions.length} is refused by the rules (${again.failure.rejection.message}). The game may have been updated since it was saved.` };
  if (again.finalHash !== data.hash)
    return { ok: false, reason: `it does not verify: re-playing its ${data.actions.length} actions gives state ${again.finalHash}, the save recorded ${data.hash}. The game may have been updated since it was saved.` };
  return {
    ok: true,
    state: again.state,
    save: { scenario: scenario.scenario, seed: data.seed, seats, actions: data.actions, hash: data.hash, finished: data.finished, savedAt: data.savedAt },
  };
}

export interface SaveInput {
  scenario: Scenario;
  seed: string;
  seats: Seats;
  actions: readonly Action[];
  hash: string;
  finished: boolean;
}

export function saveText(input: SaveInput, savedAt: string): string {
  return JSON.stringify({
    format: AUTOSAVE_FORMAT, version: AUTOSAVE_VERSION, gameVersion: GAME_VERSION, savedAt,
    scenario: input.scenario, seed: input.seed, seats: input.seats, actions: input.actions, hash: input.hash, finished: input.finished,
  });
}

export type SlotState =
  | { kind: 'empty' }
  | { kind: 'saved'; save: Autosave; state: GameState }
  /** The slot held a save that cannot be used; it now lives under `key` (or still in the slot when moving it failed). */
  | { kind: 'unreadable'; key: string; reason: string };

export interface KeptSave { key: string; text: string; reason: string }

/** Reads the autosave slot. An unusable save is moved aside (kept, never dropped) and reported. */
export function inspectAutosave(storage: SaveStorage): SlotState {
  const text = storage.getItem(AUTOSAVE_KEY);
  if (text === null) return { kind: 'empty' };
  const check = checkSave(text);
  if (check.ok) return { kind: 'saved', save: check.save, state: check.state };
  const key = `${KEPT_PREFIX}${hashValue(text)}`;
  try {
    storage.setItem(key, text);
    storage.removeItem(AUTOSAVE_KEY);
    return { kind: 'unreadable', key, reason: check.reason };
  } catch {
    // No room to move it: it stays in the slot, and writing stays blocked until it is dealt with.
    return { kind: 'unreadable', key: AUTOSAVE_KEY, reason: check.reason };
  }
}

/** Every unusable save kept in this browser, oldest key order (the slot itself first when it is stuck there). */
export function keptSaves(storage: SaveStorage): KeptSave[] {
  const out: KeptSave[] = [];
  const slot = storage.getItem(AUTOSAVE_KEY);
  if (slot !== null) {
    const check = checkSave(slot);
    if (!check.ok) out.push({ key: AUTOSAVE_KEY, text: slot, reason: check.reason });
  }
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(KEPT_PREFIX)) keys.push(key);
  }
  for (const key of keys.sort()) {
    const text = storage.getItem(key);
    if (text === null) continue;
    const check = checkSave(text);
    out.push({ key, text, reason: check.ok ? 'it was set aside earlier' : check.reason });
  }
  return out;
}

export function discardKept(storage: SaveStorage, key: string): void {
  if (key === AUTOSAVE_KEY || key.startsWith(KEPT_PREFIX)) storage.removeItem(key);
}

export type WriteResult =
  | { ok: true }
  | { ok: false; reason: 'full' | 'blocked' | 'unavailable'; message: string };

/**
 * Writes the game in play to the slot. Refuses (and says so) when the slot still holds an unusable
 * save that could not be moved aside, so that save is never overwritten silently.
 */
export function writeAutosave(storage: SaveStorage, input: SaveInput, savedAt: string, slotIsOurs: boolean): WriteResult {
  try {
    if (!slotIsOurs) {
      const existing = storage.getItem(AUTOSAVE_KEY);
      if (existing !== null && !checkSave(existing).ok)
        return { ok: false, reason: 'blocked', message: 'An unreadable saved game is kept in this browser, so this game is not being saved. Download or discard it from the main menu.' };
    }
    storage.setItem(AUTOSAVE_KEY, saveText(input, savedAt));
    return { ok: true };
  } catch (err) {
    if (isQuotaError(err))
      return { ok: false, reason: 'full', message: 'The browser’s storage is full, so this game is not being saved. The game goes on; save a replay file to keep it.' };
    return { ok: false, reason: 'unavailable', message: 'This browser does not let the game save (storage is switched off). The game goes on; save a replay file to keep it.' };
  }
}

export function clearAutosave(storage: SaveStorage): void {
  storage.removeItem(AUTOSAVE_KEY);
}

export function isQuotaError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: string; code?: number };
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014;
}

/** The browser's localStorage, or null when it is switched off (reading it can throw). */
export function browserStorage(): SaveStorage | null {
  try {
    const s = window.localStorage;
    s.getItem(AUTOSAVE_KEY);
    return s;
  } catch {
    return null;
  }
}
