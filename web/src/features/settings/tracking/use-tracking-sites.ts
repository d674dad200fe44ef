import { api } from '../../../api.ts';
import { queryKeys } from '../../../query-keys.ts';
import type { TrackingSite } from '../../../types.ts';
import { useWorkspaceList, useWorkspaceMutation } from '../../workspaces/use-workspace-api.ts';

export type TrackingSiteCreate = { name: string; allowedOrigins: string[] };

export function useTrackingSites() {
  return useWorkspaceList<TrackingSite>(queryKeys.trackingSites, 'tracking-sites');
}

export function useCreateTrackingSite() {
  return useWorkspaceMutation((workspaceId, body: TrackingSiteCreate) =>
    api<TrackingSite>(`/workspaces/${workspaceId}/tracking-sites`, { method: 'POST', body }),
  );
}

export function useDeactivateTrackingSite() {
  return useWorkspaceMutation((workspaceId, siteId: string) =>
    api<void>(`/workspaces/${workspaceId}/tracking-sites/${siteId}`, { method: 'DELETE' }),
  );
}
