import type { IssueCertificatePayload } from '@hocvuso/jobs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { certificatePayload, ENROLLMENT_COLUMNS, type EnrollmentRow } from './learning-records';

/**
 * Completed enrollments that have no certificate yet, oldest completion first, as the payloads
 * their certificates need. The request made when a course is completed can be lost (Redis down at
 * that moment); the worker's periodic sweep issues what this finds, so no completion goes
 * without its certificate. Certificates are unique per resident and course version.
 */
export async function completionsWithoutCertificate(
  em: EntityManager,
  limit: number,
): Promise<IssueCertificatePayload[]> {
  const rows = await em.execute<EnrollmentRow[]>(
    `select ${ENROLLMENT_COLUMNS}
       from enrollment e
       join resident r on r.id = e.resident_id and r.erased_at is null
      where e.completed_at is not null
        and not exists (
          select 1 from certificate c where c.resident_id = e.resident_id and c.course_version_id = e.course_version_id)
      order by e.completed_at, e.id
      limit ?`,
    [limit],
  );
  const payloads: IssueCertificatePayload[] = [];
  for (const row of rows) {
    const payload = await certificatePayload(em, row);
    if (payload) payloads.push(payload);
  }
  return payloads;
}
