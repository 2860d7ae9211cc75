export { chunkSizes } from './chunk-sizes.js';
export { cleaningsWithBrigades, cleaningsWithHouses } from './cleaning-joins.js';
export { CLEANINGS_DATE_INDEX, loadingCleanings } from './cleanings-date-index.js';
export { createStore, type Store, StoreMigrationError, type StoreOptions } from './create-store.js';
export * from './database-types.js';
export { createSecretBox, hashToken, type SecretBox } from './secret-box.js';
export type { StoreDialect } from './store-dialect.js';
export { upsertMany } from './upsert-many.js';
