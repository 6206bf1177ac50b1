import { entry, type ActionOf, type LegalAction, type Rejection } from '../actions';
import type { Battery, GameState } from '../state';
import { currentList, emit, ownMember, ownValue, plural, roleName, say, standing, type Ctx } from '../context';
import { reject } from '../rejections';
import { DOCTRINES, LANE_MODES, THREAT_KINDS, type Doctrine, type LaneMode, type ThreatKind } from '../vocabulary';
import {
  adjacentRegions, airTurns, coverage, findRoute, leftUncovered, loadsWaiting, mayDefend, reachableRegions, regionName, regionOwner, seaTurns,
} from './deploymentMap';

// Deployment (DESIGN §5.4): redeploy batteries by air or sea, set firing doctrine, choose half cover.

export { coverage, gaps, type RegionCoverage } from './deploymentMap';
export { assessDeployment } from './deploymentAssess';

export type DeploymentAction = ActionOf<'orderRedeploy' | 'setDoctrine' | 'setHalfCover'>;

export const DOCTRINE_NAMES: Record<Doctrine, string> = { single: 'one shot', barrage: 'a two-shot barrage', shootLookShoot: 'shoot-look-shoot' };
export const THREAT_KIND_NAMES: Record<ThreatKind, string> = { drone: 'drones', ballistic: 'ballistic missiles' };
const DEFAULT_DOCTRINE: Record<ThreatKind, Doctrine> = { drone: 'single', ballistic: 'barrage' };
const STATUS_TEXT: Record<Battery['status'], string> = { operational: 'operational', packing: 'packing up', transit: 'on the move', setup: 'still setting up' };

export const doctrineOf = (s: GameState, role: string, kind: ThreatKind): Doctrine => s.doctrines[role]?.[kind] ?? DEFAULT_DOCTRINE[kind];

const isOneOf = <T extends string>(list: readonly T[], x: unknown): x is T => typeof x === 'string' && (list as readonly string[]).includes(x);
const batteryById = (s: GameState, id: unknown): Battery | undefined => (typeof id === 'string' ? s.batteries.find((b) => b.id === id) : undefined);
const regionExists = (s: GameState, id: unknown): id is string => typeof id === 'string' && s.scenario.regions.some((r) => r.id === id);

/** The battery must exist, belong to the role and be operational to take an order. */
function checkCommand(s: GameState, role: string, id: unknown): Rejection | Battery {
  const b = batteryById(s, id);
  if (!b) return reject('target/unknown', 'There is no such battery.', { battery: id });
  if (b.owner !== role) return reject('battery/not-owner', `${b.name} belongs to ${roleName(s, b.owner)}, not to ${roleName(s, role)}.`, { battery: b.id });
  if (b.status !== 'operational')
    return reject('battery/not-operational', `${b.name} is ${STATUS_TEXT[b.status]}; it can take new orders once it is operational.`, { battery: b.id, status: b.status });
  return b;
}

export function checkDeployment(s: GameState, a: DeploymentAction): Rejection | null {
  switch (a.type) {
    case 'orderRedeploy': return checkRedeploy(s, a);
    case 'setDoctrine': {
      if (!isOneOf(THREAT_KINDS, a.threat)) return reject('action/malformed', 'A firing doctrine is set against drones or against ballistic missiles.', { threat: a.threat });
      if (!isOneOf(DOCTRINES, a.doctrine)) return reject('action/malformed', 'The doctrine must be one shot, a two-shot barrage or shoot-look-shoot.', { doctrine: a.doctrine });
      if (doctrineOf(s, a.role, a.threat) === a.doctrine)
        return reject('target/invalid', `${roleName(s, a.role)} already fires ${DOCTRINE_NAMES[a.doctrine]} at ${THREAT_KIND_NAMES[a.threat]}.`);
      return null;
    }
    case 'setHalfCover': {
      const b = checkCommand(s, a.role, a.battery);
      if (!('id' in b)) return b;
      if (a.region === null) return b.halfCover === null ? reject('target/invalid', `${b.name} does not half-cover any region now.`) : null;
      if (!regionExists(s, a.region)) return reject('target/unknown', 'There is no such region.', { region: a.region });
      if (!adjacentRegions(s, b.region).includes(a.region))
        return reject('target/invalid', `${regionName(s, a.region)} is not next to ${regionName(s, b.region)}: a battery half-covers only a region joined to its own by a lane.`);
      if (b.halfCover === a.region) return reject('target/invalid', `${b.name} already half-covers ${regionName(s, a.region)}.`);
      return null;
    }
    default:
      return reject('action/unknown', 'That is not a deployment action.');
  }
}

function checkRedeploy(s: GameState, a: ActionOf<'orderRedeploy'>): Rejection | null {
  const b = checkCommand(s, a.role, a.battery);
  if (!('id' in b)) return b;
  if (!isOneOf(LANE_MODES, a.mode)) return reject('action/malformed', 'A battery moves by air or by sea.', { mode: a.mode });
  if (!regionExists(s, a.to)) return reject('target/unknown', 'There is no such region.', { to: a.to });
  if (a.to === b.region) return reject('battery/same-region', `${b.name} already stands at ${regionName(s, b.region)}.`);
  if (a.mode === 'air' && s.scenario.airlift.loadsPerTurn <= 0)
    return reject('airlift/none', 'There is no airlift in this scenario: batteries can only move by sea.');
  if (!findRoute(s, b.region, a.to, a.mode))
    return reject('battery/no-route', `No ${a.mode} lanes lead from ${regionName(s, b.region)} to ${regionName(s, a.to)}.`, { mode: a.mode });
  return null;
}

