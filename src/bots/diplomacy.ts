import { AGREEMENT_NAMES, transparencyTrack, type AgreementType, type LegalAction, type Proposal } from '../core';
import { lever, stockWorth, trackWeight, type Interests } from './interests';
import {
  board, isRedRole, neighbours, pairKey, regionDef, sameSide, trackValue, turnsLeft, type View,
} from './knowledge';
import { costOf, interestsFor, type BotContext, type Choice } from './standard';
import { expectedThreats } from './threatModel';

// Diplomacy: answer proposals by interest and trust, propose what the role wants and its partner is
// likely to accept, exercise and reassure where trust or interoperability counts.

type Terms = Proposal['terms'];
const EXERCISE_COST = 1;
const REASSURE_COST = 1;

const pairKeys = new Map<string, Map<string, [string, string, string]>>();

/** A pair's trust track and its trust and interoperability levers, joined once per pair (a key joined anew is hashed anew at every look-up). */
function keysOf(a: string, b: string): [string, string, string] {
  let byB = pairKeys.get(a);
  if (!byB) pairKeys.set(a, (byB = new Map()));
  let found = byB.get(b);
  if (!found) { const key = pairKey(a, b); byB.set(b, (found = [`trust:${key}`, `track:trust:${key}`, `track:interop:${key}`])); }
  return found;
}

function hasBatteriesNear(v: View, owner: string, host: string): number {
  let n = 0;
  const hosts = (r: string) => regionDef(v, r)?.owner === host;
  for (const b of v.batteries) if (b.owner === owner && (hosts(b.region) || neighbours(v, b.region).some(hosts))) n++;
  return n;
}

function threatenedTheatres(v: View, role: string): string[] {
  return v.scenario.theatres.map((t) => t.id).filter((t) =>
    v.scenario.regions.some((r) => r.theatre === t && r.owner === role && (expectedThreats(v, r.id, 'drone', 3) + expectedThreats(v, r.id, 'ballistic', 3)) > 0));
}

/** What an agreement of `type` among `parties` on `terms` is worth to `role` (with interests `i`). */
export function agreementValue(v: View, i: Interests, role: string, type: AgreementType, parties: readonly string[], terms: Terms, from: string): number {
  const partners = parties.filter((p) => p !== role);
  let value = lever(i, `agreements:${type}|*`) + lever(i, `agreements:${type}|${role}`);
  for (const p of partners) {
    const trust = trackValue(v, keysOf(role, p)[0]);
    if (type !== 'confidenceBuilding') value += sameSide(v, role, p) ? 0.5 : -3;
    if (trust <= 2) value -= 3;
    else if (trust >= 7) value += 0.5;
  }
  const left = turnsLeft(v) + 1;
  switch (type) {
    case 'defencePact':
    case 'alliance': {
      for (const p of partners) {
        const trustLever = keysOf(role, p)[1];
        value += lever(i, trustLever);
        value += Math.min(3, hasBatteriesNear(v, p, role)) * 1.5;
        if (v.transfers.some((t) => (t.donor === role && t.recipient === p) || (t.donor === p && t.recipient === role))) value += 1;
        // A guarantor absent from a partner's attacked theatre loses its partner's trust.
        const absent = threatenedTheatres(v, p).filter((t) => !v.batteries.some((b) => b.owner === role && regionDef(v, b.region)?.theatre === t));
        value -= absent.length * 1.5 * (0.5 + Math.max(0, lever(i, trustLever)));
      }
      if (type === 'alliance') value += Math.max(0, parties.length - 2);
      break;
    }
    case 'jointVenture': {
      const t = v.scenario.lineTemplates.find((x) => x.id === terms.template);
      const share = terms.shares?.find((x) => x.role === role)?.share ?? 0;
      if (!t) return -5;
      const theatre = regionDef(v, t.region)?.theatre ?? '';
      const producing = Math.max(0, left - t.buildTurns - 1);
      const perUnit = stockWorth(i, role, t.item, theatre) + partners.reduce((sum, p) => sum + stockWorth(i, p, t.item, theatre), 0) * ((100 - share) / Math.max(1, share));
      value += Math.min(12, producing * t.capacity * 0.6 * (share / 100) * perUnit) + 2 + (share > 50 ? 1 : 0);
      value -= t.upkeep * i.bp * Math.min(left, 6) * (share / 100);
      break;
    }
    case 'techTransfer': {
      const transfer = v.transfers.find((x) => x.donor === terms.donor && x.recipient === terms.recipient);
      if (!transfer) return -5;
      value += lever(i, `tech:${transfer.id}`) * Math.min(2, 4 - transfer.level);
      value += role === transfer.recipient ? 3 : sameSide(v, role, transfer.recipient) ? 0.5 : -2;
      break;
    }
    case 'intelSharing':
      value += threatenedTheatres(v, role).length > 0 ? 1.5 : 0.5;
      break;
    case 'standardisation':
      for (const p of partners) value += lever(i, keysOf(role, p)[2]) + 0.3;
      break;
    case 'confidenceBuilding': {
      const shared = v.scenario.theatres.filter((t) => parties.every((p) => v.scenario.regions.some((r) => r.theatre === t.id && r.owner === p)));
      for (const t of shared.length > 0 ? shared : v.scenario.theatres) value -= trackWeight(i, `tension:${t.id}`);
      const transparency = transparencyTrack(board(v));
      if (transparency) value += lever(i, `track:${transparency}`);
      break;
    }
  }
  if (terms.bp > 0) value += from === role ? -terms.bp * i.bp : (terms.bp / Math.max(1, partners.length)) * i.bp;
  return value;
}

