import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { legalActions, type Action } from '../../src/core/index';
import { expireProposals } from '../../src/core/rules/diplomacy';
import { diplomacyGame, logText, ok, pact, rejected, run, trust } from './diplomacyFixture';

const propose = (agreement: string, to: string[], terms: Record<string, unknown>, role = 'aster'): Action =>
  ({ type: 'proposeAgreement', role, agreement, to, terms } as unknown as Action);

describe('proposing an agreement', () => {
  it('opens a proposal with round 0 and sends a human addressee to the back of the queue', () => {
    const s = ok(diplomacyGame((d) => { d.queue = ['aster', 'celest']; }), pact('aster', ['borea'], 2, 4));
    expect(s.proposals).toEqual([{ id: expect.any(String), type: 'defencePact', from: 'aster', to: ['borea'], accepted: [], terms: { bp: 2, duration: 4 }, round: 0 }]);
    expect(s.queue).toEqual(['aster', 'celest', 'borea']);
    expect(logText(s)).toContain('Aster proposes a bilateral defence pact to Borea (for 4 turns, 2 BP paid on acceptance).');
  });

  it('does not queue a human addressee twice', () => {
    const s = ok(diplomacyGame(), pact('aster', ['borea']));
    expect(s.queue).toEqual(['aster', 'borea', 'celest', 'red']);
  });

  it('puts a bot addressee at the front of the queue so it answers at once', () => {
    const s = ok(diplomacyGame(), pact('aster', ['celest']));
    expect(s.queue).toEqual(['celest', 'aster', 'borea', 'celest', 'red']);
  });

  it('rejects a type the scenario does not allow', () => {
    const r = rejected(diplomacyGame(undefined, { agreementTypes: ['defencePact'] }), propose('intelSharing', ['borea'], { bp: 0, duration: null }));
    expect(r).toMatchObject({ code: 'agreement/not-allowed', message: 'This scenario does not allow an intelligence sharing.' });
    expect(rejected(diplomacyGame(), propose('friendship', ['borea'], { bp: 0, duration: null })).code).toBe('agreement/not-allowed');
  });

  it.each([
    [['aster'], 'target/invalid', 'Aster cannot make a proposal to itself.'],
    [['doran'], 'target/invalid', 'Doran is not played in this game and cannot answer proposals.'],
    [['borea', 'borea'], 'target/invalid', 'Borea is named twice in the proposal.'],
    [[], 'target/invalid', 'Choose at least one other nation to send the proposal to.'],
    [['nobody'], 'target/unknown', 'There is no role "nobody" in this scenario.'],
    [['borea', 'celest'], 'target/invalid', 'A bilateral defence pact is made between exactly two parties.'],
  ])('rejects addressees %j', (to, code, message) => {
    expect(rejected(diplomacyGame(), pact('aster', to as string[]))).toMatchObject({ code, message });
  });

  it('needs three members to found an alliance', () => {
    expect(rejected(diplomacyGame(), propose('alliance', ['borea'], { bp: 0, duration: null })))
      .toMatchObject({ code: 'target/invalid', message: 'A multilateral alliance needs at least three members: ask two or more nations.' });
  });

  it.each([
    [{ bp: -1, duration: null }, 'The payment must be a whole number of BP, 0 or more.'],
    [{ bp: 1.5, duration: null }, 'The payment must be a whole number of BP, 0 or more.'],
    [{ bp: 0, duration: 0 }, 'The duration must be open-ended or a whole number of turns from 1 to 20.'],
    [{ bp: 0, duration: 21 }, 'The duration must be open-ended or a whole number of turns from 1 to 20.'],
  ])('rejects terms %j', (terms, message) => {
    expect(rejected(diplomacyGame(), propose('defencePact', ['borea'], terms))).toMatchObject({ code: 'agreement/terms-invalid', message });
  });

  it('rejects a joint venture whose shares do not add up to 100', () => {
    const terms = { bp: 0, duration: null, template: 'plant', shares: [{ role: 'aster', share: 60 }, { role: 'borea', share: 30 }] };
    expect(rejected(diplomacyGame(), propose('jointVenture', ['borea'], terms)))
      .toMatchObject({ code: 'agreement/terms-invalid', message: 'The shares must add up to 100%; these add up to 90%.' });
  });

  it('rejects a joint venture without a known line template', () => {
    const terms = { bp: 0, duration: null, template: 'nope', shares: [{ role: 'aster', share: 51 }, { role: 'borea', share: 49 }] };
    expect(rejected(diplomacyGame(), propose('jointVenture', ['borea'], terms)))
      .toMatchObject({ code: 'agreement/terms-invalid', message: 'A joint venture needs one of the scenario\'s production lines to build.' });
  });

  it('rejects a technology transfer the scenario does not have', () => {
    expect(rejected(diplomacyGame(), propose('techTransfer', ['borea'], { bp: 0, duration: null, donor: 'aster', recipient: 'borea' })))
      .toMatchObject({ code: 'agreement/terms-invalid', message: 'There is no technology transfer from Aster to Borea in this scenario.' });
  });

  it('rejects a payment the proposer cannot afford', () => {
    expect(rejected(diplomacyGame((d) => { d.budgets.aster = 2; }), pact('aster', ['borea'], 3)))
      .toMatchObject({ code: 'budget/insufficient', message: 'Aster cannot afford this: it offers 3 BP and Aster has 2 BP.' });
  });

  it('rejects a duplicate of an agreement in force or of an open proposal', () => {
    const inForce = diplomacyGame((d) => { d.agreements = [{ id: 'g1', type: 'defencePact', parties: ['borea', 'aster'], since: 1, turnsLeft: null, transfer: null, line: null }]; });
    expect(rejected(inForce, pact('aster', ['borea'])))
      .toMatchObject({ code: 'agreement/duplicate', message: 'Aster and Borea already have a bilateral defence pact like this in force.' });
    const open = ok(diplomacyGame(), pact('aster', ['borea']));
    expect(rejected(open, pact('aster', ['borea'])))
      .toMatchObject({ code: 'agreement/duplicate', message: 'A proposal of a bilateral defence pact between Aster and Borea is already on the table.' });
  });

  it('rejects a technology transfer that an agreement in force already carries', () => {
    const s = diplomacyGame((d) => { d.agreements = [{ id: 'g1', type: 'techTransfer', parties: ['aster', 'borea'], since: 1, turnsLeft: null, transfer: 'ba', line: null }]; });
    expect(rejected(s, propose('techTransfer', ['borea'], { bp: 0, duration: null, donor: 'borea', recipient: 'aster' })).code).toBe('agreement/duplicate');
  });

  it('a second joint venture on another template is not a duplicate, the same template is', () => {
    const jv = (template: string) => propose('jointVenture', ['borea'], { bp: 0, duration: null, template, shares: [{ role: 'aster', share: 51 }, { role: 'borea', share: 49 }] });
    const s = ok(diplomacyGame(undefined, { lineTemplates: [
      { id: 'plant', name: 'Rocket plant', item: 'cgr', region: 'a-home', buildTurns: 2, capacity: 8, upkeep: 1, quality: 2 },
      { id: 'depot', name: 'Depot', item: 'pac', region: 'b-home', buildTurns: 1, capacity: 4, upkeep: 1, quality: 3 },
    ] }), jv('plant'));
    expect(rejected(s, jv('plant')).code).toBe('agreement/duplicate');
    expect(ok(s, jv('depot')).proposals).toHaveLength(2);
  });

  it('allows at most three proposals per proposer per turn', () => {
    let s = diplomacyGame();
    for (const type of ['defencePact', 'intelSharing', 'standardisation']) s = ok(s, propose(type, ['borea'], { bp: 0, duration: null }));
    expect(rejected(s, propose('confidenceBuilding', ['borea'], { bp: 0, duration: null })))
      .toMatchObject({ code: 'limit/reached', message: 'Aster has already made 3 proposals this turn.' });
  });
});

