import { hashValue, type Scenario } from '../core';
import { isQuotaError, SET_ASIDE, storedKeys, UNREADABLE, type SaveStorage } from './autosave';
import { isRecord, readJson } from './jsonText';
import { importReplayText, type ImportResult } from './replayImport';

// A reload while a replay is being watched comes back to it, as a reload in a game resumes the game.
// The tab's sessionStorage holds the replay being watched (its file text, where it came from) under one
// versioned key and the moment shown (position, speed) under another, small one that is rewritten at
// every move. On reload the text goes through the same reading and verifying as an imported file. A
// record that cannot be used is never dropped: it is moved aside, reported and offered for download.

export const WATCHED_KEY = 'forge-shield/viewer/v1';
export const WATCHED_AT_KEY = 'forge-shield/viewer/v1/at';
/** Unusable records are kept under this prefix plus a hash of their text (in localStorage when it has room). */
export const KEPT_REPLAY_PREFIX = 'forge-shield/unreadable-replay/';
export const WATCHED_FORMAT = 'forge-shield-viewer';
export const WATCHED_VERSION = 1;

export interface WatchedReplay {
  /** Where it came from, for the player: a file name, "a share link", "your last game". */
  source: string;
  /** The verdict to show again for a log that carried no recorded hashes (a link, the last game); null for a file. */
  note: string | null;
  /** The replay file's text (docs/replay-format.md). */
  replay: string;
}

export interface WatchedAt { position: number; speed: string }

export type StoreResult = { ok: true } | { ok: false; message: string };

const FULL = 'The browser’s storage is full, so a reload will not come back to this replay. The viewer goes on; save the replay file to keep it.';
export const OFF = 'This browser does not let the game keep anything (storage is switched off), so a reload will not come back to this replay. The viewer goes on.';

export function watchedText(w: WatchedReplay): string {
  return JSON.stringify({ format: WATCHED_FORMAT, version: WATCHED_VERSION, source: w.source, note: w.note, replay: w.replay });
}

/** Stores the replay being watched. When it does not fit, any older record goes too, so a reload never opens the wrong replay. */
export function rememberWatched(storage: SaveStorage, w: WatchedReplay, at: WatchedAt): StoreResult {
  try {
    storage.setItem(WATCHED_KEY, watchedText(w));
    storage.setItem(WATCHED_AT_KEY, JSON.stringify(at));
    return { ok: true };
  } catch (err) {
    forgetWatched(storage);
    return { ok: false, message: isQuotaError(err) ? FULL : OFF };
  }
}

/** Stores the moment shown; the replay itself was stored when the viewer opened. */
export function rememberAt(storage: SaveStorage, at: WatchedAt): StoreResult {
  try {
    storage.setItem(WATCHED_AT_KEY, JSON.stringify(at));
    return { ok: true };
  } catch (err) {
    return { ok: false, message: isQuotaError(err) ? FULL : OFF };
  }
}

/** Leaving the viewer: the tab is no longer watching a replay. */
export function forgetWatched(storage: SaveStorage): void {
  try {
    storage.removeItem(WATCHED_KEY);
    storage.removeItem(WATCHED_AT_KEY);
  } catch { /* storage switched off: nothing was stored */ }
}

export type WatchedCheck =
  | { ok: true; watched: WatchedReplay; result: Exclude<ImportResult, { kind: 'unusable' }>; at: WatchedAt | null; atProblem: string | null }
  | { ok: false; reason: string };


/** Reads a stored record and its replay the way an imported file is read: the replay ready to watch, or why not. */
export function checkWatched(text: string, atText: string | null, shipped: readonly Scenario[], speeds: readonly string[]): WatchedCheck {
  const json = readJson(text);
  if (json === undefined) return { ok: false, reason: UNREADABLE };
  if (!isRecord(json) || json.format !== WATCHED_FORMAT) return { ok: false, reason: 'it is not a replay the viewer stored' };
  if (json.version !== WATCHED_VERSION)
    return { ok: false, reason: `it was stored in format ${json.version}; this version of the game reads format ${WATCHED_VERSION}` };
  const { source, note, replay } = json;
  if (typeof source !== 'string' || source.length === 0 || source.length > 300) return { ok: false, reason: 'its source field is not valid (expected a name of 1 to 300 characters)' };
  if (note !== null && (typeof note !== 'string' || note.length > 1000)) return { ok: false, reason: 'its note field is not valid (expected a sentence or null)' };
  if (typeof replay !== 'string') return { ok: false, reason: 'its replay field is not valid (expected the text of a replay file)' };
  const result = importReplayText(replay, shipped);
  if (result.kind === 'unusable') return { ok: false, reason: `the replay in it cannot be used (${result.problems[0] ?? 'no details'})` };
  const at = readAt(atText, speeds);
  return { ok: true, watched: { source, note, replay }, result, at: at.ok ? at.at : null, atProblem: at.ok ? null : at.problem };
}

