import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const BUILT_PAGE = path.join(WEB, 'dist', 'index.html');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestChange(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function webSourcesChangedAt(): number {
  const sources = [path.join(WEB, 'src'), path.join(ROOT, 'core')].map(newestChange);
  const files = ['index.html', 'vite.config.ts'].map((f) => fs.statSync(path.join(WEB, f)).mtimeMs);
  return Math.max(...sources, ...files);
}

/** Builds the web page when it was never built or its sources changed since; otherwise does nothing. */
export function ensureWebBuilt(print: (line: string) => void): void {
  if (fs.existsSync(BUILT_PAGE) && fs.statSync(BUILT_PAGE).mtimeMs >= webSourcesChangedAt()) return;
  print('Building the web page (once after install or an update)...');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The web page failed to build (see the output above).');
}
