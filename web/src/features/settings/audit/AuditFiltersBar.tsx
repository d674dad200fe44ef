import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { Member } from '../../../types.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, toOptions } from './audit-labels.ts';
import { NO_FILTERS, type AuditFilters } from './use-audit-log.ts';

type Props = { filters: AuditFilters; onChange: (filters: AuditFilters) => void; members: Member[]; timeZone: string };

export function AuditFiltersBar({ filters, onChange, members, timeZone }: Props) {
  const people = useMemo(() => members.map((m) => ({ value: m.userId, label: m.name })), [members]);
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch });
  const active = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Action"
          w={{ base: '100%', xs: 180 }}
          placeholder="All actions"
          data={toOptions(AUDIT_ACTION_LABELS)}
          value={filters.action}
          onChange={(action) => set({ action })}
          clearable
        />
        <Select
          label="Item type"
          w={{ base: '100%', xs: 130 }}
          placeholder="All types"
          data={toOptions(AUDIT_ENTITY_LABELS)}
          value={filters.entityType}
          onChange={(entityType) => set({ entityType })}
          clearable
        />
        <Select
          label="Person"
          w={{ base: '100%', xs: 150 }}
          placeholder="Anyone"
          data={people}
          value={filters.actorId}
          onChange={(actorId) => set({ actorId })}
          searchable
          clearable
        />
        <TextInput
          label="From"
          w={{ base: '100%', xs: 140 }}
          type="date"
          title={`Start date, in ${timeZone} time`}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(event) => set({ from: event.currentTarget.value })}
        />
        <TextInput
          label="To"
          w={{ base: '100%', xs: 140 }}
          type="date"
          title={`End date, in ${timeZone} time`}
          value={filters.to}
          min={filters.from || undefined}
          onChange={(event) => set({ to: event.currentTarget.value })}
        />
        <Button variant="default" onClick={() => onChange(NO_FILTERS)} disabled={!active} w={{ base: '100%', xs: 'auto' }}>
          Clear filters
        </Button>
      </Group>
    </Paper>
  );
}
