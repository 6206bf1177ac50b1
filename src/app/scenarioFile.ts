import { parseScenario, type Scenario, type ScenarioError } from '../core';
import { jsonProblem, parseJsonText, pathOrWhole } from './jsonText';

// A scenario file (shipped, or chosen from disk) goes through the core's parser; its problems come
// back with their JSON paths (or the line and column where the JSON itself breaks).

export type ScenarioFileResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** A scenario file's text → the scenario, or its problems. */
export function scenarioFromText(text: string): ScenarioFileResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, errors: [jsonProblem(json)] };
  const result = parseScenario(json.value);
  return result.ok ? { ok: true, scenario: result.scenario } : { ok: false, errors: result.errors };
}

/** A scenario file chosen from disk; a problem of the file as a whole is named so. */
export function readScenarioText(text: string): ScenarioFileResult {
  const read = scenarioFromText(text);
  return read.ok ? read : { ok: false, errors: read.errors.map((e) => ({ path: pathOrWhole(e.path), message: e.message })) };
}
