// `web-ext lint` (Mozilla's addons-linter, as addons.mozilla.org runs it) on
// the firefox-mv3 build. Errors always fail; a warning fails unless it is on
// the list below with the reason it does not matter and a check that the
// reason still holds. Notices are printed, never fatal.
//
//   npx tsx scripts/lint-firefox.ts [build dir]   (default: $POLICYLENS_OUT or .output, /firefox-mv3)

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export interface LintMessage {
  _type: 'error' | 'warning' | 'notice';
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
  column?: number;
}

interface LinterOutput {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** A warning that does not matter, the reason, and checks that the reason holds for this build. */
interface AcceptedWarning {
  code: string;
  reason: string;
  /** True when the flagged code (the text at the warning's line and column) is the accepted kind. */
  flags: (code: string) => boolean;
  /** Returns why the reason does not hold (the warning then fails), or undefined. */
  stillHolds?: (projectRoot: string) => string | undefined;
}

const SOURCE_DIRS = ['entrypoints', 'components', 'extension', 'lib'];
const SOURCE_FILE = /\.(ts|tsx|js|jsx|html)$/;

function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE_FILE.test(name)) files.push(path);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  return files;
}

/** Our own sources that set HTML from a string: then an innerHTML warning is ours and matters. */
export function ownHtmlSinks(root: string): string | undefined {
  const sink = /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/;
  const found = sourceFiles(root).filter((file) => sink.test(readFileSync(file, 'utf8')));
  return found.length ? `our sources set HTML from strings: ${found.map((f) => relative(root, f)).join(', ')}` : undefined;
}