export function applyDeployment(ctx: Ctx, a: DeploymentAction): void {
  const s = ctx.s;
  switch (a.type) {
    case 'orderRedeploy': return applyRedeploy(ctx, a);
    case 'setDoctrine': {
      const doctrines = ownValue(s, 'doctrines', a.role);
      if (doctrines) doctrines[a.threat] = a.doctrine;
      else s.doctrines[a.role] = { ...DEFAULT_DOCTRINE, [a.threat]: a.doctrine };
      say(ctx, `${roleName(s, a.role)} will now fire ${DOCTRINE_NAMES[a.doctrine]} at ${THREAT_KIND_NAMES[a.threat]}.`);
      return;
    }
    case 'setHalfCover': {
      const b = ownMember(s, 'batteries', currentList(s, 'batteries').findIndex((x) => standing(x).id === a.battery));
      b.halfCover = a.region;
      say(ctx, a.region === null ? `${b.name} no longer half-covers a neighbouring region.` : `${b.name} now half-covers ${regionName(s, a.region)}.`);
      return;
    }
  }
}

function transitText(s: GameState, mode: LaneMode, turns: number): string {
  return mode === 'air' ? `about ${plural(turns, 'turn')} in transit` : `${plural(turns, 'turn')} at sea`;
}

function applyRedeploy(ctx: Ctx, a: ActionOf<'orderRedeploy'>): void {
  const s = ctx.s;
  const b = ownMember(s, 'batteries', currentList(s, 'batteries').findIndex((x) => standing(x).id === a.battery));
  const route = findRoute(s, b.region, a.to, a.mode)!;
  const turns = a.mode === 'air' ? airTurns(s, loadsWaiting(s)) : seaTurns(s, route);
  b.status = 'packing';
  b.destination = a.to;
  b.mode = a.mode;
  b.halfCover = null;
  b.loadsLeft = a.mode === 'air' ? s.scenario.airlift.loadsPerBattery : 0;
  b.turnsLeft = a.mode === 'sea' ? turns : 0;
  emit(ctx, {
    kind: 'redeploy', battery: b.id, from: b.region, to: a.to, mode: a.mode, status: 'packing',
    text: `${roleName(s, b.owner)} orders ${b.name} from ${regionName(s, b.region)} to ${regionName(s, a.to)} by ${a.mode}: it packs up now (${transitText(s, a.mode, turns)}, then 1 turn to set up).`,
  });
  if (leftUncovered(s, b.id, b.region)) say(ctx, `${regionName(s, b.region)} is left without air-defence cover.`);
}

export function legalDeployment(s: GameState, role: string, out: LegalAction[] = []): LegalAction[] {
  if (s.phase !== 'deployment') return out;
  const own = s.batteries.filter((b) => b.owner === role);
  if (own.length === 0) return out;
  // Words only: who covers what is worked out once for the whole list, the loads waiting for the airlift once.
  let all: ReturnType<typeof coverage> | undefined;
  let waiting: number | undefined;
  for (const b of own) {
    if (b.status !== 'operational') continue;
    let gap: string | undefined;
    const gapText = () => (gap ??= leftUncovered(s, b.id, b.region, (all ??= coverage(s))) ? ` ${regionName(s, b.region)} is left without cover meanwhile.` : '');
    for (const mode of LANE_MODES) {
      if (mode === 'air' && s.scenario.airlift.loadsPerTurn <= 0) continue;
      for (const to of reachableRegions(s, b.region, mode))
        out.push(entry({ type: 'orderRedeploy', role, battery: b.id, to, mode }, 0, () => {
          const turns = mode === 'air' ? airTurns(s, (waiting ??= loadsWaiting(s))) : seaTurns(s, findRoute(s, b.region, to, mode)!);
          return [
            `Move ${b.name} to ${regionName(s, to)} by ${mode}`,
            `${b.name} packs up this turn and goes from ${regionName(s, b.region)} to ${regionName(s, to)} by ${mode} (${transitText(s, mode, turns)}, then 1 turn to set up).${gapText()}`,
          ];
        }));
    }
    for (const region of adjacentRegions(s, b.region)) {
      if (region === b.halfCover) continue;
      out.push(entry({ type: 'setHalfCover', role, battery: b.id, region }, 0, () => {
        const host = regionOwner(s, region) ?? '';
        const note = mayDefend(s, role, region) ? '' : ` It counts only once ${roleName(s, role)} has a defence pact or alliance with ${roleName(s, host)}.`;
        return [`${b.name}: half-cover ${regionName(s, region)}`, `${b.name} also defends ${regionName(s, region)} at half its hit chance.${note}`];
      }));
    }
    if (b.halfCover !== null)
      out.push(entry({ type: 'setHalfCover', role, battery: b.id, region: null }, 0, () => [`${b.name}: stop half cover`, `${b.name} defends only ${regionName(s, b.region)}.`]));
  }
  for (const threat of THREAT_KINDS)
    for (const doctrine of DOCTRINES) {
      if (doctrineOf(s, role, threat) === doctrine) continue;
      out.push(entry({ type: 'setDoctrine', role, threat, doctrine }, 0, () => [
        `Fire ${DOCTRINE_NAMES[doctrine]} at ${THREAT_KIND_NAMES[threat]}`,
        `Every ${roleName(s, role)} battery engages ${THREAT_KIND_NAMES[threat]} with ${DOCTRINE_NAMES[doctrine]}${doctrine === 'shootLookShoot' ? ' (a second shot only after a miss, when there is time to look)' : ''}.`,
      ]));
    }
  return out;
}
