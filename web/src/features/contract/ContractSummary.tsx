import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { LeadDefinition } from '../../../../core/schemas/scoring.ts';
import type { SlaPolicy } from '../../../../core/schemas/sla.ts';
import { describeCondition, describeDisqualify, describeEngagement, describeSla, describeThresholds, reasonLabel, signedPoints } from './contract-text.ts';

type Line = { key: string; label: string; text: string; badge: ReactNode };

function RuleList({ title, lines, empty }: { title: string; lines: Line[]; empty: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} fz="h5">
          {title}
        </Title>
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {lines.map((line) => (
              <Stack key={line.key} gap={0} component="li">
                <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {line.label}
                  </Text>
                  {line.badge}
                </Group>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {line.text}
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function PointsBadge({ points, suffix = '' }: { points: number; suffix?: string }) {
  return (
    <Badge variant="light" color={points < 0 ? 'red' : 'teal'} tt="none" style={{ flexShrink: 0 }}>
      {signedPoints(points)}
      {suffix}
    </Badge>
  );
}

type Props = { definition: LeadDefinition; sla: SlaPolicy; campaignName?: (id: string) => string };

/** A version of the contract in plain words: when a lead is an MQL, each rule as a sentence, and both sides' service levels. */
export function ContractSummary({ definition, sla, campaignName }: Props) {
  const words = describeSla(sla);
  return (
    <Stack gap="md">
      <Text size="sm">{describeThresholds(definition)}</Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <RuleList
          title={`Fit: who they are (needs ${definition.fitThreshold})`}
          empty="No fit rules: every lead has a fit score of 0."
          lines={definition.fitRules.map((rule) => ({ key: rule.id, label: rule.label, text: describeCondition(rule), badge: <PointsBadge points={rule.points} /> }))}
        />
        <RuleList
          title={`Engagement: what they did (needs ${definition.engagementThreshold})`}
          empty="No engagement rules: every lead has an engagement score of 0."
          lines={definition.engagementRules.map((rule) => ({
            key: rule.id,
            label: rule.label,
            text: describeEngagement(rule, campaignName),
            badge: <PointsBadge points={rule.pointsPerTouch} suffix=" each" />,
          }))}
        />
        <RuleList
          title="Never an MQL when"
          empty="No disqualify rules."
          lines={definition.disqualifyRules.map((rule) => ({
            key: rule.id,
            label: rule.label,
            text: describeDisqualify(rule, campaignName),
            badge: (
              <Badge variant="light" color="red" tt="none" style={{ flexShrink: 0 }}>
                {reasonLabel(rule.reason)}
              </Badge>
            ),
          }))}
        />
      </SimpleGrid>
      {definition.competitorDomains.length > 0 && (
        <Text size="sm">
          <Text span fw={500}>
            Competitors:
          </Text>{' '}
          {definition.competitorDomains.join(', ')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder radius="md" p="md">
          <Stack gap={4}>
            <Title order={3} fz="h5">
              Sales commits to
            </Title>
            <Text size="sm">{words.sales}</Text>
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Stack gap={4}>
            <Title order={3} fz="h5">
              Marketing commits to
            </Title>
            <Text size="sm">{words.marketing}</Text>
          </Stack>
        </Paper>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {words.recycle}
      </Text>
    </Stack>
  );
}
