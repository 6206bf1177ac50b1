import type { Rejection } from '../actions';
import type { GameState, ProposalTerms } from '../state';
import { roleName } from '../context';
import { reject } from '../rejections';
import { AGREEMENT_TYPES, type AgreementType } from '../vocabulary';
import {
  aAgreement, agreementName, alliancesTouching, allianceOf, BILATERAL_TYPES, isPlaying, isRole, listNames, MAX_DURATION,
  MAX_PROPOSALS_PER_TURN, partiesOf, sameParties,
} from './diplomacyShared';

// Validation of proposals: who may be asked, the party counts, the terms and duplicates.

export const proposalsKey = (role: string): string => `proposals|${role}`;

export function checkAgreementType(s: GameState, type: unknown): Rejection | null {
  if (typeof type !== 'string' || !(AGREEMENT_TYPES as readonly string[]).includes(type))
    return reject('agreement/not-allowed', 'That is not a kind of agreement this game knows.');
  if (!s.scenario.agreementTypes.includes(type as AgreementType))
    return reject('agreement/not-allowed', `This scenario does not allow ${aAgreement(type as AgreementType)}.`, { agreement: type });
  return null;
}

export function checkProposalLimit(s: GameState, role: string): Rejection | null {
  const made = s.movesUsed[proposalsKey(role)] ?? 0;
  return made >= MAX_PROPOSALS_PER_TURN
    ? reject('limit/reached', `${roleName(s, role)} has already made ${MAX_PROPOSALS_PER_TURN} proposals this turn.`, { limit: MAX_PROPOSALS_PER_TURN })
    : null;
}

/** The roles named in a proposal: other playing roles, each once. */
export function checkAddressees(s: GameState, role: string, to: unknown): Rejection | null {
  if (!Array.isArray(to) || to.length === 0 || to.length > s.scenario.roles.length)
    return reject('target/invalid', 'Choose at least one other nation to send the proposal to.');
  const seen: string[] = [];
  for (const r of to) {
    if (!isRole(s, r)) return reject('target/unknown', `There is no role "${String(r)}" in this scenario.`);
    if (r === role) return reject('target/invalid', `${roleName(s, role)} cannot make a proposal to itself.`);
    if (!isPlaying(s, r)) return reject('target/invalid', `${roleName(s, r)} is not played in this game and cannot answer proposals.`, { target: r });
    if (seen.includes(r)) return reject('target/invalid', `${roleName(s, r)} is named twice in the proposal.`, { target: r });
    seen.push(r);
  }
  return null;
}

/** Admission to an alliance: the proposer's fellow members are asked too (their consent is needed). */
export function addresseesFor(s: GameState, type: AgreementType, role: string, to: readonly string[]): string[] {
  const out = [...to];
  if (type !== 'alliance') return out;
  for (const m of allianceOf(s, role)?.parties ?? []) if (m !== role && !out.includes(m) && isPlaying(s, m)) out.push(m);
  return out;
}

const isWhole = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;

function termsInvalid(message: string, details?: Record<string, unknown>): Rejection {
  return reject('agreement/terms-invalid', message, details);
}

function checkPartyCount(s: GameState, type: AgreementType, parties: readonly string[]): Rejection | null {
  if (BILATERAL_TYPES.includes(type) && parties.length !== 2)
    return reject('target/invalid', `A ${agreementName(type)} is made between exactly two parties.`);
  if (type !== 'alliance') return null;
  const touching = alliancesTouching(s, parties);
  if (touching.length > 1) return reject('agreement/duplicate', 'Some of these nations already belong to different alliances.');
  const existing = touching[0];
  if (!existing) {
    return parties.length < 3 ? reject('target/invalid', 'A multilateral alliance needs at least three members: ask two or more nations.') : null;
  }
  const missing = existing.parties.filter((m) => isPlaying(s, m) && !parties.includes(m));
  if (missing.length > 0)
    return reject('target/invalid', `Every member of the alliance must agree to admit a newcomer: ${listNames(s, missing)} must be asked too.`, { missing });
  if (parties.every((p) => existing.parties.includes(p)))
    return reject('agreement/duplicate', `${listNames(s, parties)} are already members of the same alliance.`);
  return null;
}

