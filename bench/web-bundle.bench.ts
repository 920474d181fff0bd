/**
 * What each user group's browser downloads on its first visit to its home page:
 * the entry (index.html's script, its static imports, CSS) plus the group's
 * lazy chunk and everything it imports statically, raw and gzip -9 (what a
 * compressing proxy sends). Goal for the worker (a phone): under 300 KB gzip.
 *
 *   npm run bench:web            builds the web app, then measures dist/web
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const root = join(__dirname, '..');
const dist = join(root, 'dist/web');
const GROUPS: Record<string, string> = {
  worker: 'src/worker/WorkerApp.tsx',
  institution: 'src/institution/InstitutionApp.tsx',
  district: 'src/district/DistrictApp.tsx',
  bureau: 'src/bureau/BureauApp.tsx',
  'sign-in page': 'src/shell/LoginPage.tsx',
};

function closure(manifest: Record<string, ManifestChunk>, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return files;
}

function main(): void {
  if (!process.argv.includes('--no-build')) {
    execFileSync('npm', ['run', 'web:build'], { cwd: root, stdio: 'inherit' });
  }
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
  const rows: string[][] = [];
  for (const [group, key] of Object.entries(GROUPS)) {
    const files = [...closure(manifest, [entry, key])];
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const bytes = readFileSync(join(dist, f));
      raw += bytes.length;
      gz += gzipSync(bytes, { level: 9 }).length;
    }
    rows.push([
      group,
      String(files.length),
      `${(raw / 1024).toFixed(1)} KB`,
      `${(gz / 1024).toFixed(1)} KB`,
    ]);
  }
  const html = readFileSync(join(dist, 'index.html'));
  console.log(`index.html: ${html.length} B (gzip ${gzipSync(html, { level: 9 }).length} B)`);
  console.log('| first visit of | files | raw | gzip -9 |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main();
