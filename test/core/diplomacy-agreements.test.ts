import { describe, expect, it } from 'vitest';
import type { Agreement, Battery, GameState } from '../../src/core/state';
import type { AgreementType } from '../../src/core/vocabulary';
import { allianceDeterrence, assessAgreements, formAgreement, hasAgreement } from '../../src/core/rules/diplomacy';
import { diplomacyGame, interop, logText, ok, rejected, run, trust } from './diplomacyFixture';

const agreement = (id: string, type: AgreementType, parties: string[], extra: Partial<Agreement> = {}): Agreement =>
  ({ id, type, parties, since: 1, turnsLeft: null, transfer: null, line: null, ...extra });

const form = (s: GameState, type: AgreementType, parties: string[], terms: Record<string, unknown> = {}, quiet = false) =>
  run(s, (ctx) => { formAgreement(ctx, type, parties, { bp: 0, duration: null, ...terms }, { quiet }); });

const battery = (owner: string, region: string): Battery => ({
  id: `b-${owner}`, name: 'Patriot 1', type: 'pat', owner, region, home: region, halfCover: null, status: 'operational',
  destination: null, mode: null, loadsLeft: 0, turnsLeft: 0, rounds: 72, capacity: 72, awayTurns: 0,
});

describe('forming agreements', () => {
  it('a joint venture starts the joint line from its template with the agreed shares', () => {
    const s = form(diplomacyGame(), 'jointVenture', ['aster', 'borea'], { template: 'plant', shares: [{ role: 'aster', share: 51 }, { role: 'borea', share: 49 }] });
    const line = s.lines.find((l) => l.id === s.agreements[0]!.line);
    expect(line).toMatchObject({ name: 'Rocket plant', owners: [{ role: 'aster', share: 51 }, { role: 'borea', share: 49 }] });
  });

  it('a technology transfer links the scenario transfer', () => {
    const s = form(diplomacyGame(), 'techTransfer', ['aster', 'borea'], { donor: 'borea', recipient: 'aster' });
    expect(s.agreements[0]!.transfer).toBe('ba');
  });

  it('intelligence sharing shows members the next card and wave', () => {
    const s = form(diplomacyGame(), 'intelSharing', ['aster', 'celest']);
    expect(s.intel.aster).toMatchObject({ nextCard: true, nextWave: true });
    expect(s.intel.borea).toMatchObject({ nextCard: false, nextWave: false });
  });

  it('standardisation raises interoperability for every pair of signatories', () => {
    const before = diplomacyGame();
    const s = form(before, 'standardisation', ['aster', 'borea', 'celest']);
    for (const [a, b] of [['aster', 'borea'], ['aster', 'celest'], ['borea', 'celest']] as const) expect(interop(s, a, b)).toBe(interop(before, a, b) + 1);
  });

  it('a confidence-building measure raises transparency and lowers tension where both parties hold regions', () => {
    const s = form(diplomacyGame(), 'confidenceBuilding', ['aster', 'borea']);
    expect([s.tracks.transparency, s.tracks['tension:west'], s.tracks['tension:east']]).toEqual([2, 4, 5]);
  });

  it('a confidence-building measure between theatres lowers tension everywhere', () => {
    const s = form(diplomacyGame(), 'confidenceBuilding', ['aster', 'celest']);
    expect([s.tracks['tension:west'], s.tracks['tension:east']]).toEqual([4, 4]);
  });

  it('an agreement in force at the start is set up quietly, without changing the tracks', () => {
    const before = diplomacyGame();
    const s = form(before, 'defencePact', ['aster', 'borea'], { duration: 5 }, true);
    expect(s.agreements).toMatchObject([{ type: 'defencePact', parties: ['aster', 'borea'], turnsLeft: 5 }]);
    expect(s.log).toEqual([]);
    expect(trust(s, 'aster', 'borea')).toBe(trust(before, 'aster', 'borea'));
  });

  it('hasAgreement finds an agreement in force between two parties', () => {
    const s = diplomacyGame((d) => { d.agreements = [agreement('g', 'intelSharing', ['aster', 'borea', 'celest'])]; });
    expect([hasAgreement(s, 'intelSharing', 'borea', 'celest'), hasAgreement(s, 'defencePact', 'borea', 'celest'), hasAgreement(s, 'intelSharing', 'aster', 'red')])
      .toEqual([true, false, false]);
  });

  it('alliance deterrence is min(4, members − 2)', () => {
    const s = diplomacyGame((d) => { d.agreements = [agreement('al', 'alliance', ['aster', 'borea', 'celest', 'doran'])]; });
    expect([allianceDeterrence(s, 'aster'), allianceDeterrence(s, 'red')]).toEqual([2, 0]);
  });
});

