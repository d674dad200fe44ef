import {
  IconAddressBook,
  IconAdjustments,
  IconCalendarEvent,
  IconChartFunnel,
  IconFileImport,
  IconHistory,
  IconKey,
  IconMailPlus,
  IconSignature,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Action } from '../../../../core/permissions.ts';

export type QuickLink = {
  title: string;
  description: string;
  path: string;
  icon: Icon;
  /** Shown only with this permission... */
  action: Action;
  /** ...and not when this one is held (a stronger link replaces it). */
  unless?: Action;
};

export const QUICK_LINKS: readonly QuickLink[] = [
  {
    title: 'Read the funnel',
    description: 'How many leads reach each stage, by source, channel or campaign: the same numbers for Sales and Marketing.',
    path: 'funnel',
    icon: IconChartFunnel,
    action: 'funnel.read',
  },
  {
    title: 'Find a lead',
    description: 'Search and filter everyone in the funnel, and open a lead to see its whole story.',
    path: 'leads',
    icon: IconAddressBook,
    action: 'funnel.read',
  },
  {
    title: 'Read the lead contract',
    description: 'What counts as a qualified lead, as both teams signed it, and what each side commits to.',
    path: 'lead-contract',
    icon: IconSignature,
    action: 'funnel.read',
  },
  {
    title: 'Open the campaign calendar',
    description: 'Every campaign and promotion with its launch readiness: stock confirmed, offer approved, Sales briefed in time.',
    path: 'calendar',
    icon: IconCalendarEvent,
    action: 'funnel.read',
  },
  {
    title: 'Import a CSV file',
    description: 'Bring leads, accounts and deals in from HubSpot, Salesforce or a spreadsheet, previewed before anything is saved.',
    path: 'import',
    icon: IconFileImport,
    action: 'funnel.import',
  },
  {
    title: 'Invite your team',
    description: 'Send invitation links to Sales and Marketing colleagues and choose their roles.',
    path: 'settings/invitations',
    icon: IconMailPlus,
    action: 'invitations.manage',
  },
  {
    title: 'Manage members',
    description: 'Change roles, remove people, or give someone a password reset link.',
    path: 'settings/members',
    icon: IconUsers,
    action: 'members.manage',
  },
  {
    title: 'See who is here',
    description: 'The people in this workspace and their roles.',
    path: 'settings/members',
    icon: IconUsers,
    action: 'members.read',
    unless: 'members.manage',
  },
  {
    title: 'Create an API token',
    description: 'Give a script or another tool its own key to this workspace, with only the permissions it needs.',
    path: 'settings/tokens',
    icon: IconKey,
    action: 'tokens.manage',
  },
  {
    title: 'Review the audit log',
    description: 'See who changed what in this workspace, and when.',
    path: 'settings/audit',
    icon: IconHistory,
    action: 'audit.read',
  },
  {
    title: 'Workspace settings',
    description: 'Rename the workspace or change its time zone.',
    path: 'settings/workspace',
    icon: IconAdjustments,
    action: 'workspace.update',
  },
];
