import { entry, type ActionOf, type LegalAction, type Rejection } from '../actions';
import type { Card } from '../scenario/schema';
import type { GameState } from '../state';
import { append, draw, emit, peekField, roleName, say, type Ctx } from '../context';
import { applyEffects } from '../effects';
import { reject } from '../rejections';

// The event deck (DESIGN §4.1, §5.6): shuffled once from the events stream at the start, one or
// more cards drawn each turn; a card with a choice waits for its role's answer.

export function shuffleDeck(ctx: Ctx): void {
  const cards: string[] = [];
  for (const card of ctx.s.scenario.deck) for (let i = 0; i < card.copies; i++) cards.push(card.id);
  // With the events stream: the deck order is part of the seeded state.
  ctx.s.deck = shuffle(cards, () => draw(ctx, 'events'));
  ctx.s.discard = [];
}

/** Fisher–Yates in place, from the last item down (a bot samples the deck the same way). */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export const cardById = (s: GameState, id: string): Card | undefined => s.scenario.deck.find((c) => c.id === id);

export function drawNextEvent(ctx: Ctx): void {
  const s = ctx.s;
  // The deck and the discard pile replaced, not changed in place: the step stays light.
  const deck = peekField(s, 'deck');
  const id = deck[0];
  if (id === undefined) {
    say(ctx, 'The event deck is empty: no event this turn.');
    return;
  }
  s.deck = deck.slice(1);
  append(s, 'discard', id);
  const card = cardById(s, id);
  if (!card) return;
  resolveCard(ctx, card);
}

/** A card's title as the start of a log sentence: a full stop unless it already ends in one, '?' or '!'. */
function headline(title: string): string {
  const t = title.trim();
  return /[.?!…]$/.test(t) ? t : `${t}.`;
}

function resolveCard(ctx: Ctx, card: Card): void {
  const s = ctx.s;
  emit(ctx, { kind: 'card', card: card.id, text: `Event: ${headline(card.title)} ${card.text}` });
  applyEffects(ctx, card.effects, { actor: null, target: null }, 'events');
  if (card.choice) {
    const seat = peekField(s, 'seats')[card.choice.role];
    if (seat && seat.kind !== 'scripted') {
      s.pendingChoice = { card: card.id, role: card.choice.role };
      say(ctx, `${roleName(s, card.choice.role)} must choose: ${card.choice.prompt}`);
    } else {
      // An unplayed role takes the first option, as written in the scenario.
      const option = card.choice.options[0]!;
      say(ctx, `${roleName(s, card.choice.role)} chooses: ${option.label}.`);
      applyEffects(ctx, option.effects, { actor: card.choice.role, target: null }, 'events');
    }
  }
}

export type EventAction = ActionOf<'chooseEventOption'>;

export function checkChoice(s: GameState, a: EventAction): Rejection | null {
  const pending = s.pendingChoice;
  if (!pending) return reject('choice/invalid', 'There is no event choice to make now.');
  const card = cardById(s, pending.card);
  const options = card?.choice?.options ?? [];
  if (!Number.isInteger(a.option) || a.option < 0 || a.option >= options.length)
    return reject('choice/invalid', `Choose one of the ${options.length} options of "${card?.title ?? 'the event'}".`, { option: a.option });
  return null;
}

export function applyChoice(ctx: Ctx, a: EventAction): void {
  const pending = ctx.s.pendingChoice!;
  const card = cardById(ctx.s, pending.card)!;
  const option = card.choice!.options[a.option]!;
  ctx.s.pendingChoice = null;
  say(ctx, `${roleName(ctx.s, a.role)} chooses: ${option.label}.`);
  applyEffects(ctx, option.effects, { actor: a.role, target: null }, 'events');
}

export function legalChoices(s: GameState, role: string): LegalAction[] {
  const pending = s.pendingChoice;
  if (!pending || pending.role !== role) return [];
  const card = cardById(s, pending.card);
  return (card?.choice?.options ?? []).map((o, i) => entry({ type: 'chooseEventOption', role, option: i }, 0, () => [o.label, `Answer "${card?.title ?? ''}": ${o.label}.`]));
}

/** The facilitator plays a card out of turn: one from the deck, or one written on the spot. */
export function injectCard(ctx: Ctx, card: Card): void {
  const s = ctx.s;
  const index = s.deck.indexOf(card.id);
  if (index >= 0) {
    s.deck.splice(index, 1);
    s.discard.push(card.id);
  }
  say(ctx, 'The facilitator injects an event.');
  resolveCard(ctx, card);
}
