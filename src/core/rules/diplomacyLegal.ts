import { answered, entry, type Action, type LegalAction } from '../actions';
import type { GameState, Proposal, ProposalTerms } from '../state';
import { roleName } from '../context';
import type { AgreementType } from '../vocabulary';
import { checkDiplomacy, exerciseKey, type DiplomacyAction } from './diplomacyCheck';
import { addresseesFor, duplicate } from './diplomacyTerms';
import { pairKey } from '../trackIds';
import {
  aAgreement, agreementName, allianceOf, anyPendingFor, describeTerms, EXERCISE_COST, isPlaying, isRed, listNames, MAX_COUNTERS, MAX_REASSURANCE_PER_PAIR, mayDeal,
  pendingFor, REASSURE_COST, templateName,
} from './diplomacyShared';

// The diplomacy moves a role can make now; every entry is checked before it is offered.

const EFFECTS: Record<AgreementType, string> = {
  defencePact: 'If accepted, your batteries may cover each other and trust between you rises by 1.',
  alliance: 'If all accept, the alliance forms: trust among members rises and deterrence grows with its size.',
  jointVenture: 'If accepted, a joint production line is started, its output shared by equity.',
  techTransfer: 'If accepted, the technology transfer can climb its ladder.',
  intelSharing: 'If accepted, members see the next event card and the next wave.',
  standardisation: 'If accepted, interoperability between signatories rises by 1.',
  confidenceBuilding: 'If accepted, transparency rises and tension falls.',
};

const OPEN: ProposalTerms = { bp: 0, duration: null };

/** A counter-offer: the counterer pays nothing, and the duration is shortened (or fixed if open). */
function counterTerms(p: Proposal, role: string): ProposalTerms[] {
  const d = p.terms.duration;
  const base: ProposalTerms = { ...p.terms, bp: 0, duration: d === null ? 8 : d > 4 ? Math.ceil(d / 2) : Math.min(20, d * 2) };
  if (p.terms.shares) base.shares = p.terms.shares.map((x) => ({ ...x }));
  const out = [base];
  const mine = p.terms.shares?.find((x) => x.role === role);
  if (p.type === 'jointVenture' && mine && p.terms.shares?.length === 2 && mine.share < 50)
    out.push({ ...base, duration: p.terms.duration, shares: p.terms.shares.map((x) => ({ role: x.role, share: 100 - x.share })) });
  return out;
}

type Words = () => readonly [string, string];
type Add = (a: DiplomacyAction, cost: number, words: Words) => void;

function answers(s: GameState, role: string, add: Add): void {
  for (const p of pendingFor(s, role)) {
    const what = () => `${agreementName(p.type)} from ${roleName(s, p.from)}`;
    add({ type: 'answerProposal', role, proposal: p.id, accept: true }, 0,
      () => [`Accept the ${what()}`, `Agree to the ${agreementName(p.type)} (${describeTerms(s, p.type, p.terms)}).`]);
    add({ type: 'answerProposal', role, proposal: p.id, accept: false }, 0, () => [`Reject the ${what()}`, 'Close the proposal; no trust is lost.']);
    if (p.round >= MAX_COUNTERS) continue;
    for (const t of counterTerms(p, role))
      add({ type: 'counterProposal', role, proposal: p.id, terms: t }, t.bp, () => [`Counter the ${what()}`, `Offer instead: ${describeTerms(s, p.type, t)}.`]);
  }
}

