import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';
import { initialMigration } from './0001-initial.js';
import { outboxMigration } from './0002-outbox.js';
import { completionsMigration } from './0003-completions.js';
import { actsMigration } from './0004-acts.js';
import { readPathsMigration } from './0005-read-paths.js';
import { completionChangesMigration } from './0006-completion-changes.js';
import { planFingerprintMigration } from './0007-plan-fingerprint.js';
import { nextCleaningTypeMigration } from './0008-next-cleaning-type.js';
import { houseListItemsMigration } from './0009-house-list-items.js';

/**
 * The migrations in code, not read from a folder, so they run the same under tsx, vitest
 * and a bundle. Append new ones with the next number; never edit one that has shipped.
 */
export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-initial': initialMigration(dialect),
        '0002-outbox': outboxMigration(dialect),
        '0003-completions': completionsMigration(dialect),
        '0004-acts': actsMigration(),
        '0005-read-paths': readPathsMigration(),
        '0006-completion-changes': completionChangesMigration(dialect),
        '0007-plan-fingerprint': planFingerprintMigration(),
        '0008-next-cleaning-type': nextCleaningTypeMigration(),
        '0009-house-list-items': houseListItemsMigration(dialect),
      };
    },
  };
}
