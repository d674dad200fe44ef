import type { Config } from '../../server/config.ts';
import type { withDatabase } from '../database.ts';

/** What every command group needs from the program: the settings, the global --workspace, and the database. */
export type CliDeps = { config: () => Config; workspaceSlug: () => string | undefined; withDatabase: typeof withDatabase };
