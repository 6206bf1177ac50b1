import alea from 'seedrandom/lib/alea.js';
import { drawWaves, shuffle, STREAMS, type GameState, type RoleView } from '../core';
import type { Random } from './random';
import { redPlayed } from './threatModel';

// A full game state consistent with what a role sees: the hidden parts (dice streams, deck order,
// the scripted Red cell's planned waves, others' intelligence) are sampled from the bot's own stream.

type RngState = GameState['rng'][keyof GameState['rng']];

/** The cards still in the deck (every copy less those drawn or injected), in a sampled order. */
function sampleDeck(v: RoleView, random: Random): string[] {
  const left = new Map<string, number>();
  for (const card of v.scenario.deck) left.set(card.id, (left.get(card.id) ?? 0) + card.copies);
  for (const id of v.discard) left.set(id, (left.get(id) ?? 0) - 1);
  if (v.nextCard !== null) left.set(v.nextCard, (left.get(v.nextCard) ?? 0) - 1);
  const cards: string[] = [];
  for (const [id, n] of left) for (let k = 0; k < n; k++) cards.push(id);
  shuffle(cards, random);
  const deck = v.nextCard !== null ? [v.nextCard, ...cards] : cards;
  return deck.slice(0, v.deckSize);
}

/** This turn's waves of a scripted Red cell, drawn as the rules draw them, when they are still to come and unseen. */
function sampleWaves(v: RoleView, random: Random): GameState['plannedWaves'] {
  if (redPlayed(v) || Object.keys(v.plannedWaves).length > 0 || v.phase === 'assessment') return v.plannedWaves;
  return drawWaves(v, random);
}

export function determinize(v: RoleView, random: Random): GameState {
  const { viewer: _viewer, deckSize: _deckSize, nextCard: _nextCard, ...rest } = v;
  const base = `world|${Math.floor(random() * 2 ** 32)}`;
  const rng = {} as GameState['rng'];
  for (const stream of STREAMS) rng[stream] = alea(`${base}/${stream}`, { state: true }).state() as RngState;
  const intel: GameState['intel'] = {};
  for (const r of v.scenario.roles) intel[r.id] = v.intel[r.id] ?? { nextCard: false, nextWave: false, reports: [] };
  return { ...rest, rng, deck: sampleDeck(v, random), plannedWaves: sampleWaves(v, random), intel };
}
