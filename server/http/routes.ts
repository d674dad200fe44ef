import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';

/** What route modules receive: the app's dependencies. */
export type RouteDeps = { db: Db; config: Config; clock: () => Date };

export function linkUrl(config: Config, kind: 'link' | 'invite', secret: string): string {
  return `${config.publicUrl}/${kind}/${secret}`;
}
