import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@hocvuso/jobs';
import { AttendanceService } from './attendance.service';
import { CertificateRequests } from './certificate-requests';
import { LearningPersonalData } from './learning-personal-data';
import { CourseAuthoringService } from './course-authoring.service';
import { CourseCatalogService } from './course-catalog.service';
import { LearningService } from './learning.service';

/**
 * Courses, learning and completion. AuditModule and ConfigModule are global; the importing app
 * provides `BullModule.forRoot(Async)` (the Redis connection options) for the certificates queue.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.certificates })],
  providers: [
    AttendanceService,
    CertificateRequests,
    LearningPersonalData,
    CourseAuthoringService,
    CourseCatalogService,
    LearningService,
  ],
  exports: [AttendanceService, CourseAuthoringService, CourseCatalogService, LearningService],
})
export class CoursesModule {}
