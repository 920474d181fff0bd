import { Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MIGRATION_LOCK_KEY, withAdvisoryLock } from './advisory-lock';
import { dataSourceOptions } from './data-source-options';
import { resolveDatabaseUrl } from './database-url';

/** Applies pending migrations, one process at a time (advisory lock). */
export async function runMigrations(ds: DataSource): Promise<string[]> {
  return withAdvisoryLock(ds, MIGRATION_LOCK_KEY, async () => {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  });
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => ({
        ...dataSourceOptions(config, await resolveDatabaseUrl(config)),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [
    {
      provide: 'PEIXUN_MIGRATIONS',
      inject: [DataSource, AppConfig],
      useFactory: async (ds: DataSource, config: AppConfig): Promise<string[]> => {
        if (!config.database.runMigrationsOnStart) return [];
        const applied = await runMigrations(ds);
        if (applied.length) new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
        return applied;
      },
    },
  ],
})
export class DatabaseModule {}
