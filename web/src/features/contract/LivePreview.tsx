import { Anchor, Box, Button, Center, Group, Popover, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { LeadDefinition } from '../../../../core/schemas/scoring.ts';
import type { LeadScore } from '../../../../core/scoring/evaluate.ts';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatCount } from '../../format.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { StageBadge } from '../leads/StageBadge.tsx';
import { ScoreBreakdown } from './ScoreBreakdown.tsx';
import { ScoreResultBadge } from './ScoreResultBadge.tsx';
import type { PreviewRow, PreviewScores } from './use-preview-scores.ts';

type Filter = 'all' | 'mql' | 'changed' | 'disqualified';
const PAGE = 25;

const isChanged = (row: PreviewRow) => row.active !== null && row.candidate !== null && row.active.qualified !== row.candidate.qualified;

const FILTERS: Record<Filter, (row: PreviewRow) => boolean> = {
  all: () => true,
  mql: (row) => row.candidate?.qualified === true,
  changed: isChanged,
  disqualified: (row) => row.candidate?.disqualified != null,
};

/** "23 of 100 sample leads would be MQLs (active version: 18)". */
export function previewSummary(scores: PreviewScores, activeVersion: number | null): string {
  const total = scores.rows.length;
  if (scores.candidateMqls === null) return 'Fix the problems marked in red to update the preview.';
  const active = activeVersion === null ? ' (no version is active yet)' : scores.activeMqls === null ? '' : ` (active version: ${formatCount(scores.activeMqls)})`;
  return `${formatCount(scores.candidateMqls)} of ${formatCount(total)} sample leads would be MQLs${active}`;
}

function Result({ score }: { score: LeadScore | null }) {
  if (!score) return <Text size="sm">—</Text>;
  return <ScoreResultBadge qualified={score.qualified} disqualifiedReason={score.disqualified?.reason ?? null} />;
}

function Points({ value, threshold }: { value: number | undefined; threshold: number }) {
  if (value === undefined) return <>—</>;
  return (
    <Text size="sm" span fw={value >= threshold ? 700 : 400} c={value >= threshold ? 'teal.8' : undefined}>
      {formatCount(value)}
    </Text>
  );
}

type Props = {
  scores: PreviewScores;
  /** The line above the table: how many MQLs, or why the numbers are not up to date. */
  summary: string;
  definition: LeadDefinition | null;
  activeVersion: number | null;
  /** The edits have problems: the table still shows the last rules that were valid. */
  stale: boolean;
};

/** The editor's sample of recent leads scored by this version as it is typed, beside the active version. */
export function LivePreview({ scores, summary, definition, activeVersion, stale }: Props) {
  const { pathTo } = useCurrentWorkspace();
  const [filter, setFilter] = useState<Filter>('all');
  const [showAll, setShowAll] = useState(false);
  const rows = scores.rows.filter(FILTERS[filter]);
  const shown = showAll ? rows : rows.slice(0, PAGE);
  const count = (key: Filter) => scores.rows.filter(FILTERS[key]).length;
  const hasActive = activeVersion !== null && scores.activeMqls !== null;

  if (scores.rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        There are no leads to preview yet. Once leads come in, the most recent ones are scored here as you edit.
      </Text>
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={600} data-testid="preview-summary" c={stale ? 'dimmed' : undefined}>
          {summary}
        </Text>
        <Box maw="100%" style={{ overflowX: 'auto' }}>
          <SegmentedControl
            size="xs"
            value={filter}
            onChange={(value) => {
              setFilter(value as Filter);
              setShowAll(false);
            }}
            data={[
              { value: 'all', label: `All (${count('all')})` },
              { value: 'mql', label: `MQLs (${count('mql')})` },
              ...(hasActive ? [{ value: 'changed', label: `Different from active (${count('changed')})` }] : []),
              { value: 'disqualified', label: `Disqualified (${count('disqualified')})` },
            ]}
            aria-label="Which sample leads to show"
          />
        </Box>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No sample lead in this group.
        </Text>
      ) : (
        <div style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }}>
          <TableCard minWidth={760} dense label="Live preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Lead</Table.Th>
                <NumTh>Fit</NumTh>
                <NumTh>Engagement</NumTh>
                <Table.Th>This version</Table.Th>
                {hasActive && <Table.Th>Active (v{activeVersion})</Table.Th>}
                <Table.Th aria-label="Breakdown" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ lead, candidate, active }) => (
                <Table.Tr key={lead.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={pathTo(`leads/${lead.id}`)} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {lead.name}
                      </Anchor>
                      <StageBadge stage={lead.stage} size="xs" />
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {[lead.subject.lead.title, lead.subject.lead.email].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <NumTd>
                    <Points value={candidate?.fit} threshold={definition?.fitThreshold ?? Infinity} />
                  </NumTd>
                  <NumTd>
                    <Points value={candidate?.engagement} threshold={definition?.engagementThreshold ?? Infinity} />
                  </NumTd>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Result score={candidate} />
                  </Table.Td>
                  {hasActive && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Result score={active} />
                    </Table.Td>
                  )}
                  <Table.Td ta="right">
                    {candidate && (
                      <Popover width={340} position="bottom-end" shadow="md" withArrow>
                        <Popover.Target>
                          <Button size="compact-xs" variant="subtle" leftSection={<IconListDetails size={14} />} aria-label={`Why: the score of ${lead.name}`}>
                            Why
                          </Button>
                        </Popover.Target>
                        <Popover.Dropdown>
                          <Stack gap="xs">
                            <Text size="sm" fw={600}>
                              {lead.name}: fit {formatCount(candidate.fit)}, engagement {formatCount(candidate.engagement)}
                            </Text>
                            <ScoreBreakdown breakdown={candidate.breakdown} />
                          </Stack>
                        </Popover.Dropdown>
                      </Popover>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableCard>
        </div>
      )}
      {rows.length > shown.length && (
        <Center>
          <Button variant="default" size="xs" onClick={() => setShowAll(true)}>
            Show all {formatCount(rows.length)}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
