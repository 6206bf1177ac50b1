// A stable hash of plain data: canonical JSON (object keys sorted) through 64-bit FNV-1a, computed in
// two 32-bit halves with exact double arithmetic, so Node and every browser give the same 16 hex digits.

// Frozen subtrees cannot change, so their canonical text is kept (log entries and, with immer's
// auto-freeze on, most of a state): hashing a state after every turn does not re-serialise them.
const frozenText = new WeakMap<object, string>();

/** Appends the canonical JSON of `value` to `out`; returns whether the value is deeply frozen (or primitive). */
function write(value: unknown, out: string[]): boolean {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') out.push(Number.isFinite(value) ? JSON.stringify(value) : 'null');
    else out.push(value === undefined ? 'null' : JSON.stringify(value));
    return true;
  }
  const frozen = Object.isFrozen(value);
  if (frozen) {
    const known = frozenText.get(value);
    if (known !== undefined) { out.push(known); return true; }
  }
  const parts: string[] = [];
  let deep = frozen;
  if (Array.isArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(',');
      if (!write(value[i], parts)) deep = false;
    }
    parts.push(']');
  } else {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    parts.push('{');
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      parts.push(i > 0 ? ',' : '', JSON.stringify(k), ':');
      if (!write(obj[k], parts)) deep = false;
    }
    parts.push('}');
  }
  const text = parts.join('');
  if (deep) frozenText.set(value, text);
  out.push(text);
  return deep;
}

export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

export function hashString(text: string): string {
  // FNV-1a 64: offset basis 0xcbf29ce484222325, prime 2^40 + 0x1b3, in four 16-bit limbs (h3 h2 h1 h0)
  // so every product stays small and exact: h·prime = h·0x1b3 + (h << 40), and h << 40 adds h0 << 8 to
  // limb 2 and h1 << 8 to limb 3. UTF-16 code units are hashed as two bytes each (low byte first).
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
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
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

const hex4 = (x: number): string => x.toString(16).padStart(4, '0');

export const hashValue = (value: unknown): string => hashString(canonicalJson(value));

// The log and the turn history are append-only lists of frozen entries, so their part of a state hash
// is a running digest:
// d(0) = "", d(k) = hashString(d(k−1) + canonical text of entry k). Each entry remembers the digest up
// to itself (and its index), so hashing a state after every turn only hashes the entries added since.
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
    digest = hashString(digest + canonicalJson(entry));
    if (typeof entry === 'object' && entry !== null && Object.isFrozen(entry)) entryDigest.set(entry, { index: i, digest });
  }
  return digest;
}
