import type { Actor } from '../../core/permissions.ts';
import type { Db } from '../db/client.ts';

/** What every workspace service receives: the database, who acts, in which workspace, and the time. */
export type ServiceContext = {
  db: Db;
  actor: Actor;
  workspaceId: string;
  now: Date;
};
