import { parseScenario, type Scenario, type ScenarioError } from '../core';

export type CatalogueEntry =
  | { ok: true; file: string; scenario: Scenario }
  | { ok: false; file: string; errors: ScenarioError[] };

// Every JSON file in scenarios/ is bundled and validated by the core's parser, never trusted as is.
const files = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

export function loadCatalogue(): CatalogueEntry[] {
  return Object.keys(files)
    .sort()
    .map((path) => {
      const file = path.split('/').pop() ?? path;
      const result = parseScenario(files[path]);
      return result.ok ? { ok: true, file, scenario: result.scenario } : { ok: false, file, errors: result.errors };
    });
}
