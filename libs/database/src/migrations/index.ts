import { Migration20261122000000Geography } from './Migration20261122000000-geography';
import { Migration20261122010000Identity } from './Migration20261122010000-identity';
import { Migration20261122030000ResidentSearch } from './Migration20261122030000-resident-search';
import { Migration20261122040000Courses } from './Migration20261122040000-courses';
import { Migration20261122050000Certificates } from './Migration20261122050000-certificates';
import { Migration20261122060000Live } from './Migration20261122060000-live';
import { Migration20261122070000Youth } from './Migration20261122070000-youth';
import { Migration20261122080000LiveAttendance } from './Migration20261122080000-live-attendance';
import { Migration20261122090000Statistics } from './Migration20261122090000-statistics';
import { Migration20261122110000ReachCourses } from './Migration20261122110000-reach-courses';
import { Migration20261122120000ReachExports } from './Migration20261122120000-reach-exports';
import { Migration20261202080000ReachProvinceCoveringIndexes } from './Migration20261202080000-reach-province-covering-indexes';
import { Migration20261202100000ReachCommuneRollups } from './Migration20261202100000-reach-commune-rollups';

/** Every migration, oldest first. Append; never edit one that has landed. */
export const migrationsList = [
  { name: 'Migration20261122000000-geography', class: Migration20261122000000Geography },
  { name: 'Migration20261122010000-identity', class: Migration20261122010000Identity },
  { name: 'Migration20261122030000-resident-search', class: Migration20261122030000ResidentSearch },
  { name: 'Migration20261122040000-courses', class: Migration20261122040000Courses },
  { name: 'Migration20261122050000-certificates', class: Migration20261122050000Certificates },
  { name: 'Migration20261122060000-live', class: Migration20261122060000Live },
  { name: 'Migration20261122070000-youth', class: Migration20261122070000Youth },
  { name: 'Migration20261122080000-live-attendance', class: Migration20261122080000LiveAttendance },
  { name: 'Migration20261122090000-statistics', class: Migration20261122090000Statistics },
  { name: 'Migration20261122110000-reach-courses', class: Migration20261122110000ReachCourses },
  { name: 'Migration20261122120000-reach-exports', class: Migration20261122120000ReachExports },
  {
    name: 'Migration20261202080000-reach-province-covering-indexes',
    class: Migration20261202080000ReachProvinceCoveringIndexes,
  },
  { name: 'Migration20261202100000-reach-commune-rollups', class: Migration20261202100000ReachCommuneRollups },
];
