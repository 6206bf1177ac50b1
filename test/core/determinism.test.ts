import { afterEach, describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { canonicalJson, hashValue, replay, setCoreAutoFreeze, stateHash, viewFor } from '../../src/core';
import { hashString, runningDigest } from '../../src/core/hash';
import { edit, fixture, newGame, playRandom } from '../support/builders';
import { fnv1a64Reference } from '../support/fnvReference';


const picker = (seed: string) => {
  const rng = seedrandom.alea(seed);
  return (n: number) => Math.floor(rng() * n);
};

describe('hashing', () => {
  it.each(['', 'a', 'Forge & Shield', 'Łódź · 한국 · ✓', '{"x":[1,2.5,null]}'])('FNV-1a 64 of %j matches a BigInt reference', (text) => {
    expect(hashString(text)).toBe(fnv1a64Reference(text));
  });

  it('serialises objects canonically: key order does not change the hash, values do', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(hashValue({ a: 1, b: 2 })).toBe(hashValue({ b: 2, a: 1 }));
    expect(hashValue({ a: 1, b: 2 })).not.toBe(hashValue({ a: 1, b: 3 }));
  });
});

describe('running digests of the log and the history', () => {
  const entry = (text: string) => Object.freeze({ turn: 1, phase: 'diplomacy', role: null, text });

  it('equals the chain hash(previous digest + entry text), entry by entry', () => {
    const log = [entry('a'), entry('b'), entry('c')];
    let expected = '';
    for (const e of log) expected = hashString(expected + canonicalJson(e));
    expect(runningDigest(log)).toBe(expected);
    expect(runningDigest([])).toBe('');
  });

  it('gives the same digest computed at once or step by step, and for copies that remember nothing', () => {
    const texts = Array.from({ length: 40 }, (_, i) => `line ${i}`);
    const grown: object[] = [];
    let stepwise = '';
    for (const t of texts) { grown.push(entry(t)); stepwise = runningDigest([...grown]); }
    const fresh = texts.map((t) => JSON.parse(JSON.stringify(entry(t))) as object);
    expect(runningDigest(fresh)).toBe(stepwise);
  });

  it('changes with any entry, its order, and the list length', () => {
    const base = [entry('a'), entry('b'), entry('c')];
    const digest = runningDigest(base);
    expect(runningDigest([entry('a'), entry('B'), entry('c')])).not.toBe(digest);
    expect(runningDigest([base[0]!, base[2]!, base[1]!])).not.toBe(digest);
    expect(runningDigest(base.slice(0, 2))).not.toBe(digest);
    // An entry remembered at one position is not trusted at another.
    expect(runningDigest([base[2]!])).toBe(hashString(canonicalJson(base[2])));
  });

  it('the state hash follows the log and the history: a state rebuilt from JSON hashes the same, an edited one does not', () => {
    const live = playRandom(newGame({ seed: 'digest' }), picker('p9'));
    const copy = JSON.parse(JSON.stringify(live.state)) as typeof live.state;
    expect(stateHash(copy)).toBe(stateHash(live.state));
    const editedLog = { ...copy, log: copy.log.map((chunk, c) => chunk.map((e, i) => (c === 1 && i === 3 ? { ...e, text: `${e.text}!` } : e))) };
    expect(stateHash(editedLog)).not.toBe(stateHash(live.state));
    const editedHistory = { ...copy, history: copy.history.map((h, i) => (i === 0 ? { ...h, interceptorsFired: h.interceptorsFired + 1 } : h)) };
    expect(stateHash(editedHistory)).not.toBe(stateHash(live.state));
  });
});

describe('determinism', () => {
  afterEach(() => setCoreAutoFreeze(true));

  it('same scenario, seed and actions give the same state hash; another seed does not', () => {
    const a = playRandom(newGame({ seed: 'alpha' }), picker('policy'));
    const b = playRandom(newGame({ seed: 'alpha' }), picker('policy'));
    expect(stateHash(a.state)).toBe(stateHash(b.state));
    const c = playRandom(newGame({ seed: 'beta' }), picker('policy'));
    expect(stateHash(c.state)).not.toBe(stateHash(a.state));
  });

  it('replaying the action log reproduces the live game, turn by turn', () => {
    const seats = newGame().seats;
    const live = playRandom(newGame({ seed: 'replay-me' }), picker('p2'));
    const again = replay(fixture(), 'replay-me', seats, live.actions);
    expect(again.failure).toBeNull();
    expect(again.finalHash).toBe(stateHash(live.state));
    expect(again.turnHashes.length).toBe(live.state.turn);
    expect(new Set(again.turnHashes).size).toBeGreaterThan(1);
  });

  it('a replay with a tampered action reports where it stopped', () => {
    const seats = newGame().seats;
    const live = playRandom(newGame({ seed: 'tamper' }), picker('p3'));
    const actions = [...live.actions];
    actions[5] = { type: 'endPhase', role: 'nobody' };
    const result = replay(fixture(), 'tamper', seats, actions);
    expect(result.failure?.index).toBe(5);
    expect(result.failure?.rejection.code).toBe('role/unknown');
  });

  it('gives identical results with immer auto-freeze on and off', () => {
    setCoreAutoFreeze(true);
    const frozen = playRandom(newGame({ seed: 'freeze' }), picker('p4'));
    expect(Object.isFrozen(frozen.state)).toBe(true);
    setCoreAutoFreeze(false);
    const thawed = playRandom(newGame({ seed: 'freeze' }), picker('p4'));
    expect(Object.isFrozen(thawed.state)).toBe(false);
    expect(stateHash(thawed.state)).toBe(stateHash(frozen.state));
    expect(thawed.actions).toEqual(frozen.actions);
  });

  it('keeps each subsystem’s dice in its own stream', () => {
    const s = newGame({ seed: 'streams' });
    const streams = Object.values(s.rng).map((r) => JSON.stringify(r));
    expect(new Set(streams).size).toBe(streams.length);
  });
});

describe('what a role may see', () => {
  it('hides the deck order, the dice, other roles’ hidden objectives and the coming wave', () => {
    const s = newGame({ seed: 'view' });
    const view = viewFor(s, 'north') as unknown as Record<string, unknown>;
    expect(view.rng).toBeUndefined();
    expect(view.deck).toBeUndefined();
    expect(view.deckSize).toBe(s.deck.length);
    expect(view.nextCard).toBeNull();
    const objectives = (view.scenario as { objectives: { owner: string; hidden: boolean }[] }).objectives;
    expect(objectives.some((o) => o.hidden && o.owner !== 'north' && o.owner !== 'allies')).toBe(false);
    expect(objectives.some((o) => o.hidden && o.owner === 'north')).toBe(true);
  });

  it('shows the next card and wave to a role whose intelligence reveals them', () => {
    const s = edit(newGame({ seed: 'view' }), (d) => { d.intel.north = { nextCard: true, nextWave: true, reports: [] }; d.plannedWaves = { east: [{ threat: 'drone', target: 's-port', count: 3 }] }; });
    const view = viewFor(s, 'north');
    expect(view.nextCard).toBe(s.deck[0]);
    expect(view.plannedWaves.east).toHaveLength(1);
    expect(viewFor(s, 'south').plannedWaves).toEqual({});
  });

  it('shows everything hidden once the facilitator reveals it', () => {
    const s = edit(newGame(), (d) => { d.revealed = true; });
    const objectives = viewFor(s, 'public').scenario.objectives;
    expect(objectives.length).toBe(fixture().objectives.length);
  });
});
