import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { testDatabaseUrl } from '../config.ts';
import { createPostgresTemplate, dropPostgresTestDatabases, writePgliteTemplate } from '../db/test-databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateFile: string;
    postgresTemplate: string | null;
  }
}

/** Migrates one PGlite template (dumped to a file) and, with TEST_DATABASE_URL, one PostgreSQL template database. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-'));
  const templateFile = path.join(dir, 'template.tar');
  const adminUrl = testDatabaseUrl();
  const [postgresTemplate] = await Promise.all([
    adminUrl ? createPostgresTemplate(adminUrl) : Promise.resolve(null),
    writePgliteTemplate(templateFile),
  ]);
  project.provide('pgliteTemplateFile', templateFile);
  project.provide('postgresTemplate', postgresTemplate);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (adminUrl && postgresTemplate) await dropPostgresTestDatabases(adminUrl, postgresTemplate);
  };
}
