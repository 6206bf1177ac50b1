// Reads JSON text from outside (scenario files, replays, saves) and, when it is broken, says where:
// line and column of the first problem, in words a person can act on.

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/** The value of JSON text, or undefined when it is not JSON (no JSON text has undefined for a value). */
export function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Anything that is a JSON object (not null, not a list). */
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Where broken JSON breaks, as a problem with its place for a path. */
export const jsonProblem = (json: { line: number; column: number; message: string }): { path: string; message: string } =>
  ({ path: `line ${json.line}, column ${json.column}`, message: json.message });

/** A problem with no path concerns the file as a whole, and is named so. */
export const pathOrWhole = (path: string): string => path || '(the whole file)';

export function parseJsonText(text: string): JsonTextResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const { offset, message } = locateJsonError(text);
    const before = text.slice(0, offset).split('\n');
    return { ok: false, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1, message };
  }
}

/** A small JSON scanner used only to find where JSON.parse gave up (engines word this differently). */
export function locateJsonError(text: string): { offset: number; message: string } {
  let i = 0;
  const fail = (message: string): never => { throw { offset: i, message }; };
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++; };
  const literal = (word: string) => { if (text.startsWith(word, i)) i += word.length; else fail('expected a value (a number, text in double quotes, true, false, null, a list or an object)'); };
  const str = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('a line break or control character inside text; close the text with a double quote first');
      i++;
    }
    if (i >= text.length) fail('text that is never closed with a double quote');
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail('a malformed number');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'a comma before a closing brace: remove the last comma' : 'expected a field name in double quotes');
        str(); ws();
        if (text[i] !== ':') fail('expected a colon after the field name');
        i++; value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail('expected a comma or a closing brace');
      }
    }
    if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (text[i] === ',') { i++; ws(); if (text[i] === ']') fail('a comma before a closing bracket: remove the last comma'); continue; }
        if (text[i] === ']') { i++; return; }
        fail('expected a comma or a closing bracket');
      }
    }
    if (c === '"') return str();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === undefined) fail('the file ends too early: something is not closed');
    fail('expected a value (a number, text in double quotes, true, false, null, a list or an object)');
  };
  try {
    value(); ws();
    if (i < text.length) fail('unexpected text after the end of the JSON value');
    return { offset: 0, message: 'not valid JSON' };
  } catch (e) {
    const found = e as { offset: number; message: string };
    return { offset: Math.min(found.offset, text.length), message: found.message };
  }
}
