import { ActionIcon, Button, Group, Loader, Modal, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconCalendarPlus, IconChevronLeft, IconChevronRight, IconFilter, IconPlus, IconRss } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { isoWeek } from '../../../../core/campaigns/days.ts';
import { TEAMS } from '../../../../core/schemas/campaigns.ts';
import { localDay } from '../../../../core/sla/business-time.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { formatMonth } from '../../format.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useUrlSettings } from '../../hooks/use-url-settings.ts';
import { useProductOptions } from '../products/use-products.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { CalendarFeedPanel } from './CalendarFeedPanel.tsx';
import { CalendarGrid } from './CalendarGrid.tsx';
import { CalendarList } from './CalendarList.tsx';
import { CALENDAR_VIEWS, periodOf, readCalendarSettings, stepOf, writeCalendarSettings, type CalendarSettings, type CalendarView } from './calendar-grid.ts';
import { TEAM_LABELS, formatDayRange } from './campaign-text.ts';
import { OverlapWarnings } from './OverlapWarnings.tsx';
import { useCalendar, type CalendarQuery } from './use-campaigns.ts';

const VIEW_LABELS: Record<CalendarView, string> = { month: 'Month', week: 'Week', list: 'List' };

function periodTitle(view: CalendarView, at: string, from: string, to: string): string {
  if (view === 'week') return `Week ${Number(isoWeek(from).slice(6))}: ${formatDayRange(from, to)}`;
  return formatMonth(at.slice(0, 7));
}

function Filters({ settings, onChange, channels }: { settings: CalendarSettings; onChange: (next: CalendarSettings) => void; channels: string[] }) {
  const [search, setSearch] = useState('');
  /** The picker shows the chosen product's label as its search text: that is not a search. */
  const products = useProductOptions(search.includes(' · ') ? '' : search);
  const productData = useMemo(() => {
    const items = (products.data?.items ?? []).map((product) => ({ value: product.sku, label: `${product.sku} · ${product.name}` }));
    return settings.sku && !items.some((item) => item.value === settings.sku) ? [{ value: settings.sku, label: settings.sku }, ...items] : items;
  }, [products.data, settings.sku]);
  const channelData = [...new Set([...channels, ...(settings.channel ? [settings.channel] : [])])].sort();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Channel"
        placeholder="All channels"
        data={channelData}
        value={settings.channel}
        onChange={(channel) => onChange({ ...settings, channel })}
        searchable
        clearable
        nothingFoundMessage="No campaign in this period uses it"
        w={{ base: '100%', xs: 180 }}
      />
      <Select
        label="Product"
        placeholder="All products"
        data={productData}
        value={settings.sku}
        onChange={(sku) => onChange({ ...settings, sku })}
        searchable
        clearable
        onSearchChange={setSearch}
        nothingFoundMessage="No product matches"
        w={{ base: '100%', xs: 240 }}
      />
      <Select
        label="Team"
        description={undefined}
        placeholder="All teams"
        data={TEAMS.map((team) => ({ value: team, label: TEAM_LABELS[team] }))}
        value={settings.team}
        onChange={(team) => onChange({ ...settings, team: team as CalendarSettings['team'] })}
        clearable
        w={{ base: '100%', xs: 170 }}
      />
    </Group>
  );
}

