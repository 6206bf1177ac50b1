import { describe, expect, it } from 'vitest';
import { applyAction, legalActions, logEntries, type Action, type GameState } from '../../src/core';
import { act, actingRole, advanceTo, edit, fixture, newGame } from '../support/builders';

const withFacilitator = { north: { kind: 'human' as const }, south: { kind: 'human' as const }, red: { kind: 'human' as const }, facilitator: { kind: 'facilitator' as const } };

function rejection(state: GameState, action: Action) {
  const result = applyAction(state, action);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  expect(result.state).toBe(state);
  return result.rejection;
}

/** A game at the diplomacy phase of turn 1, event choices answered with their first option. */
function atDiplomacy(seats = withFacilitator): GameState {
  let s = newGame({ seats });
  while (s.pendingChoice) s = act(s, { type: 'chooseEventOption', role: s.pendingChoice.role, option: 0 }).state;
  return s;
}

describe('turns and phases', () => {
  it('starts on turn 1 and runs the events phase by itself, then waits for the first role in diplomacy', () => {
    const s = atDiplomacy();
    expect(s.turn).toBe(1);
    expect(s.phase).toBe('diplomacy');
    expect(s.queue).toEqual(['north', 'south', 'red']);
    expect(logEntries(s.log).some((l) => l.text.startsWith('Event: '))).toBe(true);
  });

  it('moves through all six phases in order and into the next turn', () => {
    let s = atDiplomacy();
    const phases: string[] = [];
    s = advanceTo(s, (x) => {
      if (phases[phases.length - 1] !== x.phase) phases.push(x.phase);
      return x.turn === 2;
    });
    const seen = logEntries(s.log).filter((l) => l.turn === 1 && /^(Events|Diplomacy|Industry|Deployment|Threats|Assessment) phase\./.test(l.text)).map((l) => l.text.split(' ')[0]);
    expect(seen).toEqual(['Events', 'Diplomacy', 'Industry', 'Deployment', 'Threats', 'Assessment']);
    expect(s.turn).toBe(2);
    expect(s.history).toHaveLength(1);
  });

  it('pays each role its budget at the start of a turn, carrying over at most the cap', () => {
    const scenario = fixture();
    let s = atDiplomacy();
    s = edit(s, (d) => { d.budgets.north = 99; });
    s = advanceTo(s, (x) => x.turn === 2);
    const north = scenario.roles.find((r) => r.id === 'north')!;
    // Spending during turn 1 happens only through choices; with nothing spent the cap applies.
    expect(s.budgets.north).toBe(north.budget.cap + north.budget.perTurn);
  });

  it('ends on the last turn with an outcome and scores', () => {
    const s = advanceTo(atDiplomacy(), (x) => x.outcome !== null, 2000);
    expect(s.outcome).not.toBeNull();
    expect(['lastTurn', 'victory', 'sharedLoss']).toContain(s.outcome!.reason);
    expect(Object.keys(s.outcome!.scores).sort()).toEqual(['north', 'red', 'south']);
    expect(legalActions(s, 'north')).toEqual([]);
  });
});

