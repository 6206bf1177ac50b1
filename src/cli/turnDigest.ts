import { AGREEMENT_NAMES, roleName, trackName, turnLabel, type GameState, type TurnRecord } from '../core';
import type { Step } from '../bots';

// A turn-by-turn account of a simulated game in plain sentences: events, agreements, production,
// redeployments, waves and leakers, and the tracks that moved.

interface TurnNotes {
  cards: string[];
  deliveries: Map<string, { owner: string; item: string; amount: number }>;
  moves: string[];
  waves: Map<string, { threats: number; stopped: number; leaked: number }>;
  disabled: string[];
}

const emptyNotes = (): TurnNotes => ({ cards: [], deliveries: new Map(), moves: [], waves: new Map(), disabled: [] });

export class TurnDigest {
  private readonly notes = new Map<number, TurnNotes>();
  private initialTracks: Record<string, number> | null = null;

  private at(turn: number): TurnNotes {
    let n = this.notes.get(turn);
    if (!n) { n = emptyNotes(); this.notes.set(turn, n); }
    return n;
  }

  /** The game as created: the first turn's cards are drawn before anyone acts. */
  start(state: GameState): void {
    this.initialTracks = startingTracks(state);
    for (const id of state.discard) this.at(1).cards.push(state.scenario.deck.find((c) => c.id === id)?.title ?? id);
  }

  /** Feed every step of the game, in order. */
  record(step: Step): void {
    const s = step.before;
    let turn = s.turn;
    for (const e of step.events) {
      if (e.kind === 'phase') turn = e.turn;
      const n = this.at(turn);
      if (e.kind === 'card') n.cards.push(s.scenario.deck.find((c) => c.id === e.card)?.title ?? e.card);
      else if (e.kind === 'delivery') {
        const key = `${e.owner}|${e.item}`;
        const d = n.deliveries.get(key) ?? { owner: e.owner, item: e.item, amount: 0 };
        d.amount += e.amount;
        n.deliveries.set(key, d);
      } else if (e.kind === 'redeploy') {
        const name = s.batteries.find((b) => b.id === e.battery)?.name ?? e.battery;
        if (e.status === 'packing') n.moves.push(`${name} leaves ${regionName(s, e.from)} for ${regionName(s, e.to)} by ${e.mode}`);
        else if (e.status === 'operational') n.moves.push(`${name} is ready at ${regionName(s, e.to)}`);
      } else if (e.kind === 'interception') {
        const w = n.waves.get(e.theatre) ?? { threats: 0, stopped: 0, leaked: 0 };
        w.threats += 1;
        w[e.leaked ? 'leaked' : 'stopped'] += 1;
        n.waves.set(e.theatre, w);
      } else if (e.kind === 'log' && e.text.endsWith(' is disabled.')) n.disabled.push(e.text.slice(0, -' is disabled.'.length));
    }
  }

  /** The sentences for one turn of a finished (or stopped) game. */
  sentences(final: GameState, turn: number): string[] {
    const s = final;
    const n = this.notes.get(turn) ?? emptyNotes();
    const record = s.history.find((h) => h.turn === turn);
    const previous = s.history.find((h) => h.turn === turn - 1);
    const out: string[] = [];
    if (n.cards.length > 0) out.push(`Event${n.cards.length > 1 ? 's' : ''}: ${n.cards.join('; ')}.`);
    if (record) out.push(...agreementSentences(s, record, previous));
    if (n.deliveries.size > 0)
      out.push(`Production and deliveries: ${[...n.deliveries.values()].map((d) => `${roleName(s, d.owner)} +${d.amount} ${itemName(s, d.item)}`).join('; ')}.`);
    if (n.moves.length > 0) out.push(`Redeployments: ${n.moves.join('; ')}.`);
    for (const [theatre, w] of n.waves) {
      const cer = record && record.costExchange > 0 ? ` (cost-exchange ratio ${Math.round(record.costExchange * 10) / 10})` : '';
      out.push(`Wave on ${theatreName(s, theatre)}: ${w.threats} threat${w.threats === 1 ? '' : 's'}, ${w.stopped} stopped, ${w.leaked} leaker${w.leaked === 1 ? '' : 's'}${cer}.`);
    }
    if (n.disabled.length > 0) out.push(`Disabled: ${n.disabled.join(', ')}.`);
    if (record) {
      const before = previous?.tracks ?? this.initialTracks ?? {};
      const moved = Object.keys(record.tracks).filter((k) => (before[k] ?? record.tracks[k]) !== record.tracks[k]);
      if (moved.length > 0) out.push(`Tracks: ${moved.map((k) => `${trackName(s, k)} ${before[k]} → ${record.tracks[k]}`).join('; ')}.`);
      const scores = Object.entries(record.scores).map(([r, x]) => `${roleName(s, r)} ${x}`).join(', ');
      out.push(`Scores: ${scores}.`);
    }
    return out;
  }

