import type * as z from 'zod/mini';

export interface ScenarioError {
  /** JSON path in the file, e.g. `roles[2].budget`. Empty for the whole file. */
  path: string;
  /** A plain sentence a scenario author can act on. */
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'string') return value.length > 40 ? `a text of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const KIND_WORDS: Record<string, string> = { int: 'whole number', string: 'text', array: 'list', boolean: 'true or false', object: 'object', number: 'number' };
const article = (kind: string): string => {
  const word = KIND_WORDS[kind] ?? kind;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
};

/** zod/mini's message for an issue whose schema gave none (no locale is loaded, see schema.ts). */
const UNWORDED = 'Invalid input';
/** An issue's own message: the one its schema gave, or null. */
const given = (issue: { message: string }): string | null => (issue.message === UNWORDED ? null : issue.message);

/** Turns one zod issue into the plain message of the file format's documentation. */
export function issueToError(issue: z.core.$ZodIssue): ScenarioError {
  const input = (issue as { input?: unknown }).input;
  // An unknown field is reported at the field itself.
  const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  return { path: formatPath(at), message: issueMessage(issue, input) };
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `is missing (expected ${article(String(issue.expected))})`;
      return `expected ${article(String(issue.expected))}, got ${describeValue(input)}`;
    case 'too_small':
      return tooSmall(issue, input);
    case 'too_big':
      return tooBig(issue, input);
    case 'unrecognized_keys': {
      const others = issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).join(', ')})` : '';
      return `unknown field "${issue.keys[0] ?? ''}"${others}: check its spelling against the scenario format`;
    }
    case 'invalid_value':
      if (input === undefined) return `is missing (expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')})`;
      if (issue.path[issue.path.length - 1] === 'formatVersion')
        return `this game reads scenario format version ${issue.values.map(String).join(', ')}, got ${describeValue(input)}`;
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(input)}`;
    case 'invalid_format':
      return `${given(issue) ?? `expected ${issue.format === 'regex' ? 'a text of another form' : `a ${issue.format}`}`}, got ${describeValue(input)}`;
    case 'invalid_union': {
      const fields = input && typeof input === 'object' && !Array.isArray(input) ? Object.keys(input) : [];
      const what = fields.length > 0 ? `an object with the fields ${fields.map((f) => `"${f}"`).join(', ')}` : describeValue(input);
      return `does not match any allowed form: got ${what}; check the field names and values against docs/scenario-format.md`;
    }
    case 'not_multiple_of':
      return `expected a whole number, got ${describeValue(input)}`;
    default:
      return given(issue) ?? `is not valid here (got ${describeValue(input)})`;
  }
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, input: unknown): string {
  const min = String(issue.minimum);
  const own = given(issue);
  if (own) return own;
  if (issue.origin === 'array') {
    const exact = issue.exact ? 'exactly' : 'at least';
    return `expected ${exact} ${min} item${min === '1' ? '' : 's'}, got ${describeValue(input)}`;
  }
  if (issue.origin === 'string') return 'must not be empty';
  return `expected a number ≥ ${min}, got ${describeValue(input)}`;
}

function tooBig(issue: z.core.$ZodIssueTooBig, input: unknown): string {
  const own = given(issue);
  if (own) return own;
  const max = String(issue.maximum);
  if (issue.origin === 'array') return `expected ${issue.exact ? 'exactly' : 'at most'} ${max} items, got ${describeValue(input)}`;
  if (issue.origin === 'string') return `text is too long: at most ${max} characters, got ${typeof input === 'string' ? input.length : '?'}`;
  return `expected a number ≤ ${max}, got ${describeValue(input)}`;
}
