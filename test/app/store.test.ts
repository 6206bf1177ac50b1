import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, replay, type Seats } from '../../src/core';
import { actorOf, createStore } from '../../src/app/store';
import { readScenarioText } from '../../src/app/scenarioFile';

const text = readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8');
const parsed = parseScenario(JSON.parse(text));
if (!parsed.ok) throw new Error('first-contract does not parse');
const scenario = parsed.scenario;
const seats: Seats = { poland: { kind: 'human' }, korea: { kind: 'bot', level: 'standard' } };

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the store', () => {
  it('keeps the action log, rejects without changing anything, and plays bot seats', async () => {
    const store = createStore(scenario, 'store-seed', seats);
    const seen: number[] = [];
    store.subscribe((_s, events) => seen.push(events.length));
    const before = store.getState();
    const wrong = store.dispatch({ type: 'endPhase', role: 'korea' });
    expect(wrong.ok).toBe(false);
    expect(store.getState()).toBe(before);
    expect(store.getLog()).toHaveLength(0);

    store.start();
    // The human answers every choice with the first option and ends every step; the bot does the rest.
    for (let guard = 0; guard < 500 && !store.getState().outcome; guard++) {
      const role = store.actor();
      if (role === 'poland') {
        const legal = store.legalFor('poland');
        const pick = legal.find((l) => l.action.type === 'chooseEventOption' || l.action.type === 'answerProposal') ?? legal.find((l) => l.action.type === 'endPhase')!;
        expect(store.dispatch(pick.action).ok).toBe(true);
      }
      await settle();
    }
    store.stop();
    const end = store.getState();
    expect(end.outcome).not.toBeNull();
    expect(actorOf(end)).toBeNull();
    expect(seen.length).toBe(store.getLog().length);
    expect(store.getLog().some((a) => a.role === 'korea')).toBe(true);
    const again = replay(scenario, 'store-seed', seats, store.getLog());
    expect(again.failure).toBeNull();
    expect(again.finalHash).toBe(store.hash());
  });

  it('waits for the pacing before a bot acts', async () => {
    const store = createStore(scenario, 'paced', { poland: { kind: 'bot', level: 'easy' }, korea: { kind: 'bot', level: 'easy' } });
    let release: () => void = () => undefined;
    store.setPacing({ botDelay: () => 0, settled: () => new Promise<void>((r) => { release = r; }) });
    store.start();
    await settle();
    expect(store.getLog()).toHaveLength(0);
    release();
    await settle();
    await settle();
    expect(store.getLog()).toHaveLength(1);
    store.stop();
  });
});

describe('reading a scenario file from disk', () => {
  it('accepts a valid file', () => {
    expect(readScenarioText(text).ok).toBe(true);
  });

  it('names the line and column of broken JSON', () => {
    const r = readScenarioText('{\n  "id": "x",\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('line 3, column 1');
  });

  it('lists schema problems by their JSON path', () => {
    const broken = JSON.parse(text) as { roles: { budget: unknown }[] };
    broken.roles[1]!.budget = 'lots';
    const r = readScenarioText(JSON.stringify(broken));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((p) => p.path)).toContain('roles[1].budget');
  });
});