describe('answering a proposal', () => {
  /** Borea offers Aster a pact with 2 BP and ends its step: Aster is on step to answer. */
  const offered = () => ok(ok(diplomacyGame((d) => { d.queue = ['borea']; }), pact('borea', ['aster'], 2)), { type: 'endPhase', role: 'borea' });
  const id = (s: ReturnType<typeof offered>) => s.proposals[0]!.id;

  it('forms the agreement when the addressee accepts, paying the BP and raising trust', () => {
    let s = offered();
    const before = trust(s, 'aster', 'borea');
    s = ok(s, { type: 'answerProposal', role: 'aster', proposal: id(s), accept: true });
    expect(s.proposals).toEqual([]);
    expect(s.agreements).toMatchObject([{ type: 'defencePact', parties: ['borea', 'aster'], turnsLeft: null }]);
    expect([s.budgets.borea, s.budgets.aster]).toEqual([8, 12]);
    expect(trust(s, 'aster', 'borea')).toBe(before + 1);
    expect(logText(s)).toContain('Borea pays 2 BP to Aster.');
  });

  it('closes the proposal on a rejection, with no trust lost', () => {
    let s = offered();
    const before = trust(s, 'aster', 'borea');
    s = ok(s, { type: 'answerProposal', role: 'aster', proposal: id(s), accept: false });
    expect(s.proposals).toEqual([]);
    expect(s.agreements).toEqual([]);
    expect(trust(s, 'aster', 'borea')).toBe(before);
    expect(logText(s)).toContain("Aster rejects Borea's proposal of a bilateral defence pact; the proposal is closed.");
  });

  it('lets a bot answer at once and then gives the step back to the proposer', () => {
    let s = ok(diplomacyGame(), pact('aster', ['celest']));
    expect(s.queue[0]).toBe('celest');
    s = ok(s, { type: 'answerProposal', role: 'celest', proposal: s.proposals[0]!.id, accept: true });
    expect(s.queue).toEqual(['aster', 'borea', 'celest', 'red']);
  });

  it('forbids ending the step while an answer is pending', () => {
    expect(rejected(offered(), { type: 'endPhase', role: 'aster' }).code).toBe('phase/answer-pending');
  });

  it('asks for the answer before any other diplomacy', () => {
    expect(rejected(offered(), pact('aster', ['celest'])))
      .toMatchObject({ code: 'phase/answer-pending', message: 'Aster must first answer the proposals waiting for it.' });
  });

  it('rejects an unknown proposal and an answer from a role that was not asked', () => {
    const s = offered();
    expect(rejected(s, { type: 'answerProposal', role: 'aster', proposal: 'prop999', accept: true }))
      .toMatchObject({ code: 'proposal/unknown', message: 'That proposal is no longer on the table.' });
    const other = ok(diplomacyGame((d) => { d.queue = ['borea', 'celest']; }), pact('borea', ['aster']));
    const asCeleste = { ...other, queue: ['celest'] };
    expect(rejected(asCeleste, { type: 'answerProposal', role: 'celest', proposal: other.proposals[0]!.id, accept: true }))
      .toMatchObject({ code: 'proposal/not-addressee', message: 'Celest has no answer to give to this proposal.' });
  });

  it('checks at acceptance that the proposer can still pay', () => {
    const s = { ...offered() };
    const broke = { ...s, budgets: { ...s.budgets, borea: 1 } };
    expect(rejected(broke, { type: 'answerProposal', role: 'aster', proposal: id(s), accept: true }))
      .toMatchObject({ code: 'budget/insufficient', message: 'Borea cannot afford this: it offers 2 BP and Borea has 1 BP.' });
  });

  it('lets the addressee counter: a new proposal back to the proposer, one round later', () => {
    let s = offered();
    s = ok(s, { type: 'counterProposal', role: 'aster', proposal: id(s), terms: { bp: 1, duration: 3 } });
    expect(s.proposals).toMatchObject([{ from: 'aster', to: ['borea'], terms: { bp: 1, duration: 3 }, round: 1 }]);
    expect(s.queue).toEqual(['aster', 'borea']);
    expect(logText(s)).toContain("Aster answers Borea's proposal with a counter-offer to Borea");
  });

  it('allows at most two counters', () => {
    let s = ok(diplomacyGame((d) => { d.queue = ['borea', 'aster']; }), pact('borea', ['celest']));
    s = ok(s, { type: 'counterProposal', role: 'celest', proposal: s.proposals[0]!.id, terms: { bp: 0, duration: 5 } });
    expect(s.queue[0]).toBe('borea');
    s = ok(s, { type: 'counterProposal', role: 'borea', proposal: s.proposals[0]!.id, terms: { bp: 0, duration: 4 } });
    expect(s.proposals[0]!.round).toBe(2);
    expect(s.queue[0]).toBe('celest');
    expect(rejected(s, { type: 'counterProposal', role: 'celest', proposal: s.proposals[0]!.id, terms: { bp: 0, duration: 3 } }))
      .toMatchObject({ code: 'proposal/counter-limit', message: 'This bilateral defence pact has already been countered 2 times: accept or reject it.' });
  });

  it('lets unanswered proposals lapse when the phase ends', () => {
    const s = run(offered(), (ctx) => expireProposals(ctx));
    expect(s.proposals).toEqual([]);
    expect(logText(s)).toContain("Borea's proposal of a bilateral defence pact to Aster lapses unanswered.");
  });
});

