import type { ImportResult } from './replayImport';
import { importSummary, replayFileOf } from './replayImport';
import type { ReplayFile } from './replayFile';
import { ReplayTimeline } from './replayTimeline';

// The replay being watched: its timeline, the file it came from (saved again as it was), and what
// verifying it found. The viewer scene reads it from here, as the board scene reads the session.

export interface ViewerSession {
  timeline: ReplayTimeline;
  file: ReplayFile;
  /** Where it came from, for the player: a file name, "a share link", "your last game". */
  source: string;
  verdict: { ok: boolean; text: string };
  /** Position to open at. */
  start: number;
}

let current: ViewerSession | null = null;

/** Opens an imported file (verified or diverged) for watching. */
export function viewImported(result: Exclude<ImportResult, { kind: 'unusable' }>, source: string): ViewerSession {
  const timeline = new ReplayTimeline(result.file);
  current = { timeline, file: result.file, source, verdict: { ok: result.kind === 'verified', text: importSummary(result) }, start: result.kind === 'diverged' ? result.action : 0 };
  exposeForTests();
  return current;
}

/** Opens a log that carries no recorded hashes (a share link, the last game): re-run, not compared. */
export function viewLog(game: { scenario: ReplayFile['scenario']; seed: string; seats: ReplayFile['seats']; actions: ReplayFile['actions'] }, source: string, verdictText: string): ViewerSession {
  const { file } = replayFileOf(game);
  const timeline = new ReplayTimeline(file);
  const ok = timeline.refused === null;
  current = { timeline, file, source, verdict: { ok, text: ok ? verdictText : `Action ${timeline.refused!.index + 1} is refused by the rules: ${timeline.refused!.message}` }, start: 0 };
  exposeForTests();
  return current;
}

export function currentViewer(): ViewerSession | null {
  return current;
}

export function closeViewer(): void {
  current = null;
}

/** What the browser tests read back: the hashes the rules computed here, turn by turn. */
function exposeForTests(): void {
  const w = window as unknown as { __forge?: Record<string, unknown> };
  const handle = (w.__forge ??= {});
  const v = current;
  handle.viewer = v && {
    turnHashes: () => [...v.timeline.turnHashes],
    length: () => v.timeline.length,
    verdict: () => v.verdict,
  };
}