/** `/w/:slug/calendar`: every campaign and promotion on one calendar, with its launch readiness and competing offers. */
export function CalendarPage() {
  useDocumentTitle('Campaign calendar');
  const { can, pathTo, details } = useCurrentWorkspace();
  const [settings, setSettings] = useUrlSettings(readCalendarSettings, writeCalendarSettings);
  const [subscribing, setSubscribing] = useState(false);
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const isNarrow = useMediaQuery('(max-width: 48em)') ?? false;
  const today = useMemo(() => localDay(details.timeZone, new Date()), [details.timeZone]);
  const at = settings.at ?? today;
  /** Phones get the list: a month grid of seven columns is unreadable at 390 px. */
  const view: CalendarView = isNarrow && settings.view !== 'list' ? 'list' : settings.view;
  const { from, to } = periodOf(view, at);
  const query: CalendarQuery = { from, to, channel: settings.channel ?? undefined, sku: settings.sku ?? undefined, team: settings.team ?? undefined };
  const calendar = useCalendar(query);
  const channels = useMemo(() => [...new Set((calendar.data?.items ?? []).flatMap((item) => item.channels))], [calendar.data]);
  const overlapping = useMemo(() => new Set((calendar.data?.overlaps ?? []).flatMap((overlap) => overlap.campaignIds)), [calendar.data]);

  const activeFilters = [settings.channel, settings.sku, settings.team].filter(Boolean).length;
  const move = (direction: -1 | 1) => setSettings({ ...settings, at: stepOf(view, at, direction) });
  return (
    <Stack gap="lg">
      <PageHeader
        title="Campaign calendar"
        description="Every campaign and promotion, with whether it is ready to launch: stock confirmed, offer approved, Sales briefed in time."
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconRss size={16} />} onClick={() => setSubscribing(true)}>
              Subscribe
            </Button>
            {can('campaigns.edit') && (
              <Button component={Link} to={pathTo('campaigns/new')} leftSection={<IconPlus size={16} />}>
                New campaign
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Group gap="xs" wrap="nowrap">
              <ActionIcon variant="default" size="lg" onClick={() => move(-1)} aria-label={view === 'week' ? 'Previous week' : 'Previous month'}>
                <IconChevronLeft size={18} />
              </ActionIcon>
              <Button variant="default" onClick={() => setSettings({ ...settings, at: null })} disabled={settings.at === null}>
                Today
              </Button>
              <ActionIcon variant="default" size="lg" onClick={() => move(1)} aria-label={view === 'week' ? 'Next week' : 'Next month'}>
                <IconChevronRight size={18} />
              </ActionIcon>
              <Title order={2} fz="h4" ml="xs" aria-live="polite">
                {periodTitle(view, at, from, to)}
              </Title>
              {calendar.isFetching && <Loader size="xs" aria-label="Updating" />}
            </Group>
            {isNarrow ? (
              <Button variant="default" size="xs" leftSection={<IconFilter size={14} />} onClick={toggleFilters} aria-expanded={filtersOpen}>
                Filters{activeFilters > 0 ? ` (${activeFilters})` : ''}
              </Button>
            ) : (
              <SegmentedControl
                aria-label="View"
                value={view}
                onChange={(next) => setSettings({ ...settings, view: next as CalendarView })}
                data={CALENDAR_VIEWS.map((value) => ({ value, label: VIEW_LABELS[value] }))}
              />
            )}
          </Group>
          {(!isNarrow || filtersOpen) && <Filters settings={settings} onChange={setSettings} channels={channels} />}
          {isNarrow && settings.view !== 'list' && (
            <Text size="xs" c="dimmed">
              Shown as a list: the month and week grids need a wider screen.
            </Text>
          )}
        </Stack>
      </Paper>
      <QueryStatus query={calendar} label="Loading the calendar">
        {(data) => (
          <Stack gap="md">
            <OverlapWarnings overlaps={data.overlaps} items={data.items} />
            {view === 'list' ? (
              <CalendarList items={data.items} overlapping={overlapping} />
            ) : (
              <>
                <CalendarGrid from={data.from} to={data.to} items={data.items} today={data.today} month={view === 'month' ? at.slice(0, 7) : null} overlapping={overlapping} />
                {data.items.length === 0 && (
                  <Text size="sm" c="dimmed">
                    No campaign runs in this period.
                    {can('campaigns.edit') ? ' Plan one with “New campaign”.' : ''}
                  </Text>
                )}
              </>
            )}
          </Stack>
        )}
      </QueryStatus>
      <Modal opened={subscribing} onClose={() => setSubscribing(false)} title="Subscribe to the campaign calendar" centered size="lg">
        <Stack gap="sm">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <IconCalendarPlus size={20} style={{ flexShrink: 0 }} />
            <Text size="sm">See every campaign with its readiness in your own calendar application. It refreshes on its own.</Text>
          </Group>
          <CalendarFeedPanel showSettingsLink />
        </Stack>
      </Modal>
    </Stack>
  );
}
