import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/index';
import { applyIndustry, checkIndustry, DEFAULT_TECH_LADDER, legalIndustry, type IndustryAction } from '../../src/core/rules/industry';
import { check, industryGame, logText, pinStream, run } from './industryFixture';

// The industry actions (DESIGN §5.2, §5.3): one action, one expectation.

const act = (state: ReturnType<typeof industryGame>, a: IndustryAction) => {
  expect(check(state, a)).toBeNull();
  return run(state, (ctx) => applyIndustry(ctx, a), a.role);
};
const fund = (role: string, line: string): IndustryAction => ({ type: 'fundLine', role, line });
const techStep = (role = 'poland'): IndustryAction => ({ type: 'startTechStep', role, transfer: 'kp' });
const order = (lots: number, item = 'pac'): IndustryAction => ({ type: 'orderInterceptors', role: 'poland', item, theatre: 'europe', lots });
const give = (amount: number, contract: string | null = null, to = 'poland'): IndustryAction =>
  ({ type: 'transferStock', role: 'korea', to, item: 'pac', theatre: 'europe', amount, contract });

describe('fundLine', () => {
  it('pays the upkeep and marks the line funded', () => {
    const { state } = act(industryGame(), fund('poland', 'jv'));
    expect(state.budgets.poland).toBe(8.5);
    expect(state.lines[0]!.fundedThisTurn).toBe(true);
    expect(logText(state)).toContain('Poland funds Joint plant for 1.5 BP this turn.');
  });
  it('refuses a role that does not own the line', () => {
    expect(check(industryGame(), fund('poland', 'kline'))).toEqual({ code: 'line/not-owner', message: 'Poland is not an owner of Korean line.', details: { line: 'kline' } });
  });
  it('refuses a second funding in the same turn', () => {
    expect(check(industryGame((s) => { s.lines[0]!.fundedThisTurn = true; }), fund('poland', 'jv'))).toMatchObject({ code: 'limit/reached', message: 'Joint plant is already funded this turn.' });
  });
  it('refuses when the owner cannot pay the upkeep', () => {
    expect(check(industryGame((s) => { s.budgets.poland = 1; }), fund('poland', 'jv')))
      .toEqual({ code: 'budget/insufficient', message: 'Poland cannot afford this: it costs 1.5 BP and Poland has 1 BP.' });
  });
  it('refuses an unknown line and a malformed order', () => {
    expect(check(industryGame(), fund('poland', 'nowhere'))).toMatchObject({ code: 'target/unknown', message: 'There is no production line "nowhere".' });
    expect(check(industryGame(), { type: 'fundLine', role: 'poland', line: 42 } as unknown as Action))
      .toMatchObject({ code: 'action/malformed', message: 'This order is incomplete: it names no production line.' });
  });
});

describe('surgeLine and improveQuality', () => {
  it('a surge costs 2 BP and adds +2 capacity with a 2-turn delay', () => {
    const { state } = act(industryGame(undefined, undefined, 'korea'), { type: 'surgeLine', role: 'korea', line: 'kline' });
    expect(state.budgets.korea).toBe(8);
    expect(state.lines[1]!.surges).toEqual([{ amount: 2, turnsLeft: 2 }]);
    expect(state.lines[1]!.capacity).toBe(8);
  });
  it('only a finished line can be surged', () => {
    expect(check(industryGame(), { type: 'surgeLine', role: 'poland', line: 'jv' }))
      .toMatchObject({ code: 'line/not-ready', message: 'Joint plant is still being built: only a finished line can be surged.' });
  });
  it('a line is surged at most once a turn', () => {
    const { state } = act(industryGame(undefined, undefined, 'korea'), { type: 'surgeLine', role: 'korea', line: 'kline' });
    expect(check(state, { type: 'surgeLine', role: 'korea', line: 'kline' })).toMatchObject({ code: 'limit/reached', message: 'Korean line has already been surged this turn.' });
  });
  it('quality rises by 1 for 1 BP, once a turn, up to 5', () => {
    const a: IndustryAction = { type: 'improveQuality', role: 'poland', line: 'jv' };
    const { state } = act(industryGame(), a);
    expect([state.lines[0]!.quality, state.budgets.poland]).toEqual([4, 9]);
    expect(check(state, a)).toMatchObject({ code: 'limit/reached', message: "Joint plant's quality has already been improved this turn." });
    expect(check(industryGame((s) => { s.lines[0]!.quality = 5; }), a)).toMatchObject({ code: 'limit/reached', message: 'Joint plant already has the highest quality (5).' });
  });
});