/** Whether `partner` refused a proposal of this type from `role` this turn or last (read from the public log). */
function refusedLately(v: View, role: string, partner: string, type: AgreementType): boolean {
  const me = v.scenario.roles.find((r) => r.id === role)?.name ?? role;
  const name = AGREEMENT_NAMES[type];
  const what = `${me}'s proposal of ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
  // The log is kept in chunks, one per turn, newest last.
  for (let c = v.log.length - 1; c >= 0; c--) {
    const chunk = v.log[c]!;
    if (chunk[0]!.turn < v.turn - 1) break;
    for (const e of chunk) if (e.role === partner && e.text.includes(' rejects ') && e.text.includes(what)) return true;
  }
  return false;
}

function proposalOf(v: View, id: string): Proposal | undefined {
  return v.proposals.find((p) => p.id === id);
}

export function scoreDiplomacy(ctx: BotContext, l: LegalAction): Choice | null {
  const { v, role, i } = ctx;
  const a = l.action;
  switch (a.type) {
    case 'answerProposal': {
      const p = proposalOf(v, a.proposal);
      if (!p) return null;
      if (!a.accept) return { action: a, value: 0 };
      return { action: a, value: agreementValue(v, i, role, p.type, [p.from, ...p.to], p.terms, p.from) };
    }
    case 'counterProposal': {
      const p = proposalOf(v, a.proposal);
      if (!p) return null;
      const asIs = agreementValue(v, i, role, p.type, [p.from, ...p.to], p.terms, p.from);
      const countered = agreementValue(v, i, role, p.type, [p.from, ...p.to], a.terms, role);
      // Counter only for a clearly better deal, and not to drag out one that is already good enough.
      const gain = countered - Math.max(0, asIs);
      return { action: a, value: gain > 1.5 && countered > 0 ? Math.min(countered, asIs + gain * 0.5) : -1 };
    }
    case 'proposeAgreement': {
      const parties = [role, ...a.to];
      const mine = agreementValue(v, i, role, a.agreement, parties, a.terms, role);
      if (mine <= 0) return { action: a, value: mine };
      // Propose only what every addressee would, as far as this role can tell, accept, and not again
      // what one of them has just refused.
      for (const r of a.to) {
        if (refusedLately(v, role, r, a.agreement)) return { action: a, value: -1 };
        if (isRedRole(v, r) !== isRedRole(v, role)) return null;
        if (agreementValue(v, interestsFor(ctx, r), r, a.agreement, parties, a.terms, role) <= 0) return { action: a, value: -1 };
      }
      const made = v.movesUsed[`proposals|${role}`] ?? 0;
      return { action: a, value: mine - 0.5 - made * 0.5 - costOf(ctx, a.terms.bp) };
    }
    case 'holdExercise': {
      const [, trustLever, interopLever] = keysOf(role, a.partner);
      const value = lever(i, interopLever) + lever(i, trustLever) + (sameSide(v, role, a.partner) ? 0.2 : -1);
      return { action: a, value: value - costOf(ctx, EXERCISE_COST) };
    }
    case 'reassureAlly': {
      const [trustKey, trustLever] = keysOf(role, a.partner);
      const trust = trackValue(v, trustKey);
      const value = lever(i, trustLever) + (trust <= 3 && sameSide(v, role, a.partner) ? 0.5 : 0);
      return { action: a, value: value - costOf(ctx, REASSURE_COST) };
    }
    case 'breakAgreement':
      return { action: a, value: -10 };
    default:
      return null;
  }
}
