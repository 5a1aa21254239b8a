// Where Electron's binary is, without `require('electron')`: that call downloads the binary
// when it is missing and fails loudly where the network does not reach GitHub.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The installed binary's path, or null when it is not installed. */
export function installedElectron() {
  const dir = electronPackageDir();
  if (!dir) return null;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** The installed binary, downloading it first when it is missing and the network allows. */
export function electronBinary() {
  const found = installedElectron();
  const dir = electronPackageDir();
  if (found || !dir) return found;
  const download = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
  return download.status === 0 ? installedElectron() : null;
}
