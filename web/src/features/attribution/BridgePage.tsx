import { Alert, Anchor, Box, Button, Group, Input, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Section } from '../../components/Section.tsx';
import { errorMessage } from '../../api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useUrlSettings } from '../../hooks/use-url-settings.ts';
import type { RevenueBridgeReport } from '../../types.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { formatSignedMoney, formatWholeMoney } from './attribution-format.ts';
import { TEAM_COLORS } from './attribution-labels.ts';
import { BridgeSegments } from './BridgeSegments.tsx';
import { readPeriodKey } from './period-key.ts';
import { PeriodKeyPicker } from './PeriodKeyPicker.tsx';
import { useBridge } from './use-attribution.ts';
import { bridgeEnds, Waterfall, waterfallSteps } from './Waterfall.tsx';

type Compare = RevenueBridgeReport['compare'];
type BridgeSettings = { period: string; compare: Compare };

const COMPARE = [
  { value: 'previous', label: 'Period before' },
  { value: 'target', label: 'Target' },
];

function readBridgeSettings(params: URLSearchParams): BridgeSettings {
  return { period: readPeriodKey(params, new Date()), compare: params.get('compare') === 'target' ? 'target' : 'previous' };
}

function writeBridgeSettings(settings: BridgeSettings): URLSearchParams {
  return new URLSearchParams({ period: settings.period, ...(settings.compare === 'target' ? { compare: 'target' } : {}) });
}

/** What each team's levers added up to. */
export function TeamTotals({ bridge }: { bridge: RevenueBridgeReport }) {
  return (
    <SimpleGrid cols={3} spacing="sm">
      {bridge.teams.map((team) => (
        <Paper key={team.team} withBorder radius="md" p="sm" style={{ borderLeft: `4px solid var(--mantine-color-${TEAM_COLORS[team.team]}-6)` }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {team.label}
          </Text>
          <Text fw={700} fz={{ base: 'sm', xs: 'lg' }} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatSignedMoney(team.effect, bridge.currency)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function OutsideFunnelNote({ bridge }: { bridge: RevenueBridgeReport }) {
  const { base, current } = bridge.outsideFunnel;
  if (base === 0 && current === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      “Outside the funnel” is revenue no channel’s funnel carried in the period: deals won without a lead, or in a channel with no new leads, MQLs or SQLs in
      that period ({formatWholeMoney(current, bridge.currency)} now, {formatWholeMoney(base, bridge.currency)} in the base). It is shown beside the levers so the
      bridge still ends at the actual revenue.
    </Text>
  );
}

function Report({ bridge }: { bridge: RevenueBridgeReport }) {
  const ends = bridgeEnds(bridge);
  if (bridge.base.revenueMinor === 0 && bridge.current.revenueMinor === 0) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Text fw={600}>No revenue was won in {ends.current} or in {ends.base}.</Text>
        <Text size="sm" c="dimmed">
          There is no gap to explain. Choose another period above.
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="xl">
      <Section
        title={`From ${formatWholeMoney(bridge.base.revenueMinor, bridge.currency)} to ${formatWholeMoney(bridge.current.revenueMinor, bridge.currency)}`}
        description={`Why revenue in ${ends.current} is ${formatSignedMoney(bridge.gap, bridge.currency)} against ${bridge.compare === 'target' ? 'its target' : ends.base}, lever by lever in funnel order. Each lever is labelled with the team that owns it; the effects add up exactly to the change (LMDI).`}
      >
        <TeamTotals bridge={bridge} />
        <Waterfall steps={waterfallSteps(bridge)} currency={bridge.currency} />
        <OutsideFunnelNote bridge={bridge} />
      </Section>
      <Section title="By channel" description="The revenue each channel’s funnel carried in both periods. Open a channel to see its levers: both periods’ numbers and what each change did.">
        <BridgeSegments bridge={bridge} />
      </Section>
    </Stack>
  );
}

/** Why the bridge cannot be drawn (no target for the period, nothing to plan it with), and the ways on. */
function CannotCompare({ error, onPrevious }: { error: unknown; onPrevious: () => void }) {
  const { can, pathTo } = useCurrentWorkspace();
  const message = errorMessage(error);
  return (
    <Alert color="yellow" variant="light" icon={<IconInfoCircle />} title="No bridge against the target">
      <Stack gap="sm">
        <Text size="sm">{message.charAt(0).toUpperCase() + message.slice(1)}.</Text>
        <Group gap="sm">
          <Button size="xs" variant="default" onClick={onPrevious}>
            Compare with the period before
          </Button>
          <Anchor component={Link} to={pathTo('targets')} size="sm">
            {can('targets.manage') ? 'Set a target' : 'See the targets'}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}

/** `/w/:slug/revenue-bridge`: why revenue differs from the target or the period before, split into the funnel's levers and their teams. */
export function BridgePage() {
  useDocumentTitle('Revenue bridge');
  const [settings, setSettings] = useUrlSettings(readBridgeSettings, writeBridgeSettings);
  const [today] = useState(() => new Date());
  const bridge = useBridge(settings.period, settings.compare);
  const set = (patch: Partial<BridgeSettings>) => setSettings({ ...settings, ...patch });

  return (
    <Stack gap="lg">
      <PageHeader
        title="Revenue bridge"
        description="Where the gap between the revenue and its target (or the period before) came from: lead volume, lead quality, follow-up, opportunity rate, win rate, deal size and discount, each with the team that owns it."
        actions={bridge.isFetching && bridge.data ? <Loader size="sm" aria-label="Updating the bridge" /> : undefined}
      />
      <Paper withBorder radius="md" p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <PeriodKeyPicker value={settings.period} onChange={(period) => set({ period })} today={today} />
          <Input.Wrapper label="Compare with" labelElement="div">
            <SegmentedControl aria-label="Compare with" data={COMPARE} value={settings.compare} onChange={(compare) => set({ compare: compare as Compare })} mt={4} style={{ display: 'flex' }} />
          </Input.Wrapper>
        </Group>
      </Paper>
      {bridge.isError && settings.compare === 'target' ? (
        <CannotCompare error={bridge.error} onPrevious={() => set({ compare: 'previous' })} />
      ) : (
        <QueryStatus query={bridge} label="Loading the bridge">
          {(report) => (
            <Box style={{ opacity: bridge.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}>
              <Report bridge={report} />
            </Box>
          )}
        </QueryStatus>
      )}
    </Stack>
  );
}