describe('rejections common to every action', () => {
  const s = atDiplomacy();
  it.each<[string, Action, string, RegExp]>([
    ['action/unknown', { type: 'teleport', role: 'north' } as unknown as Action, 'action/unknown', /not an action of this game/],
    ['action/malformed', { type: 'endPhase' } as unknown as Action, 'action/malformed', /which role/],
    ['role/unknown', { type: 'endPhase', role: 'atlantis' }, 'role/unknown', /no role "atlantis"/],
    ['step/not-your-step', { type: 'endPhase', role: 'south' }, 'step/not-your-step', /It is North's step, not South's/],
    ['phase/wrong-phase', { type: 'setDoctrine', role: 'north', threat: 'drone', doctrine: 'barrage' }, 'phase/wrong-phase', /only be done in the deployment phase; it is now the diplomacy phase/],
    ['role/facilitator-only', { type: 'pauseGame', role: 'north' } as unknown as Action, 'role/facilitator-only', /Only the facilitator/],
    ['choice/invalid', { type: 'chooseEventOption', role: 'north', option: 0 }, 'choice/invalid', /no event choice/],
  ])('%s', (_name, action, code, message) => {
    const r = rejection(s, action);
    expect(r.code).toBe(code);
    expect(r.message).toMatch(message);
  });

  it('role/not-seated: a scripted role cannot act', () => {
    const scripted = atDiplomacy({ ...withFacilitator, red: { kind: 'scripted' } as never });
    const r = rejection(scripted, { type: 'endPhase', role: 'red' });
    expect(r.code).toBe('role/not-seated');
    expect(r.message).toBe('Red cell is not played by anyone in this game.');
  });

  it('game/paused: nobody but the facilitator acts while paused', () => {
    const paused = act(s, { type: 'pauseGame', role: 'facilitator' }).state;
    const r = rejection(paused, { type: 'endPhase', role: 'north' });
    expect(r).toMatchObject({ code: 'game/paused', message: 'The facilitator has paused the game.' });
    expect(legalActions(paused, 'north')).toEqual([]);
    const resumed = act(paused, { type: 'resumeGame', role: 'facilitator' }).state;
    expect(applyAction(resumed, { type: 'endPhase', role: 'north' }).ok).toBe(true);
  });

  it('game/over: nothing is accepted after the end', () => {
    const over = act(s, { type: 'endGame', role: 'facilitator', reason: 'time is up' }).state;
    expect(over.outcome?.reason).toBe('facilitator');
    expect(over.outcome?.text).toBe('The facilitator ended the game: time is up');
    expect(rejection(over, { type: 'endPhase', role: 'north' })).toMatchObject({ code: 'game/over', message: 'The game is over.' });
  });

  it('game/waiting-for-choice: an open event choice comes first', () => {
    const waiting = edit(s, (d) => { d.pendingChoice = { card: 'quality-audit', role: 'south' }; });
    expect(rejection(waiting, { type: 'endPhase', role: 'north' })).toMatchObject({ code: 'game/waiting-for-choice', message: 'Waiting for South to answer an event.' });
  });
});

describe('event cards', () => {
  it('shuffles the deck from the seed: same seed same order, other seed other order', () => {
    const a = newGame({ seed: 'one' });
    expect(newGame({ seed: 'one' }).deck).toEqual(a.deck);
    expect(newGame({ seed: 'two' }).deck).not.toEqual(a.deck);
    expect([...a.deck, ...a.discard].sort()).toEqual(fixture().deck.flatMap((c) => Array(c.copies).fill(c.id)).sort());
  });

  it('a card with a choice waits for its role, and the chosen option applies', () => {
    let s = newGame({ seats: withFacilitator });
    s = edit(s, (d) => { d.pendingChoice = null; });
    s = act(s, { type: 'injectCard', role: 'facilitator', card: 'quality-audit', custom: null }).state;
    expect(s.pendingChoice).toEqual({ card: 'quality-audit', role: 'south' });
    expect(legalActions(s, 'south').map((l) => l.action.type)).toEqual(['chooseEventOption', 'chooseEventOption']);
    const before = s.tracks['reputation:south']!;
    const bad = rejection(s, { type: 'chooseEventOption', role: 'south', option: 5 });
    expect(bad).toMatchObject({ code: 'choice/invalid', message: 'Choose one of the 2 options of "Quality audit".' });
    s = act(s, { type: 'chooseEventOption', role: 'south', option: 0 }).state;
    expect(s.pendingChoice).toBeNull();
    expect(s.tracks['reputation:south']).toBe(before + 1);
  });
});

