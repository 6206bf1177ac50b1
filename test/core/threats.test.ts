import { describe, expect, it } from 'vitest';
import { applyAction, checkAction, logEntries, type Action, type GameState } from '../../src/core/index';
import type { GameEvent } from '../../src/core/context';
import { assessDeployment } from '../../src/core/rules/deployment';
import { legalThreats, planWaves, resolveAttacks, resolveScriptedThreats } from '../../src/core/rules/threats';
import { detectionChance } from '../../src/core/rules/threatsResolve';
import type { Doctrine, ThreatKind } from '../../src/core/vocabulary';
import { RED_PLAYED, battery, edit, newGame, nextDraws, onStep, pact, run } from './deploymentScenario';

type Interception = Extract<GameEvent, { kind: 'interception' }>;
const interceptions = (events: GameEvent[]) => events.filter((e): e is Interception => e.kind === 'interception');

/** Only us-2 (at the US air hub) can engage, with the given doctrines. */
const airHubOnly = (seed = 'batteries', doctrine: Partial<Record<ThreatKind, Doctrine>> = {}) =>
  edit(newGame(seed), (d) => {
    battery(d, 'us-1').status = 'transit';
    Object.assign(d.doctrines.us!, doctrine);
  });

const strike = (s: GameState, theatre: string, threat: string, target: string, count: number) =>
  run(s, (ctx) => resolveAttacks(ctx, theatre, [{ threat, target, count }], 'red'), 'red');

const within3Sigma = (observed: number, expected: number, trials: number) =>
  expect(Math.abs(observed - expected)).toBeLessThan(3 * Math.sqrt((expected * (1 - expected)) / trials));

// ------------------------------------------------------------------------------- resolveAttacks

