import * as z from 'zod/mini';
import { hashValue, issueToError, parseScenario, replay, type Action, type GameState, type Scenario, type Seats } from '../core';
import { actionLogSchema, seatSchema } from './actionSchema';
import { readJson } from './jsonText';
import { GAME_VERSION, parseReplayFile, type ReplayFile } from './replayFile';

// Autosave: after every action the game in play is written to the browser's storage under one
// versioned key. A save is re-run through the rules when it is read and must come out at the hash it
// recorded. A save that cannot be read or does not verify is never overwritten: it is moved aside
// under its own key, reported, and offered for download until the player discards it.

export const AUTOSAVE_KEY = 'forge-shield/autosave/v1';
/** Unreadable saves are kept under this prefix plus a hash of their text. */
export const KEPT_PREFIX = 'forge-shield/unreadable-save/';
export const AUTOSAVE_FORMAT = 'forge-shield-autosave';
/** Version 2 adds `origin` (a forked game's original replay); version 1 saves still load. */
export const AUTOSAVE_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2];

/** Why a stored record whose text is not JSON cannot be used (saves and watched replays). */
export const UNREADABLE = 'it is not readable (the text is cut off or damaged)';
/** A kept record that reads without a problem now. */
export const SET_ASIDE = 'it was set aside earlier';

export type SaveStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const saveSchema = z.strictObject({
  format: z.literal(AUTOSAVE_FORMAT),
  version: z.literal([1, 2]),
  gameVersion: z.string().check(z.maxLength(40)),
  savedAt: z.string().check(z.maxLength(40)),
  scenario: z.unknown(),
  seed: z.string().check(z.minLength(1), z.maxLength(200)),
  seats: z.record(z.string().check(z.minLength(1), z.maxLength(40)), seatSchema),
  actions: actionLogSchema,
  hash: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  finished: z.boolean(),
  /** Checked on its own (checkOrigin): a damaged origin loses the origin, never the game. */
  origin: z.optional(z.unknown()),
});

const originSchema = z.strictObject({
  label: z.string().check(z.minLength(1), z.maxLength(200)),
  at: z.number().check(z.int(), z.gte(0), z.lte(100_000)),
  replay: z.unknown(),
});

/** A game forked from a replay: the original replay file as it was, the action it left at, and where it came from. */
export interface ForkOrigin { file: ReplayFile; at: number; label: string }

/** The origin part of a save could not be used: why (with its path), and the whole save's text, kept. */
export interface OriginProblem { reason: string; text: string }

export interface Autosave {
  scenario: Scenario;
  seed: string;
  seats: Seats;
  actions: Action[];
  hash: string;
  finished: boolean;
  origin: ForkOrigin | null;
}

export type SaveCheck =
  | { ok: true; save: Autosave; state: GameState; originProblem: OriginProblem | null }
  | { ok: false; reason: string };

/** Reads a save's text and re-runs it: the save and its state, or why it cannot be used. */
export function checkSave(text: string): SaveCheck {
  const json = readJson(text);
  if (json === undefined) return { ok: false, reason: UNREADABLE };
  const head: { format?: unknown; version?: unknown } = typeof json === 'object' && json !== null ? json : {};
  if (head.format !== AUTOSAVE_FORMAT || typeof head.version !== 'number') return { ok: false, reason: 'it is not a Forge & Shield saved game' };
  if (!READABLE_VERSIONS.includes(head.version))
    return { ok: false, reason: `it was saved in format ${head.version}; this version of the game reads formats ${READABLE_VERSIONS.join(' and ')}` };
  const parsed = saveSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issue = issueToError(parsed.error.issues[0]!);
    return { ok: false, reason: `its ${issue.path || 'contents'} field is not valid (${issue.message})` };
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
  const origin = data.origin === undefined ? { ok: true as const, origin: null } : checkOrigin(data.origin, data.version, scenario.scenario, data.seed);
  return {
    ok: true,
    state: again.state,
    save: { scenario: scenario.scenario, seed: data.seed, seats, actions: data.actions, hash: data.hash, finished: data.finished, origin: origin.ok ? origin.origin : null },
    originProblem: origin.ok ? null : { reason: origin.reason, text },
  };
}

const ORIGIN_DAMAGED = 'its record of the original replay this game was forked from cannot be used';

/**
 * The origin of a forked game: the original replay, read like any replay file, of this scenario and seed.
 * The logs may part before `at` (an undo right after the fork): the comparison finds where.
 */
