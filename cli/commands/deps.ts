import type { Config } from '../../server/config.ts';

/** What every command group needs from the program: the settings and the global --workspace. */
export type CliDeps = { config: () => Config; workspaceSlug: () => string | undefined };
