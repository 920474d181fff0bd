import { AuditLog, AuditLogArchive } from './audit/audit-log.entity';
import { Account } from './auth/account.entity';
import { RefreshToken } from './auth/refresh-token.entity';
import { MaintenanceRun } from './database/maintenance-run.entity';
import { Notification, NotificationDelivery } from './notifications/notification.entity';

export const CORE_ENTITIES = [
  Account,
  RefreshToken,
  AuditLog,
  AuditLogArchive,
  MaintenanceRun,
  Notification,
  NotificationDelivery,
];
