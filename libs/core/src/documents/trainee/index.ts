export * from './class-document.types';
export { printableIdNumber } from './common';
export { renderProjectList, feeLabel } from './project-list';
export { renderTrainingNotice } from './training-notice';
export { renderTimetable, clockName } from './timetable';
export { renderAttendanceSheet, sessionsPerPage, MIN_SIGNATURE_WIDTH } from './attendance-sheet';
