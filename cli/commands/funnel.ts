import { once } from 'node:events';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Argument, Option, type Command } from 'commander';
import { rejectedRowsCsv } from '../../core/csv/rejected.ts';
import { PRESET_NAMES } from '../../core/csv/presets.ts';
import { FUNNEL_GROUPINGS, ZFunnelQuery } from '../../core/schemas/funnel.ts';
import { exportDealsCsv, exportLeadsCsv } from '../../server/modules/funnel/export.service.ts';
import { funnelReport } from '../../server/modules/funnel/funnel.service.ts';
import type { ImportReport } from '../../core/csv/import-report.ts';
import { importCsv, readImportFile } from '../../server/modules/imports/imports.service.ts';
import { workspaceContext } from '../database.ts';
import type { CliDeps } from './deps.ts';
import { progressBar } from './progress.ts';

function describeReport(report: ImportReport): string[] {
  const counts = Object.entries(report.counts).map(([kind, c]) => `${kind}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`);
  const verdict = report.isDryRun ? 'Dry run, nothing written.' : report.isCommitted ? 'Imported.' : 'Nothing was imported (all-or-nothing).';
  return [
    `${verdict} ${report.rowCount} rows (${report.encoding}), ${report.errorCount} error(s).`,
    ...counts.map((line) => `  ${line}`),
    ...report.errors.slice(0, 20).map((e) => `  line ${e.line}: ${e.field} ${e.message}${e.value ? ` (found "${e.value}")` : ''}`),
    ...(report.errorCount > 20 ? [`  … and ${report.errorCount - 20} more`] : []),
  ];
}

async function writeChunks(chunks: AsyncGenerator<string>, out: string | undefined): Promise<void> {
  if (out) return pipeline(Readable.from(chunks), fs.createWriteStream(out));
  for await (const chunk of chunks) {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
}

/** accord import | export | funnel: the funnel from the command line. */
export function registerFunnelCommands(program: Command, deps: CliDeps): void {
  program
    .command('import')
    .description('Import a CSV file with a preset; all-or-nothing unless --valid-only')
    .argument('<file>', 'the CSV file')
    .addOption(new Option('--preset <name>', 'what the file is').choices(PRESET_NAMES).makeOptionMandatory())
    .option('--valid-only', 'import the valid rows and leave out the bad ones')
    .option('--dry-run', 'report what would happen, write nothing')
    .option('--rejected <file>', 'write the rejected rows, with their errors, to this CSV')
    .action(async (file: string, options: { preset: string; validOnly?: boolean; dryRun?: boolean; rejected?: string }) => {
      if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
      const bytes = new Uint8Array(fs.readFileSync(file));
      await deps.withDatabase(deps.config(), async (db) => {
        const ctx = await workspaceContext(db, deps.workspaceSlug());
        const parsed = readImportFile(bytes, options.preset, ctx.now);
        const bar = progressBar('Importing');
        const mode = options.validOnly ? 'valid_only' : 'all_or_nothing';
        const report = await importCsv(ctx, parsed, { preset: options.preset, mode, isDryRun: Boolean(options.dryRun) }, bar.update).finally(bar.stop);
        for (const line of describeReport(report)) console.log(line);
        if (options.rejected && report.errorCount > 0) fs.writeFileSync(options.rejected, rejectedRowsCsv(parsed.header, parsed.rows, report.errors));
        if (!report.isCommitted && !report.isDryRun) throw new Error(`import refused: ${report.errorCount} bad row(s); fix them or use --valid-only`);
      });
    });

  program
    .command('export')
    .description('Export leads or deals as CSV (safe to open in a spreadsheet)')
    .addArgument(new Argument('<what>', 'what to export').choices(['leads', 'deals']))
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (what: 'leads' | 'deals', options: { out?: string }) => {
      await deps.withDatabase(deps.config(), async (db) => {
        const ctx = await workspaceContext(db, deps.workspaceSlug());
        const filter = { sort: 'newest' as const };
        await writeChunks(what === 'leads' ? exportLeadsCsv(ctx, filter) : exportDealsCsv(ctx), options.out);
      });
    });

  program
    .command('funnel')
    .description('Print the funnel: per group, how many leads reached each stage and the median days between stages')
    .addOption(new Option('--by <grouping>', 'group by').choices(FUNNEL_GROUPINGS).default('source'))
    .option('--from <date>', 'a day in the first month of the period (YYYY-MM-DD); default eleven months ago')
    .option('--to <date>', 'the day after the period (YYYY-MM-DD): its month counts unless it is the 1st; default the end of this month')
    .option('--window <days>', 'days after creation a stage counts as reached', '180')
    .option('--json', 'print JSON')
    .action(async (options: { by: string; from?: string; to?: string; window: string; json?: boolean }) => {
      const query = ZFunnelQuery.safeParse({ by: options.by, from: options.from, to: options.to, windowDays: options.window });
      if (!query.success) {
        const issue = query.error.issues[0]!;
        throw new Error(`--${issue.path.join('.').replace('windowDays', 'window')} ${issue.message}`);
      }
      await deps.withDatabase(deps.config(), async (db) => {
        const report = await funnelReport(await workspaceContext(db, deps.workspaceSlug()), query.data);
        const groups = report.groups.map((g) => ({
          group: g.group,
          reached: g.reached,
          medianDays: Object.fromEntries(
            report.velocity.filter((v) => v.group === g.group).map((v) => [`${v.from}->${v.to}`, v.medianDays]),
          ),
        }));
        if (options.json) {
          console.log(JSON.stringify({ by: report.by, from: report.from, to: report.to, windowDays: report.windowDays, groups, total: report.total.reached, dataQuality: report.dataQuality }, null, 2));
          return;
        }
        console.table(groups.map((g) => ({ [report.by]: g.group ?? '(none)', ...g.reached })));
      });
    });
}