describe('resolveAttacks', () => {
  it('fixed seed "bravo": shoot-look-shoot drones with the expected dice', () => {
    const { events } = strike(airHubOnly('bravo', { drone: 'shootLookShoot' }), 'east', 'drone', 'air-hub', 2);
    expect(interceptions(events).map((e) => e.text)).toEqual([
      'Attack drone 1 of 2 aimed at Air Hub: 2 shots, all missed (u=0.93 ≥ 0.85, u=0.87 ≥ 0.85); it struck.',
      'Attack drone 2 of 2 aimed at Air Hub: 1 shot, hit on the first (u=0.77 < 0.85).',
    ]);
  });

  it('draws one u per shot from the threats stream, threats in list order', () => {
    const s = airHubOnly();
    const us = nextDraws(s, 'threats', 3);
    const { state, events } = strike(s, 'east', 'drone', 'air-hub', 3);
    const shots = interceptions(events).flatMap((e) => e.shots);
    expect(shots.map((x) => x.u)).toEqual(us);
    expect(shots.map((x) => x.hit)).toEqual(us.map((u) => u < 0.85));
    expect(state.rng.threats).not.toEqual(s.rng.threats);
  });

  it('records leakers, interceptions, shots and costs, and damages the target', () => {
    const s = airHubOnly('bravo');
    const { state, events } = strike(s, 'east', 'drone', 'air-hub', 3);
    const leaked = interceptions(events).filter((e) => e.leaked).length;
    expect(state.turnStats).toMatchObject({
      leakers: { east: leaked }, intercepted: { east: 3 - leaked }, fired: 3, interceptorCost: 12, threatCost: 0.105,
    });
    expect(state.regions['air-hub']!.damage).toBe(leaked);
    expect(battery(state, 'us-2').rounds).toBe(69);
  });

  it('logs a summary with the cost-exchange ratio', () => {
    const { state } = strike(airHubOnly('bravo'), 'east', 'drone', 'air-hub', 3);
    expect(logEntries(state.log).at(-1)?.text).toBe('The wave on East Asia launched by Red Cell: 3 threats, 1 stopped, 2 got through; 3 interceptors fired, costing 12 against threats costing 0.105: a cost-exchange ratio of 114.3.');
  });

  it('a half-covering battery fires at p × 0.5', () => {
    const s = edit(newGame(), (d) => { battery(d, 'us-2').status = 'transit'; battery(d, 'us-1').halfCover = 'air-hub'; });
    const shots = interceptions(strike(s, 'east', 'drone', 'air-hub', 1).events)[0]!.shots;
    expect(shots.map((x) => [x.battery, x.p])).toEqual([['us-1', 0.425]]);
  });

  it('full cover engages before half cover', () => {
    const s = edit(newGame(), (d) => { battery(d, 'us-1').halfCover = 'air-hub'; });
    expect(interceptions(strike(s, 'east', 'drone', 'air-hub', 1).events)[0]!.shots[0]!.battery).toBe('us-2');
  });

  it('an ally\'s battery engages only with a defence pact', () => {
    const s = newGame('bravo');
    const alone = interceptions(strike(s, 'east', 'drone', 'k-city', 1).events)[0]!;
    expect([alone.shots, alone.leaked, alone.text]).toEqual([[], true, 'Attack drone aimed at Korean City: no ready battery covered it; it struck.']);
    const allied = edit(s, (d) => { d.agreements.push(pact('defencePact', ['korea', 'us'])); });
    expect(interceptions(strike(allied, 'east', 'drone', 'k-city', 1).events)[0]!.shots[0]!.battery).toBe('us-1');
  });

  it('with its stock run out a battery cannot reload, and the threats leak', () => {
    let s = edit(airHubOnly(), (d) => { battery(d, 'us-2').rounds = 1; d.stocks['us|mse|east'] = 0; });
    s = run(s, assessDeployment).state;
    expect(battery(s, 'us-2').rounds).toBe(1);
    const { state, events } = strike(s, 'east', 'drone', 'air-hub', 3);
    const list = interceptions(events);
    expect(list.map((e) => e.shots.length)).toEqual([1, 0, 0]);
    expect(list[2]!.text).toBe('Attack drone 3 of 3 aimed at Air Hub: the batteries covering it had no interceptors left; it struck.');
    expect(state.turnStats.leakers.east).toBe(2 + (list[0]!.leaked ? 1 : 0));
  });

  it('an undetected threat is not engaged and leaks (fixed seed: u=0.93 ≥ 0.5)', () => {
    const s = edit(airHubOnly('bravo'), (d) => { d.scenario.theatres[0]!.detection = 0.5; });
    const e = interceptions(strike(s, 'east', 'drone', 'air-hub', 1).events)[0]!;
    expect([e.detected, e.leaked, e.shots, e.text]).toEqual([false, true, [], 'Attack drone aimed at Air Hub: it was not detected in time (u=0.93 ≥ 0.50); it struck.']);
  });

  it('intelligence sharing raises detection by 0.1, capped at 1', () => {
    const s = edit(newGame(), (d) => { d.scenario.theatres[0]!.detection = 0.5; d.scenario.theatres[1]!.detection = 0.95; });
    expect(detectionChance(s, 'east', 'air-hub')).toBe(0.5);
    const shared = edit(s, (d) => { d.agreements.push(pact('intelSharing', ['us', 'korea'])); });
    expect(detectionChance(shared, 'east', 'air-hub')).toBe(0.6);
    expect(detectionChance(edit(s, (d) => { d.agreements.push(pact('intelSharing', ['host', 'korea'])); }), 'west', 'energy')).toBe(1);
  });

  it('the counter-drone layer takes one shot at p=0.5 before the batteries, spending no interceptor', () => {
    const s = newGame('batteries'); // first draw 0.40 < 0.5
    const { state, events } = strike(s, 'west', 'drone', 'energy', 1);
    const e = interceptions(events)[0]!;
    expect([e.leaked, e.shots, e.text]).toEqual([false, [], 'Attack drone aimed at Energy Site: the counter-drone layer brought it down (u=0.40 < 0.5).']);
    expect([state.turnStats.fired, state.turnStats.intercepted.west]).toEqual([0, 1]);
  });

  it('a seeded run over many single-threat waves agrees with b1 (p=0.85, one shot) within 3σ', () => {
    const trials = 1500;
    const s = edit(airHubOnly('mc-rules'), (d) => { battery(d, 'us-2').rounds = trials; });
    const { state } = strike(s, 'east', 'drone', 'air-hub', trials);
    within3Sigma((state.turnStats.leakers.east ?? 0) / trials, 0.15, trials);
  });
});

// ------------------------------------------------------------------------- planned and scripted

