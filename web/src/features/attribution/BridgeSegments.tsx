import { ActionIcon, Badge, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { TEAM_LABELS } from '../../../../core/bridge/labels.ts';
import type { SegmentFactors } from '../../../../core/bridge/revenue-bridge.ts';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatPercent } from '../../format.ts';
import type { BridgeFactor, RevenueBridgeReport } from '../../types.ts';
import { formatConversions, formatSignedMoney, formatWholeMoney } from './attribution-format.ts';
import { TEAM_COLORS } from './attribution-labels.ts';
import { bridgeEnds } from './Waterfall.tsx';

type Segment = RevenueBridgeReport['segments'][number];

/** A factor as read: leads as a count (a target's plan has fractions), deal size as money, the rest as rates. */
function factorText(factors: SegmentFactors | null, factor: BridgeFactor, currency: string): string {
  const value = factors?.[factor] ?? null;
  if (value === null) return '—';
  if (factor === 'leads') return formatConversions(value);
  if (factor === 'avgDealSize') return formatWholeMoney(value, currency);
  return formatPercent(value);
}

function Change({ value, currency, strong }: { value: number; currency: string; strong?: boolean }) {
  const text = formatSignedMoney(value, currency);
  return (
    <NumTd fw={strong ? 700 : 500} c={text.startsWith('−') ? 'red.8' : text.startsWith('+') ? 'teal.8' : undefined}>
      {text}
    </NumTd>
  );
}

/** One channel's levers: both periods' factors and what each change did to its revenue. */
function SegmentLevers({ segment, bridge }: { segment: Segment; bridge: RevenueBridgeReport }) {
  const ends = bridgeEnds(bridge);
  return (
    <Table withRowBorders={false} verticalSpacing={4} aria-label={`Levers of ${segment.segment}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Lever</Table.Th>
          <Table.Th>Team</Table.Th>
          <NumTh>{ends.base}</NumTh>
          <NumTh>{ends.current}</NumTh>
          <NumTh>Effect</NumTh>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {segment.effects.map((effect) => (
          <Table.Tr key={effect.factor}>
            <Table.Td>
              <Text size="sm">{effect.label}</Text>
            </Table.Td>
            <Table.Td>
              <Badge size="xs" variant="light" color={TEAM_COLORS[effect.team]} tt="none">
                {TEAM_LABELS[effect.team]}
              </Badge>
            </Table.Td>
            <NumTd>{factorText(segment.factors.base, effect.factor, bridge.currency)}</NumTd>
            <NumTd>{factorText(segment.factors.current, effect.factor, bridge.currency)}</NumTd>
            <Change value={effect.effect} currency={bridge.currency} />
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Per channel: the revenue its funnel carried in both periods and the change, expanded into its seven levers. */
export function BridgeSegments({ bridge }: { bridge: RevenueBridgeReport }) {
  const [open, setOpen] = useState<string | null>(null);
  const ends = bridgeEnds(bridge);
  const segments = [...bridge.segments].sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || a.segment.localeCompare(b.segment));
  return (
    <TableCard minWidth={460} label="Revenue bridge by channel">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={44} />
          <Table.Th>Channel</Table.Th>
          <NumTh>{ends.base}</NumTh>
          <NumTh>{ends.current}</NumTh>
          <NumTh>Change</NumTh>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {segments.map((segment) => {
          const isOpen = open === segment.segment;
          const toggle = () => setOpen(isOpen ? null : segment.segment);
          return (
            <Fragment key={segment.segment}>
              <Table.Tr onClick={toggle} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-expanded={isOpen}
                    aria-label={`${isOpen ? 'Hide' : 'Show'} the levers of ${segment.segment}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      toggle();
                    }}
                  >
                    {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                  </ActionIcon>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {segment.segment}
                  </Text>
                </Table.Td>
                <NumTd>{formatWholeMoney(segment.base, bridge.currency)}</NumTd>
                <NumTd>{formatWholeMoney(segment.current, bridge.currency)}</NumTd>
                <Change value={segment.gap} currency={bridge.currency} strong />
              </Table.Tr>
              {isOpen && (
                <Table.Tr bg="gray.0">
                  <Table.Td />
                  <Table.Td colSpan={4}>
                    <SegmentLevers segment={segment} bridge={bridge} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </TableCard>
  );
}
