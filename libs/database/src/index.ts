export { DatabaseModule } from './database.module';
export { allEntities } from './entities';
export { dropDatabase, ensureDatabase, migrateDown, migrateUp } from './migrate';
export { createOrmOptions } from './orm.config';
export { decodeCursor, encodeCursor, MAX_PAGE_SIZE, type Page, type PageArgs, toPage } from './pagination';