describe('alliances', () => {
  const founded = () => diplomacyGame((d) => {
    d.agreements = [{ id: 'al', type: 'alliance', parties: ['aster', 'borea', 'celest'], since: 1, turnsLeft: null, transfer: null, line: null }];
    d.seats.doran = { kind: 'human' };
  });

  it('forms with unanimous consent and raises trust among all members', () => {
    let s = diplomacyGame((d) => { d.queue = ['aster', 'borea']; });
    const before = trust(s, 'borea', 'celest');
    s = ok(s, propose('alliance', ['borea', 'celest'], { bp: 0, duration: null }));
    expect(s.queue[0]).toBe('celest');
    s = ok(s, { type: 'answerProposal', role: 'celest', proposal: s.proposals[0]!.id, accept: true });
    expect(s.agreements).toEqual([]);
    s = ok({ ...s, queue: ['borea'] }, { type: 'answerProposal', role: 'borea', proposal: s.proposals[0]!.id, accept: true });
    expect(s.agreements).toMatchObject([{ type: 'alliance', parties: ['aster', 'borea', 'celest'] }]);
    expect(trust(s, 'borea', 'celest')).toBe(before + 1);
  });

  it('admits a newcomer only with the consent of every member', () => {
    let s = ok(founded(), propose('alliance', ['doran'], { bp: 0, duration: null }));
    expect(s.proposals[0]!.to).toEqual(['doran', 'borea', 'celest']);
    const p = s.proposals[0]!.id;
    s = ok(s, { type: 'answerProposal', role: 'celest', proposal: p, accept: true });
    s = ok({ ...s, queue: ['borea'] }, { type: 'answerProposal', role: 'borea', proposal: p, accept: true });
    s = ok({ ...s, queue: ['doran'] }, { type: 'answerProposal', role: 'doran', proposal: p, accept: true });
    expect(s.agreements).toMatchObject([{ id: 'al', parties: ['aster', 'borea', 'celest', 'doran'] }]);
    expect(logText(s)).toContain('Doran joins the alliance; it now has 4 members.');
  });

  it('a counter to a multilateral proposal keeps the parties and changes only the terms', () => {
    let s = ok(diplomacyGame((d) => { d.queue = ['aster', 'borea']; }), propose('alliance', ['borea', 'celest'], { bp: 0, duration: null }));
    s = ok(s, { type: 'counterProposal', role: 'celest', proposal: s.proposals[0]!.id, terms: { bp: 0, duration: 6 } });
    expect(s.proposals).toMatchObject([{ type: 'alliance', from: 'celest', to: ['aster', 'borea'], terms: { duration: 6 }, round: 1 }]);
    expect(s.queue).toEqual(['aster', 'borea']);
  });

  it('rejects founding a second alliance with a member of another', () => {
    const s = diplomacyGame((d) => {
      d.agreements = [{ id: 'al', type: 'alliance', parties: ['borea', 'celest', 'red'], since: 1, turnsLeft: null, transfer: null, line: null }];
      d.seats.doran = { kind: 'human' };
    });
    expect(rejected(s, propose('alliance', ['borea', 'doran'], { bp: 0, duration: null })))
      .toMatchObject({ code: 'target/invalid', message: 'Every member of the alliance must agree to admit a newcomer: Celest and Red cell must be asked too.' });
  });
});

