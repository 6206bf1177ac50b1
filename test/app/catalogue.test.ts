import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueFrom, fetchCatalogue, loadCatalogue, readCatalogue } from '../../src/app/catalogue';

// The browser fetches each scenario file from the URL the build gave it; here the same URLs are read
// from disk (in tests they are the files' paths from the project root, as the dev server serves them).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fromDisk = (url: string): Promise<string> => readFile(ROOT + url.replace(/^\//, '').split('?')[0], 'utf8');

describe('scenario catalogue', () => {
  beforeAll(async () => {
    await fetchCatalogue(fromDisk);
  });

  it('loads every shipped scenario file as a valid scenario', () => {
    const entries = loadCatalogue();
    expect(entries.map((e) => e.file)).toContain('first-contract.json');
    expect(entries.length).toBeGreaterThanOrEqual(7);
    for (const e of entries) expect(e.ok, e.file).toBe(true);
  });

  it('ships the scenario files as URLs of their own, not as text in the code', async () => {
    const urls: string[] = [];
    await readCatalogue(async (url) => { urls.push(url); return fromDisk(url); });
    expect(urls.length).toBe(loadCatalogue().length);
    for (const url of urls) expect(url).toMatch(/scenarios\/[a-z0-9-]+\.json$/);
  });

  it('lists a half-written file as broken, with line and column, next to the good ones', () => {
    const good = loadCatalogue().find((e) => e.ok && e.file === 'first-contract.json');
    if (!good?.ok) throw new Error('first-contract missing');
    const entries = catalogueFrom({ '/s/a.json': JSON.stringify(good.scenario), '/s/b.json': '{\n  "id": "x",\n  "title": ' });
    expect(entries[0]).toMatchObject({ ok: true, file: 'a.json' });
    expect(entries[1]).toMatchObject({ ok: false, file: 'b.json' });
    if (entries[1]!.ok) throw new Error('unreachable');
    expect(entries[1]!.errors[0]!.path).toBe('line 3, column 12');
  });

  it('lists valid JSON that is not a scenario with the path of each problem', () => {
    const [entry] = catalogueFrom({ '/s/c.json': '{"id": 3}' });
    expect(entry!.ok).toBe(false);
    if (entry!.ok) throw new Error('unreachable');
    expect(entry!.errors.some((e) => e.path === 'id')).toBe(true);
  });

  it('lists a file that cannot be fetched as broken, with the reason, and still loads the others', async () => {
    const files = { '../../scenarios/first-contract.json': '/scenarios/first-contract.json', '../../scenarios/gone.json': '/scenarios/gone.json' };
    const entries = await readCatalogue(async (url) => {
      if (url.endsWith('gone.json')) throw new Error('HTTP 404 Not Found');
      return fromDisk(url);
    }, files);
    expect(entries.map((e) => [e.file, e.ok])).toEqual([['first-contract.json', true], ['gone.json', false]]);
    if (entries[1]!.ok) throw new Error('unreachable');
    expect(entries[1]!.errors).toEqual([{ path: 'file', message: expect.stringMatching(/^could not be loaded \(HTTP 404 Not Found\); reload the page/) }]);
  });
});