  lines(final: GameState): string[] {
    const out: string[] = [];
    const last = final.history.length > 0 ? final.history[final.history.length - 1]!.turn : final.turn;
    for (let t = 1; t <= Math.max(last, final.turn); t++) {
      const body = this.sentences(final, t);
      if (body.length > 0) out.push(`Turn ${t} (${turnLabel(final, t)}): ${body.join(' ')}`);
    }
    return out;
  }
}

/** The tracks as the scenario sets them, before the first turn's events (as createGame builds them). */
function startingTracks(s: GameState): Record<string, number> {
  const sc = s.scenario;
  const out: Record<string, number> = {};
  for (const t of sc.theatres) out[`tension:${t.id}`] = t.tension;
  for (const r of sc.roles) {
    out[`support:${r.id}`] = r.support;
    out[`reputation:${r.id}`] = r.reputation;
    out[`readiness:${r.id}`] = r.readiness;
  }
  const pair = (a: string, b: string) => (a < b ? `${a}+${b}` : `${b}+${a}`);
  for (let i = 0; i < sc.roles.length; i++)
    for (let j = i + 1; j < sc.roles.length; j++) {
      out[`trust:${pair(sc.roles[i]!.id, sc.roles[j]!.id)}`] = 5;
      out[`interop:${pair(sc.roles[i]!.id, sc.roles[j]!.id)}`] = 0;
    }
  for (const p of sc.pairs) {
    out[`trust:${pair(p.roles[0], p.roles[1])}`] = p.trust;
    out[`interop:${pair(p.roles[0], p.roles[1])}`] = p.interop;
  }
  for (const t of sc.tracks) out[t.id] = t.start;
  return out;
}

function agreementSentences(s: GameState, record: TurnRecord, previous: TurnRecord | undefined): string[] {
  const key = (a: TurnRecord['agreements'][number]) => `${a.type}|${[...a.parties].sort().join('+')}`;
  const before = new Set((previous?.agreements ?? []).map(key));
  const after = new Set(record.agreements.map(key));
  const out: string[] = [];
  for (const a of record.agreements)
    if (!before.has(key(a))) out.push(`${names(s, a.parties)} sign ${article(AGREEMENT_NAMES[a.type])}.`);
  for (const a of previous?.agreements ?? [])
    if (!after.has(key(a))) out.push(`The ${AGREEMENT_NAMES[a.type]} of ${names(s, a.parties)} ends.`);
  return out;
}

const names = (s: GameState, roles: readonly string[]): string => {
  const list = roles.map((r) => roleName(s, r));
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
};
const article = (name: string): string => `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
const regionName = (s: GameState, id: string): string => s.scenario.regions.find((r) => r.id === id)?.name ?? id;
const theatreName = (s: GameState, id: string): string => s.scenario.theatres.find((t) => t.id === id)?.name ?? id;
const itemName = (s: GameState, id: string): string => s.scenario.items.find((i) => i.id === id)?.name ?? id;
