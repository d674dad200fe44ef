import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage.tsx';
import { SetPasswordPage } from './features/auth/SetPasswordPage.tsx';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { AttributionPage } from './features/attribution/AttributionPage.tsx';
import { BridgePage } from './features/attribution/BridgePage.tsx';
import { DashboardPage } from './features/attribution/DashboardPage.tsx';
import { BriefingPage } from './features/campaigns/BriefingPage.tsx';
import { CalendarPage } from './features/campaigns/CalendarPage.tsx';
import { CampaignEditorPage } from './features/campaigns/CampaignEditorPage.tsx';
import { CampaignPage } from './features/campaigns/CampaignPage.tsx';
import { ContractPage } from './features/contract/ContractPage.tsx';
import { VersionPage } from './features/contract/VersionPage.tsx';
import { CreditPolicyPage } from './features/credit/CreditPolicyPage.tsx';
import { CreditPolicyVersionPage } from './features/credit/CreditPolicyVersionPage.tsx';
import { DisputePage } from './features/credit/DisputePage.tsx';
import { DisputesPage } from './features/credit/DisputesPage.tsx';
import { FunnelPage } from './features/funnel/FunnelPage.tsx';
import { HomePage } from './features/home/HomePage.tsx';
import { ImportPage } from './features/import/ImportPage.tsx';
import { InboxPage } from './features/notifications/InboxPage.tsx';
import { LeadPage } from './features/leads/LeadPage.tsx';
import { LeadsPage } from './features/leads/LeadsPage.tsx';
import { ProductsPage } from './features/products/ProductsPage.tsx';
import { AccountPage } from './features/records/AccountPage.tsx';
import { AccountsPage } from './features/records/AccountsPage.tsx';
import { DealPage } from './features/records/DealPage.tsx';
import { DealsPage } from './features/records/DealsPage.tsx';
import { AuditLogPage } from './features/settings/audit/AuditLogPage.tsx';
import { CampaignSettingsPage } from './features/settings/campaigns/CampaignSettingsPage.tsx';
import { InvitationsPage } from './features/settings/invitations/InvitationsPage.tsx';
import { MembersPage } from './features/settings/members/MembersPage.tsx';
import { NotificationPreferencesPage } from './features/settings/notifications/NotificationPreferencesPage.tsx';
import { SalesSettingsPage } from './features/settings/sales/SalesSettingsPage.tsx';
import { RequirePermission } from './features/settings/RequirePermission.tsx';
import { SettingsIndex } from './features/settings/SettingsIndex.tsx';
import { TargetsPage } from './features/targets/TargetsPage.tsx';
import { TokensPage } from './features/settings/tokens/TokensPage.tsx';
import { TrackingPage } from './features/settings/tracking/TrackingPage.tsx';
import { LedgerPage } from './features/sla/LedgerPage.tsx';
import { MqlInboxPage } from './features/sla/MqlInboxPage.tsx';
import { WebhooksPage } from './features/settings/webhooks/WebhooksPage.tsx';
import { WorkspaceSettingsPage } from './features/settings/workspace/WorkspaceSettingsPage.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { RootRedirect } from './features/workspaces/RootRedirect.tsx';
import { WorkspacePageNotFound } from './features/workspaces/WorkspacePageNotFound.tsx';
import { WorkspaceLayout } from './features/workspaces/WorkspaceLayout.tsx';
import { WorkspacesPage } from './features/workspaces/WorkspacesPage.tsx';

