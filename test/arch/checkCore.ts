import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The rules core stays pure: it imports only immer, seedrandom, zod (scenario validation, pure and
// deterministic) and itself, and touches no clock, no global randomness, no DOM and no globalThis.
export const ALLOWED_PACKAGES = ['immer', 'seedrandom', 'zod'] as const;
const FORBIDDEN_FOLDERS = ['app', 'scenes', 'view', 'ui', 'bots', 'cli'];

export interface Violation { file: string; line: number; rule: string; text: string }

const RULES: { rule: string; pattern: RegExp }[] = [
  { rule: 'uses Math.random', pattern: /\bMath\s*\.\s*random\b/ },
  { rule: 'uses Date', pattern: /\bDate\b/ },
  { rule: 'uses window', pattern: /\bwindow\b/ },
  { rule: 'uses document', pattern: /\bdocument\b/ },
  { rule: 'uses performance timers', pattern: /\bperformance\s*\.\s*now\b/ },
  // Shared global state (and instrumentation left in by a profiling session) has no place in the rules.
  { rule: 'uses globalThis', pattern: /\bglobalThis\b/ },
];

/** Strips comments and string contents so that words in prose do not count. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, (m) => `'${' '.repeat(Math.max(0, m.length - 2))}'`)
    .replace(/`(?:[^`\\]|\\.)*`/g, (m) => m.replace(/[^\n$`{}]/g, ' '));
}

export function checkSource(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  const lines = source.split('\n');
  const code = codeOnly(source).split('\n');
  const importRe = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/;
  lines.forEach((line, i) => {
    const m = importRe.exec(line);
    if (m) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
      if (spec.startsWith('.')) {
        const parts = spec.split('/');
        if (parts.some((p) => FORBIDDEN_FOLDERS.includes(p)) && parts.includes('..'))
          out.push({ file, line: i + 1, rule: `imports ${spec} from outside the core`, text: line.trim() });
      } else {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!(ALLOWED_PACKAGES as readonly string[]).includes(pkg))
          out.push({ file, line: i + 1, rule: `imports the package ${pkg}`, text: line.trim() });
      }
    }
    for (const { rule, pattern } of RULES)
      if (pattern.test(code[i] ?? '')) out.push({ file, line: i + 1, rule, text: line.trim() });
  });
  return out;
}

export function checkTree(dir: string, root = dir): Violation[] {
  const out: Violation[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...checkTree(path, root));
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(...checkSource(relative(root, path), readFileSync(path, 'utf8')));
  }
  return out;
}
