import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAdjustments, IconMinus, IconPencil, IconPlus, type Icon } from '@tabler/icons-react';
import type { DefinitionChange } from '../../../../core/scoring/diff.ts';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import type { ContractVersion } from '../../types.ts';
import { SLA_LABELS } from './contract-text.ts';
import { useContractDiff } from './use-contract.ts';

const LOOK: Record<DefinitionChange['kind'], { icon: Icon; color: string }> = {
  rule_added: { icon: IconPlus, color: 'teal' },
  competitor_added: { icon: IconPlus, color: 'teal' },
  rule_removed: { icon: IconMinus, color: 'red' },
  competitor_removed: { icon: IconMinus, color: 'red' },
  rule_changed: { icon: IconPencil, color: 'blue' },
  threshold_changed: { icon: IconAdjustments, color: 'grape' },
  decay_changed: { icon: IconAdjustments, color: 'grape' },
};

export type ChangeLine = { key: string; icon: Icon; color: string; text: string };

/** Changes between two versions, one per line with its icon; `empty` when there are none. */
export function ChangeList({ lines, empty }: { lines: ChangeLine[]; empty: string }) {
  if (lines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {lines.map(({ key, icon: LineIcon, color, text }) => (
          <Group key={key} component="li" gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon size={22} radius="xl" variant="light" color={color} aria-hidden>
              <LineIcon size={13} />
            </ThemeIcon>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {text}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** What this version changes from the active one: each rule, threshold and service level, as saved. */
export function ChangesFromActive({ version, activeVersion }: { version: ContractVersion; activeVersion: number | null }) {
  const diff = useContractDiff(activeVersion, version.version);
  if (activeVersion === null) {
    return (
      <Text size="sm" c="dimmed">
        No version is active yet, so everything in this one is new.
      </Text>
    );
  }
  const definitionLines: ChangeLine[] = version.changesFromActive.map((change, index) => ({ key: `d${index}`, ...LOOK[change.kind], text: change.summary }));
  return (
    <QueryStatus query={diff} label="Loading the changes">
      {({ slaChanges }) => (
        <ChangeList
          empty={`Same rules and service levels as the active version (v${activeVersion}).`}
          lines={[
            ...definitionLines,
            ...slaChanges.map((change) => ({
              key: `s${change.property}`,
              icon: IconAdjustments,
              color: 'orange',
              text: `Service level “${SLA_LABELS[change.property] ?? change.property}” ${change.before} → ${change.after}`,
            })),
          ]}
        />
      )}
    </QueryStatus>
  );
}
