import type { LogEntry } from './state';

// The game's log is kept in chunks, one per turn (a new chunk starts with the first entry of a turn):
// an action copies only the current turn's entries and the short list of chunks, not the whole log,
// which late in a long game is thousands of entries (copying it was a fifth of an action's time).
// Finished chunks are shared by every later state. Read it through these functions; the state hash
// counts the entries in order as one list (hash.ts), so the chunking does not show in any hash.

export type GameLog = readonly (readonly LogEntry[])[];

/** The log with `entries` appended; `freeze` freezes the new chunks and list (immer's auto-freeze). */
export function appendLog(log: GameLog, entries: readonly LogEntry[], freeze: boolean): LogEntry[][] {
  const out = log.slice() as LogEntry[][];
  let open: LogEntry[] | null = null; // the last chunk, copied to be appended to
  for (const entry of entries) {
    if (open === null || open[0]!.turn !== entry.turn) {
      const last = out[out.length - 1];
      if (open === null && last !== undefined && last[0]!.turn === entry.turn) {
        open = last.slice();
        out[out.length - 1] = open;
      } else {
        if (open !== null && freeze) Object.freeze(open);
        open = [];
        out.push(open);
      }
    }
    open.push(entry);
  }
  if (freeze) {
    if (open !== null) Object.freeze(open);
    Object.freeze(out);
  }
  return out;
}

const sizes = new WeakMap<GameLog, number>();

/** How many entries the log holds. */
export function logSize(log: GameLog): number {
  let n = sizes.get(log);
  if (n === undefined) {
    n = 0;
    for (const chunk of log) n += chunk.length;
    sizes.set(log, n);
  }
  return n;
}

/** Entries from..to (end excluded) as one list, like Array.prototype.slice (negative indices count from the end). */
export function logEntries(log: GameLog, from = 0, to?: number): LogEntry[] {
  const size = logSize(log);
  const start = from < 0 ? Math.max(0, size + from) : Math.min(from, size);
  const end = to === undefined ? size : to < 0 ? Math.max(0, size + to) : Math.min(to, size);
  const out: LogEntry[] = [];
  let at = 0;
  for (const chunk of log) {
    const next = at + chunk.length;
    if (next > start && at < end) {
      for (let i = Math.max(start - at, 0); i < chunk.length && at + i < end; i++) out.push(chunk[i]!);
    }
    if (next >= end) break;
    at = next;
  }
  return out;
}

/** The entries of the log from the newest back, for readers that stop early. */
export function* newestFirst(log: GameLog): Generator<LogEntry> {
  for (let c = log.length - 1; c >= 0; c--) {
    const chunk = log[c]!;
    for (let i = chunk.length - 1; i >= 0; i--) yield chunk[i]!;
  }
}