describe('breaking agreements', () => {
  it('costs trust with every other party and the breaker reputation', () => {
    const before = diplomacyGame((d) => { d.agreements = [agreement('g', 'defencePact', ['aster', 'borea'])]; });
    const s = ok(before, { type: 'breakAgreement', role: 'aster', agreement: 'g' });
    expect(s.agreements).toEqual([]);
    expect(trust(s, 'aster', 'borea')).toBe(trust(before, 'aster', 'borea') - 2);
    expect(s.tracks['reputation:aster']).toBe(before.tracks['reputation:aster']! - 1);
    expect(logText(s)).toContain('Aster breaks the bilateral defence pact with Borea.');
  });

  it('only a party may break an agreement', () => {
    const s = diplomacyGame((d) => { d.agreements = [agreement('g', 'defencePact', ['borea', 'celest'])]; });
    expect(rejected(s, { type: 'breakAgreement', role: 'aster', agreement: 'g' }))
      .toMatchObject({ code: 'agreement/not-party', message: 'Aster is not a party to this bilateral defence pact.' });
    expect(rejected(s, { type: 'breakAgreement', role: 'aster', agreement: 'zz' }))
      .toMatchObject({ code: 'target/unknown', message: 'There is no such agreement in force.' });
  });

  it('leaves a joint line standing and hands the breaker\'s share to the other owners', () => {
    let s = form(diplomacyGame(), 'jointVenture', ['aster', 'borea'], { template: 'plant', shares: [{ role: 'aster', share: 51 }, { role: 'borea', share: 49 }] });
    s = ok(s, { type: 'breakAgreement', role: 'aster', agreement: s.agreements[0]!.id });
    expect(s.lines.at(-1)!.owners).toEqual([{ role: 'borea', share: 100 }]);
  });

  it('cancels the technology-transfer step under way', () => {
    const s = ok(diplomacyGame((d) => {
      d.agreements = [agreement('g', 'techTransfer', ['aster', 'borea'], { transfer: 'ba' })];
      d.transfers[0]!.building = { level: 2, turnsLeft: 3 };
      d.queue = ['borea'];
    }), { type: 'breakAgreement', role: 'borea', agreement: 'g' });
    expect(s.transfers[0]!.building).toBeNull();
  });

  it('a breaker leaves an alliance, which dissolves below three members', () => {
    const four = diplomacyGame((d) => { d.agreements = [agreement('al', 'alliance', ['aster', 'borea', 'celest', 'doran'])]; });
    const three = ok(four, { type: 'breakAgreement', role: 'aster', agreement: 'al' });
    expect(three.agreements).toMatchObject([{ parties: ['borea', 'celest', 'doran'] }]);
    const gone = ok({ ...three, queue: ['borea'] }, { type: 'breakAgreement', role: 'borea', agreement: 'al' });
    expect(gone.agreements).toEqual([]);
  });

  it('ends intelligence sharing for those who leave it', () => {
    const s = ok(form(diplomacyGame(), 'intelSharing', ['aster', 'borea']), { type: 'breakAgreement', role: 'aster', agreement: 'agr1' });
    expect(s.intel.borea).toMatchObject({ nextCard: false, nextWave: false });
  });
});

