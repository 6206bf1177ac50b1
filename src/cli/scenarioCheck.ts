import { readFileSync } from 'node:fs';
import { parseScenario } from '../core';
import { parseJsonText } from '../app/jsonText';

// npm run scenario:check -- FILE...
// Prints "OK <id>" per valid file; "FILE: path: message" per problem (exit 1);
// a file that cannot be read or is not JSON: "FILE:line:column: message" (exit 2). Never a stack trace.

export interface CheckOutcome { lines: string[]; exitCode: 0 | 1 | 2 }

export function checkScenarioFiles(files: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): CheckOutcome {
  const lines: string[] = [];
  let exitCode: 0 | 1 | 2 = 0;
  if (files.length === 0) return { lines: ['Usage: npm run scenario:check -- FILE.json [FILE.json ...]'], exitCode: 2 };
  for (const file of files) {
    let text: string;
    try {
      text = read(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      lines.push(`${file}: cannot be read (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code ?? 'unknown error'})`);
      exitCode = 2;
      continue;
    }
    const json = parseJsonText(text);
    if (!json.ok) {
      lines.push(`${file}:${json.line}:${json.column}: not valid JSON: ${json.message}`);
      exitCode = 2;
      continue;
    }
    const result = parseScenario(json.value);
    if (result.ok) {
      lines.push(`OK ${result.scenario.id}`);
      continue;
    }
    for (const error of result.errors) lines.push(`${file}: ${error.path || '(whole file)'}: ${error.message}`);
    if (exitCode === 0) exitCode = 1;
  }
  return { lines, exitCode };
}

const isMain = process.argv[1] !== undefined && /scenarioCheck\.[tj]s$/.test(process.argv[1]);
if (isMain) {
  try {
    const { lines, exitCode } = checkScenarioFiles(process.argv.slice(2));
    for (const line of lines) (exitCode === 0 ? process.stdout : line.startsWith('OK ') ? process.stdout : process.stderr).write(`${line}\n`);
    process.exitCode = exitCode;
  } catch (e) {
    process.stderr.write(`scenario:check failed unexpectedly: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
