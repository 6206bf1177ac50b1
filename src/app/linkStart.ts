import { hashValue, replay, type Action, type Scenario, type Seats } from '../core';
import { buildLink, decodeLink, type LinkPayload } from './shareLink';

// What opening a share link does: start the same game, or watch the same replay. A link carries the
// scenario's id only, so it works for the scenarios that ship with the game; a scenario loaded from a
// file cannot travel in a link and is shared as a replay file instead (the file embeds the scenario).

export type LinkStart =
  | { kind: 'play'; scenario: Scenario; seed: string; seats: Seats }
  | { kind: 'replay'; scenario: Scenario; seed: string; seats: Seats; actions: Action[] };

export type LinkOpen = { ok: true; start: LinkStart } | { ok: false; message: string };

/** Reads a page's URL fragment: null when there is no game link in it, else what to start or why not. */
export async function openLink(fragment: string, shipped: readonly Scenario[]): Promise<LinkOpen | null> {
  const decoded = await decodeLink(fragment);
  if (decoded === null) return null;
  if (!decoded.ok) return decoded;
  return startFromPayload(decoded.payload, shipped);
}

export function startFromPayload(p: LinkPayload, shipped: readonly Scenario[]): LinkOpen {
  const scenario = shipped.find((s) => s.id === p.scenario);
  if (!scenario)
    return { ok: false, message: `This link is for the scenario “${p.scenario}”, which this version of the game does not include. If it was loaded from a file, ask for the replay file instead: it carries the scenario with it.` };
  const roles = new Set(scenario.roles.map((r) => r.id));
  const unknown = Object.keys(p.seats).find((r) => r !== 'facilitator' && !roles.has(r));
  if (unknown) return { ok: false, message: `This link seats a role “${unknown}” that “${scenario.title}” does not have. It may come from a different version of the game.` };
  const seats: Seats = { ...p.seats };
  const missing = scenario.roles.find((r) => !seats[r.id]);
  if (missing) return { ok: false, message: `This link does not say who plays ${missing.name} in “${scenario.title}”. Ask for the link again.` };
  if (p.kind === 'replay') {
    const actions = p.actions ?? [];
    const again = replay(scenario, p.seed, seats, actions);
    if (again.failure)
      return { ok: false, message: `This replay link does not fit this version of “${scenario.title}”: action ${again.failure.index + 1} (turn ${again.failure.turn}) is refused by the rules (${again.failure.rejection.message}).` };
    return { ok: true, start: { kind: 'replay', scenario, seed: p.seed, seats, actions } };
  }
  // A class-session link opens the same game here (the projector view reads it on its own page).
  return { ok: true, start: { kind: 'play', scenario, seed: p.seed, seats } };
}

/** A scenario travels in a link only when this build ships exactly that scenario. */
export function isShipped(scenario: Scenario, shipped: readonly Scenario[]): boolean {
  const same = shipped.find((s) => s.id === scenario.id);
  return !!same && hashValue(same) === hashValue(scenario);
}

export type ShareOutcome =
  | { kind: 'link'; url: string }
  | { kind: 'file'; why: 'tooLong' | 'custom'; length?: number };

/** The link for a game (its start, or its replay so far), or why it must be a file instead. */
export async function shareFor(base: string, game: { scenario: Scenario; seed: string; seats: Seats; actions?: readonly Action[] }, shipped: readonly Scenario[]): Promise<ShareOutcome> {
  if (!isShipped(game.scenario, shipped)) return { kind: 'file', why: 'custom' };
  const payload: LinkPayload = { v: 1, kind: game.actions ? 'replay' : 'play', scenario: game.scenario.id, seed: game.seed, seats: game.seats };
  if (game.actions) payload.actions = [...game.actions];
  const built = await buildLink(base, payload);
  return built.ok ? { kind: 'link', url: built.url } : { kind: 'file', why: 'tooLong', length: built.length };
}

/** What the player is told when a link could not be made. */
export function fileFallbackText(o: Extract<ShareOutcome, { kind: 'file' }>, fileName: string): string {
  if (o.why === 'custom')
    return `This scenario was loaded from a file, and a link can only name the scenarios that come with the game. The game saved a replay file instead (${fileName}); it carries the scenario. Send the file; it opens with “Open a replay file” in the main menu.`;
  return `This game is too long for a link (${o.length ?? 0} characters; links stop working reliably past 8,000). The game saved a replay file instead (${fileName}). Send the file; it opens with “Open a replay file” in the main menu.`;
}
