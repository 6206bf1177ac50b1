import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, type Seats } from '../../src/core';
import { createStore } from '../../src/app/store';

const parsed = parseScenario(JSON.parse(readFileSync(join(__dirname, '../../scenarios/first-contract.json'), 'utf8')));
if (!parsed.ok) throw new Error('first-contract does not parse');
const seats: Seats = { poland: { kind: 'bot', level: 'easy' }, korea: { kind: 'bot', level: 'easy' }, facilitator: { kind: 'facilitator' } };
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('a facilitator pause in the store', () => {
  it('holds the bots (without a bot error) until the game is resumed', async () => {
    const store = createStore(parsed.scenario, 'pause-seed', seats);
    expect(store.dispatch({ type: 'pauseGame', role: 'facilitator' }).ok).toBe(true);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { errors.push(args); };
    try {
      store.start();
      for (let i = 0; i < 20; i++) await tick();
      expect(store.getLog()).toHaveLength(1);
      expect(errors).toEqual([]);
      expect(store.dispatch({ type: 'resumeGame', role: 'facilitator' }).ok).toBe(true);
      for (let i = 0; i < 2000 && !store.getState().outcome; i++) await tick();
      expect(store.getState().outcome).not.toBeNull();
      expect(errors).toEqual([]);
    } finally {
      console.error = original;
      store.stop();
    }
  });
});
