import { Alert, Anchor, Badge, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { DetailGrid } from '../../components/DetailGrid.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatCount, formatDateTime } from '../../format.ts';
import type { HandoverDetail } from '../../types.ts';
import { useMembers } from '../settings/members/use-members.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { AssignMql } from './AssignMql.tsx';
import { DecisionButtons } from './DecisionButtons.tsx';
import { SlaClockBadge } from './SlaClockBadge.tsx';
import { ATTEMPTS_LOOKS, decisionLook, FIRST_CONTACT_LOOKS, formatBusinessHours } from './sla-text.ts';
import { useLeadHandover, useNow } from './use-sla.ts';

const TOUCH_NAMES: Record<string, string> = {
  page_view: 'Page view',
  form_submit: 'Form submit',
  email_open: 'Email open',
  email_click: 'Email click',
  ad_click: 'Ad click',
  event: 'Event or webinar',
  call: 'Call',
  meeting: 'Meeting',
  chat: 'Chat',
};

function Heading({ children }: { children: string }) {
  return (
    <Text size="xs" c="dimmed" fw={600} tt="uppercase">
      {children}
    </Text>
  );
}

function signed(points: number): string {
  const text = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(Math.abs(points));
  return points < 0 ? `−${text}` : `+${text}`;
}

/** Why it qualified: the fit and engagement points, rule by rule, largest first. */
function Reasons({ handover }: { handover: HandoverDetail }) {
  const { note } = handover;
  return (
    <Stack gap={6}>
      <Heading>Why it qualified</Heading>
      <Text size="sm">
        Fit <b>{formatCount(note.fit)}</b> · engagement <b>{formatCount(note.engagement)}</b> under lead contract v{note.version}
      </Text>
      {note.reasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          No rule is recorded.
        </Text>
      ) : (
        note.reasons.map((line) => (
          <Group key={line.ruleId} gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {line.label}
              </Text>
              {line.detail && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {line.kind === 'fit' ? 'Fit' : 'Engagement'} · {line.detail}
                </Text>
              )}
            </Stack>
            <Text size="sm" fw={600} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
              {signed(line.points)}
            </Text>
          </Group>
        ))
      )}
    </Stack>
  );
}

