import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { applyAction } from '../../src/core/index';
import type { GameState } from '../../src/core/state';
import { applyIndustry, assessIndustry, resolveIndustry, splitOutput } from '../../src/core/rules/industry';
import { industryGame, logText, pinStream, run } from './industryFixture';

// End of the industry phase (lines, surges, transfers, projects) and the industry assessment
// (resupply, deliveries, contracts, stockouts), including DOMAIN b4's stockpile vector.

const resolve = (s: GameState) => run(s, resolveIndustry);
const assess = (s: GameState) => run(s, assessIndustry);
/** A new turn as startTurn leaves it for industry: marks cleared, lines unfunded. */
const nextTurn = (s: GameState) => produce(s, (d) => { d.turn += 1; d.movesUsed = {}; d.lines.forEach((l) => { l.fundedThisTurn = false; }); d.log = []; });
const funded = (s: GameState, ...lines: string[]) => produce(s, (d) => { d.lines.forEach((l) => { if (lines.includes(l.id)) l.fundedThisTurn = true; }); });

describe('production lines', () => {
  it('an unfunded line stands idle', () => {
    const { state } = resolve(industryGame());
    expect(state.lines[0]!.buildLeft).toBe(2);
    expect(logText(state)).toContain('Joint plant stood idle this turn: nobody funded it.');
  });
  it('a funded line under construction advances; at 0 it enters ramp step 1', () => {
    const once = resolve(funded(industryGame(), 'jv')).state;
    expect([once.lines[0]!.buildLeft, once.lines[0]!.ramp]).toEqual([1, 0]);
    const twice = resolve(funded(nextTurn(once), 'jv')).state;
    expect([twice.lines[0]!.buildLeft, twice.lines[0]!.ramp]).toEqual([0, 1]);
  });
  it('a finished line ramps 25% → 50% → 100% of capacity over its producing turns', () => {
    let s = industryGame((d) => { d.lines[1]!.ramp = 1; });
    const stock: number[] = [];
    for (let t = 0; t < 4; t++) {
      s = resolve(funded(nextTurn(s), 'kline')).state;
      stock.push(s.stocks['korea|pac|asia'] ?? 0);
    }
    expect(stock).toEqual([2, 6, 14, 22]);
  });
  it('a line without the required tech level cannot produce', () => {
    const s = industryGame((d) => { d.lines[0]!.buildLeft = 0; d.lines[0]!.ramp = 3; d.transfers[0]!.level = 2; });
    const { state } = resolve(funded(s, 'jv'));
    expect(state.lines[0]!.produced).toBe(0);
    expect(logText(state)).toContain('Joint plant cannot produce yet: needs L3 (now L2).');
  });
  it('output is split by shares, the remainder to the largest share, with a delivery event per owner', () => {
    const s = industryGame((d) => { d.lines[0]!.buildLeft = 0; d.lines[0]!.ramp = 3; d.transfers[0]!.level = 3; });
    const { state, events } = resolve(funded(s, 'jv'));
    expect([state.stocks['poland|cgr|europe'], state.stocks['korea|cgr|europe']]).toEqual([5, 3]);
    expect(events.filter((e) => e.kind === 'delivery').map((e) => e.kind === 'delivery' && [e.owner, e.amount])).toEqual([['poland', 5], ['korea', 3]]);
  });
  it.each([
    { owners: [['a', 51], ['b', 49]], output: 8, expected: [5, 3] },
    { owners: [['a', 50], ['b', 50]], output: 7, expected: [4, 3] },
    { owners: [['a', 20], ['b', 40], ['c', 40]], output: 9, expected: [1, 5, 3] },
    { owners: [['a', 100]], output: 13, expected: [13] },
  ] as const)('splitOutput $owners of $output → $expected', ({ owners, output, expected }) => {
    expect(splitOutput({ owners: owners.map(([role, share]) => ({ role, share })) }, output).map((p) => p.amount)).toEqual(expected);
  });
  it('while quality < 3 a d6 of 1 loses the lot', () => {
    // seed-6: the industry stream's first d6 is 1.
    const s = industryGame((d) => { d.lines[1]!.quality = 2; pinStream(d, 'industry', 'seed-6'); });
    const { state, events } = resolve(funded(s, 'kline'));
    expect(events.find((e) => e.kind === 'roll')).toMatchObject({ rolls: [1], success: false });
    expect([state.lines[1]!.lotsLost, state.lines[1]!.produced, state.stocks['korea|pac|asia'] ?? 0]).toEqual([1, 0, 0]);
  });
  it('a quality roll above 1 keeps the lot; quality 3 needs no roll', () => {
    // seed-1: the industry stream's first d6 is 5.
    const low = resolve(funded(industryGame((d) => { d.lines[1]!.quality = 2; pinStream(d, 'industry', 'seed-1'); }), 'kline'));
    expect([low.state.lines[1]!.produced, low.events.some((e) => e.kind === 'roll')]).toEqual([8, true]);
    const high = resolve(funded(industryGame(), 'kline'));
    expect(high.events.some((e) => e.kind === 'roll')).toBe(false);
  });
  it('a surge matures after two resolves and adds to the capacity', () => {
    let s = run(nextTurn(industryGame()), (ctx) => applyIndustry(ctx, { type: 'surgeLine', role: 'korea', line: 'kline' })).state;
    s = resolve(funded(s, 'kline')).state;
    expect([s.lines[1]!.capacity, s.stocks['korea|pac|asia']]).toEqual([8, 8]);
    s = resolve(funded(nextTurn(s), 'kline')).state;
    expect([s.lines[1]!.capacity, s.stocks['korea|pac|asia'], s.lines[1]!.surges]).toEqual([10, 16, []]);
    s = resolve(funded(nextTurn(s), 'kline')).state;
    expect(s.stocks['korea|pac|asia']).toBe(26);
  });
});