describe('startTechStep', () => {
  it('exports the default ladder of DESIGN §5.2', () => {
    expect(DEFAULT_TECH_LADDER.map((x) => [x.level, x.cost, x.turns, x.workforce, x.needsApproval]))
      .toEqual([[1, 2, 2, 1, false], [2, 3, 4, 2, false], [3, 4, 6, 3, true], [4, 3, 4, 2, true]]);
  });
  it('L1 costs the recipient 2 BP and 1 workforce and takes 2 turns', () => {
    const { state } = act(industryGame(), techStep());
    expect(state.transfers[0]!.building).toEqual({ level: 1, turnsLeft: 2 });
    expect([state.budgets.poland, state.workforce.poland]).toEqual([8, 3]);
  });
  it('the donor may start it too, and the recipient still pays', () => {
    const { state } = act(industryGame(undefined, undefined, 'korea'), techStep('korea'));
    expect([state.budgets.poland, state.budgets.korea]).toEqual([8, 10]);
  });
  it('needs a technology-transfer agreement in force', () => {
    expect(check(industryGame((s) => { s.agreements = []; }), techStep()))
      .toEqual({ code: 'tech/no-agreement', message: 'The technology transfer from Korea to Poland needs a technology-transfer agreement in force first.', details: { transfer: 'kp' } });
  });
  it('refuses a role outside the transfer', () => {
    expect(check(industryGame(undefined, undefined, 'norway'), techStep('norway')))
      .toMatchObject({ code: 'agreement/not-party', message: 'Norway takes no part in the technology transfer from Korea to Poland.' });
  });
  it('one step at a time', () => {
    expect(check(industryGame((s) => { s.transfers[0]!.building = { level: 1, turnsLeft: 1 }; }), techStep()))
      .toMatchObject({ code: 'tech/in-progress', message: 'A step of the transfer from Korea to Poland is already under way (L1, 1 turns left).' });
  });
  it('stops at L4', () => {
    expect(check(industryGame((s) => { s.transfers[0]!.level = 4; }), techStep()))
      .toMatchObject({ code: 'tech/max-level', message: 'Poland is already at the top of the ladder (L4).' });
  });
  it('needs the workforce and the budget of the recipient', () => {
    expect(check(industryGame((s) => { s.transfers[0]!.level = 2; s.workforce.poland = 2; }), techStep()))
      .toMatchObject({ code: 'workforce/insufficient', message: 'Poland needs 3 workforce for L3 and has 2 this turn.' });
    expect(check(industryGame((s) => { s.budgets.poland = 1; }), techStep()))
      .toEqual({ code: 'budget/insufficient', message: 'Poland cannot afford this: it costs 2 BP and Poland has 1 BP.' });
  });
  it('L3 approval refused on a d6 of 2 without a strategic partnership: nothing paid, retry next turn', () => {
    // seed-2: the diplomacy stream's first d6 is 2.
    const s0 = industryGame((s) => { s.transfers[0]!.level = 2; pinStream(s, 'diplomacy', 'seed-2'); });
    const { state, events } = act(s0, techStep());
    expect(events.find((e) => e.kind === 'roll')).toMatchObject({ rolls: [2], target: 3, success: false });
    expect([state.transfers[0]!.building, state.transfers[0]!.refusals, state.budgets.poland, state.workforce.poland]).toEqual([null, 1, 10, 4]);
    expect(check(state, techStep())).toMatchObject({ code: 'tech/approval-refused', message: 'Export approval for L3 was refused this turn; it can be asked again next turn.' });
    expect(check({ ...state, movesUsed: {} }, techStep())).toBeNull();
  });
  it('the same d6 of 2 passes with a defence pact in force (strategic partnership)', () => {
    const s0 = industryGame((s) => {
      s.transfers[0]!.level = 2;
      pinStream(s, 'diplomacy', 'seed-2');
      s.agreements.push({ id: 'ag2', type: 'defencePact', parties: ['poland', 'korea'], since: 1, turnsLeft: null, transfer: null, line: null });
    });
    const { state } = act(s0, techStep());
    expect(state.transfers[0]!.building).toEqual({ level: 3, turnsLeft: 6 });
    expect([state.budgets.poland, state.workforce.poland]).toEqual([6, 1]);
  });
});

