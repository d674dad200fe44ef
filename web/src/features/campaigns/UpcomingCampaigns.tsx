import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { UpcomingCampaign } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { CampaignStateBadge } from './CampaignStateBadge.tsx';
import { OFFER_KIND_LABELS, formatDayRange } from './campaign-text.ts';
import { useUpcomingCampaigns } from './use-campaigns.ts';

/** The roles briefed on campaigns: they see the section even while nothing is coming up. */
const BRIEFED_ROLES = ['sales_rep', 'sales_manager'];

function AcknowledgementBadge({ campaign }: { campaign: UpcomingCampaign }) {
  if (!campaign.briefing) return <Badge color="gray" variant="light" tt="none">Briefing not published</Badge>;
  if (campaign.acknowledgement) return <Badge color="teal" variant="light" tt="none">Acknowledged v{campaign.briefing.version}</Badge>;
  if (campaign.needsAcknowledgement) return <Badge color="orange" variant="filled" tt="none">Please acknowledge</Badge>;
  return <Badge color="gray" variant="light" tt="none">{campaign.team.acknowledged} of {campaign.team.expected} reps acknowledged</Badge>;
}

function UpcomingCard({ campaign }: { campaign: UpcomingCampaign }) {
  const { pathTo } = useCurrentWorkspace();
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={campaign.name}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {campaign.name}
          </Text>
          <CampaignStateBadge state={campaign.state} size="sm" />
        </Group>
        <Text size="sm">
          {formatDayRange(campaign.launchOn, campaign.endOn)}
          {campaign.announceOn && campaign.announceOn < campaign.launchOn ? ` · announced ${formatDayRange(campaign.announceOn, campaign.announceOn)}` : ''}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {[campaign.offer.kind === 'none' ? null : OFFER_KIND_LABELS[campaign.offer.kind], campaign.products.map((product) => product.sku).join(', ') || null, campaign.channels.join(', ') || null]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group justify="space-between" gap="xs">
          <AcknowledgementBadge campaign={campaign} />
          <Anchor component={Link} to={pathTo(`campaigns/${campaign.id}/briefing`)} size="sm" fw={500} aria-label={`Read the briefing of ${campaign.name}`}>
            {campaign.needsAcknowledgement ? 'Read and acknowledge' : 'Read the briefing'}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Live or coming campaigns with no sales briefing (always-on advertising, newsletters): named, not carded. */
function Unbriefed({ items }: { items: UpcomingCampaign[] }) {
  const { pathTo } = useCurrentWorkspace();
  return (
    <Text size="sm" c="dimmed">
      Also {items.some((item) => item.status === 'live') ? 'running' : 'coming'}, without a sales briefing:{' '}
      {items.map((item, index) => (
        <span key={item.id}>
          {index > 0 && ', '}
          <Anchor component={Link} to={pathTo(`campaigns/${item.id}`)} size="sm">
            {item.name}
          </Anchor>
        </span>
      ))}
      .
    </Text>
  );
}

/** The home page's "Upcoming campaigns": live or launching soon, that brief the signed-in person, with their acknowledgement. */
export function UpcomingCampaigns() {
  const { workspace, can } = useCurrentWorkspace();
  const upcoming = useUpcomingCampaigns(can('funnel.read'));
  const items = upcoming.data?.items ?? [];
  const isBriefed = BRIEFED_ROLES.includes(workspace.role);
  if (upcoming.status === 'error') return isBriefed ? <ErrorAlert error={upcoming.error} title="Could not load your upcoming campaigns" /> : null;
  if (upcoming.status === 'pending' || (items.length === 0 && !isBriefed)) return null;
  const waiting = items.filter((item) => item.needsAcknowledgement).length;
  // Campaigns with a briefing come first, those waiting for the reader before the others; always-on campaigns without one are only listed.
  const briefed = items
    .filter((item) => item.briefing !== null)
    .sort((a, b) => Number(b.needsAcknowledgement) - Number(a.needsAcknowledgement) || a.launchOn.localeCompare(b.launchOn));
  const unbriefed = items.filter((item) => item.briefing === null);
  return (
    <Stack gap="sm" component="section" aria-label="Upcoming campaigns">
      <Stack gap={2}>
        <Title order={2} fz="h4">
          Upcoming campaigns
        </Title>
        <Text size="sm" c="dimmed">
          {items.length === 0
            ? 'No campaign that briefs you is live or launching in the next 60 days.'
            : waiting > 0
              ? `${waiting === 1 ? 'One briefing waits' : `${waiting} briefings wait`} for your acknowledgement.`
              : 'Live or launching in the next 60 days, with their sales briefing.'}
        </Text>
      </Stack>
      {briefed.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {briefed.map((campaign) => (
            <UpcomingCard key={campaign.id} campaign={campaign} />
          ))}
        </SimpleGrid>
      )}
      {unbriefed.length > 0 && <Unbriefed items={unbriefed} />}
    </Stack>
  );
}
