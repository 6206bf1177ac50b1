import type { Rejection } from './actions';

// Stable codes: the board, bots, saves and tests rely on them. Messages are for players.
export const REJECTION_CODES = [
  'game/over', 'game/paused', 'game/waiting-for-choice', 'action/unknown', 'action/malformed',
  'role/unknown', 'role/not-seated', 'role/facilitator-only', 'step/not-your-step', 'phase/wrong-phase',
  'phase/answer-pending', 'budget/insufficient', 'workforce/insufficient', 'limit/reached',
  'target/unknown', 'target/invalid', 'agreement/not-allowed', 'agreement/duplicate', 'agreement/not-party',
  'agreement/terms-invalid', 'proposal/unknown', 'proposal/not-addressee', 'proposal/counter-limit',
  'line/not-owner', 'line/not-ready', 'tech/max-level', 'tech/in-progress', 'tech/no-agreement',
  'stock/insufficient', 'battery/not-owner', 'battery/not-operational', 'battery/no-route',
  'battery/same-region', 'airlift/none', 'threat/over-limit', 'threat/no-table', 'track/unknown',
  'track/out-of-bounds', 'card/unknown', 'choice/invalid', 'move/requirement-unmet', 'region/undamaged',
  'role/not-red', 'tech/approval-refused',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export function reject(code: RejectionCode, message: string, details?: Record<string, unknown>): Rejection {
  return details ? { code, message, details } : { code, message };
}
