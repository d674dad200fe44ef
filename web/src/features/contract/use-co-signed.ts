import { api } from '../../api.ts';
import type { CoSignedVersion, ContractComment, ContractSaved, ContractSigned, ContractVersionSummary } from '../../types.ts';
import { useWorkspaceList, useWorkspaceMutation, useWorkspaceQuery } from '../workspaces/use-workspace-api.ts';
import type { CoSignedDoc } from './co-signed.ts';

/** The versions of a co-signed document, newest first, each with its valid signatures. */
export function useVersions(doc: CoSignedDoc) {
  return useWorkspaceList<ContractVersionSummary>(doc.versionsKey, doc.api);
}

/** One version whole: content, every signature, comments, the roles it awaits. */
export function useVersion<V extends CoSignedVersion>(doc: CoSignedDoc, version: number | null, enabled = true) {
  return useWorkspaceQuery<V>((workspaceId) => doc.versionKey(workspaceId, version ?? 0), `${doc.api}/versions/${version}`, {
    enabled: enabled && version !== null,
  });
}

export function useCreateDraft(doc: CoSignedDoc) {
  return useWorkspaceMutation((workspaceId, body: { basedOn?: number; name?: string }) =>
    api<ContractVersionSummary>(`/workspaces/${workspaceId}/${doc.api}/versions`, { method: 'POST', body }),
  );
}

/** Saves a draft or proposed version's name and content; the answer names the signatures a change voided. */
export function useSaveVersion<B extends { name: string }>(doc: CoSignedDoc, version: number) {
  return useWorkspaceMutation((workspaceId, body: B) =>
    api<ContractSaved>(`/workspaces/${workspaceId}/${doc.api}/versions/${version}`, { method: 'PUT', body }),
  );
}

export function useProposeVersion(doc: CoSignedDoc, version: number) {
  return useWorkspaceMutation((workspaceId, _: void) =>
    api<ContractVersionSummary>(`/workspaces/${workspaceId}/${doc.api}/versions/${version}/propose`, { method: 'POST' }),
  );
}

export function useSignVersion(doc: CoSignedDoc, version: number) {
  return useWorkspaceMutation((workspaceId, _: void) => api<ContractSigned>(`/workspaces/${workspaceId}/${doc.api}/versions/${version}/sign`, { method: 'POST' }));
}

export function useAddComment(doc: CoSignedDoc, version: number) {
  return useWorkspaceMutation((workspaceId, body: { body: string }) =>
    api<ContractComment>(`/workspaces/${workspaceId}/${doc.api}/versions/${version}/comments`, { method: 'POST', body }),
  );
}
