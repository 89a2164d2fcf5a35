import { Module } from '@nestjs/common';
import { CoursesModule } from '@hocvuso/courses';
import { AttendanceWriter } from './attendance-writer.service';

/**
 * The worker's side of live attendance. Kept apart from LiveModule so the API and the gateway do
 * not pull in the courses module; the importing app provides `BullModule.forRoot(Async)`.
 */
@Module({
  imports: [CoursesModule],
  providers: [AttendanceWriter],
  exports: [AttendanceWriter],
})
export class LiveAttendanceModule {}
