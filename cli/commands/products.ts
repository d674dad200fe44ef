import fs from 'node:fs';
import type { Command } from 'commander';
import type { RowError } from '../../core/csv/presets.ts';
import { AppError } from '../../server/http/errors.ts';
import { importProducts } from '../../server/modules/campaigns/products.service.ts';
import { workspaceContext } from '../database.ts';
import type { CliDeps } from './deps.ts';

const LISTED_ERRORS = 20;

/** The rows a refused file got wrong, one line each, as the import page lists them. */
function describeErrors(error: AppError): string[] {
  const errors = (Array.isArray(error.details) ? error.details : []) as RowError[];
  return [
    ...errors.slice(0, LISTED_ERRORS).map((e) => `  line ${e.line}: ${e.field} ${e.message}${e.value ? ` (found "${e.value}")` : ''}`),
    ...(errors.length > LISTED_ERRORS ? [`  … and ${errors.length - LISTED_ERRORS} more`] : []),
  ];
}

/** accord products import: Operations' stock file from the command line. */
export function registerProductCommands(program: Command, deps: CliDeps): void {
  const products = program.command('products').description('Products and stock for the campaign calendar');
  products
    .command('import')
    .description('Import the products CSV (sku, name, kind, on_hand, weekly_baseline, incoming): new SKUs are added, known ones replaced; a file with a bad row changes nothing')
    .argument('<file>', 'the CSV file')
    .option('--dry-run', 'check the file and report what would change, write nothing')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
      const bytes = new Uint8Array(fs.readFileSync(file));
      await deps.withDatabase(deps.config(), async (db) => {
        const ctx = await workspaceContext(db, deps.workspaceSlug());
        try {
          const report = await importProducts(ctx, bytes, { isDryRun: Boolean(options.dryRun) });
          console.log(`${report.isDryRun ? 'Dry run, nothing written.' : 'Imported.'} ${report.rowCount} rows: ${report.created} new products, ${report.updated} updated.`);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
          for (const line of describeErrors(error)) console.log(line);
          throw new Error(`import refused: ${error.message.split('.')[0]}`);
        }
      });
    });
}