export const router = createBrowserRouter([
  { path: '/', element: <RootRedirect /> },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/link/:secret', element: <SetPasswordPage /> },
  { path: '/invite/:secret', element: <AcceptInvitationPage /> },
  { path: '/workspaces', element: <WorkspacesPage /> },
  {
    path: '/w/:slug',
    element: <WorkspaceLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'funnel', element: <RequirePermission action="funnel.read"><FunnelPage /></RequirePermission> },
      { path: 'leads', element: <RequirePermission action="funnel.read"><LeadsPage /></RequirePermission> },
      { path: 'leads/:id', element: <RequirePermission action="funnel.read"><LeadPage /></RequirePermission> },
      { path: 'mqls', element: <RequirePermission action="leads.handle"><MqlInboxPage /></RequirePermission> },
      { path: 'accounts', element: <RequirePermission action="funnel.read"><AccountsPage /></RequirePermission> },
      { path: 'accounts/:id', element: <RequirePermission action="funnel.read"><AccountPage /></RequirePermission> },
      { path: 'deals', element: <RequirePermission action="funnel.read"><DealsPage /></RequirePermission> },
      { path: 'deals/:id', element: <RequirePermission action="funnel.read"><DealPage /></RequirePermission> },
      { path: 'lead-contract', element: <RequirePermission action="funnel.read"><ContractPage /></RequirePermission> },
      { path: 'lead-contract/:version', element: <RequirePermission action="funnel.read"><VersionPage /></RequirePermission> },
      { path: 'sla-ledger', element: <RequirePermission action="funnel.read"><LedgerPage /></RequirePermission> },
      { path: 'dashboard', element: <RequirePermission action="funnel.read"><DashboardPage /></RequirePermission> },
      { path: 'attribution', element: <RequirePermission action="funnel.read"><AttributionPage /></RequirePermission> },
      { path: 'revenue-bridge', element: <RequirePermission action="funnel.read"><BridgePage /></RequirePermission> },
      { path: 'targets', element: <RequirePermission action="funnel.read"><TargetsPage /></RequirePermission> },
      { path: 'credit-policy', element: <RequirePermission action="funnel.read"><CreditPolicyPage /></RequirePermission> },
      { path: 'credit-policy/:version', element: <RequirePermission action="funnel.read"><CreditPolicyVersionPage /></RequirePermission> },
      { path: 'credit/disputes', element: <RequirePermission action="funnel.read"><DisputesPage /></RequirePermission> },
      { path: 'credit/disputes/:id', element: <RequirePermission action="funnel.read"><DisputePage /></RequirePermission> },
      { path: 'calendar', element: <RequirePermission action="funnel.read"><CalendarPage /></RequirePermission> },
      { path: 'campaigns/new', element: <RequirePermission action="campaigns.edit"><CampaignEditorPage /></RequirePermission> },
      { path: 'campaigns/:id', element: <RequirePermission action="funnel.read"><CampaignPage /></RequirePermission> },
      { path: 'campaigns/:id/edit', element: <RequirePermission action="campaigns.edit"><CampaignEditorPage /></RequirePermission> },
      { path: 'campaigns/:id/briefing', element: <RequirePermission action="funnel.read"><BriefingPage /></RequirePermission> },
      { path: 'products', element: <RequirePermission action="funnel.read"><ProductsPage /></RequirePermission> },
      { path: 'import', element: <RequirePermission action="funnel.import"><ImportPage /></RequirePermission> },
      { path: 'notifications', element: <InboxPage /> },
      {
        path: 'settings',
        children: [
          { index: true, element: <SettingsIndex /> },
          { path: 'workspace', element: <RequirePermission action="workspace.update"><WorkspaceSettingsPage /></RequirePermission> },
          { path: 'notifications', element: <NotificationPreferencesPage /> },
          { path: 'sales', element: <RequirePermission action="funnel.read"><SalesSettingsPage /></RequirePermission> },
          { path: 'campaigns', element: <RequirePermission action="funnel.read"><CampaignSettingsPage /></RequirePermission> },
          { path: 'members', element: <RequirePermission action="members.read"><MembersPage /></RequirePermission> },
          { path: 'invitations', element: <RequirePermission action="invitations.manage"><InvitationsPage /></RequirePermission> },
          { path: 'tokens', element: <RequirePermission action="tokens.manage"><TokensPage /></RequirePermission> },
          { path: 'tracking', element: <RequirePermission action="tracking.manage"><TrackingPage /></RequirePermission> },
          { path: 'webhooks', element: <RequirePermission action="notifications.manage"><WebhooksPage /></RequirePermission> },
          { path: 'audit', element: <RequirePermission action="audit.read"><AuditLogPage /></RequirePermission> },
          { path: '*', element: <Navigate to=".." relative="path" replace /> },
        ],
      },
      { path: '*', element: <WorkspacePageNotFound /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);

export function App() {
  return <RouterProvider router={router} />;
}
