import { describe, expect, it } from 'vitest';
import { buildLink, decodeLink, encodeLink, MAX_LINK_LENGTH, toBase64Url, type LinkPayload } from '../../src/app/shareLink';

const payload: LinkPayload = {
  v: 1, kind: 'replay', scenario: 'first-contract', seed: '1234',
  seats: { poland: { kind: 'human' }, korea: { kind: 'bot', level: 'standard' } },
  actions: [{ type: 'endPhase', role: 'poland' }, { type: 'chooseEventOption', role: 'poland', option: 1 }],
};

describe('share links', () => {
  it('round-trip scenario, seed, seats and the action log through deflate and base64url', async () => {
    const fragment = await encodeLink(payload);
    expect(fragment).toMatch(/^game=[A-Za-z0-9_-]+$/);
    expect(await decodeLink(`#${fragment}`)).toEqual({ ok: true, payload });
  });

  it('compress a long action log well below its JSON size', async () => {
    const actions = Array.from({ length: 400 }, (_, i) => ({ type: 'endPhase' as const, role: i % 2 ? 'poland' : 'korea' }));
    const fragment = await encodeLink({ ...payload, actions });
    expect(fragment.length).toBeLessThan(JSON.stringify(actions).length / 5);
  });

  it('fall back when the link would be too long for a URL', async () => {
    const actions = Array.from({ length: 6000 }, (_, i) => ({ type: 'playMove' as const, role: 'poland', move: `m${(i * 7919) % 9973}`, target: `t${(i * 104729) % 7919}` }));
    const result = await buildLink('http://127.0.0.1:5173/', { ...payload, actions });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.length).toBeGreaterThan(MAX_LINK_LENGTH);
  });

  it('ignore a page address without a game link', async () => {
    expect(await decodeLink('')).toBeNull();
    expect(await decodeLink('#other=1')).toBeNull();
  });

  it.each([
    ['characters a link cannot have', '#game=abc$%^', /contains characters a link cannot have/],
    ['a truncated link', 'truncate', /incomplete or damaged/],
    ['contents that are not JSON', 'notjson', /contents are not readable/],
    ['a payload from another version', 'version', /cannot be used: v: .*newer or different version/],
  ])('explain %s plainly', async (_name, kind, message) => {
    let fragment = kind.startsWith('#') ? kind : '';
    if (kind === 'truncate') {
      const full = await encodeLink(payload);
      fragment = `#${full.slice(0, full.length - 12)}`;
    }
    if (kind === 'notjson' || kind === 'version') {
      const text = kind === 'notjson' ? 'not json at all' : JSON.stringify({ ...payload, v: 2 });
      const bytes = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());
      fragment = `#game=${toBase64Url(bytes)}`;
    }
    const result = await decodeLink(fragment);
    expect(result?.ok).toBe(false);
    if (result && !result.ok) expect(result.message).toMatch(message);
  });
});