function checkTypeTerms(s: GameState, type: AgreementType, parties: readonly string[], terms: Record<string, unknown>): Rejection | null {
  if (type === 'techTransfer') {
    const { donor, recipient } = terms;
    if (typeof donor !== 'string' || typeof recipient !== 'string' || donor === recipient || !parties.includes(donor) || !parties.includes(recipient))
      return termsInvalid('A technology transfer names a donor and a recipient, both parties to the agreement.');
    if (!s.transfers.some((t) => t.donor === donor && t.recipient === recipient))
      return termsInvalid(`There is no technology transfer from ${roleName(s, donor)} to ${roleName(s, recipient)} in this scenario.`);
  }
  if (type === 'jointVenture') {
    const { template, shares } = terms;
    if (typeof template !== 'string' || !s.scenario.lineTemplates.some((t) => t.id === template))
      return termsInvalid('A joint venture needs one of the scenario\'s production lines to build.');
    if (!Array.isArray(shares) || shares.length !== parties.length)
      return termsInvalid('A joint venture gives each partner a share of the line.');
    const named: string[] = [];
    let total = 0;
    for (const x of shares as unknown[]) {
      const entry = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
      if (typeof entry.role !== 'string' || !parties.includes(entry.role) || named.includes(entry.role))
        return termsInvalid('Each partner of the joint venture must have exactly one share.');
      if (!isWhole(entry.share, 1, 99)) return termsInvalid('Each share must be a whole percentage from 1 to 99.');
      named.push(entry.role);
      total += entry.share;
    }
    if (total !== 100) return termsInvalid(`The shares must add up to 100%; these add up to ${total}%.`, { total });
  }
  return null;
}

/** Same type between the same parties: 1 in force, 2 already on the table, 0 neither (the legal list leaves these out before any check). */
export function duplicate(s: GameState, type: AgreementType, parties: readonly string[], terms: ProposalTerms, replacing?: string | null): 0 | 1 | 2 {
  const template = s.scenario.lineTemplates.find((t) => t.id === terms.template);
  const transfer = s.transfers.find((t) => t.donor === terms.donor && t.recipient === terms.recipient);
  const clash = s.agreements.some((g) => {
    if (g.type !== type) return false;
    if (type === 'techTransfer') return g.transfer !== null && g.transfer === transfer?.id;
    if (!sameParties(g.parties, parties)) return false;
    if (type !== 'jointVenture') return true;
    const line = s.lines.find((l) => l.id === g.line);
    return !!line && !!template && line.name === template.name && line.region === template.region;
  });
  if (clash) return 1;
  const open = s.proposals.some((p) => {
    if (p.id === replacing || p.type !== type) return false;
    if (type === 'techTransfer') return p.terms.donor === terms.donor && p.terms.recipient === terms.recipient;
    return sameParties(partiesOf(p), parties) && (type !== 'jointVenture' || p.terms.template === terms.template);
  });
  return open ? 2 : 0;
}

/** Full validation of a proposal's parties and terms; `replacing` is a proposal being answered or countered. */
export function checkTerms(s: GameState, type: AgreementType, from: string, to: readonly string[], terms: unknown, replacing: string | null): Rejection | null {
  if (typeof terms !== 'object' || terms === null || Array.isArray(terms)) return termsInvalid('The proposal has no terms.');
  const t = terms as Record<string, unknown>;
  if (!isWhole(t.bp, 0, 1000)) return termsInvalid('The payment must be a whole number of BP, 0 or more.');
  if (t.duration !== undefined && t.duration !== null && !isWhole(t.duration, 1, MAX_DURATION))
    return termsInvalid(`The duration must be open-ended or a whole number of turns from 1 to ${MAX_DURATION}.`);
  const parties = [from, ...to];
  const count = checkPartyCount(s, type, parties);
  if (count) return count;
  const typed = checkTypeTerms(s, type, parties, t);
  if (typed) return typed;
  const dup = duplicate(s, type, parties, terms as ProposalTerms, replacing);
  if (dup)
    return reject('agreement/duplicate', dup === 1
      ? `${listNames(s, parties)} already have ${aAgreement(type)} like this in force.`
      : `A proposal of ${aAgreement(type)} between ${listNames(s, parties)} is already on the table.`);
  const budget = s.budgets[from] ?? 0;
  if (t.bp > budget)
    return reject('budget/insufficient', `${roleName(s, from)} cannot afford this: it offers ${t.bp} BP and ${roleName(s, from)} has ${budget} BP.`, { cost: t.bp, budget });
  return null;
}
