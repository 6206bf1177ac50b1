import { entry, type ActionOf, type LegalAction, type Rejection } from '../actions';
import type { Card } from '../scenario/schema';
import type { GameState } from '../state';
import { adjustTrack, capitalise, say, trackBounds, trackName, type Ctx } from '../context';
import { reject } from '../rejections';
import { cardById, injectCard } from './events';
import { finishGame } from './assessment';
import * as z from 'zod/mini';
import { effectSchema } from '../scenario/schema';
import { checkEffectReferences } from '../scenario/references';
import { issueToError } from '../scenario/messages';

const customEffects = z.array(effectSchema).check(z.maxLength(16));

// The facilitator (teacher) is not a nation: every intervention is an ordinary logged action,
// so a class session replays exactly.

export type FacilitatorAction = ActionOf<'pauseGame' | 'resumeGame' | 'injectCard' | 'adjustTrack' | 'revealHidden' | 'endGame'>;

export const hasFacilitator = (s: GameState): boolean => s.seats.facilitator?.kind === 'facilitator';

export function checkFacilitator(s: GameState, a: FacilitatorAction): Rejection | null {
  switch (a.type) {
    case 'pauseGame':
      return s.paused ? reject('target/invalid', 'The game is already paused.') : null;
    case 'resumeGame':
      return s.paused ? null : reject('target/invalid', 'The game is not paused.');
    case 'injectCard': {
      if (a.card !== null && a.card !== undefined) {
        if (typeof a.card !== 'string' || !cardById(s, a.card)) return reject('card/unknown', 'That card is not in this scenario’s deck.', { card: a.card });
        if (s.pendingChoice) return reject('game/waiting-for-choice', 'Wait until the open event choice is answered.');
        return null;
      }
      const c = a.custom;
      if (!c || typeof c.title !== 'string' || c.title.trim() === '' || typeof c.text !== 'string' || !Array.isArray(c.effects))
        return reject('action/malformed', 'A custom card needs a title, a text and a list of effects.');
      if (c.title.length > 80 || c.text.length > 500) return reject('action/malformed', 'A custom card’s title is at most 80 characters and its text at most 500.');
      const parsed = customEffects.safeParse(c.effects, { reportInput: true });
      const problems = parsed.success ? checkEffectReferences(s.scenario, parsed.data, 'effects') : parsed.error.issues.map(issueToError).map((e) => ({ ...e, path: `effects${e.path}` }));
      if (problems.length > 0) {
        const first = problems[0]!;
        return reject('action/malformed', `The custom card's effects cannot be used: ${first.path}: ${first.message}.`, { problems });
      }
      return null;
    }
    case 'adjustTrack': {
      if (typeof a.track !== 'string' || !(a.track in s.tracks)) return reject('track/unknown', 'There is no such track in this game.', { track: a.track });
      if (!Number.isInteger(a.by) || a.by === 0) return reject('action/malformed', 'Adjust a track by a whole number other than zero.');
      const [min, max] = trackBounds(s, a.track);
      const to = (s.tracks[a.track] ?? 0) + a.by;
      if (to < min || to > max)
        return reject('track/out-of-bounds', `${capitalise(trackName(s, a.track))} must stay between ${min} and ${max}; it is ${s.tracks[a.track]}.`, { to });
      return null;
    }
    case 'revealHidden':
      return typeof a.reveal === 'boolean' && a.reveal !== s.revealed ? null : reject('target/invalid', a.reveal ? 'Hidden information is already revealed.' : 'Hidden information is already hidden.');
    case 'endGame':
      return typeof a.reason === 'string' && a.reason.length <= 200 ? null : reject('action/malformed', 'Give a short reason (at most 200 characters) for ending the game.');
  }
}

/** The facilitator's reveal switch, named for what it does next (the console's button says the same). */
export const revealLabel = (revealed: boolean): string => (revealed ? 'Hide private information' : 'Reveal hidden information');

export function applyFacilitator(ctx: Ctx, a: FacilitatorAction): void {
  const s = ctx.s;
  switch (a.type) {
    case 'pauseGame': s.paused = true; say(ctx, 'The facilitator pauses the game.'); break;
    case 'resumeGame': s.paused = false; say(ctx, 'The facilitator resumes the game.'); break;
    case 'injectCard': {
      const card: Card = a.card
        ? cardById(s, a.card)!
        : { id: 'custom', title: a.custom!.title, text: a.custom!.text, copies: 1, effects: customEffects.parse(a.custom!.effects) };
      injectCard(ctx, card);
      break;
    }
    case 'adjustTrack':
      say(ctx, `The facilitator adjusts ${trackName(s, a.track)}.`);
      adjustTrack(ctx, a.track, a.by, 'facilitator');
      break;
    case 'revealHidden':
      s.revealed = a.reveal;
      say(ctx, a.reveal ? 'The facilitator reveals hidden objectives and intelligence to the room.' : 'The facilitator hides private information again.');
      break;
    case 'endGame':
      finishGame(ctx, 'facilitator', a.reason.trim() === '' ? 'The facilitator ended the game.' : `The facilitator ended the game: ${a.reason.trim()}`);
      break;
  }
}

export function legalFacilitator(s: GameState): LegalAction[] {
  const role = 'facilitator' as const;
  if (s.outcome) return [];
  const out: LegalAction[] = [
    s.paused
      ? entry({ type: 'resumeGame', role }, 0, () => ['Resume the game', 'Players can act again.'])
      : entry({ type: 'pauseGame', role }, 0, () => ['Pause the game', 'Nobody but the facilitator can act until resumed.']),
    entry({ type: 'revealHidden', role, reveal: !s.revealed }, 0,
      () => [revealLabel(s.revealed), 'Shows or hides every role’s hidden objectives on the shared screen.']),
    entry({ type: 'endGame', role, reason: '' }, 0, () => ['End the game now', 'Scores are counted as they stand.']),
  ];
  if (!s.pendingChoice)
    for (const card of s.scenario.deck)
      out.push(entry({ type: 'injectCard', role, card: card.id, custom: null }, 0, () => [`Inject: ${card.title}`, card.text]));
  for (const key of Object.keys(s.tracks)) {
    const [min, max] = trackBounds(s, key);
    const v = s.tracks[key] ?? 0;
    if (v < max) out.push(entry({ type: 'adjustTrack', role, track: key, by: 1 }, 0, () => [`Raise ${trackName(s, key)}`, `${capitalise(trackName(s, key))} goes from ${v} to ${v + 1}.`]));
    if (v > min) out.push(entry({ type: 'adjustTrack', role, track: key, by: -1 }, 0, () => [`Lower ${trackName(s, key)}`, `${capitalise(trackName(s, key))} goes from ${v} to ${v - 1}.`]));
  }
  return out;
}