/** Readability is handed a copy of the page, never the page: then the HTML it sets lands in a document nothing loads or runs in. */
function readabilityReadsACopy(root: string): string | undefined {
  const users = sourceFiles(root).filter((file) => /@mozilla\/readability/.test(readFileSync(file, 'utf8')));
  const reader = join(root, 'extension/sources/read-article.ts');
  if (users.length !== 1 || users[0] !== reader) {
    return `Readability must be used in extension/sources/read-article.ts alone, found in: ${users.map((f) => relative(root, f)).join(', ')}`;
  }
  const code = readFileSync(reader, 'utf8');
  return /const clone = document\.cloneNode\(true\)[^\n]*\n[\s\S]*new Readability<Node>\(clone\b/.test(code)
    ? undefined
    : 'extension/sources/read-article.ts no longer hands Readability a clone of the document';
}

/** pdf.js gets the file's bytes, the worker file and the CMaps of the extension, never an address elsewhere to load from. */
function pdfjsLoadsNothing(root: string): string | undefined {
  const path = join(root, 'extension/sources/read-pdf.ts');
  const code = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (!/import workerUrl from 'pdfjs-dist\/build\/pdf\.worker\.min\.mjs\?url'/.test(code)) {
    return "extension/sources/read-pdf.ts no longer takes pdf.js's worker from the build";
  }
  if (/\b(url|wasmUrl|iccUrl|standardFontDataUrl)\s*:/.test(code)) return 'extension/sources/read-pdf.ts gives pdf.js an address to load from';
  const cMapUrls = [...code.matchAll(/\bcMapUrl\s*:\s*([^\n]*)/g)].map((m) => m[1]!.trim());
  if (cMapUrls.some((url) => url !== "new URL('/pdfjs/cmaps/', location.origin).href,")) {
    return "extension/sources/read-pdf.ts gives pdf.js a CMap address outside the extension's own pdfjs/cmaps/";
  }
  return undefined;
}

export const ACCEPTED_WARNINGS: AcceptedWarning[] = [
  {
    // Preact's DOM diff assigns innerHTML only for the dangerouslySetInnerHTML
    // prop (`dom.innerHTML = value.__html`); the linter flags that line in
    // any bundle that contains Preact. It matters only if our code uses the
    // prop or another HTML sink, which the second check rules out.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    reason: "Preact's dangerouslySetInnerHTML branch; no source of ours sets HTML from a string",
    flags: (code) => /^[\w$.]*\.innerHTML=[\w$]+\.__html\b/.test(code),
    stillHolds: ownHtmlSinks,
  },
  {
    // Readability (read-page.js, and the file reader's .html path) sets
    // innerHTML twice: to put back the markup it saved from the same document
    // before another attempt at finding the article, and to copy a <noscript>
    // image's markup into a new element of that document. The document is a
    // clone of the page (or a DOMParser document of a file): it has no
    // browsing context, so nothing set there runs or loads.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    reason: "Readability's own innerHTML, on the copy of the page it is given (markup from that copy), where nothing runs or loads",
    flags: (code) => /^[\w$]+\.innerHTML=[\w$]+,this\._attempts\.push\(/.test(code) || /^[\w$]+\.innerHTML=[\w$]+\.innerHTML;var [\w$]+=[\w$]+\.previousElementSibling;/.test(code),
    stillHolds: readabilityReadsACopy,
  },
  {
    // pdf.js imports a computed address in two places we never reach: its
    // fallback when its worker cannot start (import of GlobalWorkerOptions.workerSrc,
    // the extension's own worker file) and the JavaScript fallbacks of its
    // wasm image decoders (under the wasmUrl option, which we never set).
    code: 'UNSAFE_VAR_ASSIGNMENT',
    reason: "pdf.js's import() of its own worker file (fallback) or of image decoders under wasmUrl (never set)",
    flags: (code) =>
      /^import\(this\.workerSrc\)\)\.WorkerMessageHandler/.test(code) ||
      /^import\(\s*(\/\*[^*]*\*\/\s*)*`\$\{WasmImage\.#[\w$]+\}\$\{this\._noWasmFilename\}`\)/.test(code),
    stillHolds: pdfjsLoadsNothing,
  },
];

/** The bundled code a message points at, from its column on (first 200 characters, over line ends). */
function flaggedCode(buildDir: string, m: LintMessage): string {
  if (!m.file || !m.line) return '';
  const path = join(buildDir, m.file);
  if (!existsSync(path)) return '';
  const rest = readFileSync(path, 'utf8').split('\n').slice(m.line - 1).join('\n');
  // addons-linter's columns count from 1 and point at the start of the assignment's target.
  const start = Math.max(0, (m.column ?? 1) - 1);
  return rest.slice(start, start + 200);
}

function describe(m: LintMessage): string {
  const where = m.file ? ` ${m.file}${m.line ? `:${m.line}` : ''}${m.column ? `:${m.column}` : ''}` : '';
  return `${m._type.toUpperCase()} ${m.code}${where}: ${m.message}`;
}

export interface LintVerdict {
  errors: LintMessage[];
  /** Warnings that fail the lint. */
  blocking: LintMessage[];
  accepted: { warning: LintMessage; reason: string }[];
  notices: LintMessage[];
  /** Lines to print: every message, with why an accepted one is accepted. */
  report: string[];
}

/** Sorts the linter's messages into what fails and what is accepted. */
export function judge(output: LinterOutput, buildDir: string, projectRoot: string): LintVerdict {
  const blocking: LintMessage[] = [];
  const accepted: LintVerdict['accepted'] = [];
  const report = output.errors.map(describe);
  for (const warning of output.warnings) {
    const code = flaggedCode(buildDir, warning);
    const rule = ACCEPTED_WARNINGS.find((r) => r.code === warning.code && r.flags(code));
    const broken = rule?.stillHolds?.(projectRoot);
    if (rule && !broken) {
      accepted.push({ warning, reason: rule.reason });
      report.push(`${describe(warning)}\n  accepted: ${rule.reason}`);
    } else {
      blocking.push(warning);
      report.push(broken ? `${describe(warning)}\n  not accepted: ${broken}` : describe(warning));
    }
  }
  report.push(...output.notices.map(describe));
  return { errors: output.errors, blocking, accepted, notices: output.notices, report };
}

/** Runs `web-ext lint` on a built extension and judges its messages. */
export async function lintFirefoxBuild(buildDir: string, projectRoot = process.cwd()): Promise<LintVerdict> {
  if (!existsSync(join(buildDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${buildDir}: run POLICYLENS_OUT=… npx wxt build -b firefox first`);
  }
  const bin = resolve(projectRoot, 'node_modules/.bin/web-ext');
  // Without --self-hosted: lint as addons.mozilla.org would, store checks included.
  const args = ['lint', '--source-dir', buildDir, '--output', 'json', '--no-config-discovery'];
  const stdout = await promisify(execFile)(bin, args, { maxBuffer: 64 * 1024 * 1024 }).then(
    (result) => result.stdout,
    // web-ext exits non-zero when there are errors; the JSON is on stdout all the same.
    (error: { stdout?: string; message: string }) => {
      if (error.stdout) return error.stdout;
      throw new Error(`web-ext lint did not run: ${error.message}`);
    },
  );
  return judge(JSON.parse(stdout) as LinterOutput, buildDir, projectRoot);
}

async function main() {
  const buildDir = resolve(process.argv[2] ?? join(process.env.POLICYLENS_OUT ?? '.output', 'firefox-mv3'));
  const verdict = await lintFirefoxBuild(buildDir);
  for (const line of verdict.report) console.log(line);
  const failing = verdict.errors.length + verdict.blocking.length;
  console.log(
    `web-ext lint ${buildDir}: ${verdict.errors.length} errors, ${verdict.blocking.length} warnings that matter, ` +
      `${verdict.accepted.length} accepted warnings, ${verdict.notices.length} notices`,
  );
  process.exitCode = failing ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
