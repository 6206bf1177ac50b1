import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, type Scenario, type Seats } from '../../src/core';
import { playGame } from '../../src/bots';
import { encodeLink, MAX_LINK_LENGTH } from '../../src/app/shareLink';
import { fileFallbackText, isShipped, openLink, shareFor } from '../../src/app/linkStart';

const load = (id: string): Scenario => {
  const p = parseScenario(JSON.parse(readFileSync(join(__dirname, `../../scenarios/${id}.json`), 'utf8')));
  if (!p.ok) throw new Error(`${id} does not parse`);
  return p.scenario;
};
const first = load('first-contract');
const shipped = [first, load('hotline')];
const seats: Seats = { poland: { kind: 'human' }, korea: { kind: 'bot', level: 'standard' } };
const base = 'https://example.org/forge/';

describe('starting from a share link', () => {
  it('gives nothing to do for a page without a game link', async () => {
    expect(await openLink('', shipped)).toBeNull();
    expect(await openLink('#other=1', shipped)).toBeNull();
  });

  it('starts the same game: scenario, seed and seats', async () => {
    const made = await shareFor(base, { scenario: first, seed: 'link-seed', seats }, shipped);
    expect(made.kind).toBe('link');
    if (made.kind !== 'link') return;
    const opened = await openLink(new URL(made.url).hash, shipped);
    expect(opened).toEqual({ ok: true, start: { kind: 'play', scenario: first, seed: 'link-seed', seats } });
  });

  it('opens a replay with its action log', async () => {
    const botSeats: Seats = { poland: { kind: 'bot', level: 'easy' }, korea: { kind: 'bot', level: 'easy' } };
    const game = playGame(first, 'link-replay', botSeats, { maxActions: 30 });
    const made = await shareFor(base, { scenario: first, seed: 'link-replay', seats: botSeats, actions: game.actions }, shipped);
    if (made.kind !== 'link') throw new Error('expected a link');
    const opened = await openLink(new URL(made.url).hash, shipped);
    expect(opened?.ok && opened.start.kind === 'replay' ? opened.start.actions : null).toEqual(game.actions);
  });

  it('says plainly what is wrong with a broken, truncated or foreign link', async () => {
    const good = await encodeLink({ v: 1, kind: 'play', scenario: 'first-contract', seed: 's', seats });
    const cut = await openLink(`#${good.slice(0, good.length - 12)}`, shipped);
    expect(cut).toMatchObject({ ok: false });
    expect(cut && !cut.ok ? cut.message : '').toMatch(/incomplete|damaged/);
    expect(await openLink('#game=%%%', shipped)).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    const unknown = await openLink(`#${await encodeLink({ v: 1, kind: 'play', scenario: 'not-here', seed: 's', seats: {} })}`, shipped);
    expect(unknown).toMatchObject({ ok: false, message: expect.stringContaining('does not include') });
    const badRole = await openLink(`#${await encodeLink({ v: 1, kind: 'play', scenario: 'first-contract', seed: 's', seats: { ...seats, mars: { kind: 'human' } } })}`, shipped);
    expect(badRole).toMatchObject({ ok: false, message: expect.stringContaining('mars') });
    const missing = await openLink(`#${await encodeLink({ v: 1, kind: 'play', scenario: 'first-contract', seed: 's', seats: { poland: { kind: 'human' } } })}`, shipped);
    expect(missing).toMatchObject({ ok: false, message: expect.stringContaining('South Korea') });
    const refused = await openLink(`#${await encodeLink({ v: 1, kind: 'replay', scenario: 'first-contract', seed: 's', seats, actions: [{ type: 'endPhase', role: 'korea' }] })}`, shipped);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('action 1') });
  });

  it('falls back to a file for a custom scenario or a link too long', async () => {
    const custom = { ...first, title: 'My own contract' };
    expect(isShipped(custom, shipped)).toBe(false);
    const made = await shareFor(base, { scenario: custom, seed: 's', seats }, shipped);
    expect(made).toEqual({ kind: 'file', why: 'custom' });
    expect(fileFallbackText({ kind: 'file', why: 'custom' }, 'x.replay.json')).toContain('loaded from a file');
    const long = await shareFor(`${base}${'x'.repeat(MAX_LINK_LENGTH)}`, { scenario: first, seed: 's', seats, actions: [] }, shipped);
    expect(long).toMatchObject({ kind: 'file', why: 'tooLong' });
    if (long.kind === 'file') expect(fileFallbackText(long, 'x.replay.json')).toContain('too long');
  });
});
