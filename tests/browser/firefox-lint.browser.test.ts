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
});
