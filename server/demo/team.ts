import type { SigningRole } from '../../core/permissions.ts';
import type { Db } from '../db/client.ts';
import { createUser, findUserByEmail } from '../modules/identity/identity.service.ts';
import { addMember, roleOf } from '../modules/workspaces/workspaces.service.ts';
import { TEAM, type FollowUp } from './catalog.ts';

export type Rep = { id: string; name: string; followUp: FollowUp; share: number };

/** The demo team's user ids: every member, and the sales reps with their follow-up habits. */
export type DemoTeam = { memberIds: string[]; reps: Rep[] };

/**
 * Makes sure the Brightwash people exist and belong to the workspace: a person who already
 * exists (from another demo workspace, or an earlier run) is reused, and joins only once.
 */
export async function ensureDemoTeam(db: Db, workspaceId: string, now: Date): Promise<DemoTeam> {
  const team: DemoTeam = { memberIds: [], reps: [] };
  for (const member of TEAM) {
    const user = (await findUserByEmail(db, member.email)) ?? (await createUser(db, { email: member.email, name: member.name, now }));
    if (!(await roleOf(db, workspaceId, user.id))) await addMember(db, { workspaceId, userId: user.id, role: member.role, now });
    team.memberIds.push(user.id);
    if (member.followUp) team.reps.push({ id: user.id, name: member.name, followUp: member.followUp, share: member.share ?? 1 });
  }
  return team;
}

/** Who signs Brightwash's co-signed documents: its marketing lead and its sales manager. */
export async function demoSigners(db: Db): Promise<Record<SigningRole, string>> {
  const signer = async (role: SigningRole) => (await findUserByEmail(db, TEAM.find((member) => member.role === role)!.email))!.id;
  return { marketing_lead: await signer('marketing_lead'), sales_manager: await signer('sales_manager') };
}
