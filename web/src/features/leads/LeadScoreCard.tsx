import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatCount, formatDateTime } from '../../format.ts';
import { ScoreBreakdown } from '../contract/ScoreBreakdown.tsx';
import { ScoreResultBadge } from '../contract/ScoreResultBadge.tsx';
import { useContractVersion, useLeadScore } from '../contract/use-contract.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';

function Figure({ label, value, needed }: { label: string; value: number; needed: number | undefined }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatCount(value)}
      </Text>
      {needed !== undefined && (
        <Text size="xs" c={value >= needed ? 'teal.8' : 'dimmed'}>
          {formatCount(needed)} needed
        </Text>
      )}
    </Stack>
  );
}

/** The lead's score under the signed lead contract, rule by rule; nothing when no contract has scored it yet. */
export function LeadScoreCard({ leadId }: { leadId: string }) {
  const { pathTo, details } = useCurrentWorkspace();
  const score = useLeadScore(leadId);
  // The thresholds of the version that scored the lead, to read the numbers against.
  const contract = useContractVersion(score.data?.version ?? null);
  const definition = contract.data?.definition;
  if (score.isPending) return null;
  if (score.isError) {
    if (score.error instanceof ApiError && score.error.status === 404) return null;
    return <ErrorAlert error={score.error} title="Could not load the score" />;
  }
  const data = score.data;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Score">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={2} fz="h5">
            Score
          </Title>
          <ScoreResultBadge qualified={data.qualified} disqualifiedReason={data.disqualifiedReason} labels={{ yes: 'Qualifies as MQL', no: 'Below the thresholds' }} />
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <Figure label="Fit" value={data.fit} needed={definition?.fitThreshold} />
          <Figure label="Engagement" value={data.engagement} needed={definition?.engagementThreshold} />
        </SimpleGrid>
        <ScoreBreakdown breakdown={data.breakdown} />
        <Text size="xs" c="dimmed">
          By lead contract{' '}
          <Anchor component={Link} to={pathTo(`lead-contract/${data.version}`)} size="xs">
            v{data.version}
          </Anchor>
          , {formatDateTime(data.scoredAt, details.timeZone)}
        </Text>
      </Stack>
    </Paper>
  );
}
