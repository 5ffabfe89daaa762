/**
 * The initial web bundle: every file dist/web/index.html loads before the app can draw (scripts,
 * stylesheets, module preloads, and the static imports of those scripts), gzipped.
 * Lazy chunks (`import()`) are left out. `npm run bench:bundle` prints it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  dir: string;
  files: BundleFile[];
  bytes: number;
  gzipBytes: number;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function measureBundle(dir = path.join(ROOT, 'dist/web')): BundleReport | undefined {
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile)) return undefined;
  const html = fs.readFileSync(indexFile, 'utf8');
  const seen = new Set<string>(['index.html']);
  const queue: string[] = [];
  const add = (ref: string, from: string) => {
    if (/^(https?:)?\/\//.test(ref) || ref.startsWith('data:')) return;
    const rel = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(from), ref);
    const clean = path.posix.normalize(rel.split(/[?#]/)[0]!);
    if (!seen.has(clean) && fs.existsSync(path.join(dir, clean))) {
      seen.add(clean);
      queue.push(clean);
    }
  };
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) add(m[1]!, 'index.html');
  for (const m of html.matchAll(/<link[^>]*\srel="(?:stylesheet|modulepreload)"[^>]*\shref="([^"]+)"/g))
    add(m[1]!, 'index.html');
  for (const m of html.matchAll(/<link[^>]*\shref="([^"]+)"[^>]*\srel="(?:stylesheet|modulepreload)"/g))
    add(m[1]!, 'index.html');
  while (queue.length) {
    const file = queue.shift()!;
    if (!file.endsWith('.js')) continue;
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    // Static imports only: `import"./x.js"`, `from"./x.js"`; `import("./x.js")` is lazy.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) add(m[1]!, file);
  }
  seen.delete('index.html');
  const files = ['index.html', ...seen].map((file) => {
    const data = fs.readFileSync(path.join(dir, file));
    return { file, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
  });
  return {
    dir: path.relative(ROOT, dir) || '.',
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}

export const BUNDLE_GOAL_BYTES = 500 * 1024;

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`;
}

export function printBundle(report: BundleReport | undefined): void {
  if (!report) {
    console.log('dist/web/index.html not found: run `npm run build` first / 请先执行 npm run build');
    return;
  }
  console.log(`Initial web bundle (${report.dir}, files index.html loads) / 首屏资源：`);
  for (const f of report.files)
    console.log(`  ${f.file.padEnd(48)} ${kb(f.bytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)} gz`);
  const verdict = report.gzipBytes <= BUNDLE_GOAL_BYTES ? 'meets' : 'misses';
  console.log(
    `  total ${kb(report.bytes)}, ${kb(report.gzipBytes)} gzipped — ${verdict} the ≤ ${kb(BUNDLE_GOAL_BYTES)} goal`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  printBundle(measureBundle(process.argv[2] ? path.resolve(process.argv[2]) : undefined));
}
