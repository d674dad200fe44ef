import { Alert, Button, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconEye, IconUpload } from '@tabler/icons-react';
import { CsvFileInput, isTooBig } from '../../components/CsvFileInput.tsx';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatCount, plural } from '../../format.ts';
import type { ProductImportResult } from '../../types.ts';
import { LineErrorsTable } from '../import/LineErrorsTable.tsx';
import { rowErrorsOf, useImportProducts, type ProductRowError } from './use-products.ts';
import { Stat } from '../../components/Stat.tsx';

const MAX_BYTES = 20 * 1024 * 1024;
const EXAMPLE = 'sku,name,kind,on_hand,weekly_baseline,incoming\nDET-5L,Detergent 5 L,product,1200,200,2026-04-01:500 2026-04-15:300\nBASIN-1,Washing basin,promo_item,300,0,';

function RowErrors({ rows }: { rows: ProductRowError[] }) {
  const fileProblem = rows.find((row) => row.line <= 1 || row.field === 'file');
  return (
    <Stack gap="sm">
      <Alert color="red" icon={<IconAlertCircle />} title="Nothing was imported" role="alert">
        {fileProblem ? `${fileProblem.field === 'file' ? '' : `${fileProblem.field}: `}${fileProblem.message}` : `${plural(rows.length, 'problem')} in the file. Fix ${rows.length === 1 ? 'it' : 'them'} and try again: a file with any bad row changes nothing.`}
      </Alert>
      {rows.filter((row) => row.line > 1).length > 0 && (
        <LineErrorsTable errors={rows.filter((row) => row.line > 1)} label="Problems by line" />
      )}
    </Stack>
  );
}

/** Operations' stock file in: previewed first, then saved all or nothing; new SKUs are added, known ones replaced. */
export function ProductImport() {
  const run = useImportProducts();
  const rowErrors = rowErrorsOf(run.error);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ProductImportResult | null>(null);
  const [lastDryRun, setLastDryRun] = useState(true);
  const tooBig = isTooBig(file, MAX_BYTES);
  const start = (dryRun: boolean) => {
    if (!file) return;
    setLastDryRun(dryRun);
    setResult(null);
    run.mutate({ file, dryRun }, { onSuccess: setResult });
  };
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label="Import products">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="h4">
            Import from CSV
          </Title>
          <Text size="sm" c="dimmed">
            Columns <Code>sku</Code>, <Code>name</Code>, <Code>on_hand</Code>, <Code>weekly_baseline</Code>, and optionally <Code>kind</Code> (product or promo_item) and{' '}
            <Code>incoming</Code> (deliveries as day:units, separated by spaces).
          </Text>
        </Stack>
        <Code block fz="xs">
          {EXAMPLE}
        </Code>
        <CsvFileInput
          label="Products CSV"
          value={file}
          onChange={(next) => {
            setFile(next);
            setResult(null);
            run.reset();
          }}
          maxBytes={MAX_BYTES}
        />
        <Group gap="sm">
          <Button leftSection={<IconEye size={16} />} onClick={() => start(true)} disabled={!file || tooBig} loading={run.isPending && lastDryRun}>
            Preview
          </Button>
          <Button
            variant={result?.isDryRun ? 'filled' : 'light'}
            leftSection={<IconUpload size={16} />}
            onClick={() => start(false)}
            disabled={!file || tooBig || !result?.isDryRun}
            loading={run.isPending && !lastDryRun}
          >
            Import
          </Button>
          <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
            The preview checks every row without saving anything.
          </Text>
        </Group>
        {rowErrors.length > 0 ? <RowErrors rows={rowErrors} /> : <ErrorAlert error={run.error} title="The import did not work" />}
        {result && (
          <Stack gap="sm" aria-live="polite">
            <Alert color={result.isDryRun ? 'blue' : 'teal'} icon={result.isDryRun ? <IconEye /> : <IconCircleCheck />} title={result.isDryRun ? 'Preview: nothing has been saved yet' : 'Import finished'}>
              {result.isDryRun
                ? `All ${plural(result.rowCount, 'row')} are valid. Import adds ${formatCount(result.created)} and replaces ${formatCount(result.updated)}.`
                : `${plural(result.created, 'product')} added, ${formatCount(result.updated)} replaced.`}
            </Alert>
            <SimpleGrid cols={{ base: 3 }} spacing="sm">
              <Stat label="Rows" value={formatCount(result.rowCount)} />
              <Stat label={result.isDryRun ? 'New (would be)' : 'Added'} value={formatCount(result.created)} />
              <Stat label={result.isDryRun ? 'Replaced (would be)' : 'Replaced'} value={formatCount(result.updated)} />
            </SimpleGrid>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
