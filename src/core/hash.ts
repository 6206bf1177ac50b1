// A stable hash of plain data: canonical JSON (object keys sorted) through 64-bit FNV-1a, computed in
// two 32-bit halves with exact double arithmetic, so Node and every browser give the same 16 hex digits.

// Frozen subtrees cannot change, so their canonical text is kept (log entries and, with immer's
// auto-freeze on, most of a state): hashing a state after every turn does not re-serialise them.
const frozenText = new WeakMap<object, string>();

// While text() serialises an object: whether everything inside it so far is deeply frozen.
let allFrozen = true;

// While canonicalJson runs with a memo: the text of objects that will never change (see canonicalJson).
let memo: WeakMap<object, string> | null = null;

/** The canonical JSON of `value`, built by concatenation; frozen subtrees remember theirs. */
function text(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
    if (value === undefined) return 'null';
    return JSON.stringify(value) ?? '';
  }
  const frozen = Object.isFrozen(value);
  if (frozen) {
    const known = frozenText.get(value);
    if (known !== undefined) return known;
  } else if (memo !== null) {
    const known = memo.get(value);
    if (known !== undefined) {
      allFrozen = false;
      return known;
    }
  }
  const outer = allFrozen;
  allFrozen = true;
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + text(value[i]);
    out += ']';
  } else {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    out = '{';
    let first = true;
    for (const k of keys) {
      const v = obj[k];
      if (v === undefined) continue;
      out += (first ? '' : ',') + JSON.stringify(k) + ':' + text(v);
      first = false;
    }
    out += '}';
  }
  const deep = frozen && allFrozen;
  if (deep) frozenText.set(value, out);
  else if (memo !== null) memo.set(value, out);
  allFrozen = outer && deep;
  return out;
}

export function canonicalJson(value: unknown): string {
  allFrozen = true;
  return text(value);
}

/**
 * The canonical JSON of `value`, with the text of every object remembered in `unchanging` by identity,
 * frozen or not. Only for values whose objects are never written to again while it is kept (the states
 * of one replay, which nobody else holds: immer shares an unchanged part between a state and the next
 * as the same object, so a turn's hash re-serialises only what changed).
 */
export function canonicalJsonUnchanging(value: unknown, unchanging: WeakMap<object, string>): string {
  allFrozen = true;
  memo = unchanging;
  try {
    return text(value);
  } finally {
    memo = null;
  }
}

export function hashString(text: string): string {
  return hashTwo(text, '');
}

/** hashString(first + second), without making the joined string. */
function hashTwo(first: string, second: string): string {
  // FNV-1a 64: offset basis 0xcbf29ce484222325, prime 2^40 + 0x1b3, in four 16-bit limbs (h3 h2 h1 h0)
  // so every product stays small and exact: h·prime = h·0x1b3 + (h << 40), and h << 40 adds h0 << 8 to
  // limb 2 and h1 << 8 to limb 3. UTF-16 code units are hashed as two bytes each (low byte first).
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let part = 0; part < 2; part++) {
    const text = part === 0 ? first : second;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Low byte.
      h0 ^= c & 0xff;
      let t0 = h0 * 0x1b3;
      let t1 = h1 * 0x1b3 + (t0 >>> 16);
      let t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
      h3 = (h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      // High byte.
      h0 ^= c >>> 8;
      t0 = h0 * 0x1b3;
      t1 = h1 * 0x1b3 + (t0 >>> 16);
      t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
      h3 = (h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
    }
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

const hex4 = (x: number): string => x.toString(16).padStart(4, '0');

export const hashValue = (value: unknown): string => hashString(canonicalJson(value));

// The log and the turn history are append-only lists of frozen entries, so their part of a state hash
// is a running digest:
// d(0) = "", d(k) = hashString(d(k−1) + canonical text of entry k). Each entry remembers the digest up
// to itself (and its index), so hashing a state after every turn only hashes the entries added since.
// Only some entries remember theirs (the last one digested by each call, and every 64th): a record per
// entry cost more than the walk back over the entries added since.
const entryDigest = new WeakMap<object, { index: number; digest: string }>();

/** The running digest of an append-only list: 16 hex digits, or "" for an empty list. */
export function runningDigest(log: readonly unknown[]): string {
  let from = log.length;
  let digest = '';
  // Walk back to the latest entry whose digest is known at this very position.
  while (from > 0) {
    const entry = log[from - 1];
    const known = typeof entry === 'object' && entry !== null ? entryDigest.get(entry) : undefined;
    if (known && known.index === from - 1) { digest = known.digest; break; }
    from -= 1;
  }
  for (let i = from; i < log.length; i++) {
    const entry = log[i];
    digest = hashTwo(digest, logEntryText(entry) ?? canonicalJson(entry));
    if ((i === log.length - 1 || (i & 63) === 63) && typeof entry === 'object' && entry !== null && Object.isFrozen(entry))
      entryDigest.set(entry, { index: i, digest });
  }
  return digest;
}

const own = Object.hasOwn;

/** The canonical JSON of a log entry ({turn, phase, role, text}) written directly; null for any other shape. */
function logEntryText(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return null;
  const e = entry as Record<string, unknown>;
  const { turn, phase, role, text } = e;
  if (typeof turn !== 'number' || typeof phase !== 'string' || typeof text !== 'string' || (role !== null && typeof role !== 'string')) return null;
  if (Object.keys(e).length !== 4 || !own(e, 'turn') || !own(e, 'phase') || !own(e, 'role') || !own(e, 'text')) return null;
  return `{"phase":${JSON.stringify(phase)},"role":${role === null ? 'null' : JSON.stringify(role)},"text":${JSON.stringify(text)},"turn":${Number.isFinite(turn) ? String(turn) : 'null'}}`;
}
