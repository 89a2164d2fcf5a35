export {
  type AttendanceBatch,
  AttendanceBuffer,
  type AttendanceBufferOptions,
  type BatchSender,
} from './attendance-buffer';
export { AttendanceQueue, completionJobId } from './attendance-queue';
export {
  attendedShare,
  type AttendanceSummary,
  type SessionWindow,
  type StoredAttendanceEvent,
  summarizeAttendance,
} from './attendance-summary';
export { AttendanceWriter, type BatchOutcome, type CompletionOutcome } from './attendance-writer.service';
export { LiveAttendanceModule } from './live-attendance.module';