describe('planWaves and resolveScriptedThreats', () => {
  it('rolls count and target of every active table entry from the threats stream', () => {
    const s = newGame();
    const [u0, u1, u2, u3] = nextDraws(s, 'threats', 4) as [number, number, number, number];
    const { state } = run(s, planWaves);
    expect(state.plannedWaves).toEqual({
      west: [{ threat: 'drone', target: ['host-base', 'energy'][Math.floor(u1 * 2)], count: 6 + Math.floor(u0 * 15) }],
      east: [{ threat: 'missile', target: ['k-city', 'air-hub'][Math.floor(u3 * 2)], count: 1 + Math.floor(u2 * 4) }],
    });
  });

  it('leaves out an entry that rolls no threats', () => {
    const s = newGame('batteries', { edit: (j) => { j.waves[2]!.min = 0; j.waves[2]!.max = 0; } });
    expect(run(s, planWaves).state.plannedWaves.east).toBeUndefined();
  });

  it('plans nothing, and draws nothing, when a Red role is played', () => {
    const s = newGame('batteries', { seats: RED_PLAYED });
    const { state } = run(s, planWaves);
    expect([state.plannedWaves, state.rng.threats]).toEqual([{}, s.rng.threats]);
  });

  it('at the end of the threats phase the planned waves strike, the provocation is rolled, and the plan is cleared', () => {
    const s = edit(newGame(), (d) => { d.plannedWaves = { east: [{ threat: 'drone', target: 'air-hub', count: 2 }] }; });
    const { state, events } = run(s, resolveScriptedThreats);
    expect(interceptions(events)).toHaveLength(2);
    const roll = events.find((e) => e.kind === 'roll');
    expect(roll?.text).toMatch(/^Provocation in East Asia: d6 rolled \d = \d, needs 4: (success|failure)\.$/);
    expect(state.plannedWaves).toEqual({});
    if (roll?.kind === 'roll' && roll.success) expect([state.tracks['tension:east'], state.tensionCause.east]).toEqual([4, 'red']);
    else expect(state.tracks['tension:east']).toBe(3);
  });

  it('a played Red role strikes only by its own launches', () => {
    const s = edit(newGame('batteries', { seats: RED_PLAYED }), (d) => { d.plannedWaves = { east: [{ threat: 'drone', target: 'air-hub', count: 2 }] }; });
    const { state, events } = run(s, resolveScriptedThreats);
    expect([interceptions(events), state.plannedWaves]).toEqual([[], {}]);
  });
});

// ----------------------------------------------------------------------- a played Red role

