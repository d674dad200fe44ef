import type { ImportMode, ImportReport, KindCounts } from '../../../core/csv/import-report.ts';
import { CsvParseError, decodeCsvBytes, parseCsv, type CsvRow } from '../../../core/csv/parse.ts';
import { findPreset, mapRows, PRESETS, type LocatedRecord, type RowError } from '../../../core/csv/presets.ts';
import type { Db } from '../../db/client.ts';
import { refreshFunnelStatistics } from '../../db/statistics.ts';
import type { ServiceContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { saveRecords, type RecordKind } from '../funnel/records.service.ts';


/** Records are saved so that what others point to exists first. */
const SAVE_ORDER: RecordKind[] = ['account', 'campaign', 'lead', 'deal', 'activity'];
const CHUNK = 2_000;
const MAX_LISTED_ERRORS = 1_000;
const MAX_PASSES = 4;
/** An import this large changes the tables enough to refresh the planner's statistics. */
const BULK_ROWS = 1_000;

export type ImportProgress = (done: number, total: number) => void;
export type ParsedImport = { header: string[]; rows: CsvRow[]; encoding: string; records: LocatedRecord[]; errors: RowError[] };

/** The presets an import can use, for the page and the command line. */
export function listPresets() {
  return PRESETS.map(({ name, label, description, requiredColumns }) => ({ name, label, description, requiredColumns }));
}

/** Decodes (UTF-8, UTF-16 or Windows-1252, with or without BOM), parses and maps a file with a preset. */
export function readImportFile(bytes: Uint8Array, presetName: string, now: Date): ParsedImport {
  const preset = findPreset(presetName);
  if (!preset) throw new AppError('validation_failed', `preset must be one of: ${PRESETS.map((p) => p.name).join(', ')}`, [{ field: 'preset', message: 'is unknown' }]);
  const decoded = decodeCsvBytes(bytes);
  try {
    const parsed = parseCsv(decoded.text);
    const mapped = mapRows(preset, parsed.header, parsed.rows, now);
    return { header: parsed.header, rows: parsed.rows, encoding: decoded.encoding, records: mapped.records, errors: mapped.errors };
  } catch (error) {
    if (!(error instanceof CsvParseError)) throw error;
    return { header: [], rows: [], encoding: decoded.encoding, records: [], errors: [{ line: error.line, field: 'file', message: error.message }] };
  }
}

class Rollback extends Error {
  constructor(readonly outcome: PassOutcome) {
    super('rolled back');
  }
}

type PassOutcome = { counts: Partial<Record<RecordKind, KindCounts>>; errors: RowError[] };

async function saveAll(tx: Db, ctx: ServiceContext, records: LocatedRecord[], onProgress: ImportProgress): Promise<PassOutcome> {
  const outcome: PassOutcome = { counts: {}, errors: [] };
  let done = 0;
  for (const kind of SAVE_ORDER) {
    const ofKind = records.filter((record) => record.kind === kind);
    if (ofKind.length === 0) continue;
    const counts: KindCounts = { created: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < ofKind.length; i += CHUNK) {
      const items = ofKind.slice(i, i + CHUNK).map((record) => ({ ref: record.line, input: record.input }));
      const saved = await saveRecords(tx, { ...ctx, db: tx }, kind, items as never, { cause: 'import', audit: false });
      counts.created += saved.created;
      counts.updated += saved.updated;
      counts.unchanged += saved.unchanged;
      outcome.errors.push(...saved.errors.map((e) => ({ line: e.ref, field: e.field, message: e.message })));
      done += items.length;
      onProgress(done, records.length);
    }
    outcome.counts[kind] = counts;
  }
  return outcome;
}

/** Saves the records in one transaction, keeping it only when asked to and nothing failed. */
async function pass(ctx: ServiceContext, records: LocatedRecord[], shouldCommit: boolean, onProgress: ImportProgress): Promise<PassOutcome & { isCommitted: boolean }> {
  try {
    const outcome = await ctx.db.transaction(async (tx) => {
      const result = await saveAll(tx, ctx, records, onProgress);
      if (!shouldCommit || result.errors.length > 0) throw new Rollback(result);
      return result;
    });
    return { ...outcome, isCommitted: true };
  } catch (error) {
    if (error instanceof Rollback) return { ...error.outcome, isCommitted: false };
    throw error;
  }
}

function report(parsed: ParsedImport, options: { preset: string; mode: ImportMode; isDryRun: boolean }, outcome: PassOutcome & { isCommitted: boolean }, errors: RowError[]): ImportReport {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  return {
    preset: options.preset,
    encoding: parsed.encoding,
    rowCount: parsed.rows.length,
    recordCount: parsed.records.length,
    mode: options.mode,
    isDryRun: options.isDryRun,
    isCommitted: outcome.isCommitted,
    counts: outcome.counts,
    errorCount: sorted.length,
    errors: sorted.slice(0, MAX_LISTED_ERRORS),
    rejectedLines: [...new Set(sorted.map((e) => e.line))],
  };
}

/**
 * Imports a CSV file with a preset. All-or-nothing by default: any bad row and nothing is
 * written, with every bad row named. In valid-only mode the bad rows (and rows that point to
 * them) are left out and the rest is saved. A dry run reports exactly what would happen.
 * Records carry external ids, so importing the same file again creates no duplicates.
 */
export async function importCsv(
  ctx: ServiceContext,
  file: ParsedImport,
  options: { preset: string; mode: ImportMode; isDryRun: boolean },
  onProgress: ImportProgress = () => undefined,
): Promise<ImportReport> {
  let errors = [...file.errors];
  let rejected = new Set(errors.map((e) => e.line));
  const fileIsUnreadable = errors.some((e) => e.field === 'file' || e.line === 1);
  if (fileIsUnreadable || (options.mode === 'all_or_nothing' && errors.length > 0)) {
    const untouched = { counts: {}, errors: [], isCommitted: false };
    if (fileIsUnreadable || options.isDryRun === false) return report(file, options, untouched, errors);
  }
  for (let attempt = 0; attempt < MAX_PASSES; attempt++) {
    const records = file.records.filter((record) => !rejected.has(record.line));
    const isLastTry = options.mode === 'all_or_nothing' || options.isDryRun;
    const outcome = await pass(ctx, records, !options.isDryRun && (options.mode === 'valid_only' || errors.length === 0), onProgress);
    const all = [...errors, ...outcome.errors];
    if (outcome.isCommitted || isLastTry || outcome.errors.length === 0) {
      if (outcome.isCommitted) {
        await auditImport(ctx, options.preset, outcome.counts, rejected.size);
        if (records.length >= BULK_ROWS) await refreshFunnelStatistics(ctx.db);
      }
      return report(file, options, outcome, all);
    }
    errors = all;
    rejected = new Set(errors.map((e) => e.line));
  }
  throw new AppError('conflict', 'The valid rows kept depending on rejected ones; fix the rejected rows and import again.');
}

async function auditImport(ctx: ServiceContext, preset: string, counts: PassOutcome['counts'], rejectedRows: number): Promise<void> {
  await recordAudit(ctx.db, ctx, { action: 'import.run', entityType: 'import', entityId: crypto.randomUUID(), after: { preset, counts, rejectedRows } });
}
