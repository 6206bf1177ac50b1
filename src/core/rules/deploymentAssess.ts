import { stockKey, type Battery } from '../state';
import { adjustTrack, currentList, emit, own, ownMember, peekField, plural, roleName, say, type Ctx } from '../context';
import { pairKey } from '../trackIds';
import { batteryType, isAway, regionName, regionOwner, theatreOf } from './deploymentMap';

// The assessment step of batteries (DESIGN §5.4): one status step per battery per turn, in list order,
// so a battery ordered this turn is packing for this turn's threats and never skips a stage.

export function assessDeployment(ctx: Ctx): void {
  let airlift = Math.max(0, ctx.s.scenario.airlift.loadsPerTurn);
  // Read as the list stands; only a battery this step may change is taken to write (ownMember): reading
  // every battery through the draft made a proxy for each.
  const list = currentList(ctx.s, 'batteries');
  for (let i = 0; i < list.length; i++) {
    const b = mayChange(ctx, list[i]!) ? ownMember(ctx.s, 'batteries', i) : list[i]!;
    switch (b.status) {
      case 'packing': depart(ctx, b); break;
      case 'transit':
        if (b.mode === 'air') airlift -= fly(ctx, b, airlift);
        else sail(ctx, b);
        break;
      case 'setup': finishSetup(ctx, b); break;
      case 'operational': break;
    }
    if (b.status === 'operational') reload(ctx, b);
    countAway(ctx, b);
  }
}

function depart(ctx: Ctx, b: Battery): void {
  const s = ctx.s;
  b.status = 'transit';
  const mode = b.mode ?? 'sea';
  const perTurn = s.scenario.airlift.loadsPerTurn;
  const how = mode === 'air'
    ? perTurn > 0 ? `about ${plural(Math.ceil(b.loadsLeft / perTurn), 'turn')} in transit` : 'waiting for airlift'
    : `${plural(b.turnsLeft, 'turn')} at sea`;
  const to = b.destination ?? b.region;
  emit(ctx, {
    kind: 'redeploy', battery: b.id, from: b.region, to, mode, status: 'transit',
    text: `${b.name} leaves ${regionName(s, b.region)} for ${regionName(s, to)} by ${mode}: ${how}.`,
  });
}

/** Takes this battery's share of the turn's airlift, first come first served; returns the loads used. */
function fly(ctx: Ctx, b: Battery, available: number): number {
  const flown = Math.min(b.loadsLeft, available);
  b.loadsLeft -= flown;
  if (b.loadsLeft <= 0) arrive(ctx, b);
  else if (flown > 0) say(ctx, `The airlift flies ${flown} loads for ${b.name}; ${b.loadsLeft} still to go.`);
  else say(ctx, `${b.name} waits: this turn's airlift went to other batteries (${b.loadsLeft} loads still to go).`);
  return flown;
}

function sail(ctx: Ctx, b: Battery): void {
  b.turnsLeft -= 1;
  if (b.turnsLeft <= 0) arrive(ctx, b);
  else say(ctx, `${b.name} is at sea: ${plural(b.turnsLeft, 'turn')} to go.`);
}

function arrive(ctx: Ctx, b: Battery): void {
  const from = b.region;
  b.region = b.destination ?? b.region;
  b.destination = null;
  b.status = 'setup';
  b.loadsLeft = 0;
  b.turnsLeft = 1;
  emit(ctx, {
    kind: 'redeploy', battery: b.id, from, to: b.region, mode: b.mode ?? 'sea', status: 'setup',
    text: `${b.name} arrives at ${regionName(ctx.s, b.region)} and sets up there next turn.`,
  });
}

function finishSetup(ctx: Ctx, b: Battery): void {
  b.turnsLeft -= 1;
  if (b.turnsLeft > 0) return;
  b.turnsLeft = 0;
  b.status = 'operational';
  const text = `${b.name} is set up at ${regionName(ctx.s, b.region)} and ready to engage.`;
  if (b.mode) emit(ctx, { kind: 'redeploy', battery: b.id, from: b.region, to: b.region, mode: b.mode, status: 'operational', text });
  else say(ctx, text);
  b.mode = null;
}

/** Refills the launchers from the owner's interceptor stock in the battery's theatre. */
function reload(ctx: Ctx, b: Battery): void {
  const s = ctx.s;
  const type = batteryType(s, b);
  const theatre = theatreOf(s, b.region);
  const need = b.capacity - b.rounds;
  if (!type || theatre === undefined || need <= 0) return;
  const key = stockKey(b.owner, type.interceptor, theatre);
  const stock = peekField(s, 'stocks')[key] ?? 0;
  const taken = Math.max(0, Math.min(need, stock));
  if (taken > 0) {
    own(s, 'stocks')[key] = stock - taken;
    b.rounds += taken;
    say(ctx, `${b.name} reloads ${taken} interceptors (${stock - taken} left in ${roleName(s, b.owner)}'s stock there).`);
  }
  if (b.rounds < b.capacity) say(ctx, `${b.name} is short of interceptors: ${b.rounds} of ${b.capacity} rounds ready.`);
}

/**
 * Whether the assessment may write to this battery: it is on the move or setting up, has launchers to
 * reload, or its count of turns away changes (see countAway). Others are only read.
 */
function mayChange(ctx: Ctx, b: Battery): boolean {
  if (b.status !== 'operational' || b.rounds < b.capacity) return true;
  if (!isAway(b)) return b.awayTurns !== 0;
  const host = regionOwner(ctx.s, b.home);
  return host !== undefined && host !== b.owner;
}

/** A battery away from an ally's region it was stationed in costs that pair trust: −1 every 2 turns away. */
function countAway(ctx: Ctx, b: Battery): void {
  const host = regionOwner(ctx.s, b.home);
  if (!isAway(b)) {
    if (b.awayTurns !== 0) b.awayTurns = 0;
    return;
  }
  if (host === undefined || host === b.owner) return;
  b.awayTurns += 1;
  if (b.awayTurns % 2 !== 0) return;
  say(ctx, `${b.name} has been away from ${regionName(ctx.s, b.home)} for ${b.awayTurns} turns: ${roleName(ctx.s, host)} doubts ${roleName(ctx.s, b.owner)}'s commitment.`);
  adjustTrack(ctx, `trust:${pairKey(b.owner, host)}`, -1, b.owner);
}
