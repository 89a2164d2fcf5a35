export { AuditModule } from './audit.module';
export { AuditAction, type AuditRecord, AuditService } from './audit.service';
