import { Alert, Anchor, Badge, Box, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { formatCount, formatDay, plural } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useUrlSettings } from '../../hooks/use-url-settings.ts';
import type { SlaLedger, SlaPolicy } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { BreachesSection } from './BreachesSection.tsx';
import { LedgerControls } from './LedgerControls.tsx';
import { ledgerPeriod, monthOf, readLedgerSettings, writeLedgerSettings } from './ledger-period.ts';
import { MarketingLedgerSection } from './MarketingLedgerSection.tsx';
import { SalesLedgerSection } from './SalesLedgerSection.tsx';
import { formatBusinessHours, formatPercentValue } from './sla-text.ts';
import { useSlaLedger } from './use-sla.ts';

/** Which team a number holds to account, the same badge on both sides of the page. */
export function SideBadge({ side }: { side: 'marketing' | 'sales' }) {
  return (
    <Badge color={side === 'marketing' ? 'grape' : 'cyan'} variant="filled" tt="none" size="lg">
      Holds {side === 'marketing' ? 'Marketing' : 'Sales'} to account
    </Badge>
  );
}

function PromiseCard({ side, children }: { side: 'marketing' | 'sales'; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" style={{ borderLeft: `4px solid var(--mantine-color-${side === 'marketing' ? 'grape' : 'cyan'}-6)` }}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {side === 'marketing' ? 'Marketing promised' : 'Sales promised'}
        </Text>
        <Text size="sm">{children}</Text>
      </Stack>
    </Paper>
  );
}

/** The two promises of the contract in force, so each number below can be read against the one it measures. */
function Promises({ policy, version }: { policy: SlaPolicy; version: number | null }) {
  const { pathTo } = useCurrentWorkspace();
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <PromiseCard side="marketing">
          {formatCount(policy.mqlsPerMonth)} MQLs a month, of which Sales accepts at least {formatPercentValue(policy.acceptedPercent)} of those it decides.
        </PromiseCard>
        <PromiseCard side="sales">
          First contact within {formatBusinessHours(policy.firstContactHours)} of working time after the handover, and {policy.attempts} contact{' '}
          {policy.attempts === 1 ? 'attempt' : 'attempts'} within {policy.attemptsWithinDays} days.
        </PromiseCard>
      </SimpleGrid>
      {version !== null && (
        <Text size="xs" c="dimmed">
          As both teams signed them in{' '}
          <Anchor component={Link} to={pathTo(`lead-contract/${version}`)} size="xs">
            lead contract v{version}
          </Anchor>
          . Each MQL is judged under the version that qualified it.
        </Text>
      )}
    </Stack>
  );
}

function Report({ ledger, thisMonth }: { ledger: SlaLedger; thisMonth: string }) {
  const { pathTo } = useCurrentWorkspace();
  const mqls = ledger.sales.byOwner.total.leads;
  const period = `from ${formatDay(ledger.from)} to ${formatDay(ledger.to)}`;
  return (
    <Stack gap="xl">
      {ledger.policy ? (
        <Promises policy={ledger.policy} version={ledger.version} />
      ) : (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle />} title="No lead contract is active">
          Marketing’s targets and Sales’ clocks come from the signed{' '}
          <Anchor component={Link} to={pathTo('lead-contract')} size="sm">
            lead contract
          </Anchor>
          . Until both teams sign one, the ledger has nothing to judge by.
        </Alert>
      )}

      {mqls === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Stack gap={4}>
            <Text fw={600}>No lead became an MQL {period}.</Text>
            <Text size="sm" c="dimmed">
              Choose a longer period above. MQLs appear here once leads qualify under the lead contract and are handed to Sales.
            </Text>
          </Stack>
        </Paper>
      ) : (
        <>
          <Section
            title="Marketing’s side: MQL volume and quality"
            description={`Per month, the MQLs delivered ${period} against the target, and the share Sales accepted of those it decided. Rejection reasons tell Marketing what to fix.`}
            actions={<SideBadge side="marketing" />}
          >
            {ledger.marketing.length > 0 ? (
              <MarketingLedgerSection lines={ledger.marketing} thisMonth={thisMonth} />
            ) : (
              <Text size="sm" c="dimmed">
                No targets: no lead contract is active.
              </Text>
            )}
          </Section>

          <Section
            title="Sales’ side: speed and follow-up"
            description={`${plural(mqls, 'MQL')} handed over ${period}, each judged as of now: was the first contact in time, were there enough attempts, and what Sales decided.`}
            actions={<SideBadge side="sales" />}
          >
            <SalesLedgerSection ledger={ledger} policy={ledger.policy} />
          </Section>

          <Section
            title="Every breach"
            description="Each promise Sales missed on an MQL of this period, latest first. Open a lead to see its handover and timeline."
            actions={<SideBadge side="sales" />}
          >
            <BreachesSection breaches={ledger.breaches} />
          </Section>
        </>
      )}
    </Stack>
  );
}

/** `/w/:slug/sla-ledger`: the two-sided SLA, one ledger that scores both teams breach by breach. */
export function LedgerPage() {
  useDocumentTitle('SLA ledger');
  const [settings, setSettings] = useUrlSettings(readLedgerSettings, writeLedgerSettings);
  const [today] = useState(() => new Date());
  const period = useMemo(() => ledgerPeriod(settings, today), [settings, today]);
  const ledger = useSlaLedger(period);

  return (
    <Stack gap="lg">
      <PageHeader
        title="SLA ledger"
        description="The promise each team made in the lead contract and how it kept it, with the same numbers for both. Every figure says which side it holds to account."
        actions={ledger.isFetching && ledger.data ? <Loader size="sm" aria-label="Updating the ledger" /> : undefined}
      />
      <LedgerControls settings={settings} onChange={setSettings} today={today} />
      <QueryStatus query={ledger} label="Loading the ledger">
        {(report) => (
          <Box style={{ opacity: ledger.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
            <Report ledger={report} thisMonth={monthOf(today)} />
          </Box>
        )}
      </QueryStatus>
    </Stack>
  );
}

