import * as z from 'zod/mini';
import { issueToError, type Action, type Seats } from '../core';
import { actionLogSchema, seatSchema } from './actionSchema';
import { readJson } from './jsonText';

// Share links carry a scenario id, seed, seats and, for replays, the action log — compressed with
// the browser's CompressionStream (deflate) and written in base64url after `#game=`.

export const LINK_PARAM = 'game';
/** Longer links are unreliable to paste and share; past this the game offers a file instead. */
export const MAX_LINK_LENGTH = 8000;

export const linkPayloadSchema = z.strictObject({
  v: z.literal(1),
  /** play: start this game; replay: watch this log; session: a class session for the projector. */
  kind: z.literal(['play', 'replay', 'session']),
  scenario: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/)),
  seed: z.string().check(z.minLength(1), z.maxLength(64)),
  seats: z.record(z.string().check(z.maxLength(40)), seatSchema),
  actions: z.optional(actionLogSchema),
});

export interface LinkPayload {
  v: 1;
  kind: 'play' | 'replay' | 'session';
  scenario: string;
  seed: string;
  seats: Seats;
  actions?: Action[];
}

export type LinkResult = { ok: true; payload: LinkPayload } | { ok: false; message: string };

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    // atob reads base64 without its padding (the forgiving decoder of the HTML standard).
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The fragment for a payload (`game=…`), without the leading '#'. */
export async function encodeLink(payload: LinkPayload): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return `${LINK_PARAM}=${toBase64Url(await pipe(bytes, new CompressionStream('deflate')))}`;
}

/** A whole link, or null with the reason when it would be too long for a URL. */
export async function buildLink(base: string, payload: LinkPayload): Promise<{ ok: true; url: string } | { ok: false; length: number }> {
  const url = `${base.split('#')[0]}#${await encodeLink(payload)}`;
  return url.length <= MAX_LINK_LENGTH ? { ok: true, url } : { ok: false, length: url.length };
}

/** Reads a link's fragment; a broken or truncated link gets a plain message, never an exception. */
export async function decodeLink(fragment: string): Promise<LinkResult | null> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const data = params.get(LINK_PARAM);
  if (data === null) return null;
  const bytes = fromBase64Url(data);
  if (!bytes || bytes.length === 0) return { ok: false, message: 'This game link is damaged: it contains characters a link cannot have. Ask for the link again.' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate')));
  } catch {
    return { ok: false, message: 'This game link is incomplete or damaged (perhaps cut off when it was copied). Ask for the link again.' };
  }
  const json = readJson(text);
  if (json === undefined) return { ok: false, message: 'This game link is damaged: its contents are not readable. Ask for the link again.' };
  const parsed = linkPayloadSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const { path, message } = issueToError(parsed.error.issues[0]!);
    return { ok: false, message: `This game link cannot be used: ${path ? `${path}: ` : ''}${message}. It may come from a newer or different version of the game.` };
  }
  return { ok: true, payload: parsed.data as LinkPayload };
}
