import type { GameState, LegalAction } from '../core';

// Small wordings shared by the debrief and the panels (ui/dom.ts passes them on).

/** A number as the game words it: whole, or with one decimal. */
export const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** The text with a capital first letter (the core's own). */
export { capitalise as cap } from '../core';

/** An action type in words, when nothing better says what the action did: `orderRedeploy` → "order redeploy". */
export const typeWords = (type: string): string => type.replace(/([A-Z])/g, ' $1').toLowerCase();

/** Names repeated across theatres ("Capital region") get their theatre added, so every choice is distinct. */
export function displayLabel(s: GameState, l: LegalAction): string {
  const a = l.action as Record<string, unknown>;
  const region = typeof a.to === 'string' ? a.to : typeof a.region === 'string' ? a.region : null;
  const r = region ? s.scenario.regions.find((x) => x.id === region) : undefined;
  if (!r || s.scenario.regions.filter((x) => x.name === r.name).length < 2) return l.label;
  const theatre = s.scenario.theatres.find((t) => t.id === r.theatre)?.name ?? '';
  return l.label.replace(r.name, `${r.name} (${theatre})`);
}