function readAt(text: string | null, speeds: readonly string[]): { ok: true; at: WatchedAt } | { ok: false; problem: string } {
  const problem = 'The moment you were watching could not be read back, so the replay opens at its start.';
  const json = text === null ? null : readJson(text);
  if (isRecord(json) && Number.isInteger(json.position) && (json.position as number) >= 0 && typeof json.speed === 'string' && speeds.includes(json.speed))
    return { ok: true, at: { position: json.position as number, speed: json.speed } };
  return { ok: false, problem };
}

export type Reopen =
  | { kind: 'none' }
  | Extract<WatchedCheck, { ok: true }> & { kind: 'open' }
  /** Could not be used: kept under `key` in `where`, and reported. */
  | { kind: 'kept'; key: string; where: 'local' | 'session'; reason: string };

/**
 * Takes the record out of the tab's storage (the menu is on screen: the tab no longer watches a replay).
 * A usable one is returned to reopen; an unusable one is moved aside, to localStorage when it has room.
 */
export function takeWatched(session: SaveStorage, local: SaveStorage | null, shipped: readonly Scenario[], speeds: readonly string[]): Reopen {
  const text = session.getItem(WATCHED_KEY);
  const atText = session.getItem(WATCHED_AT_KEY);
  if (text === null) { forgetWatched(session); return { kind: 'none' }; }
  const check = checkWatched(text, atText, shipped, speeds);
  forgetWatched(session);
  if (check.ok) return { kind: 'open', ...check };
  const key = `${KEPT_REPLAY_PREFIX}${hashValue(text)}`;
  for (const [where, storage] of [['local', local], ['session', session]] as const) {
    if (!storage) continue;
    try {
      storage.setItem(key, text);
      return { kind: 'kept', key, where, reason: check.reason };
    } catch { /* try the next place */ }
  }
  // No room anywhere else: back where it was (it fitted there), still reported and offered for download.
  try { session.setItem(WATCHED_KEY, text); } catch { /* cannot happen: the same text was there a moment ago */ }
  return { kind: 'kept', key: WATCHED_KEY, where: 'session', reason: check.reason };
}

export interface KeptReplay { key: string; where: 'local' | 'session'; reason: string; download: { name: string; text: string } }

/** Every unusable viewer record kept in this browser (localStorage first, then this tab's). */
export function keptReplays(local: SaveStorage | null, session: SaveStorage | null, shipped: readonly Scenario[]): KeptReplay[] {
  const out: KeptReplay[] = [];
  for (const [where, storage] of [['local', local], ['session', session]] as const) {
    if (!storage) continue;
    for (const key of storedKeys(storage, (k) => k.startsWith(KEPT_REPLAY_PREFIX) || (where === 'session' && k === WATCHED_KEY))) {
      const text = storage.getItem(key);
      if (text === null) continue;
      const check = checkWatched(text, null, shipped, []);
      out.push({ key, where, reason: check.ok ? SET_ASIDE : check.reason, download: keptDownload(text) });
    }
  }
  return out;
}

/** What "Download it" saves: the replay file inside the record when it can be found, else the record as it is. */
export function keptDownload(text: string): { name: string; text: string } {
  const json = readJson(text);
  if (isRecord(json) && typeof json.replay === 'string') return { name: 'forge-shield-unreadable.replay.json', text: json.replay };
  // The record itself is damaged: download it whole.
  return { name: 'forge-shield-unreadable-viewer-record.json', text };
}

export function discardKeptReplay(storage: SaveStorage, key: string): void {
  if (key.startsWith(KEPT_REPLAY_PREFIX) || key === WATCHED_KEY) storage.removeItem(key);
}
