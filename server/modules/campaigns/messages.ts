import type { NotificationEvent, NotificationMessage } from '../../../core/notifications/events.ts';
import type { Role } from '../../../core/permissions.ts';
import type { Db } from '../../db/client.ts';
import { membersWithRoles } from '../notifications/notify.ts';

/** How the campaign services word their notifications, and whom they tell. */

export function campaignPath(slug: string, campaignId: string): string {
  return `/w/${slug}/campaigns/${campaignId}`;
}

export function briefingPath(slug: string, campaignId: string): string {
  return `${campaignPath(slug, campaignId)}/briefing`;
}

type CampaignRef = { id: string; name: string };

export function campaignMessage(event: NotificationEvent, campaign: CampaignRef, text: { title: string; body: string; link: string }, data: Record<string, unknown> = {}): NotificationMessage {
  return { event, ...text, data: { campaignId: campaign.id, campaignName: campaign.name, ...data } };
}

/** The members who hold one of the roles, or the admins while nobody does: someone always hears. */
export async function membersOrAdmins(db: Db, workspaceId: string, roles: readonly Role[]): Promise<string[]> {
  const members = await membersWithRoles(db, workspaceId, roles);
  return members.length > 0 ? members : membersWithRoles(db, workspaceId, ['admin']);
}

/** Who answers for a campaign: its owner, and the marketing leads. */
export async function campaignOwners(db: Db, workspaceId: string, ownerId: string | null): Promise<string[]> {
  return [...new Set([...(ownerId ? [ownerId] : []), ...(await membersOrAdmins(db, workspaceId, ['marketing_lead']))])];
}
