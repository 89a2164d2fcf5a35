import type { Commune, GeographyService, Province, Village } from '@hocvuso/geography';
import DataLoader from 'dataloader';

/** Per-request batching for geography's nested fields: one query per field per request level. */
export interface GeographyLoaders {
  province: DataLoader<string, Province | undefined>;
  commune: DataLoader<string, Commune | undefined>;
  village: DataLoader<string, Village | undefined>;
  communeCount: DataLoader<string, number>;
  villageCount: DataLoader<string, number>;
}

export function createGeographyLoaders(geography: GeographyService): GeographyLoaders {
  return {
    province: new DataLoader((codes) => geography.provincesByCodes(codes)),
    commune: new DataLoader((codes) => geography.communesByCodes(codes)),
    village: new DataLoader((ids) => geography.villagesByIds(ids)),
    communeCount: new DataLoader((codes) => geography.communeCountsByProvince(codes)),
    villageCount: new DataLoader((codes) => geography.villageCountsByCommune(codes)),
  };
}
