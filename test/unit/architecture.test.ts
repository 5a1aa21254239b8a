import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers';

/**
 * The layers' boundaries are the linter's rules (eslint.config.js); these tests show that the
 * rules bite, so a config change that silently drops them fails here.
 */
const eslint = new ESLint({ cwd: root });
async function complaints(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers keep to themselves', () => {
  it('refuses electron, react or dexie in the pure core', async () => {
    for (const lib of ['electron', 'react', 'dexie', 'react-dom/client']) {
      expect((await complaints('src/analysis/probe.ts', `import * as x from '${lib}';\nexport const y = x;\n`)).join('\n')).toMatch(/no-restricted-imports/);
    }
  });

  it('refuses the DOM in the pure core', async () => {
    expect((await complaints('src/analysis/probe.ts', 'export const title = () => document.title;\n')).join('\n')).toMatch(/no-restricted-globals.*DOM/);
    expect((await complaints('src/coding/probe.ts', "export const saved = () => localStorage.getItem('x');\n")).join('\n')).toMatch(/no-restricted-globals/);
  });

  it('lets the store layer use dexie but not the shells', async () => {
    expect(await complaints('src/db/probe.ts', "import Dexie from 'dexie';\nexport const D = Dexie;\n")).toEqual([]);
    expect((await complaints('src/db/probe.ts', "import { useState } from 'react';\nexport const u = useState;\n")).join('\n')).toMatch(/no-restricted-imports/);
    expect((await complaints('src/db/probe.ts', "import { bridge } from '../../renderer/src/bridge';\nexport const b = bridge;\n")).join('\n')).toMatch(/no-restricted-imports/);
  });

  it('has the renderer reach the core through @core, never by a relative path', async () => {
    expect(await complaints('renderer/src/views/Probe.tsx', "import type { Code } from '@core/model/types';\nexport type C = Code;\n")).toEqual([]);
    expect((await complaints('renderer/src/views/Probe.tsx', "import type { Code } from '../../../src/model/types';\nexport type C = Code;\n")).join('\n')).toMatch(
      /through @core/,
    );
    expect((await complaints('renderer/src/views/Probe.tsx', "import { app } from 'electron';\nexport const a = app;\n")).join('\n')).toMatch(/no-restricted-imports/);
  });

  it('checks the rules of hooks in the renderer', async () => {
    const code = "import { useState } from 'react';\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n";
    expect((await complaints('renderer/src/views/Probe.tsx', code)).join('\n')).toMatch(/react-hooks\/rules-of-hooks/);
  });

  it('has the store, coding and analysis refuse with a message key, never a bare English Error', async () => {
    expect((await complaints('src/db/probe.ts', "export function f() {\n  throw new Error('A case needs a name.');\n}\n")).join('\n')).toMatch(/ResearcherError/);
    expect(
      await complaints('src/db/probe.ts', "import { ResearcherError } from '../model/errors';\nexport function f() {\n  throw new ResearcherError('error.caseName');\n}\n"),
    ).toEqual([]);
  });
});
