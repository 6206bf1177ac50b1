// Small wordings shared by the debrief and the panels (ui/dom.ts passes them on).

/** A number as the game words it: whole, or with one decimal. */
export const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The text with a capital first letter (the core's own). */
export { capitalise as cap } from '../core';

/** An action type in words, when nothing better says what the action did: `orderRedeploy` → "order redeploy". */
export const typeWords = (type: string): string => type.replace(/([A-Z])/g, ' $1').toLowerCase();
