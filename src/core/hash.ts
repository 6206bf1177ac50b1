// A stable hash of plain data: canonical JSON (object keys sorted) through 64-bit FNV-1a, computed in
// two 32-bit halves with exact double arithmetic, so Node and every browser give the same 16 hex digits.

// Frozen subtrees cannot change, so their canonical text is kept (log entries and, with immer's
// auto-freeze on, most of a state): hashing a state after every turn does not re-serialise them.
const frozenText = new WeakMap<object, string>();

// While text() serialises an object: whether everything inside it so far is deeply frozen.
let allFrozen = true;

// While canonicalJson runs with a memo: the text of objects that will never change (see canonicalJson).
let memo: WeakMap<object, string> | null = null;

// False while runningDigest writes an entry that is not a log line (a turn record): its text is needed
// once, and keeping it and its parts in frozenText (a process-wide table that only grows between major
// collections) cost more than writing the text itself.
let rememberFrozen = true;

/** The canonical JSON of `value`, built by concatenation; frozen subtrees remember theirs. */
function text(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
    if (value === undefined) return 'null';
    // Short strings (ids, names, statuses) recur in every state: their quoted text is kept.
    if (typeof value === 'string' && value.length <= 40) return quoted(value);
    return JSON.stringify(value) ?? '';
  }
  const frozen = Object.isFrozen(value);
  if (frozen) {
    const known = rememberFrozen ? frozenText.get(value) : undefined;
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
    const keys = sortedKeys(Object.keys(obj));
    out = '{';
    let first = true;
    for (const k of keys) {
      const v = obj[k];
      if (v === undefined) continue;
      out += (first ? '' : ',') + keyText(k) + text(v);
      first = false;
    }
    out += '}';
  }
  const deep = frozen && allFrozen;
  if (deep) {
    if (rememberFrozen) frozenText.set(value, out);
  } else if (memo !== null) memo.set(value, out);
  allFrozen = outer && deep;
  return out;
}

// A state's records use the same few hundred keys over and over: their quoted text is kept.
const keyTexts = new Map<string, string>();

/** `"key":` as canonical JSON writes it. */
function keyText(key: string): string {
  let known = keyTexts.get(key);
  if (known === undefined) {
    if (keyTexts.size >= 10_000) keyTexts.clear();
    known = `${JSON.stringify(key)}:`;
    keyTexts.set(key, known);
  }
  return known;
}

const quotedTexts = new Map<string, string>();

/** JSON.stringify(text) for a short string, kept. */
function quoted(text: string): string {
  let known = quotedTexts.get(text);
  if (known === undefined) {
    if (quotedTexts.size >= 10_000) quotedTexts.clear();
    known = JSON.stringify(text);
    quotedTexts.set(text, known);
  }
  return known;
}

// Records of one kind list the same keys in the same order (a battery, a line, a turn record, the state
// itself), and sorting them again for every record was the costliest line of the canonical text. The
// sorted order is kept per key list: lists are compared key by key with the ones of the same length
// already seen (a few per length; beyond that, lists are sorted each time).
const keyOrders = new Map<number, { keys: readonly string[]; sorted: readonly string[] }[]>();

/** The keys in canonical (sorted) order. */
function sortedKeys(keys: string[]): readonly string[] {
  const n = keys.length;
  if (n < 2) return keys;
  let seen = keyOrders.get(n);
  if (seen === undefined) keyOrders.set(n, (seen = []));
  for (const order of seen) {
    const known = order.keys;
    let same = true;
    for (let i = 0; i < n; i++) if (known[i] !== keys[i]) { same = false; break; }
    if (same) return order.sorted;
  }
  const sorted = [...keys].sort();
  if (seen.length < 16) seen.push({ keys, sorted });
  return sorted;
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
  fnvStart();
  fnvFeed(text);
  return fnvHex();
}

// FNV-1a 64 fed piece by piece (a digest of several texts without joining them): offset basis
// 0xcbf29ce484222325, prime 2^40 + 0x1b3, in four 16-bit limbs (f3 f2 f1 f0) so every product stays
// small and exact: h·prime = h·0x1b3 + (h << 40), and h << 40 adds h0 << 8 to limb 2 and h1 << 8 to
// limb 3. UTF-16 code units are hashed as two bytes each (low byte first).
let f0 = 0;
let f1 = 0;
let f2 = 0;
let f3 = 0;

function fnvStart(): void {
  f0 = 0x2325;
  f1 = 0x8422;
  f2 = 0x9ce4;
  f3 = 0xcbf2;
}

function fnvFeed(text: string): void {
  let h0 = f0;
  let h1 = f1;
  let h2 = f2;
  let h3 = f3;
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
  f0 = h0;
  f1 = h1;
  f2 = h2;
  f3 = h3;
}

/**
 * Feeds JSON.stringify(text) in one pass: the text between quotes, hashed as it is scanned; from the first
 * character JSON.stringify might escape (control characters, quote, backslash, any surrogate), the rest is
 * fed as JSON.stringify writes it. Every character before that one is written as itself, and a surrogate
 * pair is never split (the first surrogate stops the scan), so the result is JSON.stringify's text.
 */
function fnvFeedJsonString(text: string): void {
  fnvFeed('"');
  let h0 = f0;
  let h1 = f1;
  let h2 = f2;
  let h3 = f3;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) break;
    // Low byte (as fnvFeed).
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
  f0 = h0;
  f1 = h1;
  f2 = h2;
  f3 = h3;
  // The rest as JSON.stringify writes it, without its opening quote (already fed), closing quote included.
  fnvFeed(i < text.length ? JSON.stringify(text.slice(i)).slice(1) : '"');
}

const fnvHex = (): string => hex4(f3) + hex4(f2) + hex4(f1) + hex4(f0);

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
    fnvStart();
    if (digest !== '') fnvFeed(digest);
    if (!fnvFeedLogEntry(entry)) fnvFeed(entryText(entry));
    digest = fnvHex();
    if ((i === log.length - 1 || (i & 63) === 63) && typeof entry === 'object' && entry !== null && Object.isFrozen(entry))
      entryDigest.set(entry, { index: i, digest });
  }
  return digest;
}

/** canonicalJson of a list entry, without remembering the text of its frozen parts (see rememberFrozen). */
function entryText(entry: unknown): string {
  rememberFrozen = false;
  try {
    return canonicalJson(entry);
  } finally {
    rememberFrozen = true;
  }
}

const own = Object.hasOwn;

/**
 * Feeds the canonical JSON of a log entry ({turn, phase, role, text}) piece by piece, as
 * `{"phase":…,"role":…,"text":…,"turn":…}` would be written; false (nothing fed) for any other shape.
 */
function fnvFeedLogEntry(entry: unknown): boolean {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return false;
  const e = entry as Record<string, unknown>;
  const { turn, phase, role, text } = e;
  if (typeof turn !== 'number' || typeof phase !== 'string' || typeof text !== 'string' || (role !== null && typeof role !== 'string')) return false;
  if (Object.keys(e).length !== 4 || !own(e, 'turn') || !own(e, 'phase') || !own(e, 'role') || !own(e, 'text')) return false;
  fnvFeed('{"phase":');
  fnvFeedJsonString(phase);
  fnvFeed(',"role":');
  if (role === null) fnvFeed('null');
  else fnvFeedJsonString(role);
  fnvFeed(',"text":');
  fnvFeedJsonString(text);
  fnvFeed(',"turn":');
  fnvFeed(Number.isFinite(turn) ? String(turn) : 'null');
  fnvFeed('}');
  return true;
}
