import type { Agreement, GameState, ProposalTerms } from '../state';
import { adjustTrack, append, capitalise, currentList, inStep, nextId, ownMember, ownValue, peekField, plural, roleName, say, scenarioOf, standing, type Ctx } from '../context';
import { addLine } from '../effects';
import { pairKey } from '../trackIds';
import type { AgreementType } from '../vocabulary';
import { aAgreement, agreementName, alliancesTouching, listNames, MIN_PARTIES, round2 } from './diplomacyShared';
import { theatreOf } from './deploymentMap';

// Agreements in force: what forming one does, breaking and expiry, and the per-turn assessment.

export function hasAgreement(s: GameState, type: AgreementType, a: string, b: string): boolean {
  // Read as they stand: at assessment every agreement is a draft, and each parties list would get one.
  // A finished state (the idle-role check, the bots) is read directly.
  if (!inStep(s)) return s.agreements.some((g) => g.type === type && g.parties.includes(a) && g.parties.includes(b));
  for (const member of currentList(s, 'agreements')) {
    const g = standing(member);
    if (g.type !== type) continue;
    const parties = standing(g.parties);
    if (parties.includes(a) && parties.includes(b)) return true;
  }
  return false;
}

/** Deterrence bonus of the role's alliance: min(4, members − 2); 0 outside an alliance. */
export function allianceDeterrence(s: GameState, role: string): number {
  const alliance = s.agreements.find((g) => g.type === 'alliance' && g.parties.includes(role));
  return alliance ? Math.max(0, Math.min(4, alliance.parties.length - 2)) : 0;
}

function eachPair(parties: readonly string[], f: (a: string, b: string) => void): void {
  for (let i = 0; i < parties.length; i++) for (let j = i + 1; j < parties.length; j++) f(parties[i]!, parties[j]!);
}

const trust = (a: string, b: string): string => `trust:${pairKey(a, b)}`;

/** Transparency is a scenario's own track, found by id or name. */
export function transparencyTrack(s: GameState): string | null {
  const t = s.scenario.tracks.find((x) => x.id === 'transparency' || x.name.toLowerCase() === 'transparency');
  return t && t.id in s.tracks ? t.id : null;
}

function refreshIntel(s: GameState, roles: readonly string[]): void {
  for (const r of roles) {
    const intel = ownValue(s, 'intel', r);
    if (!intel) continue;
    const shares = hasIntelSharing(s, r);
    intel.nextCard = shares;
    intel.nextWave = shares;
  }
}

function hasIntelSharing(s: GameState, role: string): boolean {
  if (!inStep(s)) return s.agreements.some((g) => g.type === 'intelSharing' && g.parties.includes(role));
  for (const member of currentList(s, 'agreements')) {
    const g = standing(member);
    if (g.type === 'intelSharing' && standing(g.parties).includes(role)) return true;
  }
  return false;
}

/**
 * Creates an agreement and applies its effects on forming. Agreements in force at the start
 * (`quiet`) only set up their links: the scenario's starting tracks already include them.
 */
export function formAgreement(
  ctx: Ctx, type: AgreementType, parties: string[], terms: ProposalTerms,
  opts: { transfer?: string | null; line?: string | null; quiet?: boolean },
): string {
  const s = ctx.s;
  const quiet = opts.quiet === true;
  if (type === 'alliance') {
    const existing = alliancesTouching(s, parties)[0];
    if (existing) return admitToAlliance(ctx, ownMember(s, 'agreements', currentList(s, 'agreements').indexOf(existing)), parties, quiet);
  }
  const agreement: Agreement = {
    id: nextId(s, 'agr'), type, parties: [...parties], since: s.turn, turnsLeft: terms.duration ?? null, transfer: null, line: null,
  };
  if (type === 'techTransfer')
    agreement.transfer = opts.transfer ?? currentList(s, 'transfers').map(standing).find((t) => t.donor === terms.donor && t.recipient === terms.recipient)?.id ?? null;
  if (type === 'jointVenture')
    agreement.line = opts.line ?? (terms.template ? addLine(ctx, terms.template, (terms.shares ?? []).map((x) => ({ ...x }))) : null);
  append(s, 'agreements', agreement);
  if (type === 'intelSharing') refreshIntel(s, parties);
  if (quiet) return agreement.id;
  const span = agreement.turnsLeft === null ? 'open-ended' : `for ${plural(agreement.turnsLeft, 'turn')}`;
  say(ctx, `${listNames(s, parties)} sign ${aAgreement(type)} (${span}).`);
  if (type === 'defencePact' || type === 'alliance') eachPair(parties, (a, b) => adjustTrack(ctx, trust(a, b), 1));
  if (type === 'standardisation') eachPair(parties, (a, b) => adjustTrack(ctx, `interop:${pairKey(a, b)}`, 1));
  if (type === 'intelSharing') say(ctx, `${listNames(s, parties)} will see the next event card and the next wave.`);
  if (type === 'confidenceBuilding') confidenceBuilding(ctx, parties);
  return agreement.id;
}

function admitToAlliance(ctx: Ctx, alliance: Agreement, parties: readonly string[], quiet: boolean): string {
  const newcomers = parties.filter((p) => !alliance.parties.includes(p));
  alliance.parties = [...alliance.parties, ...newcomers];
  if (quiet || newcomers.length === 0) return alliance.id;
  say(ctx, `${listNames(ctx.s, newcomers)} ${newcomers.length === 1 ? 'joins' : 'join'} the alliance; it now has ${alliance.parties.length} members.`);
  for (const n of newcomers) for (const m of alliance.parties) if (m !== n && (!newcomers.includes(m) || n < m)) adjustTrack(ctx, trust(n, m), 1);
  return alliance.id;
}