describe('legal diplomacy', () => {
  it('offers only answers while a proposal waits, and every one is accepted by the rules', () => {
    let s = ok(diplomacyGame((d) => { d.queue = ['borea']; }), pact('borea', ['aster'], 2, 6));
    s = ok(s, { type: 'endPhase', role: 'borea' });
    const options = legalActions(s, 'aster').filter((o) => o.action.type !== 'playMove');
    expect(options.map((o) => o.action.type).sort()).toEqual(['answerProposal', 'answerProposal', 'counterProposal']);
    for (const o of options) ok(s, o.action);
  });

  it('offers proposals, breaks, exercises and reassurance that all pass, none to or from the Red cell', () => {
    const s = diplomacyGame((d) => {
      d.agreements = [{ id: 'g1', type: 'standardisation', parties: ['aster', 'celest'], since: 1, turnsLeft: null, transfer: null, line: null }];
    });
    const options = legalActions(s, 'aster').filter((o) => o.action.type !== 'endPhase' && o.action.type !== 'playMove');
    expect(options.length).toBeGreaterThan(10);
    for (const o of options) ok(s, o.action);
    expect(options.some((o) => JSON.stringify(o.action).includes('"red"'))).toBe(false);
    const labels = options.map((o) => o.label);
    expect(labels).toContain('Propose a joint venture on Rocket plant to Borea (51/49)');
    expect(labels).toContain('Propose technology transfer from Borea to Aster');
    expect(labels).toContain('Propose an alliance to Borea and Celest');
    expect(labels).toContain('Break the standardisation agreement with Celest');
    expect(labels).toContain('Joint exercise with Celest');
    expect(labels).not.toContain('Joint exercise with Borea');
  });

  it('lists nothing outside the diplomacy phase', () => {
    expect(legalActions({ ...diplomacyGame(), phase: 'industry' }, 'aster').filter((o) => o.action.type === 'proposeAgreement')).toEqual([]);
  });
});