describe('launchWave and launchProvocation', () => {
  const redTurn = (turn = 1) => onStep(edit(newGame('batteries', { seats: RED_PLAYED }), (d) => { d.turn = turn; }), 'threats', 'red');
  const wave = (...attacks: { threat: string; target: string; count: number }[]): Action => ({ type: 'launchWave', role: 'red', attacks });
  const rejection = (s: GameState, a: Action) => { const r = applyAction(s, a); return r.ok ? null : r.rejection; };

  it('resolves the wave at once and counts it against the table entry', () => {
    const r = applyAction(redTurn(), wave({ threat: 'drone', target: 'energy', count: 5 }));
    if (!r.ok) throw new Error(r.rejection.message);
    expect(interceptions(r.events)).toHaveLength(5);
    expect(r.state.turnStats.launched).toEqual({ 0: 5 });
    expect(r.events[0]?.text).toBe('Red Cell launches a wave: 5 × Attack drone at Energy Site.');
  });

  it('threat/over-limit beyond the entry\'s maximum this turn', () => {
    expect(rejection(redTurn(), wave({ threat: 'drone', target: 'energy', count: 21 }))).toMatchObject({
      code: 'threat/over-limit', message: 'Attack 1: at most 20 more Attack drone can be launched at Energy Site this turn, not 21.',
    });
    const used = edit(redTurn(), (d) => { d.turnStats.launched['0'] = 15; });
    expect(rejection(used, wave({ threat: 'drone', target: 'host-base', count: 3 }, { threat: 'drone', target: 'energy', count: 3 }))?.message)
      .toBe('Attack 2: at most 2 more Attack drone can be launched at Energy Site this turn, not 3.');
  });

  it('threat/no-table when no entry is open this turn', () => {
    const closed = onStep(newGame('batteries', { seats: RED_PLAYED, edit: (j) => { for (const w of j.waves) w.fromTurn = 5; } }), 'threats', 'red');
    expect(rejection(closed, wave({ threat: 'drone', target: 'energy', count: 1 }))).toMatchObject({ code: 'threat/no-table', message: 'The threat table has no waves open this turn.' });
  });

  it('threat/no-table for a role that is not a Red cell', () => {
    expect(checkAction(onStep(newGame(), 'threats', 'us'), { type: 'launchWave', role: 'us', attacks: [{ threat: 'drone', target: 'energy', count: 1 }] })).toMatchObject({
      code: 'role/not-red', message: 'United States does not command threats: only a Red cell launches waves and provocations.',
    });
  });

  it('target/invalid when the table sends no such threat at that region this turn', () => {
    expect(rejection(redTurn(), wave({ threat: 'missile', target: 'energy', count: 1 }))).toMatchObject({
      code: 'target/invalid', message: 'Attack 1: this turn\'s threat table sends no Ballistic missile at Energy Site.',
    });
    expect(rejection(redTurn(3), wave({ threat: 'missile', target: 'host-base', count: 6 }))).toBeNull();
  });

  it('rejects unknown threats and regions, and malformed attacks', () => {
    const s = redTurn();
    expect(rejection(s, wave({ threat: 'ufo', target: 'energy', count: 1 }))).toMatchObject({ code: 'target/unknown', message: 'Attack 1: there is no such threat type.' });
    expect(rejection(s, wave({ threat: 'drone', target: 'moon', count: 1 }))).toMatchObject({ code: 'target/unknown', message: 'Attack 1: there is no such region.' });
    for (const count of [0, 1.5, -2, Number.NaN])
      expect(rejection(s, wave({ threat: 'drone', target: 'energy', count }))).toMatchObject({ code: 'action/malformed', message: 'Attack 1: the number of threats must be a whole number of at least 1.' });
    expect(rejection(s, wave())).toMatchObject({ code: 'action/malformed', message: 'A wave lists 1 to 20 attacks, each a threat type, a target region and a number.' });
    expect(rejection(s, { type: 'launchWave', role: 'red', attacks: 'all' as never })?.code).toBe('action/malformed');
    expect(rejection(s, { type: 'launchWave', role: 'red', attacks: [null] as never })?.code).toBe('action/malformed');
  });

  it('a provocation rolls once per turn', () => {
    const r = applyAction(redTurn(), { type: 'launchProvocation', role: 'red', provocation: 'probe' });
    if (!r.ok) throw new Error(r.rejection.message);
    expect(r.events.some((e) => e.kind === 'roll')).toBe(true);
    expect(rejection(onStep(r.state, 'threats', 'red'), { type: 'launchProvocation', role: 'red', provocation: 'probe' })).toMatchObject({
      code: 'limit/reached', message: 'That provocation has already been tried this turn.',
    });
  });

  it('rejects an unknown or closed provocation', () => {
    expect(rejection(redTurn(), { type: 'launchProvocation', role: 'red', provocation: 'nuke' })).toMatchObject({ code: 'target/unknown', message: 'There is no such provocation in this scenario.' });
    const closed = onStep(newGame('batteries', { seats: RED_PLAYED, edit: (j) => { j.provocations[0]!.fromTurn = 4; } }), 'threats', 'red');
    expect(rejection(closed, { type: 'launchProvocation', role: 'red', provocation: 'probe' })).toMatchObject({ code: 'target/invalid', message: 'That provocation can only be tried from turn 4 to turn 12.' });
  });

  it('legalThreats offers the full and half launches per entry and target, and the provocation; all pass the checks', () => {
    const s = redTurn(3);
    const legal = legalThreats(s, 'red');
    expect(legal.map((l) => l.label)).toEqual([
      'Launch 20 × Attack drone at Host Air Base (all left)', 'Launch 10 × Attack drone at Host Air Base',
      'Launch 20 × Attack drone at Energy Site (all left)', 'Launch 10 × Attack drone at Energy Site',
      'Launch 6 × Ballistic missile at Host Air Base (all left)', 'Launch 3 × Ballistic missile at Host Air Base',
      'Launch 4 × Ballistic missile at Korean City (all left)', 'Launch 2 × Ballistic missile at Korean City',
      'Launch 4 × Ballistic missile at Air Hub (all left)', 'Launch 2 × Ballistic missile at Air Hub',
      'Provocation in East Asia',
    ]);
    for (const l of legal) expect(checkAction(s, l.action)).toBeNull();
    expect(legalThreats(onStep(newGame(), 'threats', 'us'), 'us')).toEqual([]);
    expect(legalThreats(onStep(s, 'deployment', 'red'), 'red')).toEqual([]);
  });
});
