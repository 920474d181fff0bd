import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MIGRATION_LOCK_KEY, withAdvisoryLock } from './advisory-lock';
import { grantAppRole } from './app-role';
import { dataSourceOptions } from './data-source-options';
import { resolveDatabaseUrls, roleOfUrl } from './database-url';

/** Applies pending migrations, one process at a time (advisory lock). */
export async function runMigrations(ds: DataSource): Promise<string[]> {
  return withAdvisoryLock(ds, MIGRATION_LOCK_KEY, async () => {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  });
}

/**
 * Connects as the owner (DATABASE_OWNER_URL, or the embedded superuser),
 * applies pending migrations, then grants the application role its rights.
 */
export async function migrateAsOwner(config: AppConfig): Promise<string[]> {
  const urls = await resolveDatabaseUrls(config);
  const owner = new DataSource({
    ...dataSourceOptions(config, urls.owner),
    poolSize: 2,
  } as DataSourceOptions);
  await owner.initialize();
  try {
    return await withAdvisoryLock(owner, MIGRATION_LOCK_KEY, async () => {
      const done = await owner.runMigrations({ transaction: 'each' });
      await grantAppRole(owner, roleOfUrl(urls.app));
      return done.map((m) => m.name);
    });
  } finally {
    await owner.destroy();
  }
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => ({
        ...dataSourceOptions(config, (await resolveDatabaseUrls(config)).app),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [
    {
      provide: 'PEIXUN_MIGRATIONS',
      inject: [DataSource, AppConfig],
      useFactory: async (_ds: DataSource, config: AppConfig): Promise<string[]> => {
        if (!config.database.runMigrationsOnStart) return [];
        const applied = await migrateAsOwner(config);
        if (applied.length) new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
        return applied;
      },
    },
  ],
})
export class DatabaseModule {}
