import { createContext, useContext } from 'react';
import type { Action } from '../../../../core/permissions.ts';
import type { User, Workspace, WorkspaceSummary } from '../../types.ts';

export type CurrentWorkspace = {
  user: User;
  /** The workspace open in the page, with the signed-in person's role in it. */
  workspace: WorkspaceSummary;
  /** Its full record (time zone, creation date). */
  details: Workspace;
  workspaces: WorkspaceSummary[];
  can: (action: Action) => boolean;
  /** Absolute path of a page inside this workspace. */
  pathTo: (path?: string) => string;
};

export const CurrentWorkspaceContext = createContext<CurrentWorkspace | null>(null);

/** The workspace of the page; only usable under `/w/:slug`. */
export function useCurrentWorkspace(): CurrentWorkspace {
  const value = useContext(CurrentWorkspaceContext);
  if (!value) throw new Error('useCurrentWorkspace must be used inside a workspace page.');
  return value;
}
