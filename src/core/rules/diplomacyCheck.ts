import type { ActionOf, Rejection } from '../actions';
import type { GameState } from '../state';
import { roleName } from '../context';
import { reject } from '../rejections';
import { pairKey, rememberKey } from '../trackIds';
import { answerPending } from './diplomacyProposals';
import { addresseesFor, checkAddressees, checkAgreementType, checkProposalLimit, checkTerms } from './diplomacyTerms';
import {
  agreementName, EXERCISE_COST, isRole, MAX_COUNTERS, MAX_REASSURANCE_PER_PAIR, partiesOf, REASSURE_COST,
} from './diplomacyShared';

export type DiplomacyAction = ActionOf<'proposeAgreement' | 'answerProposal' | 'counterProposal' | 'breakAgreement' | 'holdExercise' | 'reassureAlly'>;

const exerciseKeys = new Map<string, Map<string, string>>();
export const exerciseKey = (role: string, partner: string): string =>
  exerciseKeys.get(role)?.get(partner) ?? rememberKey(exerciseKeys, role, partner, `exercise|${role}|${partner}`);

/** For the dispatcher's endPhase: a role may not end its step while proposals await its answer. */
export function checkAnswered(s: GameState, role: string): Rejection | null {
  return answerPending(s, role)
    ? reject('phase/answer-pending', `${roleName(s, role)} must first answer the proposals waiting for it.`)
    : null;
}

function checkProposalAnswer(s: GameState, role: string, id: unknown) {
  const p = typeof id === 'string' ? s.proposals.find((x) => x.id === id) : undefined;
  if (!p) return { error: reject('proposal/unknown', 'That proposal is no longer on the table.') };
  if (!p.to.includes(role) || p.accepted.includes(role))
    return { error: reject('proposal/not-addressee', `${roleName(s, role)} has no answer to give to this proposal.`, { proposal: p.id }) };
  return { proposal: p };
}

function checkAffordable(s: GameState, role: string, cost: number): Rejection | null {
  const budget = s.budgets[role] ?? 0;
  return cost > budget
    ? reject('budget/insufficient', `${roleName(s, role)} cannot afford this: it costs ${cost} BP and ${roleName(s, role)} has ${budget} BP.`, { cost, budget })
    : null;
}

function checkPartner(s: GameState, role: string, partner: unknown): Rejection | null {
  if (!isRole(s, partner)) return reject('target/unknown', `There is no role "${String(partner)}" in this scenario.`);
  if (partner === role) return reject('target/invalid', `${roleName(s, role)} needs another nation as a partner.`);
  return null;
}

/** `noneAwaiting`: the caller knows no proposal awaits the role's answer (the legal list, which checks it once). */
export function checkDiplomacy(s: GameState, a: DiplomacyAction, noneAwaiting?: boolean): Rejection | null {
  if (!noneAwaiting && a.type !== 'answerProposal' && a.type !== 'counterProposal') {
    const pending = checkAnswered(s, a.role);
    if (pending) return pending;
  }
  switch (a.type) {
    case 'proposeAgreement': {
      const error = checkAgreementType(s, a.agreement) ?? checkProposalLimit(s, a.role) ?? checkAddressees(s, a.role, a.to);
      return error ?? checkTerms(s, a.agreement, a.role, addresseesFor(s, a.agreement, a.role, a.to), a.terms, null);
    }
    case 'answerProposal': {
      const { proposal: p, error } = checkProposalAnswer(s, a.role, a.proposal);
      if (!p) return error;
      if (typeof a.accept !== 'boolean') return reject('action/malformed', 'An answer must be accept or reject.');
      const last = a.accept && p.to.every((r) => r === a.role || p.accepted.includes(r));
      // The deal must still stand when it is sealed: budgets and agreements may have changed.
      return last ? checkAgreementType(s, p.type) ?? checkTerms(s, p.type, p.from, p.to, p.terms, p.id) : null;
    }
    case 'counterProposal': {
      const { proposal: p, error } = checkProposalAnswer(s, a.role, a.proposal);
      if (!p) return error;
      if (p.round >= MAX_COUNTERS)
        return reject('proposal/counter-limit', `This ${agreementName(p.type)} has already been countered ${MAX_COUNTERS} times: accept or reject it.`, { limit: MAX_COUNTERS });
      return checkTerms(s, p.type, a.role, partiesOf(p).filter((r) => r !== a.role), a.terms, p.id);
    }
    case 'breakAgreement': {
      const g = typeof a.agreement === 'string' ? s.agreements.find((x) => x.id === a.agreement) : undefined;
      if (!g) return reject('target/unknown', 'There is no such agreement in force.');
      if (!g.parties.includes(a.role))
        return reject('agreement/not-party', `${roleName(s, a.role)} is not a party to this ${agreementName(g.type)}.`, { agreement: g.id });
      return null;
    }
    case 'holdExercise': {
      const partner = checkPartner(s, a.role, a.partner);
      if (partner) return partner;
      if (!s.agreements.some((g) => g.parties.includes(a.role) && g.parties.includes(a.partner)))
        return reject('target/invalid', `${roleName(s, a.role)} and ${roleName(s, a.partner)} have no agreement in force; a joint exercise needs one.`);
      if ((s.movesUsed[exerciseKey(a.role, a.partner)] ?? 0) >= 1)
        return reject('limit/reached', `${roleName(s, a.role)} has already exercised with ${roleName(s, a.partner)} this turn.`, { limit: 1 });
      return checkAffordable(s, a.role, EXERCISE_COST);
    }
    case 'reassureAlly': {
      const partner = checkPartner(s, a.role, a.partner);
      if (partner) return partner;
      if ((s.turnStats.reassured[pairKey(a.role, a.partner)] ?? 0) >= MAX_REASSURANCE_PER_PAIR)
        return reject('limit/reached', `${roleName(s, a.role)} and ${roleName(s, a.partner)} have already had ${MAX_REASSURANCE_PER_PAIR} reassurances this turn.`, { limit: MAX_REASSURANCE_PER_PAIR });
      return checkAffordable(s, a.role, REASSURE_COST);
    }
    default:
      return reject('action/unknown', 'That is not a diplomacy action.');
  }
}
