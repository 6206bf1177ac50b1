// A stable hash of plain data: canonical JSON (object keys sorted) through 64-bit FNV-1a built from
// two 32-bit halves with Math.imul, so Node and every browser give the same 16 hex digits.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return value === undefined ? 'null' : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function hashString(text: string): string {
  // FNV-1a 64: offset basis 0xcbf29ce484222325, prime 0x100000001b3, in 16-bit limbs.
  let h0 = 0x2325, h1 = 0x8422, h2 = 0x9ce4, h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    // Hash UTF-16 code units as two bytes each so every string maps to a fixed byte sequence.
    for (let byte = 0; byte < 2; byte++) {
      h0 ^= c & 0xff;
      c >>>= 8;
      const t0 = h0 * 0x1b3, t1 = h1 * 0x1b3, t2 = h2 * 0x1b3, t3 = h3 * 0x1b3;
      const s2 = t2 + (h0 << 8);
      const s3 = t3 + (h1 << 8);
      const n1 = t1 + (t0 >>> 16);
      const n2 = s2 + (n1 >>> 16);
      h3 = (s3 + (n2 >>> 16)) & 0xffff;
      h2 = n2 & 0xffff;
      h1 = n1 & 0xffff;
      h0 = t0 & 0xffff;
    }
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

export const hashValue = (value: unknown): string => hashString(canonicalJson(value));
