import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { maskSensitiveText } from '../logging/mask';

/**
 * TypeORM's default logger prints a failed query's parameters, which may hold
 * resident ID numbers. This one logs errors through the app's logger, without
 * parameters, with anything shaped like an ID number masked.
 */
export class SafeTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.warn(
      `query failed: ${maskSensitiveText(message)} — ${maskSensitiveText(query).slice(0, 500)}`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${maskSensitiveText(query).slice(0, 500)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = maskSensitiveText(String(message));
    if (level === 'warn') this.logger.warn(text);
    else this.logger.debug(text);
  }
}