describe('startProject', () => {
  const project: IndustryAction = { type: 'startProject', role: 'poland', project: 'cdl' };
  it('pays the cost and starts the project', () => {
    const { state } = act(industryGame(), project);
    expect(state.budgets.poland).toBe(8);
    expect(state.projects).toMatchObject([{ project: 'cdl', owner: 'poland', turnsLeft: 2 }]);
  });
  it('only the roles listed may start it, at most `limit` times', () => {
    expect(check(industryGame(undefined, undefined, 'korea'), { ...project, role: 'korea' })).toMatchObject({ code: 'target/invalid', message: 'Korea cannot start Counter-drone layer.' });
    const { state } = act(industryGame(), project);
    expect(check(state, project)).toMatchObject({ code: 'limit/reached', message: 'Poland has already started Counter-drone layer once, the most allowed.' });
  });
});

describe('orderInterceptors', () => {
  it('pays orderCost per lot and queues orderLot per lot, arriving after the lead time', () => {
    const { state } = act(industryGame(), order(3));
    expect(state.budgets.poland).toBe(7);
    expect(state.pipeline).toEqual([{ owner: 'poland', item: 'pac', theatre: 'europe', amount: 18, arrives: 3, source: 'order' }]);
  });
  it('only interceptors can be ordered', () => {
    expect(check(industryGame(), order(1, 'cgr'))).toMatchObject({ code: 'target/invalid', message: 'CGR-080 rockets is not an interceptor: only interceptors can be ordered.' });
  });
  it('at most 10 lots per item and theatre a turn', () => {
    const { state } = act(industryGame((s) => { s.budgets.poland = 30; }), order(8));
    expect(check(state, order(3))).toMatchObject({ code: 'limit/reached', message: 'At most 10 lots of PAC interceptors for Europe can be ordered per turn; 2 remain.' });
  });
  it('lots must be a whole number of at least 1', () => {
    for (const lots of [0, 1.5, -2, Number.NaN])
      expect(check(industryGame(), order(lots))).toMatchObject({ code: 'action/malformed', message: 'This order is incomplete: the number of lots must be a whole number of at least 1.' });
  });
  it('refuses an order beyond the budget', () => {
    expect(check(industryGame((s) => { s.budgets.poland = 2; }), order(3)))
      .toEqual({ code: 'budget/insufficient', message: 'Poland cannot afford this: it costs 3 BP and Poland has 2 BP.' });
  });
});

