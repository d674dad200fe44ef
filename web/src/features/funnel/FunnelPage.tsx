import { Anchor, Box, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDay, plural } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useUrlSettings } from '../../hooks/use-url-settings.ts';
import type { FunnelReport } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { CohortSection } from './CohortSection.tsx';
import { DataQualityNote } from './DataQualityNote.tsx';
import { FunnelBars } from './FunnelBars.tsx';
import { FunnelControls } from './FunnelControls.tsx';
import { EVER, GROUPING_LABELS, lastDayOf, periodOf, readSettings, writeSettings } from './funnel-settings.ts';
import { GroupTable } from './GroupTable.tsx';
import { PeriodEntries } from './PeriodEntries.tsx';
import { useFunnel } from './use-funnel.ts';
import { VelocityTable } from './VelocityTable.tsx';

function periodText(report: FunnelReport, today: Date): string {
  const last = lastDayOf(report);
  const to = last >= today.toISOString().slice(0, 10) ? 'today' : formatDay(last);
  return report.from <= EVER ? `up to ${to}` : `from ${formatDay(report.from)} to ${to}`;
}

function Report({ report, today }: { report: FunnelReport; today: Date }) {
  const { can, pathTo } = useCurrentWorkspace();
  const groupLabel = GROUPING_LABELS[report.by];
  const created = report.groups.reduce((sum, group) => sum + group.reached.visitor, 0);
  const anonymous = report.total.reached.visitor - created;
  const window = plural(report.windowDays, 'day');

  return (
    <Stack gap="xl">
      <DataQualityNote quality={report.dataQuality} />
      {created === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Stack gap={4}>
            <Text fw={600}>No leads were created in this period.</Text>
            <Text size="sm" c="dimmed">
              Choose a longer period (for example “All time”) above
              {can('funnel.import') ? (
                <>
                  , or{' '}
                  <Anchor component={Link} to={pathTo('import')} size="sm">
                    import leads from a CSV file
                  </Anchor>
                </>
              ) : null}
              .
            </Text>
          </Stack>
        </Paper>
      ) : (
        <>
          <Section
            title="The funnel"
            description={`Of the ${plural(created, 'lead')} created ${periodText(report, today)}${anonymous > 0 ? ` and ${plural(anonymous, 'website visitor')} who never left their details` : ''}, how many reached each stage within ${window} of being created.`}
          >
            <FunnelBars line={report.total} />
          </Section>

          <Section
            title={`By ${groupLabel.toLowerCase()}`}
            description={`The same funnel for each ${groupLabel.toLowerCase()}. Under each count: the share of the stage before it that got this far.${
              report.by === 'campaign' ? '' : ` Click a ${groupLabel.toLowerCase()} to see its leads.`
            }`}
          >
            <GroupTable report={report} groupLabel={groupLabel} />
          </Section>

          <Section
            title="Monthly cohorts"
            description={`Leads grouped by the month they were created, and how many of them became customers within ${window}. Recent months have not had the full ${window} yet, so their numbers can still grow.`}
          >
            <CohortSection report={report} today={today} />
          </Section>

          <Section
            title="Days between stages"
            description="How long leads took from one stage to the next: the median (half were faster) and the 90th percentile (p90: nine in ten were faster), with how many leads made the step."
          >
            <VelocityTable report={report} groupLabel={groupLabel} />
          </Section>
        </>
      )}

      <Section
        title="What happened in this period"
        description={`How many people reached each stage ${periodText(report, today)}, whenever they were created. Visitors are anonymous browsers first seen by the website snippet.`}
      >
        <PeriodEntries period={report.period} />
      </Section>
    </Stack>
  );
}

/** `/w/:slug/funnel`: the one funnel both teams read, with the same definitions and numbers for everyone. */
export function FunnelPage() {
  useDocumentTitle('Funnel');
  const [settings, setSettings] = useUrlSettings(readSettings, writeSettings);
  const [today] = useState(() => new Date());
  const period = useMemo(() => periodOf(settings, today), [settings, today]);
  const funnel = useFunnel(settings.by, period, settings.windowDays);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Funnel"
        description="One funnel for Sales and Marketing: the same leads, the same stages and the same numbers for both teams."
        actions={funnel.isFetching && funnel.data ? <Loader size="sm" aria-label="Updating the funnel" /> : undefined}
      />
      <FunnelControls settings={settings} onChange={setSettings} today={today} />
      <QueryStatus query={funnel} label="Loading the funnel">
        {(report) => (
          <Box style={{ opacity: funnel.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
            <Report report={report} today={today} />
          </Box>
        )}
      </QueryStatus>
    </Stack>
  );
}