function proposals(s: GameState, role: string, add: Add): void {
  const partners = s.scenario.roles.map((r) => r.id).filter((r) => isPlaying(s, r) && mayDeal(s, role, r));
  // A duplicate is refused by checkDiplomacy whatever else holds: left out before its message is written.
  const propose = (agreement: AgreementType, to: string[], terms: ProposalTerms, label: () => string) =>
    duplicate(s, agreement, [role, ...addresseesFor(s, agreement, role, to)], terms) ||
    add({ type: 'proposeAgreement', role, agreement, to, terms }, terms.bp, () => [label(), EFFECTS[agreement]]);
  for (const type of s.scenario.agreementTypes) {
    if (type === 'alliance') {
      const mine = allianceOf(s, role);
      const free = partners.filter((r) => !allianceOf(s, r));
      if (mine) for (const r of free) propose(type, [r], OPEN, () => `Invite ${roleName(s, r)} into the alliance`);
      else if (free.length >= 2) propose(type, free, OPEN, () => `Propose an alliance to ${listNames(s, free)}`);
    } else if (type === 'techTransfer') {
      for (const t of s.transfers) {
        const other = t.donor === role ? t.recipient : t.recipient === role ? t.donor : null;
        if (other === null || !partners.includes(other)) continue;
        propose(type, [other], { ...OPEN, donor: t.donor, recipient: t.recipient },
          () => `Propose technology transfer from ${roleName(s, t.donor)} to ${roleName(s, t.recipient)}`);
      }
    } else if (type === 'jointVenture') {
      for (const r of partners)
        for (const t of s.scenario.lineTemplates)
          for (const mine of [51, 49])
            propose(type, [r], { ...OPEN, template: t.id, shares: [{ role, share: mine }, { role: r, share: 100 - mine }] },
              () => `Propose a joint venture on ${templateName(s, t.id)} to ${roleName(s, r)} (${mine}/${100 - mine})`);
    } else {
      for (const r of partners) propose(type, [r], OPEN, () => `Propose ${aAgreement(type)} to ${roleName(s, r)}`);
    }
  }
}

function offerIfLegal(s: GameState, out: LegalAction[], a: DiplomacyAction): void {
  if (!answered(out) && checkDiplomacy(s, a, true) === null) out.push({ action: a as Action, label: '', cost: 0, effect: '' });
}

/** The exercises and reassurances legalDiplomacy would offer (cheap to find; used to tell an idle role). */
export function legalDiplomacyQuick(s: GameState, role: string, out: LegalAction[]): void {
  if (s.phase !== 'diplomacy' || anyPendingFor(s, role)) return;
  // What checkDiplomacy would refuse for every partner is ruled out first, without building its messages.
  const budget = s.budgets[role] ?? 0;
  const red = isRed(s, role);
  for (const r of s.scenario.roles) {
    if (answered(out)) return;
    if (r.id === role || (r.kind === 'red') !== red) continue; // mayDeal, with this role's side looked up once
    if (budget >= EXERCISE_COST && (s.movesUsed[exerciseKey(role, r.id)] ?? 0) < 1 && s.agreements.some((g) => g.parties.includes(role) && g.parties.includes(r.id)))
      offerIfLegal(s, out, { type: 'holdExercise', role, partner: r.id });
    if (budget >= REASSURE_COST && (s.turnStats.reassured[pairKey(role, r.id)] ?? 0) < MAX_REASSURANCE_PER_PAIR)
      offerIfLegal(s, out, { type: 'reassureAlly', role, partner: r.id });
  }
}

export function legalDiplomacy(s: GameState, role: string, out: LegalAction[] = []): LegalAction[] {
  if (s.phase !== 'diplomacy') return out;
  // Words only for the entries that pass their check.
  // Only answers are listed while a proposal awaits the role (they are not refused for it): every
  // other entry is checked knowing that none does.
  const add: Add = (a, cost, words) => {
    if (!answered(out) && checkDiplomacy(s, a, true) === null) out.push(entry(a as Action, cost, words));
  };
  if (anyPendingFor(s, role)) {
    answers(s, role, add);
    return out;
  }
  proposals(s, role, add);
  for (const g of s.agreements) {
    if (!g.parties.includes(role)) continue;
    add({ type: 'breakAgreement', role, agreement: g.id }, 0, () => [
      `Break the ${agreementName(g.type)} with ${listNames(s, g.parties.filter((p) => p !== role))}`,
      'End it: trust with each partner falls by 2 and your reputation by 1.',
    ]);
  }
  for (const r of s.scenario.roles) {
    if (!mayDeal(s, role, r.id)) continue;
    add({ type: 'holdExercise', role, partner: r.id }, EXERCISE_COST, () => [`Joint exercise with ${r.name}`, 'Interoperability and trust with this partner rise by 1.']);
    add({ type: 'reassureAlly', role, partner: r.id }, REASSURE_COST, () => [`Reassure ${r.name}`, 'Trust with this partner rises by 1.']);
  }
  return out;
}
