import { Alert, Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { Stat } from '../../components/Stat.tsx';
import { formatCount, formatPercent } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useUrlSettings } from '../../hooks/use-url-settings.ts';
import type { AttributionMeasure, Scorecard } from '../../types.ts';
import { FunnelBars } from '../funnel/FunnelBars.tsx';
import { DEFAULT_WINDOW_DAYS, writeSettings as writeFunnelSettings } from '../funnel/funnel-settings.ts';
import { useFunnel } from '../funnel/use-funnel.ts';
import { writeLedgerSettings } from '../sla/ledger-period.ts';
import { SideBadge } from '../sla/LedgerPage.tsx';
import { formatBusinessHours, formatPercentValue } from '../sla/sla-text.ts';
import { useSlaLedger } from '../sla/use-sla.ts';
import { ScorecardPanel } from '../targets/ScorecardPanel.tsx';
import { formatPeriod } from '../targets/target-text.ts';
import { useScorecard } from '../targets/use-targets.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { MEASURE_LABELS } from './attribution-labels.ts';
import { attributionSearch, monthsOf } from './attribution-settings.ts';
import { AttributionStats, NoConversions, PolicyNote } from './AttributionReportParts.tsx';
import { TeamTotals } from './BridgePage.tsx';
import { CreditTable } from './CreditTable.tsx';
import { readPeriodKey } from './period-key.ts';
import { PeriodKeyPicker } from './PeriodKeyPicker.tsx';
import { useAttribution, useBridge } from './use-attribution.ts';
import { Waterfall, waterfallSteps } from './Waterfall.tsx';

type Links = Scorecard['links'];
type Months = { fromMonth: string; toMonth: string };

/** How many rows each summary table shows; the full page has them all. */
const SUMMARY_ROWS = 6;

function readDashboardPeriod(params: URLSearchParams): string {
  return readPeriodKey(params, new Date());
}

function writeDashboardPeriod(period: string): URLSearchParams {
  return new URLSearchParams({ period });
}

function OpenLink({ to, children }: { to: string; children: string }) {
  const { pathTo } = useCurrentWorkspace();
  return (
    <Anchor component={Link} to={pathTo(to)} size="sm" fw={500}>
      {children} →
    </Anchor>
  );
}

function FunnelSummary({ links, months }: { links: Links; months: Months }) {
  const funnel = useFunnel('channel', links.funnel, DEFAULT_WINDOW_DAYS);
  const search = writeFunnelSettings({ by: 'channel', range: 'custom', windowDays: DEFAULT_WINDOW_DAYS, ...months });
  return (
    <Section
      title="The funnel"
      description={`Leads created in the period and how far they got within ${DEFAULT_WINDOW_DAYS} days.`}
      actions={<OpenLink to={`funnel?${search}`}>Open the funnel</OpenLink>}
    >
      <QueryStatus query={funnel} label="Loading the funnel">
        {(report) => <FunnelBars line={report.total} />}
      </QueryStatus>
    </Section>
  );
}

function LedgerSummary({ links, months }: { links: Links; months: Months }) {
  const ledger = useSlaLedger(links.ledger);
  const search = writeLedgerSettings({ range: 'custom', ...months });
  return (
    <Section
      title="SLA ledger"
      description="The promises of the lead contract, kept or missed in the period: each figure says which team it holds to account."
      actions={<OpenLink to={`sla-ledger?${search}`}>Open the ledger</OpenLink>}
    >
      <QueryStatus query={ledger} label="Loading the ledger">
        {(report) => {
          const sales = report.sales.byOwner.total;
          const mqls = report.marketing.reduce((sum, line) => sum + line.mqls, 0);
          const target = report.marketing.reduce((sum, line) => sum + line.target, 0);
          const decided = sales.accepted + sales.rejected;
          return (
            <Stack gap="sm">
              <Paper withBorder radius="md" p="sm">
                <Stack gap="xs">
                  <SideBadge side="marketing" />
                  <SimpleGrid cols={2} spacing="sm">
                    <Stat label="MQLs delivered" value={report.marketing.length > 0 ? `${formatCount(mqls)} of ${formatCount(target)}` : formatCount(sales.leads)} />
                    <Stat label="Accepted by Sales" value={formatPercent(decided === 0 ? null : sales.accepted / decided, 0)} />
                  </SimpleGrid>
                </Stack>
              </Paper>
              <Paper withBorder radius="md" p="sm">
                <Stack gap="xs">
                  <SideBadge side="sales" />
                  <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                    <Stat label="First contact in time" value={`${formatCount(sales.met)} of ${formatCount(sales.leads)}`} />
                    <Stat label="Breached" value={formatCount(sales.breached)} />
                    <Stat label="Median first contact" value={formatBusinessHours(sales.medianFirstContactHours)} />
                    <Stat label="Attempts met" value={formatPercentValue(sales.attemptsMetPercent)} />
                    <Stat label="Still overdue" value={formatCount(sales.overdue)} />
                  </SimpleGrid>
                </Stack>
              </Paper>
            </Stack>
          );
        }}
      </QueryStatus>
    </Section>
  );
}