describe('exercises and reassurance', () => {
  const partners = () => diplomacyGame((d) => { d.agreements = [agreement('g', 'defencePact', ['aster', 'borea'])]; });

  it('a joint exercise costs 1 BP and raises interoperability and trust', () => {
    const before = partners();
    const s = ok(before, { type: 'holdExercise', role: 'aster', partner: 'borea' });
    expect(s.budgets.aster).toBe(9);
    expect([interop(s, 'aster', 'borea'), trust(s, 'aster', 'borea')]).toEqual([interop(before, 'aster', 'borea') + 1, trust(before, 'aster', 'borea') + 1]);
  });

  it('a joint exercise needs an agreement, money, and happens once per partner per turn', () => {
    expect(rejected(diplomacyGame(), { type: 'holdExercise', role: 'aster', partner: 'borea' }))
      .toMatchObject({ code: 'target/invalid', message: 'Aster and Borea have no agreement in force; a joint exercise needs one.' });
    expect(rejected(partners(), { type: 'holdExercise', role: 'aster', partner: 'aster' }).code).toBe('target/invalid');
    expect(rejected(partners(), { type: 'holdExercise', role: 'aster', partner: 'ghost' }).code).toBe('target/unknown');
    expect(rejected({ ...partners(), budgets: { ...partners().budgets, aster: 0.5 } }, { type: 'holdExercise', role: 'aster', partner: 'borea' }))
      .toMatchObject({ code: 'budget/insufficient', message: 'Aster cannot afford this: it costs 1 BP and Aster has 0.5 BP.' });
    const once = ok(partners(), { type: 'holdExercise', role: 'aster', partner: 'borea' });
    expect(rejected(once, { type: 'holdExercise', role: 'aster', partner: 'borea' }))
      .toMatchObject({ code: 'limit/reached', message: 'Aster has already exercised with Borea this turn.' });
  });

  it('reassurance costs 1 BP, raises trust by 1, at most twice per pair per turn', () => {
    const before = diplomacyGame();
    let s = ok(before, { type: 'reassureAlly', role: 'aster', partner: 'celest' });
    expect([s.budgets.aster, trust(s, 'aster', 'celest')]).toEqual([9, trust(before, 'aster', 'celest') + 1]);
    s = ok(s, { type: 'reassureAlly', role: 'aster', partner: 'celest' });
    expect(rejected(s, { type: 'reassureAlly', role: 'aster', partner: 'celest' }))
      .toMatchObject({ code: 'limit/reached', message: 'Aster and Celest have already had 2 reassurances this turn.' });
    expect(rejected({ ...before, budgets: { ...before.budgets, aster: 0 } }, { type: 'reassureAlly', role: 'aster', partner: 'celest' }).code).toBe('budget/insufficient');
  });
});

describe('assessment of agreements', () => {
  it('counts down durations and lets agreements expire without penalty', () => {
    const before = diplomacyGame((d) => { d.agreements = [agreement('a', 'defencePact', ['aster', 'borea'], { turnsLeft: 1 }), agreement('b', 'standardisation', ['aster', 'celest'], { turnsLeft: 3 })]; });
    const s = run(before, assessAgreements);
    expect(s.agreements).toMatchObject([{ id: 'b', turnsLeft: 2 }]);
    expect(trust(s, 'aster', 'borea')).toBe(trust(before, 'aster', 'borea'));
    expect(logText(s)).toContain('The bilateral defence pact between Aster and Borea expires.');
  });

  it('renews the intelligence flags of sharing members each turn', () => {
    const s = run(diplomacyGame((d) => { d.agreements = [agreement('i', 'intelSharing', ['aster', 'borea'])]; }), assessAgreements);
    expect([s.intel.aster!.nextWave, s.intel.borea!.nextCard, s.intel.celest!.nextCard]).toEqual([true, true, false]);
  });

  it('a guarantor with no battery in an attacked ally\'s theatre loses credibility', () => {
    const before = diplomacyGame((d) => {
      d.agreements = [agreement('p', 'defencePact', ['aster', 'celest'])];
      d.turnStats.leakers = { west: 2 };
    });
    const s = run(before, assessAgreements);
    expect(trust(s, 'aster', 'celest')).toBe(trust(before, 'aster', 'celest') - 1);
    expect(logText(s)).toContain('Celest did not respond to the attack on Aster.');
  });

  it('a guarantor with an operational battery in the theatre keeps its credibility', () => {
    const before = diplomacyGame((d) => {
      d.agreements = [agreement('p', 'defencePact', ['aster', 'celest'])];
      d.turnStats.leakers = { west: 2 };
      d.batteries = [battery('celest', 'b-home')];
    });
    expect(trust(run(before, assessAgreements), 'aster', 'celest')).toBe(trust(before, 'aster', 'celest'));
  });
});
