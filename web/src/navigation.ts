import {
  IconAddressBook,
  IconBell,
  IconBuilding,
  IconBuildingStore,
  IconBriefcase,
  IconCalendarEvent,
  IconChartBar,
  IconChartFunnel,
  IconChartPie,
  IconGauge,
  IconScaleOutline,
  IconTarget,
  IconGavel,
  IconCoin,
  IconFileImport,
  IconHistory,
  IconHome,
  IconInbox,
  IconKey,
  IconMailPlus,
  IconPackage,
  IconSettings,
  IconScale,
  IconSignature,
  IconSpeakerphone,
  IconUsers,
  IconWebhook,
  IconWorldWww,
  type Icon,
} from '@tabler/icons-react';
import type { Action } from '../../core/permissions.ts';

export type NavItem = {
  label: string;
  /** Path inside the workspace: '' is the workspace home, 'settings/members' is /w/:slug/settings/members. */
  path: string;
  icon: Icon;
  /** Shown only to people whose role allows this action. */
  action?: Action;
  children?: readonly NavItem[];
};

export const SETTINGS_PAGES: readonly NavItem[] = [
  { label: 'Workspace', path: 'settings/workspace', icon: IconBuilding, action: 'workspace.update' },
  { label: 'Notifications', path: 'settings/notifications', icon: IconBell },
  { label: 'Sales', path: 'settings/sales', icon: IconBriefcase, action: 'funnel.read' },
  { label: 'Campaigns', path: 'settings/campaigns', icon: IconSpeakerphone, action: 'funnel.read' },
  { label: 'Members', path: 'settings/members', icon: IconUsers, action: 'members.read' },
  { label: 'Invitations', path: 'settings/invitations', icon: IconMailPlus, action: 'invitations.manage' },
  { label: 'API tokens', path: 'settings/tokens', icon: IconKey, action: 'tokens.manage' },
  { label: 'Website tracking', path: 'settings/tracking', icon: IconWorldWww, action: 'tracking.manage' },
  { label: 'Webhooks', path: 'settings/webhooks', icon: IconWebhook, action: 'notifications.manage' },
  { label: 'Audit log', path: 'settings/audit', icon: IconHistory, action: 'audit.read' },
];

/** The workspace navigation. A new section is one line here (plus its route in App.tsx). */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Home', path: '', icon: IconHome },
  { label: 'Dashboard', path: 'dashboard', icon: IconGauge, action: 'funnel.read' },
  { label: 'Funnel', path: 'funnel', icon: IconChartFunnel, action: 'funnel.read' },
  { label: 'Leads', path: 'leads', icon: IconAddressBook, action: 'funnel.read' },
  { label: 'My MQLs', path: 'mqls', icon: IconInbox, action: 'leads.handle' },
  { label: 'Accounts', path: 'accounts', icon: IconBuildingStore, action: 'funnel.read' },
  { label: 'Deals', path: 'deals', icon: IconCoin, action: 'funnel.read' },
  { label: 'Lead contract', path: 'lead-contract', icon: IconSignature, action: 'funnel.read' },
  { label: 'SLA ledger', path: 'sla-ledger', icon: IconScale, action: 'funnel.read' },
  { label: 'Targets', path: 'targets', icon: IconTarget, action: 'funnel.read' },
  { label: 'Attribution', path: 'attribution', icon: IconChartPie, action: 'funnel.read' },
  { label: 'Revenue bridge', path: 'revenue-bridge', icon: IconChartBar, action: 'funnel.read' },
  { label: 'Credit policy', path: 'credit-policy', icon: IconScaleOutline, action: 'funnel.read' },
  { label: 'Credit disputes', path: 'credit/disputes', icon: IconGavel, action: 'funnel.read' },
  { label: 'Campaign calendar', path: 'calendar', icon: IconCalendarEvent, action: 'funnel.read' },
  { label: 'Products', path: 'products', icon: IconPackage, action: 'funnel.read' },
  { label: 'Import', path: 'import', icon: IconFileImport, action: 'funnel.import' },
  { label: 'Settings', path: 'settings', icon: IconSettings, children: SETTINGS_PAGES },
];

/** The items a person may use; a section whose every child is hidden is hidden too. */
export function visibleNavItems(items: readonly NavItem[], can: (action: Action) => boolean): NavItem[] {
  return items.flatMap((item) => {
    if (item.action && !can(item.action)) return [];
    if (!item.children) return [item];
    const children = visibleNavItems(item.children, can);
    return children.length > 0 ? [{ ...item, children }] : [];
  });
}

export function workspacePath(slug: string, path = ''): string {
  return `/w/${encodeURIComponent(slug)}${path ? `/${path}` : ''}`;
}
