import { Badge, Button, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LEAD_STAGES, STAGE_LABELS } from '../../../../core/funnel/stages.ts';
import { formatDay } from '../../format.ts';
import { useMembers } from '../settings/members/use-members.ts';
import { SORT_LABELS, type FilterKey, type LeadFilterValues } from './lead-filter.ts';
import { useGroupValues } from './use-leads.ts';

const STAGE_OPTIONS = LEAD_STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }));
const SORT_OPTIONS = Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }));
// Two fields a row on phones, so the results are not a whole screen away.
const FIELD_WIDTH = { base: 'calc(50% - 6px)', xs: 170 };

type Props = { filter: LeadFilterValues; onChange: (filter: LeadFilterValues) => void };

/** Search as you type (after a short pause); the server matches the start of an email, last name or company. */
function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const type = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const q = next.trim();
      if (q === sent.current) return;
      sent.current = q;
      onChangeRef.current(q);
    }, 300);
  };

  // A change from elsewhere (a saved view, "Clear filters") replaces what is typed and what was about to be sent.
  useEffect(() => {
    if (value === sent.current) return;
    clearTimeout(timer.current);
    sent.current = value;
    setText(value);
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <TextInput
      label="Search leads"
      placeholder="Start of an email, last name or company"
      leftSection={<IconSearch size={16} />}
      value={text}
      maxLength={100}
      onChange={(event) => type(event.currentTarget.value)}
      rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={() => type('')} /> : null}
      w={{ base: '100%', sm: 300 }}
    />
  );
}

/** A filter on values the leads have (a source, a channel); the list is read when it is first opened. */
function GroupValueSelect({ by, label, value, onChange }: { by: 'source' | 'channel'; label: string; value: string | undefined; onChange: (value: string | null) => void }) {
  const [opened, setOpened] = useState(false);
  const values = useGroupValues(by, opened || Boolean(value));
  const data = useMemo(() => [...new Set([...(value ? [value] : []), ...values])].sort(), [value, values]);
  return (
    <Select
      label={label}
      placeholder="Any"
      data={data}
      value={value ?? null}
      onChange={onChange}
      onDropdownOpen={() => setOpened(true)}
      nothingFoundMessage={opened ? 'None found' : undefined}
      searchable
      clearable
      w={FIELD_WIDTH}
    />
  );
}

/** Filters the table does not have a field for (they come from a link, e.g. from the funnel or an account). */
function ExtraFilters({ filter, onRemove }: { filter: LeadFilterValues; onRemove: (...keys: FilterKey[]) => void }) {
  const chips: { keys: FilterKey[]; label: string }[] = [];
  if (filter.createdFrom || filter.createdTo) {
    const from = filter.createdFrom ? formatDay(filter.createdFrom) : 'the start';
    const to = filter.createdTo ? formatDay(filter.createdTo) : 'today';
    chips.push({ keys: ['createdFrom', 'createdTo'], label: `Created ${from} – ${to}` });
  }
  if (filter.accountId) chips.push({ keys: ['accountId'], label: 'Of one account' });
  if (filter.campaignId) chips.push({ keys: ['campaignId'], label: 'From one campaign' });
  if (chips.length === 0) return null;
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        Also filtered:
      </Text>
      {chips.map((chip) => (
        <Badge
          key={chip.label}
          variant="light"
          tt="none"
          size="lg"
          rightSection={<CloseButton size="xs" aria-label={`Remove filter: ${chip.label}`} onClick={() => onRemove(...chip.keys)} />}
        >
          {chip.label}
        </Badge>
      ))}
    </Group>
  );
}

export function LeadFiltersBar({ filter, onChange }: Props) {
  const members = useMembers();
  const people = useMemo(() => (members.data ?? []).map((m) => ({ value: m.userId, label: m.name })), [members.data]);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const set = (key: FilterKey, value: string | null) => onChange({ ...filterRef.current, [key]: value || undefined });
  const remove = (...keys: FilterKey[]) => onChange(Object.fromEntries(Object.entries(filter).filter(([key]) => !keys.includes(key as FilterKey))));
  const setQuery = useMemo(() => (q: string) => onChange({ ...filterRef.current, q: q || undefined }), [onChange]);
  const active = Object.keys(filter).some((key) => key !== 'sort');

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SearchBox value={filter.q ?? ''} onChange={setQuery} />
        <Select label="Stage" placeholder="Any" data={STAGE_OPTIONS} value={filter.stage ?? null} onChange={(v) => set('stage', v)} clearable w={FIELD_WIDTH} />
        <GroupValueSelect by="source" label="Source" value={filter.source} onChange={(v) => set('source', v)} />
        <GroupValueSelect by="channel" label="Channel" value={filter.channel} onChange={(v) => set('channel', v)} />
        <Select label="Owner" placeholder="Anyone" data={people} value={filter.ownerId ?? null} onChange={(v) => set('ownerId', v)} searchable clearable w={FIELD_WIDTH} />
        <Select
          label="Sort"
          data={SORT_OPTIONS}
          value={filter.sort ?? 'newest'}
          onChange={(v) => set('sort', v === 'newest' ? null : v)}
          allowDeselect={false}
          w={FIELD_WIDTH}
        />
        <Button variant="default" onClick={() => onChange(filter.sort ? { sort: filter.sort } : {})} disabled={!active} w={{ base: '100%', xs: 'auto' }}>
          Clear filters
        </Button>
      </Group>
      <ExtraFilters filter={filter} onRemove={remove} />
    </Stack>
  );
}
