import { ROLE_LABELS, type Role } from '../../../../core/permissions.ts';
import type { CreditDispute, DisputeStatus } from '../../types.ts';

export const DISPUTE_LOOK: Record<DisputeStatus, { label: string; color: string; description: string }> = {
  open: { label: 'Open', color: 'orange', description: 'Awaiting a ruling from a marketing lead or a sales manager who did not open it.' },
  upheld: { label: 'Upheld', color: 'teal', description: 'The claim was upheld: the credit belongs where the opener said.' },
  rejected: { label: 'Rejected', color: 'gray', description: 'The claim was rejected: the credit stays where it was.' },
};

/** "paid_search / Spring promo"; nothing recorded: "direct/unknown". */
export function creditTarget(channel: string | null, campaignName: string | null): string {
  return [channel, campaignName].filter(Boolean).join(' / ') || 'direct/unknown';
}

export function claimedText(dispute: CreditDispute): string {
  return creditTarget(dispute.claimedChannel, dispute.claimedCampaignName);
}

export function creditedText(dispute: CreditDispute): string {
  return creditTarget(dispute.creditedChannel, dispute.creditedCampaignName);
}

/** 'sales_rep' → "Sales rep"; an API token as it is. */
export function roleLabel(role: string | null): string {
  return role ? (ROLE_LABELS[role as Role] ?? role) : '';
}
