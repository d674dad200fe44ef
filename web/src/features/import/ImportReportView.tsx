import { Alert, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconDownload, IconEye } from '@tabler/icons-react';
import type { RecordKind } from '../../../../core/csv/presets.ts';
import { NumTd, NumTh, TableCard } from '../../components/DataTable.tsx';
import { formatCount, plural } from '../../format.ts';
import type { ImportReport } from '../../types.ts';
import { LineErrorsTable } from './LineErrorsTable.tsx';
import { rejectedDataLines } from './rejected-rows.ts';
import { Stat } from '../../components/Stat.tsx';

const KIND_LABELS: Record<RecordKind, string> = {
  account: 'Accounts',
  campaign: 'Campaigns',
  lead: 'Leads',
  deal: 'Deals',
  activity: 'Activities',
};
const KINDS = Object.keys(KIND_LABELS) as RecordKind[];

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'windows-1252': 'Windows-1252 (Excel on Windows)',
};

function Headline({ report }: { report: ImportReport }) {
  const rejected = rejectedDataLines(report).length;
  const fileProblem = report.errors.find((error) => error.line <= 1);
  if (fileProblem) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title="This file cannot be imported with this preset">
        {fileProblem.field === 'file' ? fileProblem.message : `${fileProblem.field}: ${fileProblem.message}`}
      </Alert>
    );
  }
  if (report.isDryRun) {
    return (
      <Alert color={rejected > 0 ? 'yellow' : 'blue'} icon={<IconEye />} title="Preview: nothing has been saved yet">
        {rejected > 0
          ? `${plural(rejected, 'row')} of ${formatCount(report.rowCount)} ${rejected === 1 ? 'has' : 'have'} errors (listed below). The other rows are ready.`
          : `All ${plural(report.rowCount, 'row')} are ready to import.`}
      </Alert>
    );
  }
  if (report.isCommitted) {
    return (
      <Alert color="teal" icon={<IconCircleCheck />} title="Import finished">
        {rejected > 0
          ? `The valid rows were saved; ${plural(rejected, 'row')} with errors ${rejected === 1 ? 'was' : 'were'} left out. Download ${rejected === 1 ? 'it' : 'them'}, fix and import again.`
          : `All ${plural(report.rowCount, 'row')} were saved.`}
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconAlertCircle />} title="Nothing was imported">
      {`${plural(rejected, 'row')} ${rejected === 1 ? 'has' : 'have'} errors, and an all-or-nothing import saves nothing unless every row is valid. Fix the rows, or import the valid rows only.`}
    </Alert>
  );
}

function CountsTable({ report }: { report: ImportReport }) {
  const kinds = KINDS.filter((kind) => report.counts[kind]);
  if (kinds.length === 0) return null;
  const verb = report.isCommitted ? '' : ' (would be)';
  return (
    <TableCard minWidth={420} label="Records by kind">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Records</Table.Th>
          <NumTh>Created{verb}</NumTh>
          <NumTh>Updated{verb}</NumTh>
          <NumTh>Unchanged</NumTh>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {kinds.map((kind) => {
          const counts = report.counts[kind]!;
          return (
            <Table.Tr key={kind}>
              <Table.Td>{KIND_LABELS[kind]}</Table.Td>
              <NumTd>{formatCount(counts.created)}</NumTd>
              <NumTd>{formatCount(counts.updated)}</NumTd>
              <NumTd>{formatCount(counts.unchanged)}</NumTd>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </TableCard>
  );
}

function ErrorsTable({ report }: { report: ImportReport }) {
  const errors = report.errors.filter((error) => error.line > 1);
  if (errors.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} fz="h5">
        Errors
      </Title>
      {report.errorCount > report.errors.length && (
        <Text size="sm" c="dimmed">
          Showing the first {formatCount(report.errors.length)} of {formatCount(report.errorCount)} errors.
        </Text>
      )}
      <LineErrorsTable errors={errors} label="Errors by line" />
    </Stack>
  );
}

type Props = { report: ImportReport; onDownloadRejected: () => void; downloading: boolean };

/** What a preview found or an import did: rows, records per kind, every error with its line, and the rejected rows. */
export function ImportReportView({ report, onDownloadRejected, downloading }: Props) {
  const rejected = rejectedDataLines(report).length;
  return (
    <Stack gap="md" aria-live="polite">
      <Headline report={report} />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label="Rows in the file" value={formatCount(report.rowCount)} />
        <Stat label="Records read" value={formatCount(report.recordCount)} />
        <Stat label="Rows with errors" value={formatCount(rejected)} />
        <Stat label="Encoding" value={ENCODING_LABELS[report.encoding] ?? report.encoding} />
      </SimpleGrid>
      <CountsTable report={report} />
      {rejected > 0 && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 220 }}>
            The rejected rows as a CSV file, with an “errors” column saying what to fix in each.
          </Text>
          <Button variant="light" leftSection={<IconDownload size={16} />} onClick={onDownloadRejected} loading={downloading}>
            Download rejected rows
          </Button>
        </Group>
      )}
      <ErrorsTable report={report} />
    </Stack>
  );
}
