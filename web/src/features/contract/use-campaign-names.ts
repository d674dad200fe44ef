import { useCallback } from 'react';
import { useCampaigns } from './use-contract.ts';

/** A campaign's name from its id (the id itself while loading, or for a campaign not among the first 200). */
export function useCampaignNames(enabled = true) {
  const campaigns = useCampaigns(enabled);
  const items = campaigns.data?.items;
  const nameOf = useCallback((id: string) => items?.find((campaign) => campaign.id === id)?.name ?? id, [items]);
  return { campaigns: items ?? [], nameOf };
}
