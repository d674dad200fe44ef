import type { Db } from '../db/client.ts';

/**
 * Sweeps workspaces one by one, each in its own transaction, and adds up what each did. A
 * workspace that fails does not stop the others; the failures are thrown together at the end.
 */
export async function sweepEachWorkspace<K extends string>(
  db: Db,
  workspaceIds: readonly string[],
  what: string,
  zero: Record<K, number>,
  sweep: (tx: Db, workspaceId: string) => Promise<Record<K, number>>,
): Promise<Record<K, number> & { workspaces: number }> {
  const total = { ...zero };
  const keys = Object.keys(zero) as K[];
  const failures: unknown[] = [];
  for (const workspaceId of workspaceIds) {
    try {
      const swept = await db.transaction((tx) => sweep(tx, workspaceId));
      for (const key of keys) total[key] += swept[key];
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `The ${what} failed in ${failures.length} workspace(s)`);
  return { workspaces: workspaceIds.length, ...total };
}
