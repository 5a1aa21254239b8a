// `npm start`: the desktop app where Electron's binary is (or can be) installed, else the browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

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
