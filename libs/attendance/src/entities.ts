import { AttendanceMark, LeaveRequest } from './attendance.entity';

export const ATTENDANCE_ENTITIES = [AttendanceMark, LeaveRequest];