function AttributionSummary({ links }: { links: Links }) {
  const attribution = useAttribution(links.attribution, 'channel');
  return (
    <Section
      title="Attribution"
      description="Pipeline and revenue of the period credited to channels by the model the credit policy settles on."
      actions={<OpenLink to={`attribution?${attributionSearch(links.attribution, 'revenue')}`}>Every model, by channel or campaign</OpenLink>}
    >
      <QueryStatus query={attribution} label="Loading attribution">
        {(report) => (
          <Stack gap="md">
            <PolicyNote report={report} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              {(['pipeline', 'revenue'] as AttributionMeasure[]).map((measure) => (
                <Stack gap="sm" key={measure}>
                  <Text fw={600}>{MEASURE_LABELS[measure]}</Text>
                  <AttributionStats report={report} measure={measure} />
                  {report[measure].conversions === 0 ? (
                    <NoConversions report={report} measure={measure} />
                  ) : (
                    <CreditTable report={report} measure={measure} models={[report.policy.settlingModel ?? 'linear']} limit={SUMMARY_ROWS} />
                  )}
                </Stack>
              ))}
            </SimpleGrid>
          </Stack>
        )}
      </QueryStatus>
    </Section>
  );
}

/**
 * Against the target when there is one; against the period before when there is none, or when the
 * target cannot be split into levers (no revenue won in the six months before it), with a notice.
 */
function BridgeSummary({ scorecard }: { scorecard: Scorecard }) {
  const { period } = scorecard.links.bridge;
  const byTarget = useBridge(period, 'target', scorecard.target !== null);
  const targetUnsplittable = byTarget.error instanceof ApiError && byTarget.error.code === 'validation_failed';
  const compare = scorecard.target && !targetUnsplittable ? 'target' : 'previous';
  const byPrevious = useBridge(period, 'previous', compare === 'previous');
  const bridge = compare === 'target' ? byTarget : byPrevious;
  return (
    <Section
      title="Revenue bridge"
      description={`Why revenue differs from ${compare === 'target' ? 'the target' : 'the period before'}, lever by lever, with the team that owns each.`}
      actions={<OpenLink to={`revenue-bridge?period=${period}${compare === 'target' ? '&compare=target' : ''}`}>Open the bridge by channel</OpenLink>}
    >
      {targetUnsplittable && (
        <Alert color="yellow" variant="light" mb="sm" title="The target cannot be split into levers yet">
          No revenue was won in the six months before this period, so there are no rates to spread the target over channels and levers. Here is the
          comparison with the period before instead.
        </Alert>
      )}
      <QueryStatus query={bridge} label="Loading the bridge">
        {(report) => (
          <Stack gap="sm">
            <TeamTotals bridge={report} />
            <Waterfall steps={waterfallSteps(report)} currency={report.currency} />
          </Stack>
        )}
      </QueryStatus>
    </Section>
  );
}

/** The sections that read the scorecard's dates for the period. */
function PeriodSections({ scorecard }: { scorecard: Scorecard }) {
  const months = monthsOf(scorecard.period);
  return (
    <Stack gap="xl">
      <BridgeSummary scorecard={scorecard} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <FunnelSummary links={scorecard.links} months={months} />
        <LedgerSummary links={scorecard.links} months={months} />
      </SimpleGrid>
      <AttributionSummary links={scorecard.links} />
    </Stack>
  );
}

/** `/w/:slug/dashboard`: what both teams read for one month or quarter: the shared scorecard, the bridge, the funnel, the SLA ledger and attribution. */
export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const [period, setPeriod] = useUrlSettings(readDashboardPeriod, writeDashboardPeriod);
  const [today] = useState(() => new Date());
  const scorecard = useScorecard(period);

  return (
    <Stack gap="lg">
      <PageHeader title="Dashboard" description={`One page both teams read for ${formatPeriod(period)}: the shared target, why revenue moved, the funnel, the SLA ledger and who gets the credit.`} />
      <Paper withBorder radius="md" p="md">
        <PeriodKeyPicker value={period} onChange={setPeriod} today={today} />
      </Paper>
      <Section title="Shared scorecard" description="The revenue target, what is won so far, and the funnel it takes at the rates of the last six months." actions={<OpenLink to="targets">Open the targets</OpenLink>}>
        <ScorecardPanel period={period} />
      </Section>
      <QueryStatus query={scorecard} label="Loading the dashboard">
        {(card) => <PeriodSections scorecard={card} />}
      </QueryStatus>
    </Stack>
  );
}
