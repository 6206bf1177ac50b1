import { stateHash, type Scenario } from '../core';
import { browserStorage, tabStorage } from './autosave';
import { formatReplayFile, type ReplayFile } from './replayFile';
import type { ImportResult } from './replayImport';
import { replayFileOf } from './replayImport';
import { ReplayTimeline } from './replayTimeline';
import { forgetWatched, OFF, rememberAt, rememberWatched, takeWatched, type Reopen, type StoreResult } from './viewerResume';

// The replay being watched: its timeline, the file it came from (saved again as it was), and what
// verifying it found. The viewer scene reads it from here, as the board scene reads the session.
// The tab's storage keeps it too, so a reload comes back to the same moment (app/viewerResume.ts).

export interface ViewerSession {
  timeline: ReplayTimeline;
  file: ReplayFile;
  /** Where it came from, for the player: a file name, "a share link", "your last game". */
  source: string;
  verdict: { ok: boolean; text: string };
  /** The verdict of a log that carried no recorded hashes, kept for a reload; null for a file. */
  note: string | null;
  /** Position to open at. */
  start: number;
  /** Playing speed to open with (a reload keeps it); null: the viewer's default. */
  speed: string | null;
  /** Said once when the viewer opens (a reload that could not read back the moment shown). */
  notice: string | null;
}

let current: ViewerSession | null = null;

export interface ViewOptions { note?: string | null; start?: number; speed?: string | null; notice?: string | null }

/** Opens an imported file (verified or diverged) for watching. */
export function viewImported(result: Exclude<ImportResult, { kind: 'unusable' }>, source: string, options: ViewOptions = {}): void {
  const timeline = new ReplayTimeline(result.file);
  const note = options.note ?? null;
  const verdict = { ok: result.kind === 'verified', text: result.kind === 'verified' && note ? note : result.text };
  const start = options.start ?? (result.kind === 'diverged' ? result.action : 0);
  current = { timeline, file: result.file, source, verdict, note, start, speed: options.speed ?? null, notice: options.notice ?? null };
  exposeForTests();
}

/** Opens a log that carries no recorded hashes (a share link, the last game): re-run, not compared. */
export function viewLog(game: { scenario: ReplayFile['scenario']; seed: string; seats: ReplayFile['seats']; actions: ReplayFile['actions'] }, source: string, verdictText: string): void {
  const { file } = replayFileOf(game);
  const timeline = new ReplayTimeline(file);
  const ok = timeline.refused === null;
  const verdict = { ok, text: ok ? verdictText : `Action ${timeline.refused!.index + 1} is refused by the rules: ${timeline.refused!.message}` };
  current = { timeline, file, source, verdict, note: ok ? verdictText : null, start: 0, speed: null, notice: null };
  exposeForTests();
}

export function currentViewer(): ViewerSession | null {
  return current;
}

export function closeViewer(): void {
  current = null;
}

/** The viewer has opened: store the replay and the moment shown so a reload comes back to it. */
export function storeViewer(v: ViewerSession, position: number, speed: string): StoreResult {
  const storage = tabStorage();
  if (!storage) return { ok: false, message: OFF };
  return rememberWatched(storage, { source: v.source, note: v.note, replay: formatReplayFile(v.file) }, { position, speed });
}

export function storeViewerAt(position: number, speed: string): StoreResult {
  const storage = tabStorage();
  return storage ? rememberAt(storage, { position, speed }) : { ok: true };
}

/** Leaving the viewer (to the menu or a forked game): a reload no longer comes back to it. */
export function unstoreViewer(): void {
  const storage = tabStorage();
  if (storage) forgetWatched(storage);
}

/**
 * The menu is on screen: takes the stored replay out of the tab's storage. When `open` is true and it
 * reads, it becomes the replay being watched (at its position and speed); one that cannot be used is kept.
 */
export function reopenViewer(open: boolean, shipped: readonly Scenario[], speeds: readonly string[]): Reopen {
  const storage = tabStorage();
  if (!storage) return { kind: 'none' };
  const taken = takeWatched(storage, browserStorage(), shipped, speeds);
  if (taken.kind === 'open' && open)
    viewImported(taken.result, taken.watched.source, { note: taken.watched.note, start: taken.at?.position ?? 0, speed: taken.at?.speed ?? null, notice: taken.atProblem });
  return taken;
}

/**
 * What the browser tests read back: the replay being watched (its timeline's hashes, turn by turn and
 * at any position) and the core's stateHash to hash a position with, read in the page (test/e2e/forge.ts).
 */
function exposeForTests(): void {
  const w = window as unknown as { __forge?: Record<string, unknown> };
  const handle = (w.__forge ??= {});
  handle.viewer = current;
  handle.stateHash = stateHash;
}
