import { Migration20261122000000Geography } from './Migration20261122000000-geography';
import { Migration20261122010000Identity } from './Migration20261122010000-identity';
import { Migration20261122030000ResidentSearch } from './Migration20261122030000-resident-search';

/** Every migration, oldest first. Append; never edit one that has landed. */
export const migrationsList = [
  { name: 'Migration20261122000000-geography', class: Migration20261122000000Geography },
  { name: 'Migration20261122010000-identity', class: Migration20261122010000Identity },
  { name: 'Migration20261122030000-resident-search', class: Migration20261122030000ResidentSearch },
];
