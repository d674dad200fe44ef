import { InvalidArgumentError, Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import type { withDatabase } from '../../cli/database.ts';
import type { Config } from '../config.ts';
import { findWorkspaceBySlug } from '../modules/workspaces/workspaces.service.ts';
import { fillDemoWorkspace } from './demo.service.ts';
import { DEFAULT_DEMO_SEED, type DemoSummary } from './generate.ts';

const DEFAULT_SLUG = 'demo';
const MAX_LEADS = 10_000_000;

function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}.`);
    return n;
  };
}

function describeSummary(slug: string, summary: DemoSummary, seconds: number): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    `Filled ${slug} with Brightwash: ${n(summary.leads)} leads, ${n(summary.accounts)} accounts, ${n(summary.campaigns)} campaigns, ` +
    `${n(summary.touchpoints)} touchpoints, ${n(summary.stageTransitions)} stage changes, ${n(summary.deals)} deals, ` +
    `${n(summary.activities)} activities, ${n(summary.handovers)} MQL handovers, ${n(summary.visitors)} visitors, ${n(summary.users)} people (${seconds.toFixed(1)} s).`
  );
}

/** Adds `accord demo --leads N [--seed S]`: fills the --workspace (default "demo") with the Brightwash demo company. */
export function registerDemoCommand(program: Command, deps: { config: () => Config; withDatabase: typeof withDatabase }): void {
  program
    .command('demo')
    .description('Fill a workspace (--workspace, default "demo") with Brightwash, a synthetic company whose data shows every fight')
    .addOption(new Option('--leads <n>', 'how many leads to generate').argParser(wholeNumber(1, MAX_LEADS)).makeOptionMandatory())
    .addOption(new Option('--seed <s>', 'seed of the generator: the same seed gives the same data').argParser(wholeNumber(0, 2 ** 31 - 1)).default(DEFAULT_DEMO_SEED))
    .action(async (options: { leads: number; seed: number }) => {
      const slug = program.opts<{ workspace?: string }>().workspace ?? DEFAULT_SLUG;
      await deps.withDatabase(deps.config(), async (db) => {
        const workspace = await findWorkspaceBySlug(db, slug);
        if (!workspace) throw new Error(`--workspace: no workspace "${slug}"`);
        const bar = new cliProgress.SingleBar({ format: 'Brightwash |{bar}| {value}/{total} leads | {duration_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic);
        const started = performance.now();
        bar.start(options.leads, 0);
        let summary: DemoSummary;
        try {
          summary = await fillDemoWorkspace(db, workspace.id, options.leads, new Date(), (done) => bar.update(done), options.seed);
        } finally {
          bar.stop();
        }
        console.log(describeSummary(slug, summary, (performance.now() - started) / 1000));
      });
    });
}
