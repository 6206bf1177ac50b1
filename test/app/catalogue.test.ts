import { describe, expect, it } from 'vitest';
import { catalogueFrom, loadCatalogue } from '../../src/app/catalogue';

describe('scenario catalogue', () => {
  it('loads every shipped scenario file as a valid scenario', () => {
    const entries = loadCatalogue();
    expect(entries.map((e) => e.file)).toContain('first-contract.json');
    expect(entries.length).toBeGreaterThanOrEqual(7);
    for (const e of entries) expect(e.ok, e.file).toBe(true);
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
});
