import { describe, expect, it } from 'vitest';
import { applyAction, createGame, legalActions, replay, type Action, type GameState, type Seats } from '../../src/core';
import { botAction } from '../../src/bots';
import { computeDebrief, debriefCsv, debriefJson, describeAction } from '../../src/debrief';
import { buildReplayFile, formatReplayFile, parseReplayFile } from '../../src/app/replayFile';
import { botSeats, scenarioById } from '../bots/support';
import { parseCsv, playWithFacilitator } from './support';

const scenario = scenarioById('umbrella-gap');
const seats: Seats = { ...botSeats(scenario, 'standard'), facilitator: { kind: 'facilitator' } };
const seed = 'debrief-seed-3';

// The teacher steps in during turn 3: pauses, injects a deck card and one written on the spot,
// raises tension in one theatre, reveals hidden information, resumes.
const done = new Set<string>();
const lesson = (s: GameState): Action[] => {
  if (s.turn !== 3 || s.phase !== 'diplomacy' || done.has('t3')) return [];
  done.add('t3');
  const theatre = s.scenario.theatres[0]!.id;
  return [
    { type: 'pauseGame', role: 'facilitator' },
    { type: 'injectCard', role: 'facilitator', card: s.scenario.deck[0]!.id, custom: null },
    { type: 'injectCard', role: 'facilitator', card: null, custom: { title: 'Budget hearing', text: 'Parliament asks hard questions.', effects: [{ adjustTrack: 'support:us', by: -1 }] } },
    { type: 'adjustTrack', role: 'facilitator', track: `tension:${theatre}`, by: 1 },
    { type: 'revealHidden', role: 'facilitator', reveal: true },
    { type: 'resumeGame', role: 'facilitator' },
  ];
};
const live = playWithFacilitator(scenario, seed, seats, lesson);
const input = { scenario, seed, seats, actions: live.actions };
const debrief = computeDebrief(input);

