import { inject } from 'vitest';
import { testDatabaseUrl } from '../config.ts';
import type { Database, DbKind } from '../db/client.ts';
import { clonePgliteTemplate, clonePostgresTemplate } from '../db/test-databases.ts';

/** The engines every integration test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): DbKind[] {
  return testDatabaseUrl() ? ['embedded', 'postgres'] : ['embedded'];
}

/** A fresh, migrated database for one test file: a clone of the run's template. */
export function openTestDatabase(kind: DbKind): Promise<Database> {
  if (kind === 'embedded') return clonePgliteTemplate(inject('pgliteTemplateFile'));
  const adminUrl = testDatabaseUrl();
  const template = inject('postgresTemplate');
  if (!adminUrl || !template) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  return clonePostgresTemplate(adminUrl, template);
}
