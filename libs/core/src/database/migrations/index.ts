import type { MigrationInterface } from 'typeorm';
import { Initial1795397749435 } from './1795397749435-Initial';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795397749435];