function Touchpoints({ handover }: { handover: HandoverDetail }) {
  const { details } = useCurrentWorkspace();
  const touches = handover.note.latestTouchpoints;
  return (
    <Stack gap={6}>
      <Heading>Latest touchpoints</Heading>
      {touches.length === 0 ? (
        <Text size="sm" c="dimmed">
          None before it qualified.
        </Text>
      ) : (
        touches.map((touch, index) => (
          <Stack key={`${touch.occurredAt}-${index}`} gap={0}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {TOUCH_NAMES[touch.type] ?? touch.type}
              {touch.url ? ` · ${touch.url}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {[formatDateTime(touch.occurredAt, details.timeZone), touch.channel].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        ))
      )}
    </Stack>
  );
}

function Context({ handover }: { handover: HandoverDetail }) {
  const { pathTo } = useCurrentWorkspace();
  const { account, campaign } = handover.note;
  return (
    <Stack gap={6}>
      <Heading>Campaign and account</Heading>
      <Text size="sm">
        {campaign ? (
          <>
            Via{' '}
            <Anchor component={Link} to={pathTo(`leads?campaignId=${campaign.id}`)} size="sm">
              {campaign.name}
            </Anchor>
          </>
        ) : (
          'No campaign'
        )}
      </Text>
      {account ? (
        <Stack gap={0}>
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {account.name}
          </Text>
          <Text size="xs" c="dimmed">
            {[account.industry, account.employees === null ? null : `${formatCount(account.employees)} employees`, account.country].filter(Boolean).join(' · ') ||
              'No details'}
          </Text>
          <Text size="xs" c="dimmed">
            {account.openDeals} open {account.openDeals === 1 ? 'deal' : 'deals'} · {account.wonDeals} won
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No account
        </Text>
      )}
      {handover.routingNote && (
        <Text size="xs" c="dimmed">
          Routing: {handover.routingNote}
        </Text>
      )}
    </Stack>
  );
}

function StateBadge({ look }: { look: { label: string; color: string } }) {
  return (
    <Badge color={look.color} variant="light" tt="none" style={{ flexShrink: 0 }}>
      {look.label}
    </Badge>
  );
}

/** The two SLA clocks of Sales as of now, and whether the MQL went stale. */
function Clocks({ handover }: { handover: HandoverDetail }) {
  const { details } = useCurrentWorkspace();
  const now = useNow();
  const { sla, policy } = handover;
  const at = (iso: string | null) => (iso ? formatDateTime(iso, details.timeZone) : null);
  if (!sla) {
    return (
      <Text size="sm" c="dimmed">
        The contract version that qualified this lead is gone, so its SLA cannot be judged.
      </Text>
    );
  }
  const open = handover.decision === null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Stack gap={6}>
        <Group gap="xs" justify="space-between">
          <Heading>First contact</Heading>
          <StateBadge look={FIRST_CONTACT_LOOKS[sla.firstContactState]} />
        </Group>
        <DetailGrid
          cols={2}
          details={[
            { label: policy ? `Due within ${policy.firstContactHours} business ${policy.firstContactHours === 1 ? 'hour' : 'hours'}` : 'Due', value: at(sla.firstContactDueAt) },
            {
              label: 'Contacted',
              value: sla.firstContactAt ? `${at(sla.firstContactAt)} (${formatBusinessHours(sla.firstContactBusinessHours)})` : 'Not yet',
            },
          ]}
        />
        {open && !sla.firstContactAt && <SlaClockBadge handover={handover} now={now} size="md" />}
      </Stack>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between">
          <Heading>Contact attempts</Heading>
          <StateBadge look={ATTEMPTS_LOOKS[sla.attemptsState]} />
        </Group>
        <DetailGrid
          cols={2}
          details={[
            { label: 'Made', value: policy ? `${sla.attemptsMade} of ${policy.attempts}` : String(sla.attemptsMade) },
            { label: 'Due by', value: at(sla.attemptsDueAt) },
          ]}
        />
        {sla.stale && (
          <Badge color="yellow" variant="light" tt="none">
            Stale: undecided for {policy?.staleAfterDays ?? '?'} days
          </Badge>
        )}
      </Stack>
    </SimpleGrid>
  );
}

/** Who decided and when, or who is still to decide; nothing while the reader can decide (the buttons say it). */
function Decision({ handover }: { handover: HandoverDetail }) {
  const { user, details } = useCurrentWorkspace();
  const members = useMembers();
  const look = decisionLook(handover);
  if (handover.decision === null) {
    return (
      <Text size="sm" c="dimmed">
        Waiting for {handover.ownerName ?? 'a sales manager'} to accept or reject it.
      </Text>
    );
  }
  const by =
    handover.decidedBy === null
      ? handover.decision === 'recycled'
        ? 'Accord, undecided too long'
        : null
      : handover.decidedBy === user.id
        ? 'you'
        : (members.data?.find((member) => member.userId === handover.decidedBy)?.name ?? null);
  return (
    <Stack gap={4}>
      <Text size="sm">
        <b>{look.label}</b>
        {by ? ` by ${by}` : ''}
        {handover.decidedAt ? ` on ${formatDateTime(handover.decidedAt, details.timeZone)}` : ''}.
      </Text>
      {handover.rejectionNote && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          “{handover.rejectionNote}”
        </Text>
      )}
    </Stack>
  );
}

/** The MQL handover of a lead: the note the rep reads, Sales' SLA clocks, and the decision; nothing for a lead never handed over. */
export function LeadHandoverCard({ leadId }: { leadId: string }) {
  const { can, user } = useCurrentWorkspace();
  const handover = useLeadHandover(leadId);
  if (handover.isPending) return null;
  if (handover.isError) {
    if (handover.error instanceof ApiError && handover.error.status === 404) return null;
    return <ErrorAlert error={handover.error} title="Could not load the handover" />;
  }
  const data = handover.data;
  const look = decisionLook(data);
  const mayDecide = data.decision === null && can('leads.handle') && (data.ownerId === user.id || can('sales.manage'));
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label="Handover">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
            <Group gap="xs">
              <Title order={2} fz="h4">
                Handover to Sales
              </Title>
              <StateBadge look={look} />
            </Group>
            <Text size="sm" c="dimmed">
              {data.ownerName ? `Assigned to ${data.ownerName}` : 'Not assigned to a rep'}
            </Text>
          </Stack>
          {mayDecide && <DecisionButtons lead={data} />}
        </Group>
        {data.decision === null && data.sla?.firstContactState === 'breached_pending' && (
          <Alert color="red" variant="light" p="xs">
            <Text size="sm">The first-contact SLA is breached: call this lead now.</Text>
          </Alert>
        )}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {data.summary}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
          <Reasons handover={data} />
          <Touchpoints handover={data} />
          <Context handover={data} />
        </SimpleGrid>
        {data.decision === null && can('sales.manage') && <AssignMql handover={data} />}
        <Divider />
        <Clocks handover={data} />
        {!mayDecide && (
          <>
            <Divider />
            <Decision handover={data} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
