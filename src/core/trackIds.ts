import { PAIR_TRACKS, ROLE_TRACKS, TRACK_BOUNDS, type PairTrack, type RoleTrack } from './vocabulary';

// Tracks are named by strings so that scenario data (effects, objectives, rolls) can point at any
// of them: `tension:east`, `support:poland`, `trust:korea+poland`, or a scenario's own track id.
export type TrackRef =
  | { kind: 'tension'; theatre: string }
  | { kind: RoleTrack; role: string }
  | { kind: PairTrack; a: string; b: string }
  | { kind: 'custom'; id: string };

// Rules parse the same few track references over and over (every track move, condition and roll):
// each string's parse never changes, so it is remembered (frozen, as callers only read it).
const parsed = new Map<string, TrackRef | null>();

export function parseTrackRef(ref: string): TrackRef | null {
  let found = parsed.get(ref);
  if (found === undefined) {
    found = parseRef(ref);
    if (found) Object.freeze(found);
    if (parsed.size >= 10_000) parsed.clear();
    parsed.set(ref, found);
  }
  return found;
}

function parseRef(ref: string): TrackRef | null {
  const colon = ref.indexOf(':');
  if (colon < 0) return /^[a-z0-9][a-z0-9-]*$/.test(ref) ? { kind: 'custom', id: ref } : null;
  const kind = ref.slice(0, colon);
  const subject = ref.slice(colon + 1);
  if (subject === '') return null;
  if (kind === 'tension') return { kind, theatre: subject };
  if ((ROLE_TRACKS as readonly string[]).includes(kind)) return { kind: kind as RoleTrack, role: subject };
  if ((PAIR_TRACKS as readonly string[]).includes(kind)) {
    const parts = subject.split('+');
    if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0] === parts[1]) return null;
    return { kind: kind as PairTrack, a: parts[0], b: parts[1] };
  }
  return null;
}

/** The canonical key a track is stored under: pairs sorted so `trust:a+b` and `trust:b+a` are one track. */
export function trackKey(ref: TrackRef): string {
  switch (ref.kind) {
    case 'tension':
      return `tension:${ref.theatre}`;
    case 'custom':
      return ref.id;
    case 'trust':
    case 'interop':
      return `${ref.kind}:${pairKey(ref.a, ref.b)}`;
    default:
      return `${ref.kind}:${ref.role}`;
  }
}

export function pairKey(a: string, b: string): string {
  return pairKeys.get(a)?.get(b) ?? rememberKey(pairKeys, a, b, a < b ? `${a}+${b}` : `${b}+${a}`);
}

// Keys made of two names are built once and handed out again: rules look records up by them many
// times an action, and a string built afresh has to be hashed again at every look-up.
const pairKeys = new Map<string, Map<string, string>>();

/** Remembers `key` as the key for (a, b) in `table` (look it up with table.get(a)?.get(b)) and returns it. */
export function rememberKey(table: Map<string, Map<string, string>>, a: string, b: string, key: string): string {
  let inner = table.get(a);
  if (!inner) {
    if (table.size >= 1000) table.clear();
    inner = new Map();
    table.set(a, inner);
  }
  inner.set(b, key);
  return key;
}

/** Replaces `actor` and `target` placeholders in a track reference. */
export function bindTrackRef(ref: string, actor: string | null, target: string | null): string {
  const colon = ref.indexOf(':');
  if (colon < 0) return ref;
  const subject = ref
    .slice(colon + 1)
    .split('+')
    .map((part) => (part === 'actor' && actor ? actor : part === 'target' && target ? target : part))
    .join('+');
  return `${ref.slice(0, colon)}:${subject}`;
}

export function builtInBounds(ref: TrackRef): readonly [number, number] | null {
  return ref.kind === 'custom' ? null : TRACK_BOUNDS[ref.kind];
}
