import { scenarioSchema, type Scenario } from './schema';
import { issueToError, type ScenarioError } from './messages';
import { checkReferences } from './references';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** The only way untrusted JSON becomes a Scenario: shape and ranges first, then cross-references. */
export function parseScenario(json: unknown): ScenarioResult {
  const parsed = scenarioSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(issueToError) };
  const errors = checkReferences(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}
