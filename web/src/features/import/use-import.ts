import { uploadFile } from '../../api.ts';
import { queryKeys } from '../../query-keys.ts';
import type { ImportMode, ImportPreset, ImportReport } from '../../types.ts';
import { useWorkspaceList, useWorkspaceMutation } from '../workspaces/use-workspace-api.ts';

export function useImportPresets() {
  return useWorkspaceList<ImportPreset>(queryKeys.importPresets, 'imports/presets');
}

export type ImportRequest = {
  file: File;
  preset: string;
  mode: ImportMode;
  dryRun: boolean;
  onUploadProgress: (share: number) => void;
  onUploaded: () => void;
};

/** Sends the file's bytes as they are (any encoding), so the server decodes it exactly as the command line does. */
export function useRunImport() {
  return useWorkspaceMutation((workspaceId, { file, preset, mode, dryRun, onUploadProgress, onUploaded }: ImportRequest) =>
    uploadFile<ImportReport>(`/workspaces/${workspaceId}/imports`, file, {
      query: { preset, mode, dryRun: String(dryRun) },
      contentType: 'text/csv',
      onUploadProgress,
      onUploaded,
    }),
  );
}