describe('scenario moves', () => {
  it('costs BP, applies its effects with actor and target, and is limited per turn', () => {
    let s = atDiplomacy();
    const trust = s.tracks['trust:north+south']!;
    const budget = s.budgets.north!;
    s = act(s, { type: 'playMove', role: 'north', move: 'reassure', target: 'south' }).state;
    expect(s.budgets.north).toBe(budget - 1);
    expect(s.tracks['trust:north+south']).toBe(Math.min(10, trust + 1));
    const again = rejection(s, { type: 'playMove', role: 'north', move: 'reassure', target: 'south' });
    expect(again).toMatchObject({ code: 'limit/reached', message: '"Public reassurance" can be made only once a turn.' });
  });

  it('rejects a move the role cannot afford, a wrong target, and an unknown move', () => {
    const poor = edit(atDiplomacy(), (d) => { d.budgets.north = 0; });
    expect(rejection(poor, { type: 'playMove', role: 'north', move: 'reassure', target: 'south' })).toMatchObject({
      code: 'budget/insufficient', message: 'North cannot afford "Public reassurance": it costs 1 BP and North has 0 BP.',
    });
    const s = atDiplomacy();
    expect(rejection(s, { type: 'playMove', role: 'north', move: 'reassure', target: null }).code).toBe('target/invalid');
    expect(rejection(s, { type: 'playMove', role: 'north', move: 'nope', target: null })).toMatchObject({ code: 'target/unknown', message: 'There is no such move in this scenario.' });
  });

  it('checks a move’s requirement', () => {
    const scenario = fixture((json) => {
      json.moves[0].requires = { compare: { budget: 'actor' }, op: '>=', value: 50 };
    });
    let s = newGame({ scenario, seats: withFacilitator });
    while (s.pendingChoice) s = act(s, { type: 'chooseEventOption', role: s.pendingChoice.role, option: 0 }).state;
    expect(rejection(s, { type: 'playMove', role: 'north', move: 'reassure', target: 'south' })).toMatchObject({
      code: 'move/requirement-unmet', message: '"Public reassurance" is not possible now: its condition is not met.',
    });
  });
});

describe('the facilitator', () => {
  it('adjusts a track within its bounds, and is refused outside them', () => {
    let s = atDiplomacy();
    const before = s.tracks['tension:east']!;
    s = act(s, { type: 'adjustTrack', role: 'facilitator', track: 'tension:east', by: 1 }).state;
    expect(s.tracks['tension:east']).toBe(before + 1);
    expect(rejection(s, { type: 'adjustTrack', role: 'facilitator', track: 'tension:east', by: 20 })).toMatchObject({ code: 'track/out-of-bounds' });
    expect(rejection(s, { type: 'adjustTrack', role: 'facilitator', track: 'tension:moon', by: 1 })).toMatchObject({ code: 'track/unknown', message: 'There is no such track in this game.' });
  });

  it('injects a custom card written on the spot, or a card of the deck', () => {
    let s = atDiplomacy();
    const before = s.budgets.south!;
    s = act(s, { type: 'injectCard', role: 'facilitator', card: null, custom: { title: 'Windfall', text: 'A surprise budget.', effects: [{ grantBudget: 'south', amount: 2 }] } }).state;
    expect(s.budgets.south).toBe(before + 2);
    expect(logEntries(s.log).some((l) => l.text === 'Event: Windfall. A surprise budget.')).toBe(true);
    s = act(s, { type: 'injectCard', role: 'facilitator', card: null, custom: { title: 'Who pays?', text: 'A question in parliament.', effects: [] } }).state;
    expect(logEntries(s.log).some((l) => l.text === 'Event: Who pays? A question in parliament.')).toBe(true);
    expect(rejection(s, { type: 'injectCard', role: 'facilitator', card: 'no-such-card', custom: null }).code).toBe('card/unknown');
    expect(rejection(s, { type: 'injectCard', role: 'facilitator', card: null, custom: null }).code).toBe('action/malformed');
  });

  it('reveals hidden information, and is refused without a facilitator seat', () => {
    const s = act(atDiplomacy(), { type: 'revealHidden', role: 'facilitator', reveal: true }).state;
    expect(s.revealed).toBe(true);
    const alone = atDiplomacy({ north: { kind: 'human' }, south: { kind: 'human' }, red: { kind: 'human' } } as never);
    expect(rejection(alone, { type: 'pauseGame', role: 'facilitator' })).toMatchObject({ code: 'role/facilitator-only' });
    expect(legalActions(alone, 'facilitator')).toEqual([]);
  });
});