describe('untrusted input', () => {
  it.each([
    [propose('defencePact', 'borea' as unknown as string[], { bp: 0, duration: null }), 'target/invalid'],
    [propose('defencePact', [7 as unknown as string], { bp: 0, duration: null }), 'target/unknown'],
    [propose('defencePact', ['borea'], null as unknown as Record<string, unknown>), 'agreement/terms-invalid'],
    [propose('defencePact', ['borea'], { bp: Number.NaN, duration: null }), 'agreement/terms-invalid'],
    [propose('jointVenture', ['borea'], { bp: 0, duration: null, template: 'plant', shares: [null, 5] }), 'agreement/terms-invalid'],
    [propose('jointVenture', ['borea'], { bp: 0, duration: null, template: 'plant', shares: [{ role: 'aster', share: 50.5 }, { role: 'borea', share: 49.5 }] }), 'agreement/terms-invalid'],
    [propose('techTransfer', ['borea'], { bp: 0, duration: null, donor: 'borea', recipient: 'borea' }), 'agreement/terms-invalid'],
    [{ type: 'answerProposal', role: 'aster', proposal: { id: 1 }, accept: true } as unknown as Action, 'proposal/unknown'],
    [{ type: 'breakAgreement', role: 'aster', agreement: null } as unknown as Action, 'target/unknown'],
  ])('rejects %j without throwing', (action, code) => {
    expect(rejected(diplomacyGame(), action).code).toBe(code);
  });

  it('rejects an answer that is neither accept nor reject', () => {
    const s = ok(ok(diplomacyGame((d) => { d.queue = ['borea']; }), pact('borea', ['aster'])), { type: 'endPhase', role: 'borea' });
    expect(rejected(s, { type: 'answerProposal', role: 'aster', proposal: s.proposals[0]!.id, accept: 'yes' } as unknown as Action))
      .toMatchObject({ code: 'action/malformed', message: 'An answer must be accept or reject.' });
  });
});

describe('random legal diplomacy', () => {
  it.each(['one', 'two', 'three'])('plays seeded random legal actions for three turns without a rejection (seed %s)', (seed) => {
    const rng = seedrandom(seed);
    let s = diplomacyGame();
    for (let i = 0; i < 3000 && s.turn <= 3 && !s.outcome; i++) {
      const role = s.pendingChoice?.role ?? s.queue[0];
      if (!role) throw new Error(`nobody on step in ${s.phase}`);
      const options = legalActions(s, role);
      expect(options.length).toBeGreaterThan(0);
      // Lean towards diplomacy so that proposals, answers and counters happen often.
      const diplomacy = options.filter((o) => o.action.type !== 'endPhase');
      const pool = diplomacy.length > 0 && rng() < 0.8 ? diplomacy : options;
      s = ok(s, pool[Math.floor(rng() * pool.length)]!.action);
    }
    expect(s.turn).toBeGreaterThan(3);
    expect(s.proposals).toEqual([]);
  });
});
