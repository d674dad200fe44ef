import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DetailGrid } from '../../components/DetailGrid.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDateTime, formatMoney, formatPercent } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import type { DealDetail } from '../../types.ts';
import { claimedText } from '../credit/dispute-text.ts';
import { DisputeStatusBadge } from '../credit/DisputeStatusBadge.tsx';
import { OpenDisputeModal } from '../credit/OpenDisputeModal.tsx';
import { useDisputes } from '../credit/use-disputes.ts';
import { EventTimeline } from '../leads/EventTimeline.tsx';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { DealStatusBadge } from './DealStatusBadge.tsx';
import { useDeal } from './use-records.ts';

/** The deal's credit disputes, newest first, and the way to open one (one open dispute per deal). */
function DealDisputes({ deal }: { deal: { id: string; name: string } }) {
  const { pathTo, can } = useCurrentWorkspace();
  const disputes = useDisputes({ dealId: deal.id });
  const [opening, setOpening] = useState(false);
  const items = disputes.data?.items ?? [];
  const canOpen = can('credit.dispute') && disputes.isSuccess && !items.some((dispute) => dispute.status === 'open');
  if (items.length === 0 && !canOpen) return null;
  return (
    <Group gap="sm" wrap="wrap">
      {canOpen && (
        <Button variant="light" size="sm" leftSection={<IconGavel size={16} />} onClick={() => setOpening(true)}>
          Dispute credit
        </Button>
      )}
      {items.map((dispute) => (
        <Group key={dispute.id} gap={6} wrap="nowrap">
          <DisputeStatusBadge status={dispute.status} size="sm" />
          <Anchor component={Link} to={pathTo(`credit/disputes/${dispute.id}`)} size="sm">
            Credit claimed for {claimedText(dispute)}
          </Anchor>
        </Group>
      ))}
      {opening && <OpenDisputeModal deal={deal} onClose={() => setOpening(false)} />}
    </Group>
  );
}

function DealView({ data }: { data: DealDetail }) {
  const { pathTo, details } = useCurrentWorkspace();
  const { deal, accountName, leadName, ownerName, timeline } = data;
  useDocumentTitle(deal.name);
  const money = (minor: number) => formatMoney(minor, deal.currency);

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" c="dimmed">
                Deal
              </Text>
              <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
                {deal.name}
              </Title>
            </Stack>
            <DealStatusBadge status={deal.status} />
          </Group>
          <DealDisputes deal={deal} />
          <DetailGrid
            details={[
              { label: 'Amount', value: money(deal.amountMinor) },
              { label: 'List amount', value: money(deal.listAmountMinor) },
              { label: 'Discount', value: formatPercent(deal.discountRate) },
              { label: 'Stage', value: deal.stage },
              { label: 'Competitor', value: deal.competitor },
              { label: 'Loss reason', value: deal.lossReason },
              {
                label: 'Account',
                value: deal.accountId && (
                  <Anchor component={Link} to={pathTo(`accounts/${deal.accountId}`)} size="sm">
                    {accountName ?? 'Open the account'}
                  </Anchor>
                ),
              },
              {
                label: 'Lead',
                value: deal.leadId && (
                  <Anchor component={Link} to={pathTo(`leads/${deal.leadId}`)} size="sm">
                    {leadName ?? 'Open the lead'}
                  </Anchor>
                ),
              },
              { label: 'Owner', value: ownerName ?? 'Unassigned' },
              { label: 'Created', value: formatDateTime(deal.createdAt, details.timeZone) },
              { label: 'Closed', value: deal.closedAt ? formatDateTime(deal.closedAt, details.timeZone) : 'Still open' },
              { label: 'Currency', value: deal.currency },
            ]}
          />
        </Stack>
      </Paper>
      <Section title="Activities" description={`Calls, emails and meetings logged on this deal, newest first. Times in ${details.timeZone}.`}>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <EventTimeline entries={timeline} timeZone={details.timeZone} emptyText="No activities logged on this deal yet." />
        </Paper>
      </Section>
    </Stack>
  );
}

/** `/w/:slug/deals/:id`: one deal: amount against list price, outcome, who it is with, and its activities. */
export function DealPage() {
  const { id = '' } = useParams();
  const { pathTo } = useCurrentWorkspace();
  const deal = useDeal(id);
  return (
    <RecordPage back={{ to: pathTo('deals'), label: 'Deals' }} query={deal} loadingLabel="Loading the deal">
      {(data) => <DealView data={data} />}
    </RecordPage>
  );
}
