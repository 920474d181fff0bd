/**
 * The web app's typed API client comes from the API's OpenAPI document:
 *
 *   npm run web:api            writes apps/web/src/api/schema.d.ts
 *   npm run web:api -- --check fails when the checked-in file differs (CI: `npm run check`)
 *
 * The document is built from the Nest modules in preview mode: no database,
 * Redis or provider is started, so this runs anywhere in about a second. A
 * changed DTO changes the schema, the check fails until it is regenerated, and
 * then `tsc -p apps/web` shows every page that no longer fits the API.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildOpenApiDocumentOffline } from '../../api/src/openapi';

const TARGET = join(__dirname, '../src/api/schema.d.ts');
const HEADER = `/**
 * Generated from the API's OpenAPI document by \`npm run web:api\`: do not edit.
 * \`npm run check\` fails when this file differs from what the API's DTOs give.
 */

`;

const ROOT = join(__dirname, '../../..');

/**
 * Swagger names a schema after its class: two DTO classes of one name (say
 * planning's and classes' SessionDto) silently become one schema, and the
 * client is then wrong for one of them. Each must be unique, or be renamed
 * with `@ApiSchema({ name })`.
 */
export function duplicateSchemaNames(): string[] {
  const seen = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'web') walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(
          /(@ApiSchema\(\{\s*name:\s*'(\w+)'\s*\}\)\s*)?export class (\w+Dto)\b/g,
        )) {
          const name = m[2] ?? m[3];
          seen.set(name, [...(seen.get(name) ?? []), relative(ROOT, path)]);
        }
      }
    }
  };
  for (const top of ['apps', 'libs']) walk(join(ROOT, top));
  return [...seen]
    .filter(([, files]) => files.length > 1)
    .map(([name, files]) => `${name}: ${files.join(', ')}`);
}

export async function generateApiSchema(): Promise<string> {
  const clashes = duplicateSchemaNames();
  if (clashes.length) {
    throw new Error(
      `DTO classes share a schema name (give one \`@ApiSchema({ name: '…' })\`):\n  ${clashes.join('\n  ')}`,
    );
  }
  const doc = await buildOpenApiDocumentOffline();
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], {
    // a property the DTO marks optional may be absent; everything else is there
    defaultNonNullable: true,
    alphabetize: false,
  });
  const source = HEADER + astToString(ast);
  const options = (await resolveConfig(TARGET)) ?? {};
  return format(source, { ...options, filepath: TARGET });
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const next = await generateApiSchema();
  let current = '';
  try {
    current = readFileSync(TARGET, 'utf8');
  } catch {
    // not generated yet
  }
  if (check) {
    if (current === next) {
      console.log('web:api: apps/web/src/api/schema.d.ts matches the API');
      return 0;
    }
    console.error(
      'web:api: apps/web/src/api/schema.d.ts is out of date with the API’s DTOs.\n' +
        '  Run `npm run web:api`, then `npm run typecheck` to see the pages it affects.',
    );
    return 1;
  }
  if (current !== next) writeFileSync(TARGET, next);
  console.log(`web:api: ${current === next ? 'unchanged' : 'wrote'} ${TARGET}`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
