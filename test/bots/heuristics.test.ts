import { describe, expect, it } from 'vitest';
import { legalActions, viewFor, type GameState } from '../../src/core';
import { botAction, botRandom, rankStandard } from '../../src/bots';
import { interestsOf, regionWorth } from '../../src/bots/interests';
import { act, advanceTo, edit, newGame } from '../support/builders';

// The standard bot's heuristics on the all-mechanics fixture (North and South allied, a Red cell):
// what a role wants, how it answers, how it defends, how the Red cell attacks.

const seats = { north: { kind: 'bot', level: 'standard' }, south: { kind: 'bot', level: 'standard' }, red: { kind: 'bot', level: 'standard' } } as const;
const start = (): GameState => newGame({ seed: 'heuristics', seats: { ...seats } });
const standard = (s: GameState, role: string) => botAction(s, role, 'standard');

describe('interests read from the scenario', () => {
  it('defenders want their regions intact and the Red cell wants them disabled', () => {
    const s = start();
    const north = interestsOf(viewFor(s, 'north'), 'north');
    const red = interestsOf(viewFor(s, 'red'), 'red');
    expect(regionWorth(viewFor(s, 'north'), north, 'n-capital')).toBeGreaterThan(0);
    expect(regionWorth(viewFor(s, 'red'), red, 's-capital')).toBeLessThan(0);
  });

  it('every role weighs tension against the shared loss at 10, more as it nears', () => {
    const low = start();
    const high = edit(low, (d) => { d.tracks['tension:east'] = 9; });
    const w = (s: GameState) => interestsOf(viewFor(s, 'south'), 'south').levers.get('track:tension:east') ?? 0;
    expect(w(low)).toBeLessThan(0);
    expect(w(high)).toBeLessThan(w(low));
  });
});

describe('diplomacy', () => {
  it('an ally accepts a defence pact and the Red cell is never offered one', () => {
    let s = advanceTo(start(), (x) => x.phase === 'diplomacy');
    const role = s.queue[0]!;
    const other = role === 'north' ? 'south' : 'north';
    const pact = legalActions(s, role).find((l) => l.action.type === 'proposeAgreement' && l.action.agreement === 'defencePact' && l.action.to[0] === other);
    expect(pact).toBeDefined();
    expect(legalActions(s, role).some((l) => l.action.type === 'proposeAgreement' && l.action.to.includes('red'))).toBe(false);
    s = act(s, pact!.action).state;
    expect(s.queue[0]).toBe(other);
    expect(standard(s, other)).toMatchObject({ type: 'answerProposal', accept: true });
  });

  it('a role does not accept a pact from a partner it hardly trusts, for nothing in return', () => {
    let s = advanceTo(edit(start(), (d) => { d.tracks['trust:north+south'] = 1; }), (x) => x.phase === 'diplomacy');
    const role = s.queue[0]!;
    const other = role === 'north' ? 'south' : 'north';
    s = act(s, { type: 'proposeAgreement', role, agreement: 'intelSharing', to: [other], terms: { bp: 0, duration: null } }).state;
    // (It may first mend trust with a move; its answer, when it gives it, is no.)
    const answers = rankStandard(viewFor(s, other), legalActions(s, other), botRandom(s, other)).filter((c) => c.action.type === 'answerProposal');
    expect(answers[0]?.action).toMatchObject({ type: 'answerProposal', accept: false });
  });
});

describe('deployment', () => {
  it('with interceptors to spare, drones get shoot-look-shoot', () => {
    const s = advanceTo(start(), (x) => x.phase === 'deployment' && x.queue[0] === 'north');
    const ranked = rankStandard(viewFor(s, 'north'), legalActions(s, 'north'), botRandom(s, 'north'));
    const drones = ranked.filter((c) => c.action.type === 'setDoctrine' && c.action.threat === 'drone');
    expect(drones[0]?.action).toMatchObject({ doctrine: 'shootLookShoot' });
  });

  it('a battery does not wander off from a region the table keeps attacking', () => {
    const s = advanceTo(start(), (x) => x.phase === 'deployment' && x.queue[0] === 'south');
    const ranked = rankStandard(viewFor(s, 'south'), legalActions(s, 'south'), botRandom(s, 'south'));
    for (const c of ranked) if (c.action.type === 'orderRedeploy' && c.action.battery === 's-bat-1') expect(c.value).toBeLessThan(0);
  });
});

describe('the Red cell', () => {
  it('aims at an uncovered region of value before a covered one', () => {
    let s = advanceTo(start(), (x) => x.phase === 'threats' && x.queue[0] === 'red');
    // Take every battery covering South's port and logistics off line: those are the soft targets now.
    s = edit(s, (d) => {
      for (const b of d.batteries) if (b.owner === 'south' && b.region === 's-port') b.status = 'transit';
      for (const b of d.batteries) if (b.halfCover === 's-logistics') b.halfCover = null;
      d.tracks['tension:east'] = 5;
    });
    const ranked = rankStandard(viewFor(s, 'red'), legalActions(s, 'red'), botRandom(s, 'red'));
    const first = ranked.find((c) => c.action.type === 'launchWave');
    expect(first?.action.type).toBe('launchWave');
    if (first?.action.type !== 'launchWave') return;
    expect(['s-port', 's-logistics']).toContain(first.action.attacks[0]!.target);
  });
});