describe('shared loss and victory', () => {
  it('tension at 10 ends the game for everyone and records who caused it', () => {
    let s = atDiplomacy();
    s = edit(s, (d) => { d.tracks['tension:east'] = 9; });
    s = act(s, { type: 'adjustTrack', role: 'facilitator', track: 'tension:east', by: 1 }).state;
    expect(s.outcome?.reason).toBe('sharedLoss');
    expect(s.outcome?.winners).toEqual([]);
    expect(s.outcome?.causedBy).toBe('facilitator');
  });

  it('a role whose move pushes tension to 10 is named as the cause', () => {
    const scenario = fixture((json) => {
      json.moves.push({ id: 'escalate', name: 'Escalate', text: 'Raise tension.', roles: ['north'], phase: 'diplomacy', cost: 0, target: 'none', effects: [{ adjustTrack: 'tension:east', by: 2 }] });
    });
    let s = newGame({ scenario, seats: withFacilitator });
    while (s.pendingChoice) s = act(s, { type: 'chooseEventOption', role: s.pendingChoice.role, option: 0 }).state;
    s = edit(s, (d) => { d.tracks['tension:east'] = 8; });
    s = act(s, { type: 'playMove', role: 'north', move: 'escalate', target: null }).state;
    expect(s.outcome).toMatchObject({ reason: 'sharedLoss', causedBy: 'north' });
    expect(s.outcome?.text).toMatch(/North took the step that caused it/);
  });

  it('a scenario shared-loss condition ends the game at assessment', () => {
    let s = edit(atDiplomacy(), (d) => { d.tracks['trust:north+south'] = 0; });
    s = advanceTo(s, (x) => x.outcome !== null);
    expect(s.outcome?.reason).toBe('sharedLoss');
    expect(s.outcome?.text).toBe('Trust between North and South has collapsed. Everyone loses.');
  });

  it('an anyTurn victory ends the game as soon as it is met at an assessment', () => {
    let s = edit(atDiplomacy(), (d) => { for (const r of ['s-capital', 's-port', 's-logistics']) d.regions[r]!.damage = 10; d.turn = 3; });
    s = advanceTo(s, (x) => x.outcome !== null);
    expect(s.outcome).toMatchObject({ reason: 'victory', winningSides: ['red'], winners: ['red'] });
  });

  it('scores add up met objectives and weighted tracks, with a breakdown', () => {
    const s = advanceTo(atDiplomacy(), (x) => x.outcome !== null, 2000);
    for (const score of Object.values(s.outcome!.scores))
      expect(score.total).toBeCloseTo(score.breakdown.reduce((a, b) => a + b.points, 0), 5);
  });
});

describe('who acts', () => {
  it('skips a role that has nothing to do, saying so', () => {
    const s = advanceTo(atDiplomacy(), (x) => x.phase === 'threats');
    expect(actingRole(s)).toBe('red');
    expect(logEntries(s.log).some((l) => l.turn === 1 && l.phase === 'threats' && l.text === 'North has nothing more to do in this phase.')).toBe(true);
  });
});

describe('custom cards are checked like scenario data', () => {
  it.each([
    [[{ adjustTrack: 5, by: 1 }], /effects\[0\]/],
    [[{ adjustTrack: 'tension:moon', by: 1 }], /effects\[0\]\.adjustTrack: unknown theatre "moon"/],
    [[{ grantBudget: 'south', amount: 'lots' }], /effects\[0\]/],
  ])('%j is refused with where and why', (effects, message) => {
    const s = atDiplomacy();
    const r = rejection(s, { type: 'injectCard', role: 'facilitator', card: null, custom: { title: 'Odd', text: 'Odd card.', effects: effects as never } });
    expect(r.code).toBe('action/malformed');
    expect(r.message).toMatch(message);
  });
});
