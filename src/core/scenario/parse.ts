import { scenarioSchema, type Scenario } from './schema';
import { issueToError, type ScenarioError } from './messages';
import { checkReferences } from './references';

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** The only way untrusted JSON becomes a Scenario: shape and ranges first, then cross-references. */
export function parseScenario(json: unknown): ScenarioResult {
  const parsed = scenarioSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    // A value of the wrong type gets that one message: zod still runs a list's length checks on text
    // (it has a length too), which would add "must not be empty" or "at least N items" beside it.
    const errors = parsed.error.issues.map(issueToError);
    const wrongType = new Set(errors.filter((_, i) => parsed.error.issues[i]!.code === 'invalid_type').map((e) => e.path));
    return { ok: false, errors: errors.filter((e, i) => parsed.error.issues[i]!.code === 'invalid_type' || !wrongType.has(e.path)) };
  }
  const errors = checkReferences(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}
