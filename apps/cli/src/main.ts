import { Logger } from '@nestjs/common';
import {
  appConfig,
  ConfigError,
  FileStore,
  piiCipher,
  migrateAsOwner,
  resolveDatabaseUrls,
  stopEmbeddedPostgres,
  stopOwnedRedis,
} from '@peixun/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backup, restore } from './backup';
import { schemaDiff } from './schema-diff';

const USAGE = `usage: cli <command>
  migrate                   apply pending migrations
  migration:check           fail when entities and migrations disagree
  migration:generate <Name> write a migration with what the entities still need
  seed:demo                 load the demo organisation and accounts (once)
  backup [FILE]             write the database and the file store to one archive (.tar.gz)
  restore FILE              bring an archive back (into a new database, then swapped in)`;

async function migrate(): Promise<void> {
  const applied = await migrateAsOwner(appConfig());
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
}

async function check(): Promise<number> {
  const config = appConfig();
  const diff = await schemaDiff(config, (await resolveDatabaseUrls(config)).owner);
  if (diff.up.length === 0) {
    console.log('migration check: entities and migrations agree');
    return 0;
  }
  console.error('migration check FAILED: the entities need changes that no migration makes:');
  for (const q of diff.up) console.error(`  ${q};`);
  console.error(
    'Run `npm run migration:generate -- <Name>` and add the migration to the MIGRATIONS list.',
  );
  return 1;
}

async function generate(name: string | undefined): Promise<number> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error(
      'migration:generate needs a PascalCase name, e.g. `npm run migration:generate -- AddWorkers`',
    );
    return 2;
  }
  const config = appConfig();
  const diff = await schemaDiff(config, (await resolveDatabaseUrls(config)).owner);
  if (!diff.up.length) {
    console.log('nothing to generate: entities and migrations agree');
    return 0;
  }
  const ts = Date.now();
  const cls = `${name}${ts}`;
  const esc = (q: string): string =>
    '`' + q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  public async up(q: QueryRunner): Promise<void> {
${diff.up.map((s) => `    await q.query(${esc(s)});`).join('\n')}
  }

  public async down(q: QueryRunner): Promise<void> {
${[...diff.down]
  .reverse()
  .map((s) => `    await q.query(${esc(s)});`)
  .join('\n')}
  }
}
`;
  const file = join(__dirname, '../../../libs/core/src/database/migrations', `${ts}-${name}.ts`);
  writeFileSync(file, body);
  console.log(
    `wrote ${file}\nAdd ${cls} to MIGRATIONS in libs/core/src/database/migrations/index.ts.`,
  );
  return 0;
}

async function seedDemo(): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { CliSeedModule } = await import('./cli-seed.module');
  const { DemoSeedService, formatDemoAccounts } = await import('@peixun/org');
  const app = await NestFactory.createApplicationContext(CliSeedModule, {
    logger: ['error', 'warn', 'log'],
  });
  try {
    const result = await app.get(DemoSeedService).seed();
    console.log(
      result.seeded ? formatDemoAccounts(result) : 'demo data already present: nothing changed',
    );
  } finally {
    await app.close();
  }
}

async function main(): Promise<number> {
  Logger.overrideLogger(['log', 'warn', 'error', 'fatal']);
  const [cmd, arg] = process.argv.slice(2);
  switch (cmd) {
    case 'migrate':
      await migrate();
      return 0;
    case 'migration:check':
      return check();
    case 'migration:generate':
      return generate(arg);
    case 'seed:demo':
      await seedDemo();
      return 0;
    case 'backup': {
      const config = appConfig();
      await backup(config, FileStore.fromConfig(config.files, piiCipher(config)), arg, (m) =>
        console.log(m),
      );
      return 0;
    }
    case 'restore': {
      if (!arg) {
        console.error('usage: npm run restore <archive.tar.gz>');
        return 2;
      }
      const config = appConfig();
      await restore(config, FileStore.fromConfig(config.files, piiCipher(config)), arg, (m) =>
        console.log(m),
      );
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main()
  .then(async (code) => {
    await stopOwnedRedis();
    await stopEmbeddedPostgres();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    new Logger('cli').error(
      err instanceof ConfigError ? err.message : err instanceof Error ? err.stack : err,
    );
    await stopEmbeddedPostgres().catch(() => undefined);
    process.exit(1);
  });
