export {
  DEMO_COMMUNES,
  DEMO_PROVINCES,
  DEMO_VILLAGES,
  type DemoCommune,
  type DemoProvince,
  type DemoVenue,
  type DemoVillage,
} from './demo-data';
export {
  type DemoSeedOptions,
  type DemoSeedSummary,
  DemoSeeder,
  hasNoProvinces,
  loadDemoData,
  seedDemo,
} from './demo.seeder';
export { type CatalogSeedSummary, CatalogSeeder, loadCatalog } from './catalog.seeder';