describe('technology transfers and projects', () => {
  it('a step counts down at each resolve and the level rises at 0', () => {
    let s = industryGame((d) => { d.transfers[0]!.level = 1; d.transfers[0]!.building = { level: 2, turnsLeft: 2 }; });
    s = resolve(s).state;
    expect([s.transfers[0]!.level, s.transfers[0]!.building]).toEqual([1, { level: 2, turnsLeft: 1 }]);
    s = resolve(s).state;
    expect([s.transfers[0]!.level, s.transfers[0]!.building]).toEqual([2, null]);
    expect(logText(s)).toContain('Poland reaches L2: licensed launcher production.');
  });
  it('a project completes after its turns and applies its effects to its owner', () => {
    let s = run(industryGame(), (ctx) => applyIndustry(ctx, { type: 'startProject', role: 'poland', project: 'cdl' }), 'poland').state;
    s = resolve(s).state;
    expect(s.regions['pl-east']!.counterDrone).toBe(0);
    s = resolve(s).state;
    expect([s.regions['pl-east']!.counterDrone, s.tracks['support:poland'], s.projects[0]!.turnsLeft]).toEqual([1, 6, 0]);
  });
});

describe('assessIndustry', () => {
  it('b4: S0=48, fired [12,24,0,30], 6 ordered a turn, L=2 → S=[48,36,12,18,6]', () => {
    let s = industryGame();
    const series = [s.stocks['poland|pac|europe']];
    for (const requested of [12, 24, 0, 30]) {
      s = run(s, (ctx) => applyIndustry(ctx, { type: 'orderInterceptors', role: 'poland', item: 'pac', theatre: 'europe', lots: 1 }), 'poland').state;
      // Firing belongs to the threats rules: here it is min(requested, stock), taken straight from the stock.
      s = produce(s, (d) => { d.stocks['poland|pac|europe'] = d.stocks['poland|pac|europe']! - Math.min(requested, d.stocks['poland|pac|europe']!); });
      s = nextTurn(assess(s).state);
      series.push(s.stocks['poland|pac|europe']);
    }
    expect(series).toEqual([48, 36, 12, 18, 6]);
  });
  it('resupply enters the pipeline each turn from fromTurn and arrives after its lead time', () => {
    let s = industryGame(undefined, { resupply: [{ owner: 'korea', item: 'pac', theatre: 'asia', perTurn: 12, leadTime: 1, fromTurn: 1 }] });
    s = assess(s).state;
    expect(s.pipeline).toEqual([{ owner: 'korea', item: 'pac', theatre: 'asia', amount: 12, arrives: 2, source: 'resupply' }]);
    const { state, events } = assess(nextTurn(s));
    expect([state.stocks['korea|pac|asia'], state.pipeline.length]).toEqual([12, 1]);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'delivery', owner: 'korea', amount: 12 }));
  });
  it('a seller behind schedule loses reputation and trust, and the turn counts as late', () => {
    const { state } = assess(industryGame());
    expect([state.tracks['reputation:korea'], state.tracks['trust:korea+poland']]).toEqual([4, 4]);
    expect(state.contracts.k9).toEqual({ delivered: 0, late: 1, onTimeChecks: 1, onTimeMet: 0 });
    expect(logText(state)).toContain('Korea is behind on The K9 contract: 0 of 6 PAC interceptors delivered so far.');
  });
  it('a seller on schedule keeps its tracks and scores an on-time check', () => {
    const { state } = assess(industryGame((d) => { d.contracts.k9!.delivered = 6; }));
    expect([state.tracks['reputation:korea'], state.contracts.k9]).toEqual([5, { delivered: 6, late: 0, onTimeChecks: 1, onTimeMet: 1 }]);
  });
  it('tracks runs of empty interceptor stocks', () => {
    let s = industryGame((d) => { d.stocks['poland|pac|europe'] = 0; d.stocks['poland|cgr|europe'] = 0; });
    s = assess(s).state;
    s = assess(nextTurn(s)).state;
    expect(s.stockout['poland|pac|europe']).toEqual({ run: 2, longest: 2 });
    expect(s.stockout['poland|cgr|europe']).toBeUndefined();
    s = assess(produce(nextTurn(s), (d) => { d.stocks['poland|pac|europe'] = 5; })).state;
    expect(s.stockout['poland|pac|europe']).toEqual({ run: 0, longest: 2 });
  });
});

describe('through applyAction', () => {
  it('funding then ending both steps builds the line at the end of the phase', () => {
    let s = industryGame((d) => { d.queue = ['poland', 'korea']; });
    for (const a of [
      { type: 'fundLine', role: 'poland', line: 'jv' }, { type: 'endPhase', role: 'poland' }, { type: 'endPhase', role: 'korea' },
    ] as const) {
      const r = applyAction(s, a);
      if (!r.ok) throw new Error(r.rejection.message);
      s = r.state;
    }
    expect(s.lines[0]!.buildLeft).toBe(1);
    expect(s.phase).not.toBe('industry');
  });
});
