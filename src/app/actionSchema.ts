import * as z from 'zod/mini';
import { AGREEMENT_TYPES, BOT_LEVELS, DOCTRINES, LANE_MODES, THREAT_KINDS, type Action } from '../core';

// The shape of an action read from outside (replay files, share links, saves). Whether it is legal
// is the core's question; this only makes sure it is an action at all, so nothing downstream throws.
const id = z.string().check(z.minLength(1), z.maxLength(60));
const amount = z.number().check(z.int(), z.gte(-1000), z.lte(100000));
const terms = z.strictObject({
  bp: z.number().check(z.gte(0), z.lte(1000)),
  duration: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(40))),
  donor: z.optional(id),
  recipient: z.optional(id),
  template: z.optional(id),
  shares: z.optional(z.array(z.strictObject({ role: id, share: z.number().check(z.gte(0), z.lte(100)) })).check(z.maxLength(7))),
});
const role = { role: id };
const facilitator = { role: z.literal('facilitator') };

export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('endPhase'), ...role }),
  z.strictObject({ type: z.literal('chooseEventOption'), ...role, option: z.number().check(z.int(), z.gte(0), z.lte(9)) }),
  z.strictObject({ type: z.literal('proposeAgreement'), ...role, agreement: z.literal(AGREEMENT_TYPES), to: z.array(id).check(z.minLength(1), z.maxLength(7)), terms }),
  z.strictObject({ type: z.literal('answerProposal'), ...role, proposal: id, accept: z.boolean() }),
  z.strictObject({ type: z.literal('counterProposal'), ...role, proposal: id, terms }),
  z.strictObject({ type: z.literal('breakAgreement'), ...role, agreement: id }),
  z.strictObject({ type: z.literal('holdExercise'), ...role, partner: id }),
  z.strictObject({ type: z.literal('reassureAlly'), ...role, partner: id }),
  z.strictObject({ type: z.literal('playMove'), ...role, move: id, target: z.nullable(id) }),
  z.strictObject({ type: z.literal('fundLine'), ...role, line: id }),
  z.strictObject({ type: z.literal('surgeLine'), ...role, line: id }),
  z.strictObject({ type: z.literal('improveQuality'), ...role, line: id }),
  z.strictObject({ type: z.literal('startTechStep'), ...role, transfer: id }),
  z.strictObject({ type: z.literal('startProject'), ...role, project: id }),
  z.strictObject({ type: z.literal('orderInterceptors'), ...role, item: id, theatre: id, lots: amount }),
  z.strictObject({ type: z.literal('transferStock'), ...role, to: id, item: id, theatre: id, amount, contract: z.nullable(id) }),
  z.strictObject({ type: z.literal('repairRegion'), ...role, region: id }),
  z.strictObject({ type: z.literal('orderRedeploy'), ...role, battery: id, to: id, mode: z.literal(LANE_MODES) }),
  z.strictObject({ type: z.literal('setDoctrine'), ...role, threat: z.literal(THREAT_KINDS), doctrine: z.literal(DOCTRINES) }),
  z.strictObject({ type: z.literal('setHalfCover'), ...role, battery: id, region: z.nullable(id) }),
  z.strictObject({ type: z.literal('launchWave'), ...role, attacks: z.array(z.strictObject({ threat: id, target: id, count: amount })).check(z.minLength(1), z.maxLength(20)) }),
  z.strictObject({ type: z.literal('launchProvocation'), ...role, provocation: id }),
  z.strictObject({ type: z.literal('pauseGame'), ...facilitator }),
  z.strictObject({ type: z.literal('resumeGame'), ...facilitator }),
  z.strictObject({
    type: z.literal('injectCard'), ...facilitator, card: z.nullable(id),
    // A custom card's effects are checked like a scenario's when the core applies them.
    custom: z.nullable(z.strictObject({ title: z.string().check(z.minLength(1), z.maxLength(80)), text: z.string().check(z.minLength(1), z.maxLength(500)), effects: z.array(z.unknown()).check(z.maxLength(16)) })),
  }),
  z.strictObject({ type: z.literal('adjustTrack'), ...facilitator, track: z.string().check(z.minLength(1), z.maxLength(90)), by: z.number().check(z.int(), z.gte(-10), z.lte(10)) }),
  z.strictObject({ type: z.literal('revealHidden'), ...facilitator, reveal: z.boolean() }),
  z.strictObject({ type: z.literal('endGame'), ...facilitator, reason: z.string().check(z.maxLength(200)) }),
]) as unknown as z.ZodMiniType<Action>;

export const actionLogSchema = z.array(actionSchema).check(z.maxLength(100_000));

/** Who sits in a seat, as replay files, saves and share links carry it. */
export const seatSchema = z.union([
  z.strictObject({ kind: z.literal('bot'), level: z.literal(BOT_LEVELS) }),
  z.strictObject({ kind: z.literal(['human', 'facilitator', 'scripted']) }),
]);
