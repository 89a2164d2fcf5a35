import { Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { type PersonalDataSource, PersonalDataSources } from '@hocvuso/residents';
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatVerificationCode } from './verification-code';

/**
 * A resident's certificates in their data export. Erasure keeps them (a certificate states a
 * course and a date; the name it shows comes from the resident row, which erasure blanks, so
 * verification then answers "(đã xóa dữ liệu)").
 */
@Injectable()
export class CertificatesPersonalData implements PersonalDataSource, OnModuleInit {
  readonly section = 'certificates';

  constructor(@Optional() private readonly registry?: PersonalDataSources) {}

  onModuleInit(): void {
    this.registry?.register(this);
  }

  async collect(em: EntityManager, residentId: string): Promise<unknown> {
    const rows = await em.execute<
      {
        code: string;
        courseTitle: string;
        courseVersion: number;
        issuingUnit: string;
        completedAt: string;
        issuedAt: string;
        revokedAt: string | null;
        revokedReason: string | null;
      }[]
    >(
      `select code, course_title as "courseTitle", course_version_number as "courseVersion",
              issuing_unit_name as "issuingUnit", completed_at as "completedAt", issued_at as "issuedAt",
              revoked_at as "revokedAt", revoked_reason as "revokedReason"
         from certificate where resident_id = ? order by issued_at`,
      [residentId],
    );
    return rows.map((row) => ({ ...row, code: formatVerificationCode(row.code) }));
  }

  async erase(): Promise<void> {
    // Kept: see the class comment.
  }
}
