import type { Scenario, ScenarioError } from '../core';
import { scenarioFromText } from './scenarioFile';

export type CatalogueEntry =
  | { ok: true; file: string; scenario: Scenario }
  | { ok: false; file: string; errors: ScenarioError[] };

/** A scenario file's text, or why it could not be read. */
export type FileText = string | { unreadable: string };
export type ReadText = (url: string) => Promise<string>;

// Scenarios are data, not code: each JSON file in scenarios/ is emitted as a file of its own (the
// bundle holds only its URL) and fetched before the menu is built. Every file is validated by the
// core's parser, never trusted as is: a half-written or missing file shows up in the menu as a
// broken entry (with line and column, or why it could not be loaded) instead of breaking the game.
const shippedFiles = import.meta.glob('../../scenarios/*.json', { eager: true, query: '?url', import: 'default' }) as Record<string, string>;

export function catalogueFrom(texts: Record<string, FileText>): CatalogueEntry[] {
  return Object.keys(texts)
    .sort()
    .map((path): CatalogueEntry => {
      const file = path.split('/').pop() ?? path;
      const text = texts[path]!;
      if (typeof text !== 'string') return { ok: false, file, errors: [{ path: 'file', message: text.unreadable }] };
      return { file, ...scenarioFromText(text) };
    });
}

const fetchText: ReadText = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  return response.text();
};

/** Reads every file (by default the shipped ones, over the network) at once; a failed read becomes a broken entry. */
export async function readCatalogue(read: ReadText = fetchText, files: Record<string, string> = shippedFiles): Promise<CatalogueEntry[]> {
  const texts = await Promise.all(Object.entries(files).map(async ([path, url]): Promise<[string, FileText]> => {
    try {
      return [path, await read(url)];
    } catch (e) {
      const why = e instanceof Error && e.message ? e.message : String(e);
      return [path, { unreadable: `could not be loaded (${why}); reload the page, and if it stays, the game's files on the server are incomplete` }];
    }
  }));
  return catalogueFrom(Object.fromEntries(texts));
}

let loaded: CatalogueEntry[] | null = null;
let loading: Promise<CatalogueEntry[]> | null = null;

/** Loads the catalogue once (the Preloader waits for it); later calls share the same load. */
export function fetchCatalogue(read: ReadText = fetchText): Promise<CatalogueEntry[]> {
  loading ??= readCatalogue(read).then((entries) => (loaded = entries));
  return loading;
}

/** The scenarios that ship with the game and read without a problem. */
export const shippedScenarios = (): Scenario[] => loadCatalogue().flatMap((e) => (e.ok ? [e.scenario] : []));

/** The loaded catalogue, for scenes after the Preloader. */
export function loadCatalogue(): CatalogueEntry[] {
  if (!loaded) throw new Error('The scenario catalogue is not loaded yet: the Preloader fetches it (fetchCatalogue) before the menu.');
  return loaded;
}
