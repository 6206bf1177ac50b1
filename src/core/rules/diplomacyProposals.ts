import type { ActionOf } from '../actions';
import type { GameState, Proposal } from '../state';
import { append, capitalise, currentList, nextId, own, ownMember, peekField, roleName, say, standing, type Ctx } from '../context';
import type { AgreementType } from '../vocabulary';
import { formAgreement } from './diplomacyAgreements';
import { addresseesFor, proposalsKey } from './diplomacyTerms';
import { aAgreement, cleanTerms, describeTerms, listNames, partiesOf, anyPendingFor, round2 } from './diplomacyShared';

// The life of a proposal: made, answered (accept, reject, counter) within the diplomacy phase.
// A bot addressee is put at the front of the queue and answers at once; a human answers on its step.

/** Marks a bot put at the front of the queue only to answer (kept in movesUsed, reset each turn). */
const interruptKey = (role: string): string => `interrupt|${role}`;

export function answerPending(s: GameState, role: string): boolean {
  return anyPendingFor(s, role);
}

// The queue, the marks and the proposals are read as they stand and written whole (own, append):
// answering and proposing then need no draft of the state (see lightStep.ts).
function queueAddressees(s: GameState, addressees: readonly string[]): void {
  const bots = addressees.filter((r) => s.seats[r]?.kind === 'bot');
  const queue = [...peekField(s, 'queue')];
  for (const r of addressees) if (s.seats[r]?.kind !== 'bot' && !queue.includes(r)) queue.push(r);
  queue.unshift(...bots);
  s.queue = queue;
  if (bots.length === 0) return;
  const used = own(s, 'movesUsed');
  for (const r of bots) used[interruptKey(r)] = (used[interruptKey(r)] ?? 0) + 1;
}

/** Bots that were only answering leave the front of the queue once nothing awaits their answer. */
function releaseAnswerers(s: GameState): void {
  const queue = peekField(s, 'queue');
  let left = 0;
  for (let front = queue[0]; front !== undefined; front = queue[left]) {
    const held = peekField(s, 'movesUsed')[interruptKey(front)] ?? 0;
    if (held <= 0 || answerPending(s, front)) break;
    own(s, 'movesUsed')[interruptKey(front)] = held - 1;
    left += 1;
  }
  if (left > 0) s.queue = queue.slice(left);
}

function openProposal(ctx: Ctx, type: AgreementType, from: string, to: string[], terms: Proposal['terms'], round: number): Proposal {
  const proposal: Proposal = { id: nextId(ctx.s, 'prop'), type, from, to, accepted: [], terms: cleanTerms(type, terms), round };
  append(ctx.s, 'proposals', proposal);
  queueAddressees(ctx.s, to);
  return proposal;
}

export function applyPropose(ctx: Ctx, a: ActionOf<'proposeAgreement'>): void {
  const s = ctx.s;
  const to = addresseesFor(s, a.agreement, a.role, a.to);
  const used = own(s, 'movesUsed');
  used[proposalsKey(a.role)] = (used[proposalsKey(a.role)] ?? 0) + 1;
  const p = openProposal(ctx, a.agreement, a.role, to, a.terms, 0);
  say(ctx, `${roleName(s, a.role)} proposes ${aAgreement(p.type)} to ${listNames(s, to)} (${describeTerms(s, p.type, p.terms)}).`);
}

function close(s: GameState, id: string): void {
  s.proposals = currentList(s, 'proposals').filter((p) => p.id !== id);
}

/** All addressees agreed: the proposer pays and the agreement forms. */
function conclude(ctx: Ctx, p: Proposal): void {
  const s = ctx.s;
  close(s, p.id);
  if (p.terms.bp > 0) {
    const budgets = own(s, 'budgets');
    budgets[p.from] = round2((budgets[p.from] ?? 0) - p.terms.bp);
    const each = round2(p.terms.bp / p.to.length);
    for (const r of p.to) budgets[r] = round2((budgets[r] ?? 0) + each);
    say(ctx, `${roleName(s, p.from)} pays ${p.terms.bp} BP to ${listNames(s, p.to)}.`);
  }
  formAgreement(ctx, p.type, partiesOf(p), p.terms, {});
}

export function applyAnswer(ctx: Ctx, a: ActionOf<'answerProposal'>): void {
  const s = ctx.s;
  const index = currentList(s, 'proposals').findIndex((x) => x.id === a.proposal);
  if (index < 0) return;
  const found = standing(currentList(s, 'proposals')[index]!);
  const what = `${roleName(s, found.from)}'s proposal of ${aAgreement(found.type)}`;
  if (!a.accept) {
    close(s, found.id);
    // A refusal costs no trust, but the record keeps it.
    say(ctx, `${roleName(s, a.role)} rejects ${what}; the proposal is closed.`);
  } else {
    const p = ownMember(s, 'proposals', index);
    p.accepted = [...p.accepted, a.role];
    say(ctx, `${roleName(s, a.role)} accepts ${what}.`);
    if (p.to.every((r) => p.accepted.includes(r))) conclude(ctx, p);
  }
  releaseAnswerers(s);
}

export function applyCounter(ctx: Ctx, a: ActionOf<'counterProposal'>): void {
  const s = ctx.s;
  const p = s.proposals.find((x) => x.id === a.proposal);
  if (!p) return;
  close(s, p.id);
  const to = partiesOf(p).filter((r) => r !== a.role);
  const counter = openProposal(ctx, p.type, a.role, to, a.terms, p.round + 1);
  say(ctx, `${roleName(s, a.role)} answers ${roleName(s, p.from)}'s proposal with a counter-offer to ${listNames(s, to)}: ${aAgreement(p.type)} (${describeTerms(s, p.type, counter.terms)}).`);
  releaseAnswerers(s);
}

/** Diplomacy exit: whatever is still unanswered lapses. */
export function expireProposals(ctx: Ctx): void {
  const s = ctx.s;
  for (const member of currentList(s, 'proposals')) {
    const p = standing(member);
    say(ctx, capitalise(`${roleName(s, p.from)}'s proposal of ${aAgreement(p.type)} to ${listNames(s, standing(p.to))} lapses unanswered.`));
  }
  s.proposals = [];
  // Rebuilt without the marks rather than deleting them: a deletion turns the record into a slow
  // dictionary-mode object for the rest of the turn (every copy of it then costs ≈ 2 µs instead of 0.1).
  const used = peekField(s, 'movesUsed');
  if (!Object.keys(used).some((key) => key.startsWith('interrupt|'))) return;
  const kept: Record<string, number> = {};
  for (const [key, value] of Object.entries(used)) if (!key.startsWith('interrupt|')) kept[key] = value;
  s.movesUsed = kept;
}
