import * as z from 'zod';
import { AGREEMENT_TYPES, DOCTRINES, LANE_MODES, THREAT_KINDS, type Action } from '../core';

// The shape of an action read from outside (replay files, share links, saves). Whether it is legal
// is the core's question; this only makes sure it is an action at all, so nothing downstream throws.
const id = z.string().min(1).max(60);
const amount = z.number().int().min(-1000).max(100000);
const terms = z.strictObject({
  bp: z.number().min(0).max(1000),
  duration: z.number().int().min(1).max(40).nullable(),
  donor: id.optional(),
  recipient: id.optional(),
  template: id.optional(),
  shares: z.array(z.strictObject({ role: id, share: z.number().min(0).max(100) })).max(7).optional(),
});
const role = { role: id };
const facilitator = { role: z.literal('facilitator') };

export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('endPhase'), ...role }),
  z.strictObject({ type: z.literal('chooseEventOption'), ...role, option: z.number().int().min(0).max(9) }),
  z.strictObject({ type: z.literal('proposeAgreement'), ...role, agreement: z.enum(AGREEMENT_TYPES), to: z.array(id).min(1).max(7), terms }),
  z.strictObject({ type: z.literal('answerProposal'), ...role, proposal: id, accept: z.boolean() }),
  z.strictObject({ type: z.literal('counterProposal'), ...role, proposal: id, terms }),
  z.strictObject({ type: z.literal('breakAgreement'), ...role, agreement: id }),
  z.strictObject({ type: z.literal('holdExercise'), ...role, partner: id }),
  z.strictObject({ type: z.literal('reassureAlly'), ...role, partner: id }),
  z.strictObject({ type: z.literal('playMove'), ...role, move: id, target: id.nullable() }),
  z.strictObject({ type: z.literal('fundLine'), ...role, line: id }),
  z.strictObject({ type: z.literal('surgeLine'), ...role, line: id }),
  z.strictObject({ type: z.literal('improveQuality'), ...role, line: id }),
  z.strictObject({ type: z.literal('startTechStep'), ...role, transfer: id }),
  z.strictObject({ type: z.literal('startProject'), ...role, project: id }),
  z.strictObject({ type: z.literal('orderInterceptors'), ...role, item: id, theatre: id, lots: amount }),
  z.strictObject({ type: z.literal('transferStock'), ...role, to: id, item: id, theatre: id, amount, contract: id.nullable() }),
  z.strictObject({ type: z.literal('repairRegion'), ...role, region: id }),
  z.strictObject({ type: z.literal('orderRedeploy'), ...role, battery: id, to: id, mode: z.enum(LANE_MODES) }),
  z.strictObject({ type: z.literal('setDoctrine'), ...role, threat: z.enum(THREAT_KINDS), doctrine: z.enum(DOCTRINES) }),
  z.strictObject({ type: z.literal('setHalfCover'), ...role, battery: id, region: id.nullable() }),
  z.strictObject({ type: z.literal('launchWave'), ...role, attacks: z.array(z.strictObject({ threat: id, target: id, count: amount })).min(1).max(20) }),
  z.strictObject({ type: z.literal('launchProvocation'), ...role, provocation: id }),
  z.strictObject({ type: z.literal('pauseGame'), ...facilitator }),
  z.strictObject({ type: z.literal('resumeGame'), ...facilitator }),
  z.strictObject({
    type: z.literal('injectCard'), ...facilitator, card: id.nullable(),
    // A custom card's effects are checked like a scenario's when the core applies them.
    custom: z.strictObject({ title: z.string().min(1).max(80), text: z.string().min(1).max(500), effects: z.array(z.unknown()).max(16) }).nullable(),
  }),
  z.strictObject({ type: z.literal('adjustTrack'), ...facilitator, track: z.string().min(1).max(90), by: z.number().int().min(-10).max(10) }),
  z.strictObject({ type: z.literal('revealHidden'), ...facilitator, reveal: z.boolean() }),
  z.strictObject({ type: z.literal('endGame'), ...facilitator, reason: z.string().max(200) }),
]) as unknown as z.ZodType<Action>;

export const actionLogSchema = z.array(actionSchema).max(100_000);
