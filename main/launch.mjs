// `npm start`: the desktop app where Electron's binary is (or can be) installed, else the browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** Electron downloads its binary on first use; find it without triggering a noisy failure. */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const installed = () => {
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  };
  if (installed()) return installed();
  const download = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
  return download.status === 0 ? installed() : null;
}

const binary = process.env.QDA_BROWSER_MODE ? null : electronBinary();
if (binary) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  spawn(binary, ['.'], { cwd: root, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: `${root}renderer/vite.web.config.ts`, logLevel: 'warn' });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
  console.log(`Electron's binary is not installed here (it could not be downloaded), so QDA Studio runs in your browser: open ${url}`);
}