describe('the debrief of a class session', () => {
  it('re-runs the whole log and has one entry per turn the game recorded', () => {
    expect(live.state.outcome).not.toBeNull();
    expect(debrief.failure).toBeNull();
    expect(debrief.finished).toBe(true);
    expect(debrief.turns.map((t) => t.record)).toEqual(live.state.history);
    expect(debrief.scores).toEqual(live.state.outcome!.scores);
    expect(debrief.outcome?.text).toBe(live.state.outcome!.text);
    expect(debrief.scenario.discussionQuestions).toEqual(scenario.discussionQuestions);
  });

  it('puts every facilitator act in the decision timeline, in plain words', () => {
    const acts = debrief.decisions.filter((d) => d.role === 'facilitator');
    expect(acts.map((d) => d.turn)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(acts.map((d) => d.text)).toEqual([
      'Pause the game',
      `Inject: ${scenario.deck[0]!.title}`,
      'Injects a card written on the spot: “Budget hearing”',
      `Raises tension in ${scenario.theatres[0]!.name} from ${acts.length > 0 ? tensionBefore() : 0} to ${tensionBefore() + 1}`,
      'Reveal hidden information',
      'Resume the game',
    ]);
    expect(debrief.events.filter((e) => e.byFacilitator).map((e) => e.turn)).toEqual([3, 3]);
    expect(debrief.decisions.some((d) => d.role !== 'facilitator')).toBe(true);
    expect(debrief.decisions.every((d) => !/[a-z][A-Z]/.test(d.text.split(':')[0]!))).toBe(true);
  });

  it('writes one CSV row per turn per role whose cells are the core’s per-turn data', () => {
    const rows = parseCsv(debriefCsv(debrief));
    const [head, ...body] = rows;
    const history = replay(scenario, seed, seats, live.actions).state.history;
    expect(body).toHaveLength(history.length * scenario.roles.length);
    const col = (name: string) => head!.indexOf(name);
    for (const row of body) {
      const turn = Number(row[col('turn')]);
      const role = row[col('role')]!;
      const rec = history[turn - 1]!;
      expect(rec.turn).toBe(turn);
      expect(Number(row[col('budget')])).toBe(rec.budgets[role]);
      expect(Number(row[col('score')])).toBe(rec.scores[role]);
      for (const kind of ['support', 'reputation', 'readiness']) expect(Number(row[col(kind)])).toBe(rec.tracks[`${kind}:${role}`]);
      for (const [key, value] of Object.entries(rec.tracks)) {
        const [kind, subject] = key.split(':');
        if (kind === 'tension') expect(Number(row[col(`tension_${subject}`)])).toBe(value);
        if ((kind === 'trust' || kind === 'interop') && subject!.split('+').includes(role)) {
          const other = subject!.split('+').find((x) => x !== role)!;
          expect(Number(row[col(`${kind}_with_${other}`)])).toBe(value);
        }
      }
      for (const [key, value] of Object.entries(rec.stocks)) {
        const [owner, item, theatre] = key.split('|');
        if (owner === role) expect(Number(row[col(`stock_${item}_${theatre}`)])).toBe(value);
      }
      for (const t of scenario.theatres) {
        expect(Number(row[col(`leakers_${t.id}`)])).toBe(rec.leakers[t.id] ?? 0);
        expect(Number(row[col(`protected_pct_${t.id}`)])).toBe(rec.protectedPct[t.id]);
      }
      expect(Number(row[col('cost_exchange')])).toBe(rec.costExchange);
      expect(Number(row[col('interceptors_fired')])).toBe(rec.interceptorsFired);
    }
  });

  it('is the same debrief when the game comes back from a replay file', () => {
    const again = replay(scenario, seed, seats, live.actions);
    const text = formatReplayFile(buildReplayFile({ scenario, seed, seats, actions: live.actions, turnHashes: again.turnHashes, finalHash: again.finalHash }));
    const file = parseReplayFile(JSON.parse(text));
    if (!file.ok) throw new Error(JSON.stringify(file.errors));
    const fromFile = computeDebrief({ scenario: file.replay.scenario, seed: file.replay.seed, seats: file.replay.seats, actions: file.replay.actions });
    expect(fromFile).toEqual(debrief);
    expect(debriefCsv(fromFile)).toBe(debriefCsv(debrief));
    expect(debriefJson(fromFile)).toBe(debriefJson(debrief));
  });

  it('picks at most three turning points, the turns with the largest swings, each with what changed and why', () => {
    expect(debrief.turningPoints.length).toBeGreaterThan(0);
    expect(debrief.turningPoints.length).toBeLessThanOrEqual(3);
    const turns = debrief.turningPoints.map((p) => p.turn);
    expect([...turns].sort((a, b) => a - b)).toEqual(turns);
    for (const p of debrief.turningPoints) {
      expect(p.changes.length).toBeGreaterThan(0);
      expect(p.decisions.every((d) => d.turn === p.turn)).toBe(true);
    }
    const biggestScore = Math.max(...debrief.turningPoints.map((p) => p.scoreSwing));
    const allScoreSwings = debrief.turns.map((t, i) => {
      const prev = i === 0 ? null : debrief.turns[i - 1]!.record.scores;
      return prev ? Object.keys(t.record.scores).reduce((sum, r) => sum + Math.abs(t.record.scores[r]! - prev[r]!), 0) : 0;
    });
    expect(biggestScore).toBeGreaterThanOrEqual(Math.max(...allScoreSwings.slice(1)) - 1e-9);
  });

  it('follows each agreement over the turns it was in force, and the cost exchange per turn', () => {
    for (const span of debrief.alliances) {
      for (let t = span.from; t <= span.to; t++) {
        const rec = debrief.turns[t - 1]!.record;
        expect(rec.agreements.some((a) => a.type === span.type && [...a.parties].sort().join('+') === span.parties.join('+'))).toBe(true);
      }
    }
    expect(debrief.costExchange.map((c) => c.ratio)).toEqual(live.state.history.map((h) => h.costExchange));
  });

  it('stops at the first refused action of a damaged log and says where, without throwing', () => {
    const damaged = [...live.actions.slice(0, 40), { type: 'resumeGame', role: 'facilitator' } as Action, ...live.actions.slice(40)];
    const d = computeDebrief({ ...input, actions: damaged });
    expect(d.failure).toMatchObject({ index: 40 });
    expect(d.finished).toBe(false);
    expect(d.actionCount).toBe(40);
  });
});

describe('the debrief names a region by its theatre where two regions share a name', () => {
  // First Contract has a "Capital region" in Europe and in East Asia; Poland's battery may fly to either.
  const fc = scenarioById('first-contract');
  const fcSeats = botSeats(fc, 'standard');
  const fcSeed = 'theatre-labels';
  const redeploys = (st: GameState) => legalActions(st, 'poland').filter((l) => l.action.type === 'orderRedeploy');
  const to = (a: Action) => (a as { to?: string }).to;
  let s = createGame(fc, fcSeed, fcSeats);
  const taken: Action[] = [];
  const take = (a: Action): GameState => {
    const r = applyAction(s, a);
    if (!r.ok) throw new Error(r.rejection.message);
    return r.state;
  };
  // Bots play until Poland may move its battery to either capital.
  while (!s.outcome && redeploys(s).filter((l) => /capital/.test(to(l.action) ?? '')).length < 2) {
    const a = botAction(s, s.pendingChoice?.role ?? s.queue[0]!, 'standard');
    s = take(a);
    taken.push(a);
  }
  const move = (region: string) => redeploys(s).find((l) => to(l.action) === region)!.action;

  it('says which capital a battery was moved to', () => {
    expect(describeAction(s, move('pl-capital'), take(move('pl-capital')))).toBe('Move Eastern battery to Capital region (Europe) by air');
    expect(describeAction(s, move('kr-capital'), take(move('kr-capital')))).toBe('Move Eastern battery to Capital region (East Asia) by air');
  });

  it('in the decision timeline of a game where Poland flew its battery to Korea', () => {
    const d = computeDebrief({ scenario: fc, seed: fcSeed, seats: fcSeats, actions: [...taken, move('kr-capital')] });
    expect(d.failure).toBeNull();
    expect(d.decisions.at(-1)).toMatchObject({ role: 'poland', text: 'Move Eastern battery to Capital region (East Asia) by air' });
  });

  it('and leaves a region whose name is unique as it was', () => {
    const nameOf = (a: Action) => fc.regions.find((r) => r.id === to(a))?.name;
    const unique = redeploys(s).find((l) => fc.regions.filter((r) => r.name === nameOf(l.action)).length === 1)!;
    expect(unique).toBeDefined();
    expect(describeAction(s, unique.action, take(unique.action))).toBe(unique.label);
  });
});

function tensionBefore(): number {
  const upTo = live.actions.findIndex((a) => a.type === 'adjustTrack');
  const s = replay(scenario, seed, seats, live.actions.slice(0, upTo)).state;
  return s.tracks[`tension:${scenario.theatres[0]!.id}`]!;
}
