// `web-ext lint` on the firefox-mv3 build: no errors, no warning that matters
// (scripts/lint-firefox.ts lists the accepted ones and why). Its own rules are
// checked too, so an accepted warning cannot hide one that matters.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtExtensionDir } from './harness';
import { judge, lintFirefoxBuild, type LintMessage } from '../../scripts/lint-firefox';

const show = (messages: LintMessage[]) => messages.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);

describe('web-ext lint on the firefox-mv3 build', () => {
  it('reports no error and no warning that matters', async () => {
    const verdict = await lintFirefoxBuild(builtExtensionDir('firefox'));
    expect(show(verdict.errors)).toEqual([]);
    expect(show(verdict.blocking)).toEqual([]);
  });

  it("accepts Preact's innerHTML assignment, not another one, and never an error", () => {
    const buildDir = mkdtempSync(join(tmpdir(), 'policylens-lint-'));
    try {
      mkdirSync(join(buildDir, 'chunks'));
      writeFileSync(join(buildDir, 'chunks/ui.js'), 'if(f){e.innerHTML=f.__html}');
      writeFileSync(join(buildDir, 'background.js'), 'card.innerHTML=clause.text');
      const warning = (file: string, column: number): LintMessage => ({
        _type: 'warning',
        code: 'UNSAFE_VAR_ASSIGNMENT',
        message: 'Unsafe assignment to innerHTML',
        file,
        line: 1,
        column,
      });
      const verdict = judge(
        {
          summary: { errors: 1, warnings: 2, notices: 0 },
          errors: [{ ...warning('chunks/ui.js', 7), _type: 'error' }],
          warnings: [warning('chunks/ui.js', 7), warning('background.js', 1)],
          notices: [],
        },
        buildDir,
        process.cwd(),
      );
      expect(verdict.errors).toHaveLength(1);
      expect(verdict.accepted.map((a) => a.warning.file)).toEqual(['chunks/ui.js']);
      expect(verdict.blocking.map((w) => w.file)).toEqual(['background.js']);
    } finally {
      rmSync(buildDir, { recursive: true, force: true });
    }
  });

  it("accepts Readability's two innerHTML and pdf.js's two import() while our sources keep them harmless, nothing like them elsewhere", () => {
    const buildDir = mkdtempSync(join(tmpdir(), 'policylens-lint-'));
    const projectRoot = mkdtempSync(join(tmpdir(), 'policylens-lint-root-'));
    try {
      writeFileSync(
        join(buildDir, 'read-page.js'),
        [
          'if(J<t){F.innerHTML=r,this._attempts.push({articleContent:F})}',
          'if(s(t)){var n=e.createElement(`div`);n.innerHTML=t.innerHTML;var r=t.previousElementSibling;}',
          'x.innerHTML=location.hash',
          'await import(this.workerSrc)).WorkerMessageHandler',
          'const{default:t}=await(import(\n/*webpackIgnore: true*/\n`${WasmImage.#R}${this._noWasmFilename}`))',
          'await import(location.hash)',
        ].join('\n'),
      );
      const warning = (line: number, column: number): LintMessage => ({
        _type: 'warning',
        code: 'UNSAFE_VAR_ASSIGNMENT',
        message: 'Unsafe assignment',
        file: 'read-page.js',
        line,
        column,
      });
      const warnings = [warning(1, 9), warning(2, 39), warning(3, 1), warning(4, 7), warning(5, 24), warning(8, 7)];
      const verdict = (root: string) =>
        judge({ summary: { errors: 0, warnings: 6, notices: 0 }, errors: [], warnings, notices: [] }, buildDir, root);

      // The project's own sources: Readability reads a clone, pdf.js gets bytes and the built worker.
      expect(verdict(process.cwd()).accepted.map((a) => a.warning.line)).toEqual([1, 2, 4, 5]);
      expect(verdict(process.cwd()).blocking.map((w) => w.line)).toEqual([3, 8]);

      // Sources where Readability reads the live page and pdf.js is given an address: nothing is accepted.
      mkdirSync(join(projectRoot, 'extension/sources'), { recursive: true });
      writeFileSync(
        join(projectRoot, 'extension/sources/read-article.ts'),
        "import { Readability } from '@mozilla/readability';\nexport const read = () => new Readability<Node>(document).parse();\n",
      );
      writeFileSync(
        join(projectRoot, 'extension/sources/read-pdf.ts'),
        "import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';\ngetDocument({ url: 'https://example.org/a.pdf' });\n",
      );
      expect(verdict(projectRoot).accepted.map((a) => a.warning.line)).toEqual([]);
    } finally {
      rmSync(buildDir, { recursive: true, force: true });
      rmSync(projectRoot, { recursive: true, force: true });
    }
  });
});
