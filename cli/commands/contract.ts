import type { Command } from 'commander';
import { z } from 'zod';
import { ZDay } from '../../core/schemas/funnel.ts';
import { backtestVersion, rescoreWorkspace } from '../../server/modules/contract/scoring.service.ts';
import { workspaceContext } from '../database.ts';
import type { CliDeps } from './deps.ts';
import { progressBar } from './progress.ts';

const ZBacktestOptions = z
  .object({ version: z.coerce.number().int().min(1, { error: 'must be a version number such as 2' }), from: ZDay, to: ZDay })
  .refine((o) => o.to > o.from, { error: 'must be after --from', path: ['to'] });

const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)} %`);

/** accord backtest | rescore: the lead contract from the command line. */
export function registerContractCommands(program: Command, deps: CliDeps): void {
  program
    .command('backtest')
    .description('Run a lead contract version over the leads created in a period, beside the active version')
    .requiredOption('--version <n>', 'the version to test')
    .requiredOption('--from <date>', 'first day of the period (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'the day after the period (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action(async (options: { version: string; from: string; to: string; json?: boolean }) => {
      const parsed = ZBacktestOptions.safeParse(options);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`--${issue.path.join('.')} ${issue.message}`);
      }
      await deps.withDatabase(deps.config(), async (db) => {
        const result = await backtestVersion(await workspaceContext(db, deps.workspaceSlug()), parsed.data);
        if (options.json) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        const line = (label: string, o: typeof result.candidate) => ({
          version: label, mqls: o.mqls, sql: o.reachedSql, opportunity: o.reachedOpportunity, won: o.won,
          precision: percent(o.precision), recall: percent(o.recall), lift: o.lift === null ? '–' : o.lift.toFixed(2),
        });
        console.log(`${result.leads} leads created ${result.from} to ${result.to}, ${result.wonLeads} won.`);
        console.table([line(`v${result.version}`, result.candidate), line(result.activeVersion ? `v${result.activeVersion} (active)` : 'no active version', result.active)]);
        console.log(`Only v${result.version} lets through ${result.onlyCandidate.count} (${result.onlyCandidate.won} won); only the active one ${result.onlyActive.count} (${result.onlyActive.won} won).`);
      });
    });

  program
    .command('rescore')
    .description('Score every lead of the workspace by the active lead contract; leads crossing its thresholds become MQLs')
    .action(async () => {
      await deps.withDatabase(deps.config(), async (db) => {
        const bar = progressBar('Rescoring', 'leads');
        const started = performance.now();
        const outcome = await rescoreWorkspace(await workspaceContext(db, deps.workspaceSlug()), bar.update).finally(bar.stop);
        console.log(`Scored ${outcome.scored} leads by contract v${outcome.version}; ${outcome.qualified} became MQLs (${((performance.now() - started) / 1000).toFixed(1)} s).`);
      });
    });
}
