import { AuditEntrySchema } from '@hocvuso/audit/entities/audit-entry.entity';
import { certificatesEntities } from '@hocvuso/certificates/entities';
import { coursesEntities } from '@hocvuso/courses/entities';
import { geographyEntities } from '@hocvuso/geography/entities';
import { identityEntities } from '@hocvuso/identity/entities';
import { liveEntities } from '@hocvuso/live/entities';
import { residentsEntities } from '@hocvuso/residents/entities';
import { youthEntities } from '@hocvuso/youth/entities';

/** Every entity of every domain lib: the one list the ORM, migrations and tests share. */
export const allEntities = [
  ...geographyEntities,
  ...identityEntities,
  ...residentsEntities,
  AuditEntrySchema,
  ...coursesEntities,
  ...certificatesEntities,
  ...liveEntities,
  ...youthEntities,
];