describe('transferStock', () => {
  const korea = (tweak: Parameters<typeof industryGame>[0] = () => {}) => industryGame(tweak, undefined, 'korea');
  it('moves stock between roles', () => {
    const { state, events } = act(korea(), give(5));
    expect([state.stocks['korea|pac|europe'], state.stocks['poland|pac|europe']]).toEqual([15, 53]);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'delivery', owner: 'poland', amount: 5 }));
  });
  it('counts a contract delivery', () => {
    const { state } = act(korea(), give(6, 'k9'));
    expect(state.contracts.k9!.delivered).toBe(6);
  });
  it('refuses more than the stock holds', () => {
    expect(check(korea(), give(21))).toEqual({ code: 'stock/insufficient', message: 'Korea has only 20 PAC interceptors in Europe, not 21.', details: { have: 20 } });
  });
  it('refuses a contract that does not match, and one already filled', () => {
    expect(check(korea(), give(1, 'k9', 'norway'))).toMatchObject({ code: 'target/invalid', message: 'This delivery does not match The K9 contract: it is for PAC interceptors from Korea to Poland in Europe.' });
    expect(check(korea((s) => { s.contracts.k9!.delivered = 10; }), give(3, 'k9'))).toMatchObject({ code: 'limit/reached', message: 'The K9 contract needs only 2 more.' });
  });
  it('refuses a transfer to oneself and to an unknown role', () => {
    expect(check(korea(), give(1, null, 'korea'))).toMatchObject({ code: 'target/invalid', message: 'Korea cannot transfer stock to itself.' });
    expect(check(korea(), give(1, null, 'mars'))).toMatchObject({ code: 'target/unknown', message: 'There is no role "mars".' });
  });
});

describe('repairRegion', () => {
  const repair: IndustryAction = { type: 'repairRegion', role: 'poland', region: 'pl-east' };
  it('removes 1 damage for 1 BP', () => {
    const { state } = act(industryGame((s) => { s.regions['pl-east']!.damage = 2; }), repair);
    expect([state.regions['pl-east']!.damage, state.budgets.poland]).toEqual([1, 9]);
  });
  it('refuses an undamaged region and a region of another role', () => {
    expect(check(industryGame(), repair)).toEqual({ code: 'region/undamaged', message: 'PL East has no damage to repair.', details: { region: 'pl-east' } });
    expect(check(industryGame(), { ...repair, region: 'kr-plant' })).toMatchObject({ code: 'target/invalid', message: 'Poland can only repair its own regions; KR Plant belongs to Korea.' });
  });
});

describe('checkIndustry', () => {
  it('refuses an action of another family', () => {
    expect(checkIndustry(industryGame(), { type: 'setDoctrine', role: 'poland' } as unknown as IndustryAction))
      .toEqual({ code: 'action/unknown', message: 'This is not an industry action.' });
  });
});

describe('legalIndustry', () => {
  const states = {
    start: industryGame(),
    korea: industryGame((s) => { s.regions['kr-plant']!.damage = 1; }, undefined, 'korea'),
    l2: industryGame((s) => { s.transfers[0]!.level = 2; s.lines[0]!.buildLeft = 0; s.lines[0]!.ramp = 1; s.regions['pl-east']!.damage = 1; }),
    poor: industryGame((s) => { s.budgets.poland = 1.2; }),
  };
  it.each(Object.entries(states))('every listed action passes the check, at both ends of its range (%s)', (_name, state) => {
    const list = legalIndustry(state, state.queue[0]!);
    expect(list.length).toBeGreaterThan(0);
    for (const l of list) {
      expect(check(state, l.action)).toBeNull();
      if (l.amount) expect(check(state, { ...l.action, [l.amount.field]: l.amount.max } as Action)).toBeNull();
    }
  });
  it('lists an interceptor order with the lots range and a tech step with its approval roll', () => {
    const list = legalIndustry(states.l2, 'poland');
    expect(list.find((l) => l.action.type === 'orderInterceptors')?.amount).toEqual({ field: 'lots', min: 1, max: 10 });
    expect(list.find((l) => l.action.type === 'startTechStep')?.effect).toBe(
      'Poland spends 4 BP and 3 workforce to reach L3 in 6 turns. Korea must first approve the export (d6 ≥ 3).');
  });
  it('lists a contract delivery for the seller while an amount is due', () => {
    const list = legalIndustry(states.korea, 'korea');
    expect(list.find((l) => l.action.type === 'transferStock' && l.action.contract === 'k9')?.amount).toEqual({ field: 'amount', min: 1, max: 12 });
  });
  it('lists nothing outside the industry phase', () => {
    expect(legalIndustry({ ...states.start, phase: 'deployment' }, 'poland')).toEqual([]);
  });
});