function checkOrigin(json: unknown, version: number, scenario: Scenario, seed: string): { ok: true; origin: ForkOrigin } | { ok: false; reason: string } {
  const damaged = (where: string, why: string) => ({ ok: false as const, reason: `${ORIGIN_DAMAGED} (${where}: ${brief(why)}); the game itself plays on without it` });
  if (version < 2) return damaged('origin', `a format ${version} save has no origin field`);
  const parsed = originSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issue = issueToError(parsed.error.issues[0]!);
    return damaged(issue.path ? `origin.${issue.path}` : 'origin', issue.message);
  }
  const file = parseReplayFile(parsed.data.replay);
  if (!file.ok) {
    const e = file.errors[0]!;
    return damaged(e.path ? `origin.replay.${e.path}` : 'origin.replay', e.message);
  }
  const { replay: original } = file;
  const { at, label } = parsed.data;
  if (original.scenarioHash !== hashValue(scenario) || original.seed !== seed)
    return damaged('origin.replay', `it is a replay of another game (${original.scenario.title}, seed ${original.seed}), not the one this game was forked from`);
  if (at > original.actions.length)
    return damaged('origin.at', `the fork point, action ${at}, lies past the end of the original's ${original.actions.length} actions`);
  return { ok: true, origin: { file: original, at, label } };
}

/** A long list of allowed values is named by its size: the reason is read in a dialog and a menu card. */
function brief(message: string): string {
  const list = /^expected one of (.*), got (.*)$/.exec(message);
  if (list && message.length > 120) return `expected one of ${list[1]!.split(', ').length} known values, got ${list[2]}`;
  return message.length > 200 ? `${message.slice(0, 199)}…` : message;
}

export interface SaveInput {
  scenario: Scenario;
  seed: string;
  seats: Seats;
  actions: readonly Action[];
  hash: string;
  finished: boolean;
  origin?: ForkOrigin | null;
}

export function saveText(input: SaveInput, savedAt: string): string {
  const origin = input.origin ? { label: input.origin.label, at: input.origin.at, replay: input.origin.file } : undefined;
  return JSON.stringify({
    format: AUTOSAVE_FORMAT, version: AUTOSAVE_VERSION, gameVersion: GAME_VERSION, savedAt,
    scenario: input.scenario, seed: input.seed, seats: input.seats, actions: input.actions, hash: input.hash, finished: input.finished, origin,
  });
}

export type SlotState =
  | { kind: 'empty' }
  /** `originProblem`: the game is fine but its origin is not; the save's text is kept under `key` (null when there was no room). */
  | { kind: 'saved'; save: Autosave; state: GameState; originProblem: (OriginProblem & { key: string | null }) | null }
  /** The slot held a save that cannot be used; it now lives under `key` (or still in the slot when moving it failed). */
  | { kind: 'unreadable'; key: string; reason: string };

/** `part`: what could not be used — the whole game, or only a forked game's record of its original (the game resumed without it). */
export interface KeptSave { key: string; text: string; reason: string; part: 'game' | 'origin' }

/** Reads the autosave slot. An unusable save is moved aside (kept, never dropped) and reported. */
export function inspectAutosave(storage: SaveStorage): SlotState {
  const text = storage.getItem(AUTOSAVE_KEY);
  if (text === null) return { kind: 'empty' };
  const check = checkSave(text);
  if (check.ok) {
    if (!check.originProblem) return { kind: 'saved', save: check.save, state: check.state, originProblem: null };
    // The game resumes and its next autosave drops the damaged origin: keep the text as it was first.
    const kept = `${KEPT_PREFIX}${hashValue(text)}`;
    let key: string | null = kept;
    try { storage.setItem(kept, text); } catch { key = null; }
    return { kind: 'saved', save: check.save, state: check.state, originProblem: { ...check.originProblem, key } };
  }
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
    if (!check.ok) out.push({ key: AUTOSAVE_KEY, text: slot, reason: check.reason, part: 'game' });
  }
  for (const key of storedKeys(storage, (k) => k.startsWith(KEPT_PREFIX))) {
    const text = storage.getItem(key);
    if (text === null) continue;
    const check = checkSave(text);
    if (check.ok && check.originProblem) out.push({ key, text, reason: check.originProblem.reason, part: 'origin' });
    else out.push({ key, text, reason: !check.ok ? check.reason : SET_ASIDE, part: 'game' });
  }
  return out;
}

/** The keys of a storage that pass `keep`, in sorted order. */
export function storedKeys(storage: SaveStorage, keep: (key: string) => boolean): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && keep(key)) keys.push(key);
  }
  return keys.sort();
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
    return SAVING_OFF;
  }
}

/** A browser that lets nothing be stored: the game goes on unsaved. */
export const SAVING_OFF: WriteResult = { ok: false, reason: 'unavailable', message: 'This browser does not let the game save (storage is switched off). The game goes on; save a replay file to keep it.' };

export function clearAutosave(storage: SaveStorage): void {
  storage.removeItem(AUTOSAVE_KEY);
}

export function isQuotaError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: string; code?: number };
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014;
}

/** The browser's localStorage, or null when it is switched off (reading it can throw). */
export const browserStorage = (): SaveStorage | null => storageOf('localStorage');

/** The tab's own storage (it outlives a reload, not the tab), or null when it is switched off. */
export const tabStorage = (): SaveStorage | null => storageOf('sessionStorage');

function storageOf(name: 'localStorage' | 'sessionStorage'): SaveStorage | null {
  try {
    const s = window[name];
    s.getItem(AUTOSAVE_KEY);
    return s;
  } catch {
    return null;
  }
}
