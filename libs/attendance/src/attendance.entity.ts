import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { MarkStatus } from './attendance.rules';

export type MarkSource = 'staff' | 'self' | 'code' | 'offline' | 'paper' | 'leave';

/**
 * A trainee's attendance at one session (考勤): one row per session and place, whoever wrote
 * it (the staff's roll call, the trainee's own check-in, a paper sheet). The class hours it
 * earns are never stored: they follow from the mark by the policy's rule whenever asked.
 */
@Entity({ name: 'attendance_mark' })
@Check(
  'attendance_mark_status_ck',
  `status IN ('present', 'late', 'left_early', 'leave', 'absent')`,
)
@Check(
  'attendance_mark_source_ck',
  `source IN ('staff', 'self', 'code', 'offline', 'paper', 'leave')`,
)
@Check('attendance_mark_minutes_ck', `minutes_late >= 0 AND minutes_early >= 0`)
@Index('attendance_mark_session_entry_uq', ['sessionId', 'enrollmentId'], { unique: true })
@Index('attendance_mark_class_idx', ['classId', 'sessionId'])
@Index('attendance_mark_worker_idx', ['workerId'])
@Index('attendance_mark_enrollment_idx', ['enrollmentId'])
export class AttendanceMark {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('ClassSession', { name: 'attendance_mark_session_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ForeignKey('Enrollment', { name: 'attendance_mark_enrollment_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ type: 'varchar', length: 12 })
  status: MarkStatus;

  @Column({ name: 'minutes_late', type: 'int', default: 0 })
  minutesLate: number;

  @Column({ name: 'minutes_early', type: 'int', default: 0 })
  minutesEarly: number;

  @Column({ name: 'check_in_at', type: 'timestamptz', nullable: true })
  checkInAt: Date | null;

  @Column({ name: 'check_out_at', type: 'timestamptz', nullable: true })
  checkOutAt: Date | null;

  @Column({ type: 'varchar', length: 10 })
  source: MarkSource;

  /** The phone's own id for the check-in: a retried request finds its first answer. */
  @Column({ name: 'client_ref', type: 'varchar', length: 64, nullable: true })
  clientRef: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ name: 'marked_by', type: 'uuid', nullable: true })
  markedBy: string | null;

  @CreateDateColumn({ name: 'marked_at', type: 'timestamptz' })
  markedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'int', default: 1 })
  version: number;
}

export type LeaveStatus = 'pending' | 'approved' | 'refused' | 'cancelled';

/** A trainee's request to be excused from a session (请假), asked before it starts. */
@Entity({ name: 'leave_request' })
@Check('leave_request_status_ck', `status IN ('pending', 'approved', 'refused', 'cancelled')`)
@Index('leave_request_open_uq', ['sessionId', 'enrollmentId'], {
  unique: true,
  where: `status IN ('pending', 'approved')`,
})
@Index('leave_request_class_idx', ['classId', 'status'])
@Index('leave_request_worker_idx', ['workerId', 'createdAt'])
export class LeaveRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('ClassSession', { name: 'leave_request_session_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ForeignKey('Enrollment', { name: 'leave_request_enrollment_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: LeaveStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'varchar', length: 200, nullable: true })
  decisionNote: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
