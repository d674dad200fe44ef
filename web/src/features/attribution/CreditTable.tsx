import { Anchor, Badge, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatCount } from '../../format.ts';
import type { AttributionCredit, AttributionMeasure, AttributionModel, AttributionReport, AttributionRow } from '../../types.ts';
import { MODEL_LABELS } from '../credit/credit-policy.ts';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace.ts';
import { formatConversions, formatWholeMoney } from './attribution-format.ts';
import { CONVERSION_PLURALS, MEASURE_LABELS, UNIT_LABELS } from './attribution-labels.ts';

/** The settling model's column stands out, top to bottom. */
const SETTLING: CSSProperties = { background: 'var(--mantine-color-indigo-light)' };
/** The name stays in view while the numbers scroll sideways. */
export const STICKY: CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: 180 };

type Props = {
  report: AttributionReport;
  measure: AttributionMeasure;
  /** The model columns, in order (default: every model). */
  models?: readonly AttributionModel[];
  /** Only the first rows (the dashboard's summary). */
  limit?: number;
};

export function Amount({ value, count, currency, strong }: { value: number; count: number | null; currency: string; strong?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={strong ? 700 : 500}>
        {formatWholeMoney(value, currency)}
      </Text>
      {count !== null && (
        <Text size="xs" c="dimmed">
          {formatConversions(count)}
        </Text>
      )}
    </Stack>
  );
}

function ModelCell({ credit, currency, isSettling, skipped }: { credit: AttributionCredit | null; currency: string; isSettling: boolean; skipped?: string }) {
  return (
    <NumTd style={isSettling ? SETTLING : undefined}>
      {credit ? (
        <Amount value={credit.valueMinor} count={credit.conversions} currency={currency} strong={isSettling} />
      ) : (
        <Text size="sm" c="dimmed" title={skipped}>
          —
        </Text>
      )}
    </NumTd>
  );
}

export function RowName({ row, report }: { row: AttributionRow; report: AttributionReport }) {
  const { pathTo } = useCurrentWorkspace();
  if (report.by === 'campaign' && row.key !== null) {
    return (
      <Anchor component={Link} to={pathTo(`campaigns/${row.key}`)} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {row.name}
      </Anchor>
    );
  }
  return (
    <Text size="sm" fw={500} c={row.key === null ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
      {row.name}
    </Text>
  );
}

function ModelHeading({ model, isSettling }: { model: AttributionModel; isSettling: boolean }) {
  return (
    <NumTh style={isSettling ? SETTLING : undefined} aria-label={isSettling ? `${MODEL_LABELS[model].label} (settles credit)` : MODEL_LABELS[model].label}>
      <Tooltip label={MODEL_LABELS[model].description} multiline w={240} withArrow>
        <Stack gap={2} align="flex-end">
          <span>{MODEL_LABELS[model].label}</span>
          {isSettling && (
            <Badge size="xs" variant="filled" tt="none" style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
              Settles credit
            </Badge>
          )}
        </Stack>
      </Tooltip>
    </NumTh>
  );
}

/**
 * One row per channel or campaign, one column per model side by side (credited value, and under it
 * the credited share of conversions). The foot shows the conversions no model credits (no touch in
 * the window) and the total every model column adds up to.
 */
export function CreditTable({ report, measure, models = report.models, limit }: Props) {
  const data = report[measure];
  const settling = report.policy.settlingModel;
  const rows = limit === undefined ? data.rows : data.rows.slice(0, limit);
  const unit = UNIT_LABELS[report.by];
  const label = `${MEASURE_LABELS[measure]} credited by ${unit.toLowerCase()} and model`;
  return (
    <TableCard minWidth={180 + models.length * 95} dense label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th style={STICKY}>{unit}</Table.Th>
          {models.map((model) => (
            <ModelHeading key={model} model={model} isSettling={model === settling} />
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key ?? '\u0000'}>
            <Table.Td style={STICKY}>
              <RowName row={row} report={report} />
            </Table.Td>
            {models.map((model) => (
              <ModelCell key={model} credit={row.credits[model]} currency={report.currency} isSettling={model === settling} skipped={data.skipped[model]} />
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Td style={STICKY}>
            <Text size="sm" fw={500}>
              No touch in the window
            </Text>
            <Text size="xs" c="dimmed">
              In the total, credited by no model
            </Text>
          </Table.Td>
          {models.map((model) => (
            <ModelCell key={model} credit={data.skipped[model] ? null : data.unattributed} currency={report.currency} isSettling={model === settling} skipped={data.skipped[model]} />
          ))}
        </Table.Tr>
        <Table.Tr bg="gray.0">
          <Table.Th style={{ ...STICKY, background: 'var(--mantine-color-gray-0)' }}>
            Total: {formatCount(data.conversions)} {CONVERSION_PLURALS[measure]}
          </Table.Th>
          {models.map((model) => (
            <ModelCell
              key={model}
              credit={data.skipped[model] ? null : { conversions: data.conversions, valueMinor: data.valueMinor }}
              currency={report.currency}
              isSettling={model === settling}
              skipped={data.skipped[model]}
            />
          ))}
        </Table.Tr>
      </Table.Tfoot>
    </TableCard>
  );
}
