import { parseScenario, type Scenario } from '../core';
import { parseJsonText } from './jsonText';

// A scenario file chosen from disk goes through the same parser as the bundled ones; its problems
// come back with their JSON paths (or the line and column where the JSON itself breaks).

export type ScenarioFileResult = { ok: true; scenario: Scenario } | { ok: false; problems: { where: string; message: string }[] };

export function readScenarioText(text: string): ScenarioFileResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, problems: [{ where: `line ${json.line}, column ${json.column}`, message: json.message }] };
  const result = parseScenario(json.value);
  if (result.ok) return { ok: true, scenario: result.scenario };
  return { ok: false, problems: result.errors.map((e) => ({ where: e.path || '(the whole file)', message: e.message })) };
}
