import { Anchor, Badge, Box, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { formatDateTime, plural } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import type { Handover } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { DecisionButtons } from './DecisionButtons.tsx';
import { SlaClockBadge } from './SlaClockBadge.tsx';
import { useHandovers, useNow, useReps, type OwnerFilter } from './use-sla.ts';

const ID = /^[0-9a-f-]{36}$/i;

function readOwner(value: string | null): OwnerFilter {
  return value === 'all' || (value !== null && ID.test(value)) ? value : 'me';
}

/** One open MQL: who, why it qualified, the first-contact clock, and the decision buttons. */
function MqlItem({ handover, now, showOwner }: { handover: Handover; now: number; showOwner: boolean }) {
  const { can, user, pathTo, details } = useCurrentWorkspace();
  const mayDecide = can('leads.handle') && (handover.ownerId === user.id || can('sales.manage'));
  const attempts = handover.sla;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="li" aria-label={`MQL ${handover.leadName}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={0} style={{ flex: '1 1 240px', minWidth: 0 }}>
            <Anchor component={Link} to={pathTo(`leads/${handover.leadId}`)} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {handover.leadName}
            </Anchor>
            {handover.company && (
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {handover.company}
              </Text>
            )}
          </Stack>
          {mayDecide && (
            <Box visibleFrom="sm">
              <DecisionButtons lead={handover} />
            </Box>
          )}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {handover.summary}
        </Text>
        <Group gap="xs" wrap="wrap">
          <SlaClockBadge handover={handover} now={now} />
          {attempts && (
            <Badge size="md" variant="light" color={attempts.attemptsState === 'breached' ? 'red' : 'gray'} tt="none">
              {attempts.attemptsMade} {attempts.attemptsMade === 1 ? 'attempt' : 'attempts'} so far{attempts.attemptsState === 'breached' ? ': too few in time' : ''}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {[
              `MQL since ${formatDateTime(handover.mqlAt, details.timeZone)}`,
              handover.firstContactDueAt ? `call by ${formatDateTime(handover.sla?.firstContactDueAt ?? handover.firstContactDueAt, details.timeZone)}` : null,
              handover.source ? `source ${handover.source}` : null,
              showOwner ? (handover.ownerName ? `assigned to ${handover.ownerName}` : 'not assigned') : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Group>
        {mayDecide && (
          <Box hiddenFrom="sm">
            <DecisionButtons lead={handover} grow />
          </Box>
        )}
      </Stack>
    </Paper>
  );
}

function OwnerSelect({ value, onChange }: { value: OwnerFilter; onChange: (owner: OwnerFilter) => void }) {
  const { user } = useCurrentWorkspace();
  const reps = useReps();
  const data = [
    { value: 'me', label: 'Assigned to me' },
    ...(reps.data ?? []).filter((rep) => rep.userId !== user.id).map((rep) => ({ value: rep.userId, label: `${rep.name} (${rep.openMqls} open)` })),
    { value: 'all', label: 'Everyone, and not assigned' },
  ];
  return (
    <Select
      label="Whose MQLs"
      data={data}
      value={value}
      allowDeselect={false}
      onChange={(next) => onChange(readOwner(next))}
      w={{ base: '100%', xs: 280 }}
      rightSection={reps.isPending ? <Loader size="xs" /> : undefined}
    />
  );
}

/** `/w/:slug/mqls`: a rep's open MQLs, newest first; managers choose whose. */
export function MqlInboxPage() {
  useDocumentTitle('My MQLs');
  const { can, pathTo } = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const manager = can('sales.manage');
  const owner = manager ? readOwner(params.get('owner')) : 'me';
  const handovers = useHandovers(owner);
  const now = useNow();
  const items = useMemo(() => handovers.data?.pages.flatMap((page) => page.items) ?? [], [handovers.data]);
  const overdue = items.filter((item) => item.sla?.firstContactState === 'breached_pending').length;

  return (
    <Stack gap="lg">
      <PageHeader
        title="My MQLs"
        description="Leads Marketing handed to Sales, newest first. Call each one before its first-contact clock runs out, then accept it or reject it with a reason: rejections go back to Marketing as data."
        actions={handovers.isFetching && handovers.data ? <Loader size="sm" aria-label="Updating" /> : undefined}
      />
      {manager && (
        <Paper withBorder radius="md" p="md">
          <OwnerSelect value={owner} onChange={(next) => setParams(next === 'me' ? {} : { owner: next }, { replace: true })} />
        </Paper>
      )}
      <QueryStatus query={handovers} label="Loading MQLs">
        {() =>
          items.length === 0 ? (
            <Paper withBorder radius="md" p="lg">
              <Stack gap={4}>
                <Text fw={600}>{owner === 'me' ? 'No open MQLs assigned to you.' : 'No open MQLs here.'}</Text>
                <Text size="sm" c="dimmed">
                  When a lead qualifies under the signed lead contract, it is routed to a rep and appears here with the note on why it qualified. See how both
                  teams are doing in the{' '}
                  <Anchor component={Link} to={pathTo('sla-ledger')} size="sm">
                    SLA ledger
                  </Anchor>
                  .
                </Text>
              </Stack>
            </Paper>
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed" aria-live="polite">
                {plural(items.length, 'open MQL')}
                {handovers.hasNextPage ? ' shown — there are more' : ''}
                {overdue > 0 && (
                  <Text span size="sm" c="red.7" fw={600}>
                    {' '}
                    · {overdue} overdue for first contact
                  </Text>
                )}
              </Text>
              <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Open MQLs">
                {items.map((handover) => (
                  <MqlItem key={handover.leadId} handover={handover} now={now} showOwner={owner !== 'me'} />
                ))}
              </Stack>
              <LoadMore query={handovers} />
            </Stack>
          )
        }
      </QueryStatus>
    </Stack>
  );
}
