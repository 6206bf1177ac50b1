// The game's fixed vocabularies. Each list is the single source for its union type.

export const PHASES = ['events', 'diplomacy', 'industry', 'deployment', 'threats', 'assessment'] as const;
export type Phase = (typeof PHASES)[number];

/** Phases in which roles take steps in order; the others run by themselves. */
export const ROLE_PHASES = ['diplomacy', 'industry', 'deployment', 'threats'] as const satisfies readonly Phase[];

export const AGREEMENT_TYPES = [
  'defencePact',
  'alliance',
  'jointVenture',
  'techTransfer',
  'intelSharing',
  'standardisation',
  'confidenceBuilding',
] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

export const AGREEMENT_NAMES: Record<AgreementType, string> = {
  defencePact: 'bilateral defence pact',
  alliance: 'multilateral alliance',
  jointVenture: 'joint venture',
  techTransfer: 'technology transfer',
  intelSharing: 'intelligence sharing',
  standardisation: 'standardisation agreement',
  confidenceBuilding: 'confidence-building measure',
};

export const DOCTRINES = ['single', 'barrage', 'shootLookShoot'] as const;
export type Doctrine = (typeof DOCTRINES)[number];

export const THREAT_KINDS = ['drone', 'ballistic'] as const;
export type ThreatKind = (typeof THREAT_KINDS)[number];

export const SEAT_KINDS = ['human', 'bot', 'facilitator', 'scripted'] as const;
export type SeatKind = (typeof SEAT_KINDS)[number];

export const BOT_LEVELS = ['easy', 'standard', 'lookahead'] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

export const ROLE_KINDS = ['nation', 'red', 'institution'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export const LANE_MODES = ['air', 'sea'] as const;
export type LaneMode = (typeof LANE_MODES)[number];

export const ITEM_KINDS = ['interceptor', 'launcher', 'munition', 'equipment'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const BATTERY_STATUSES = ['operational', 'packing', 'transit', 'setup'] as const;
export type BatteryStatus = (typeof BATTERY_STATUSES)[number];

export const ROLE_TRACKS = ['support', 'reputation', 'readiness'] as const;
export type RoleTrack = (typeof ROLE_TRACKS)[number];

export const PAIR_TRACKS = ['trust', 'interop'] as const;
export type PairTrack = (typeof PAIR_TRACKS)[number];

export const PATTERNS = ['solid', 'stripes', 'dots', 'cross', 'waves', 'checks', 'rings'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const STREAMS = ['events', 'industry', 'diplomacy', 'threats', 'bots'] as const;
export type Stream = (typeof STREAMS)[number];

export const COMPARATORS = ['>=', '<=', '>', '<', '=='] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** Bounds of the built-in tracks (DESIGN §3). */
export const TRACK_BOUNDS = {
  tension: [0, 10],
  support: [0, 10],
  reputation: [0, 10],
  readiness: [0, 10],
  trust: [0, 10],
  interop: [0, 5],
  tech: [0, 4],
} as const;
