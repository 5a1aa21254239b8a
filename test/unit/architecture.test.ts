import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const core = filesUnder(join(root, 'src')).filter((f) => !f.includes(`${join('src', 'db')}`) && !f.endsWith('platform.d.ts'));

describe('the pure core (src/ outside src/db)', () => {
  it.each(core.map((f) => [relative(root, f)]))('%s imports no electron, react, dexie or DOM', (file) => {
    const code = readFileSync(join(root, file), 'utf8');
    const imports = [...code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of imports) {
      expect(spec, `${file} imports ${spec}`).not.toMatch(/^(electron|react|react-dom|dexie|dexie-react-hooks)(\/|$)/);
      expect(spec, `${file} imports ${spec}`).not.toMatch(/^\.\.?\/.*(renderer|main)\//);
    }
    // Comments and string literals ("word/document.xml") are not code that touches anything.
    const code0 = code.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '').replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
    expect(code0, `${file} touches the DOM`).not.toMatch(/\b(document|window|localStorage|HTMLElement|navigator)\s*[.[]/);
  });
});

describe('the store layer (src/db)', () => {
  it('imports neither electron nor react', () => {
    for (const f of filesUnder(join(root, 'src', 'db'))) {
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/from ['"](electron|react)/);
    }
  });
});
