import type { Action, Outcome, Seats } from '../../src/core';

// What the game puts on `window.__forge` for these tests (src/app/session.ts): the session in play
// itself. Read it inside page.evaluate (functions there cannot reach this module's values, only types).

export interface ForgeSession {
  store: {
    scenario: { id: string };
    seed: string;
    seats: Seats;
    getLog(): Action[];
    hash(): string;
    getState(): { outcome: Outcome | null };
  };
  origin: { label: string; at: number; file: { actions: unknown[] } } | null;
}

/** The replay being watched (src/app/viewerSession.ts) and the core's stateHash. */
export interface ForgeViewer {
  viewer: { timeline: { turnHashes: string[]; length: number; stateAt(position: number): unknown } };
  stateHash(state: unknown): string;
}

export type ForgeWindow = { __forge: { session: ForgeSession } & ForgeViewer };
