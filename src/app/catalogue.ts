import { parseScenario, type Scenario, type ScenarioError } from '../core';
import { parseJsonText } from './jsonText';

export type CatalogueEntry =
  | { ok: true; file: string; scenario: Scenario }
  | { ok: false; file: string; errors: ScenarioError[] };

// Every JSON file in scenarios/ is bundled as text and validated by the core's parser, never trusted
// as is: a half-written file shows up in the menu as a broken entry (with line and column) instead of
// breaking the build.
const files = import.meta.glob('../../scenarios/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

export function catalogueFrom(texts: Record<string, string>): CatalogueEntry[] {
  return Object.keys(texts)
    .sort()
    .map((path): CatalogueEntry => {
      const file = path.split('/').pop() ?? path;
      const json = parseJsonText(texts[path]!);
      if (!json.ok) return { ok: false, file, errors: [{ path: `line ${json.line}, column ${json.column}`, message: json.message }] };
      const result = parseScenario(json.value);
      return result.ok ? { ok: true, file, scenario: result.scenario } : { ok: false, file, errors: result.errors };
    });
}

export function loadCatalogue(): CatalogueEntry[] {
  return catalogueFrom(files);
}
