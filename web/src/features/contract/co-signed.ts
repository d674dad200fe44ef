import type { QueryKey } from '@tanstack/react-query';
import type { Action } from '../../../../core/permissions.ts';
import { queryKeys } from '../../query-keys.ts';

/**
 * A document both teams sign (server/modules/signing), as its pages speak of it: where its routes
 * and pages are, who edits and signs it, and what signing it does. The lead contract is one; the
 * credit policy (features/credit) is another.
 */
export type CoSignedDoc = {
  /** Its routes under `/workspaces/:id/`: 'lead-contract'. */
  api: string;
  /** Its pages in the workspace: 'lead-contract' (the versions), 'lead-contract/3' (one version). */
  page: string;
  /** 'Lead contract'. */
  title: string;
  /** What people call an active version of it: 'contract'. */
  noun: string;
  /** What a signature agrees to: 'its rules and its service levels'. */
  content: string;
  /** What happens once both teams have signed, as the end of a sentence: 'every lead is rescored by it'. */
  whenActive: string;
  /** Where a first draft starts when there is no version to copy: 'Accord’s suggested definition'. */
  startsFrom: string;
  /** An example question in the comment box. */
  commentExample: string;
  versionsKey: (workspaceId: string) => QueryKey;
  versionKey: (workspaceId: string, version: number) => QueryKey;
  edit: Action;
  sign: Action;
};

export const LEAD_CONTRACT: CoSignedDoc = {
  api: 'lead-contract',
  page: 'lead-contract',
  title: 'Lead contract',
  noun: 'contract',
  content: 'its rules and its service levels',
  whenActive: 'every lead is rescored by it',
  startsFrom: 'Accord’s suggested definition',
  commentExample: 'e.g. Should webinar attendance count more?',
  versionsKey: queryKeys.contractVersions,
  versionKey: queryKeys.contractVersion,
  edit: 'contract.edit',
  sign: 'contract.sign',
};
