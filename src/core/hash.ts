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

const TWO_32 = 0x100000000;

export function hashString(text: string): string {
  // FNV-1a 64: offset basis 0xcbf29ce484222325, prime 2^40 + 0x1b3. With h = hi·2^32 + lo,
  // h·prime mod 2^64 = lo·0x1b3 + (hi·0x1b3 + carry + (lo << 8))·2^32: every product stays below 2^53.
  let lo = 0x84222325;
  let hi = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Hash UTF-16 code units as two bytes each (low byte first) so every string maps to fixed bytes.
    lo = (lo ^ (c & 0xff)) >>> 0;
    let t = lo * 0x1b3;
    hi = (hi * 0x1b3 + Math.floor(t / TWO_32) + ((lo << 8) >>> 0)) >>> 0;
    lo = t >>> 0;
    lo = (lo ^ (c >>> 8)) >>> 0;
    t = lo * 0x1b3;
    hi = (hi * 0x1b3 + Math.floor(t / TWO_32) + ((lo << 8) >>> 0)) >>> 0;
    lo = t >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

export const hashValue = (value: unknown): string => hashString(canonicalJson(value));
