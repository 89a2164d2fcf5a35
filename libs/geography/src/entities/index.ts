import { CommuneSchema } from './commune.entity';
import { ProvinceSchema } from './province.entity';
import { VenueSchema } from './venue.entity';
import { VillageSchema } from './village.entity';

export { Commune, CommuneKind } from './commune.entity';
export { Province, ProvinceKind } from './province.entity';
export { Venue } from './venue.entity';
export { Village, VillageKind } from './village.entity';

export const geographyEntities = [ProvinceSchema, CommuneSchema, VillageSchema, VenueSchema];
