import { Badge, Button, Code, Group, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconUpload } from '@tabler/icons-react';
import { CsvFileInput, isTooBig } from '../../components/CsvFileInput.tsx';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { notifyError } from '../../notify.ts';
import type { ImportMode, ImportPreset, ImportReport } from '../../types.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { downloadRejectedRows, rejectedDataLines } from './rejected-rows.ts';
import { useImportPresets, useRunImport } from './use-import.ts';

const MAX_BYTES = 50 * 1024 * 1024;

type Progress = { phase: 'uploading'; share: number } | { phase: 'processing' };
type Run = { dryRun: boolean; mode: ImportMode };

function ProgressBar({ progress, run }: { progress: Progress; run: Run }) {
  const uploading = progress.phase === 'uploading';
  const label = uploading
    ? `Uploading the file… ${Math.round(progress.share * 100)}%`
    : run.dryRun
      ? 'Accord is checking every row…'
      : 'Accord is checking and saving the rows…';
  return (
    <Stack gap={6}>
      <Text size="sm" aria-live="polite">
        {label}
      </Text>
      <Progress
        value={uploading ? Math.max(2, progress.share * 100) : 100}
        striped={!uploading}
        animated={!uploading}
        size="lg"
        radius="xl"
        aria-label={label}
      />
    </Stack>
  );
}

function PresetDetails({ preset }: { preset: ImportPreset }) {
  return (
    <Stack gap={6}>
      <Text size="sm">{preset.description}</Text>
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          Needs the columns:
        </Text>
        {preset.requiredColumns.map((column) => (
          <Code key={column}>{column}</Code>
        ))}
      </Group>
    </Stack>
  );
}

function ImportForm({ presets }: { presets: ImportPreset[] }) {
  const run = useRunImport();
  const [presetName, setPresetName] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [lastRun, setLastRun] = useState<Run>({ dryRun: true, mode: 'all_or_nothing' });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [downloading, setDownloading] = useState(false);
  const preset = presets.find((p) => p.name === presetName) ?? null;
  const tooBig = isTooBig(file, MAX_BYTES);
  const busy = run.isPending;
  const canSend = Boolean(preset && file && !tooBig && !busy);

  const reset = () => {
    setReport(null);
    run.reset();
  };

  const start = (next: Run) => {
    if (!preset || !file) return;
    setLastRun(next);
    setReport(null);
    setProgress({ phase: 'uploading', share: 0 });
    run.mutate(
      {
        file,
        preset: preset.name,
        ...next,
        onUploadProgress: (share) => setProgress({ phase: 'uploading', share }),
        onUploaded: () => setProgress({ phase: 'processing' }),
      },
      {
        onSuccess: setReport,
        onSettled: () => setProgress(null),
      },
    );
  };

  const download = async () => {
    if (!file || !report) return;
    setDownloading(true);
    try {
      await downloadRejectedRows(file, report);
    } catch (error) {
      notifyError('Could not build the file of rejected rows', error);
    } finally {
      setDownloading(false);
    }
  };

  const rejected = report ? rejectedDataLines(report).length : 0;
  const fileProblem = report?.errors.some((error) => error.line <= 1) ?? false;

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Title order={2} fz="h4">
            1. Choose the file
          </Title>
          <Select
            label="Import preset"
            description="Where the file comes from: this decides how its columns become leads, accounts and deals"
            placeholder="Choose a preset"
            data={presets.map((p) => ({ value: p.name, label: p.label }))}
            value={presetName}
            onChange={(value) => {
              setPresetName(value);
              reset();
            }}
            allowDeselect={false}
            disabled={busy}
            maw={480}
          />
          {preset && <PresetDetails preset={preset} />}
          <CsvFileInput
            label="CSV file"
            description="Up to 50 MB. Commas or semicolons; UTF-8, UTF-16 and Excel's Windows encoding all work."
            value={file}
            onChange={(next) => {
              setFile(next);
              reset();
            }}
            maxBytes={MAX_BYTES}
            disabled={busy}
          />
          <Group gap="sm" align="center">
            <Button leftSection={<IconEye size={16} />} onClick={() => start({ dryRun: true, mode: 'all_or_nothing' })} disabled={!canSend} loading={busy && lastRun.dryRun}>
              Preview
            </Button>
            <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
              The preview checks every row and shows what would change, without saving anything.
            </Text>
          </Group>
          {progress && <ProgressBar progress={progress} run={lastRun} />}
          <ErrorAlert error={run.error} title={lastRun.dryRun ? 'The preview did not work' : 'The import did not work'} />
        </Stack>
      </Paper>

      {report && (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="md">
            <Group justify="space-between" gap="xs">
              <Title order={2} fz="h4">
                {report.isDryRun ? '2. Check the preview' : 'Result'}
              </Title>
              {!report.isDryRun && (
                <Badge variant="light" tt="none" color={report.mode === 'valid_only' ? 'grape' : 'indigo'}>
                  {report.mode === 'valid_only' ? 'Valid rows only' : 'All or nothing'}
                </Badge>
              )}
            </Group>
            <ImportReportView report={report} onDownloadRejected={() => void download()} downloading={downloading} />
          </Stack>
        </Paper>
      )}

      {report && !report.isCommitted && !fileProblem && (
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="md">
            <Title order={2} fz="h4">
              3. Import
            </Title>
            <Text size="sm">
              <strong>Import</strong> is all or nothing: if any row has an error, nothing is saved, so a file is never half imported.
              {rejected > 0 && (
                <>
                  {' '}
                  <strong>Import valid rows only</strong> saves the good rows and leaves out the {rejected === 1 ? 'row' : `${rejected} rows`} with errors.
                </>
              )}{' '}
              Importing the same file again updates its records instead of creating duplicates.
            </Text>
            <Group gap="sm">
              <Button leftSection={<IconUpload size={16} />} onClick={() => start({ dryRun: false, mode: 'all_or_nothing' })} disabled={!canSend}>
                Import
              </Button>
              <Button variant="light" onClick={() => start({ dryRun: false, mode: 'valid_only' })} disabled={!canSend}>
                Import valid rows only
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** `/w/:slug/import`: a CRM export or spreadsheet in, previewed row by row before anything is saved. */
export function ImportPage() {
  useDocumentTitle('Import');
  const presets = useImportPresets();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Import"
        description="Bring leads, accounts and deals in from a CRM export or a spreadsheet. Preview first: nothing is saved until you say so."
      />
      <QueryStatus query={presets} label="Loading the import presets">
        {(items) => <ImportForm presets={items} />}
      </QueryStatus>
    </Stack>
  );
}
