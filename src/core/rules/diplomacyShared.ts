import type { Agreement, GameState, Proposal, ProposalTerms } from '../state';
import { currentList, plural, roleName, standing } from '../context';
import { AGREEMENT_NAMES, type AgreementType } from '../vocabulary';

// Small helpers shared by the diplomacy files (agreements of DESIGN §5.1).

export const MAX_PROPOSALS_PER_TURN = 3;
export const MAX_COUNTERS = 2;
export const MAX_DURATION = 20;
export const EXERCISE_COST = 1;
export const REASSURE_COST = 1;
export const MAX_REASSURANCE_PER_PAIR = 2;

/** Types between exactly two parties. */
export const BILATERAL_TYPES: readonly AgreementType[] = ['defencePact', 'jointVenture', 'techTransfer', 'confidenceBuilding'];
/** Multilateral types: a breaker leaves, the rest stay while enough remain. */
export const MIN_PARTIES: Record<AgreementType, number> = {
  defencePact: 2, jointVenture: 2, techTransfer: 2, confidenceBuilding: 2, intelSharing: 2, standardisation: 2, alliance: 3,
};

export const round2 = (x: number): number => Math.round(x * 100) / 100;

export const isRole = (s: GameState, role: unknown): role is string =>
  typeof role === 'string' && s.scenario.roles.some((r) => r.id === role);

/** A role that takes steps (its seat is not scripted), so it can answer proposals. */
export function isPlaying(s: GameState, role: string): boolean {
  const seat = s.seats[role];
  return seat !== undefined && seat.kind !== 'scripted' && s.scenario.roles.some((r) => r.id === role);
}

export const isRed = (s: GameState, role: string): boolean => s.scenario.roles.find((r) => r.id === role)?.kind === 'red';

/** Agreements are offered only between non-Red roles, or between Red roles. */
export const mayDeal = (s: GameState, a: string, b: string): boolean => a !== b && isRed(s, a) === isRed(s, b);

export const agreementName = (type: AgreementType): string => AGREEMENT_NAMES[type];

/** "a bilateral defence pact", "an intelligence sharing". */
export const aAgreement = (type: AgreementType): string => `${/^[aeiou]/.test(AGREEMENT_NAMES[type]) ? 'an' : 'a'} ${AGREEMENT_NAMES[type]}`;

/** "Poland", "Poland and Korea", "Aster, Borea and Celest". */
export function listNames(s: GameState, roles: readonly string[]): string {
  const names = roles.map((r) => roleName(s, r));
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const partiesOf = (p: Proposal): string[] => [p.from, ...p.to];

export function sameParties(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export const alliancesTouching = (s: GameState, parties: readonly string[]): Agreement[] =>
  currentList(s, 'agreements').filter((g) => g.type === 'alliance' && standing(g.parties).some((p) => parties.includes(p)));

// Read as the lists stand (see currentList): reading through a step's draft would make one.
export const allianceOf = (s: GameState, role: string): Agreement | undefined =>
  currentList(s, 'agreements').find((g) => g.type === 'alliance' && standing(g.parties).includes(role));

const awaits = (p: Proposal, role: string): boolean => standing(p.to).includes(role) && !standing(p.accepted).includes(role);

export const pendingFor = (s: GameState, role: string): Proposal[] => currentList(s, 'proposals').filter((p) => awaits(p, role));

/** Whether any proposal awaits `role`'s answer (pendingFor without the list). */
export const anyPendingFor = (s: GameState, role: string): boolean => currentList(s, 'proposals').some((p) => awaits(p, role));

export const templateName = (s: GameState, id: string | undefined): string =>
  s.scenario.lineTemplates.find((t) => t.id === id)?.name ?? 'a production line';

/** The terms in plain words, e.g. "open-ended, no payment". */
export function describeTerms(s: GameState, type: AgreementType, terms: ProposalTerms): string {
  const parts: string[] = [];
  if (type === 'techTransfer' && terms.donor && terms.recipient)
    parts.push(`from ${roleName(s, terms.donor)} to ${roleName(s, terms.recipient)}`);
  if (type === 'jointVenture' && terms.template) {
    const shares = (terms.shares ?? []).map((x) => `${roleName(s, x.role)} ${x.share}%`).join(' / ');
    parts.push(`${templateName(s, terms.template)}${shares ? `, shares ${shares}` : ''}`);
  }
  parts.push(terms.duration === null || terms.duration === undefined ? 'open-ended' : `for ${plural(terms.duration, 'turn')}`);
  parts.push(terms.bp > 0 ? `${terms.bp} BP paid on acceptance` : 'no payment');
  return parts.join(', ');
}

/** A clean copy of the terms with only the fields the type uses. */
export function cleanTerms(type: AgreementType, terms: ProposalTerms): ProposalTerms {
  const out: ProposalTerms = { bp: terms.bp, duration: terms.duration ?? null };
  if (type === 'techTransfer') { out.donor = terms.donor; out.recipient = terms.recipient; }
  if (type === 'jointVenture') {
    out.template = terms.template;
    out.shares = (terms.shares ?? []).map((x) => ({ role: x.role, share: x.share }));
  }
  return out;
}