function confidenceBuilding(ctx: Ctx, parties: readonly string[]): void {
  const s = ctx.s;
  const transparency = transparencyTrack(s);
  if (transparency) adjustTrack(ctx, transparency, 1);
  const shared = s.scenario.theatres.filter((t) =>
    parties.every((p) => s.scenario.regions.some((r) => r.theatre === t.id && r.owner === p)));
  for (const t of shared.length > 0 ? shared : s.scenario.theatres) adjustTrack(ctx, `tension:${t.id}`, -1);
}

/** A party breaks an agreement: the trust and reputation cost, then the agreement ends for it. */
export function breakAgreementBy(ctx: Ctx, agreement: Agreement, breaker: string): void {
  const s = ctx.s;
  const others = agreement.parties.filter((p) => p !== breaker);
  say(ctx, `${roleName(s, breaker)} breaks the ${agreementName(agreement.type)} with ${listNames(s, others)}.`);
  for (const o of others) adjustTrack(ctx, trust(breaker, o), -2);
  adjustTrack(ctx, `reputation:${breaker}`, -1);
  if (agreement.type === 'jointVenture') handOverShare(ctx, agreement.line, breaker);
  if (agreement.type === 'techTransfer') {
    const transfer = s.transfers.find((t) => t.id === agreement.transfer);
    if (transfer?.building) {
      transfer.building = null;
      say(ctx, `The technology-transfer step under way from ${roleName(s, transfer.donor)} to ${roleName(s, transfer.recipient)} is cancelled.`);
    }
  }
  if (others.length >= MIN_PARTIES[agreement.type] && others.length >= 2) {
    agreement.parties = others;
    say(ctx, `The ${agreementName(agreement.type)} continues with ${listNames(s, others)}.`);
  } else {
    s.agreements = s.agreements.filter((g) => g.id !== agreement.id);
    if (agreement.type === 'alliance') say(ctx, 'With fewer than three members left, the alliance dissolves.');
  }
  if (agreement.type === 'intelSharing') refreshIntel(s, agreement.parties.includes(breaker) ? agreement.parties : [breaker, ...others]);
}

/** The joint line stays; the breaker's share passes to the other owners in proportion to theirs. */
function handOverShare(ctx: Ctx, lineId: string | null, breaker: string): void {
  const line = ctx.s.lines.find((l) => l.id === lineId);
  const leaving = line?.owners.find((o) => o.role === breaker);
  if (!line || !leaving) return;
  const staying = line.owners.filter((o) => o.role !== breaker);
  if (staying.length === 0) return;
  const total = staying.reduce((sum, o) => sum + o.share, 0);
  for (const o of staying) o.share = round2(o.share + (total > 0 ? (leaving.share * o.share) / total : leaving.share / staying.length));
  line.owners = staying;
  say(ctx, `${roleName(ctx.s, breaker)} gives up its share of ${line.name}: ${staying.map((o) => `${roleName(ctx.s, o.role)} ${o.share}%`).join(', ')}.`);
}

/** At every assessment: the guarantor rule, expiry, and intelligence shared for the next turn. */
export function assessAgreements(ctx: Ctx): void {
  const s = ctx.s;
  // Agreements are read as they stand; only those with a term are drafted, to count it down.
  for (const member of currentList(s, 'agreements')) {
    const g = standing(member);
    if (g.type === 'defencePact') checkGuarantors(ctx, g);
  }
  for (const member of [...currentList(s, 'agreements')]) {
    const id = standing(member).id;
    if (standing(member).turnsLeft === null) continue;
    const g = s.agreements.find((x) => x.id === id)!;
    const left = (g.turnsLeft ?? 0) - 1;
    g.turnsLeft = left;
    if (left > 0) continue;
    s.agreements = s.agreements.filter((x) => x.id !== g.id);
    say(ctx, capitalise(`the ${agreementName(g.type)} between ${listNames(s, g.parties)} expires.`));
    if (g.type === 'intelSharing') refreshIntel(s, g.parties);
  }
  const sharing = new Set<string>();
  for (const member of currentList(s, 'agreements')) {
    const g = standing(member);
    if (g.type === 'intelSharing') for (const p of standing(g.parties)) sharing.add(p);
  }
  refreshIntel(s, [...sharing]);
}

/** Leakers in a theatre where A owns a region, while partner B had no operational battery there. */
function checkGuarantors(ctx: Ctx, pact: Agreement): void {
  const s = ctx.s;
  const leakers = standing(standing(peekField(s, 'turnStats')).leakers);
  const parties = standing(pact.parties);
  const scenario = scenarioOf(s);
  for (const attacked of parties) {
    const hit = scenario.theatres.filter((t) => (leakers[t.id] ?? 0) > 0 &&
      scenario.regions.some((r) => r.theatre === t.id && r.owner === attacked));
    for (const guarantor of parties) {
      if (guarantor === attacked) continue;
      const absent = hit.some((t) => !currentList(s, 'batteries').some((member) => {
        const b = standing(member);
        return b.owner === guarantor && b.status === 'operational' && theatreOf(s, b.region) === t.id;
      }));
      if (!absent) continue;
      say(ctx, `${roleName(s, guarantor)} did not respond to the attack on ${roleName(s, attacked)}.`);
      adjustTrack(ctx, trust(attacked, guarantor), -1, guarantor);
    }
  }
}
