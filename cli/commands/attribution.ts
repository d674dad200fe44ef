import fs from 'node:fs';
import { Option, type Command } from 'commander';
import type { z } from 'zod';
import { attributePaths, DEFAULT_ATTRIBUTION_OPTIONS as DEFAULTS, type AttributionReport } from '../../core/attribution/attribute.ts';
import { PATH_FILE_COLUMNS, parsePathFile } from '../../core/attribution/path-file.ts';
import { revenueBridge, type RevenueBridge } from '../../core/bridge/revenue-bridge.ts';
import { decodeCsvBytes, type CsvDelimiter } from '../../core/csv/parse.ts';
import { ATTRIBUTION_UNITS, ZAttributionOptions, ZAttributionQuery, ZBridgeInput } from '../../core/schemas/attribution.ts';
import { MEASURES, type AttributionReportDto } from '../../core/attribution/report.ts';
import { attributionReport } from '../../server/modules/attribution/attribution.service.ts';
import { workspaceContext } from '../database.ts';
import type { CliDeps } from './deps.ts';

const SEPARATORS: Record<string, CsvDelimiter> = { ',': ',', ';': ';', tab: '\t' };

const BRIDGE_FORMAT = `
The file (JSON): two periods, base (the target or the previous period) and current (the actuals),
each with its segments (channels) and their seven factors:

  {
    "currency": "EUR",
    "periods": {
      "base":    { "label": "Q2 target", "segments": [ SEGMENT, ... ] },
      "current": { "label": "Q2 actual", "segments": [ SEGMENT, ... ] }
    }
  }

  SEGMENT = { "segment": "paid_search", "leads": 1200, "mqlRate": 0.3, "acceptanceRate": 0.6,
              "opportunityRate": 0.5, "winRate": 0.25, "avgDealSize": 12000, "discount": 0.1 }

revenue = leads x mqlRate x acceptanceRate x opportunityRate x winRate x avgDealSize x (1 - discount).
Rates and discount are between 0 and 1; avgDealSize is the list amount per won deal. A rate is null
when its base is zero (no MQLs: no acceptanceRate); a segment missing from a period has no leads.
The gap is split by LMDI-I: the effects sum exactly to it. Teams: leads, mqlRate -> marketing;
acceptanceRate -> shared; opportunityRate, winRate, avgDealSize, discount -> sales.`;

/** A zod issue path as a field name: periods.current.segments[2].winRate. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** The parsed value, or an error naming the first bad field as `name` calls it. */
function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, name: (path: readonly PropertyKey[]) => string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`${name(issue.path)} ${issue.message}`);
}

const OPTION_FLAGS: Record<string, string> = { halfLifeDays: '--half-life', stepDays: '--step', markovOrder: '--order' };
const PERIOD_FLAGS: Record<string, string> = { from: '--from', to: '--to', by: '--by', lookbackDays: '--lookback' };

function readFile(file: string): Buffer {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  return fs.readFileSync(file);
}

const round = (x: number) => Math.round(x * 100) / 100;

/** One table per measure: a row per channel, a column per model. */
function printAttribution(report: AttributionReport): void {
  const { totals, unattributed } = report;
  console.log(`${totals.paths} paths, ${round(totals.conversions)} conversions worth ${round(totals.value)}, ${round(totals.nulls)} without conversion.`);
  if (unattributed.paths > 0) console.log(`Not attributed (no touch): ${unattributed.paths} paths, ${round(unattributed.conversions)} conversions worth ${round(unattributed.value)}.`);
  const credited = report.models.filter((m) => 'credits' in m);
  for (const measure of ['conversions', 'value'] as const) {
    console.log(`\nAttributed ${measure}:`);
    const rows = report.channels.map((channel, i) => ({ channel, ...Object.fromEntries(credited.map((m) => [m.model, round(m.credits[i]![measure])])) }));
    console.table(rows);
  }
  for (const m of report.models) if ('skipped' in m) console.log(`${m.model}: skipped, ${m.skipped}`);
}

/** Per measure, a row per channel (or campaign): sourced, influenced and each model's credited amount; then the campaigns' economics. */
function printWorkspaceAttribution(report: AttributionReportDto): void {
  const money = (minor: number | null | undefined) => (minor === null || minor === undefined ? '–' : round(minor / 100));
  const settling = report.policy.settlingModel;
  console.log(`${report.from} to ${report.to} (day after), by ${report.by}, lookback ${report.lookbackDays} days, amounts in ${report.currency}.`);
  console.log(settling ? `Settling model (credit policy v${report.policy.version}): ${settling}.` : 'No credit policy signed yet: no settling model.');
  for (const measure of MEASURES) {
    const m = report[measure];
    console.log(`\n${measure === 'pipeline' ? 'Pipeline (deals created)' : 'Revenue (deals won)'}: ${m.conversions} deals worth ${money(m.valueMinor)}; without a touch in the window: ${m.unattributed.conversions} worth ${money(m.unattributed.valueMinor)}.`);
    console.table(m.rows.map((row) => ({
      [report.by]: row.name,
      sourced: money(row.sourced.valueMinor),
      influenced: money(row.influenced.valueMinor),
      ...Object.fromEntries(report.models.map((model) => [model, money(row.credits[model]?.valueMinor)])),
    })));
    for (const [model, reason] of Object.entries(m.skipped)) console.log(`${model}: skipped, ${reason}`);
  }
  if (!report.campaigns) return;
  const model = settling ?? 'linear';
  console.log(`\nCampaigns (return on spend by ${model}):`);
  console.table(report.campaigns.map((c) => ({
    campaign: c.name, spend: money(c.spendInPeriodMinor), mqls: c.mqls, 'cost/MQL': money(c.costPerMqlMinor), sqls: c.sqls, 'cost/SQL': money(c.costPerSqlMinor),
    customers: c.customers, 'cost/customer': money(c.costPerCustomerMinor), revenue: money(c.revenue.creditedMinor[model]), roi: c.roi[model] === null ? '–' : round(c.roi[model]!),
  })));
}

function printBridge(bridge: RevenueBridge, labels: { base?: string; current?: string }, currency: string | undefined): void {
  const money = (x: number) => `${round(x)}${currency ? ` ${currency}` : ''}`;
  console.log(`${labels.base ?? 'base'}: ${money(bridge.base)}  ->  ${labels.current ?? 'current'}: ${money(bridge.current)}  (gap ${money(bridge.gap)})`);
  console.table(bridge.effects.map((e) => ({ factor: e.factor, team: e.team, effect: round(e.effect) })));
  console.log(`By team: ${Object.entries(bridge.teams).map(([team, x]) => `${team} ${money(x)}`).join(', ')}`);
  console.table(bridge.segments.map((s) => ({ segment: s.segment, base: round(s.base), current: round(s.current), gap: round(s.gap), ...Object.fromEntries(s.effects.map((e) => [e.factor, round(e.effect)])) })));
}

/** accord attribute [workspace] | attribute paths | bridge: attribution of the workspace, and attribution and the bridge from files. */
export function registerAttributionCommands(program: Command, deps: CliDeps): void {
  const attribute = program.command('attribute').description('Attribute conversions and value to channels with every model');

  attribute
    .command('workspace', { isDefault: true })
    .description('Attribute the workspace’s pipeline and revenue over a period with every model (the default: accord attribute --from … --to …)')
    .requiredOption('--from <date>', 'first day of the period (YYYY-MM-DD, UTC)')
    .requiredOption('--to <date>', 'the day after the period (YYYY-MM-DD, UTC)')
    .addOption(new Option('--by <unit>', 'credit channels, or campaigns (adds their economics)').choices(ATTRIBUTION_UNITS).default('channel'))
    .option('--lookback <days>', 'days before a conversion whose touches count (default: the workspace’s setting)')
    .option('--json', 'print JSON')
    .action(async (options: { from: string; to: string; by: string; lookback?: string; json?: boolean }) => {
      const query = parseOrThrow(ZAttributionQuery, { from: options.from, to: options.to, by: options.by, lookbackDays: options.lookback }, (path) => PERIOD_FLAGS[String(path[0])] ?? fieldName(path));
      await deps.withDatabase(deps.config(), async (db) => {
        const report = await attributionReport(await workspaceContext(db, deps.workspaceSlug()), query);
        if (options.json) console.log(JSON.stringify(report, null, 2));
        else printWorkspaceAttribution(report);
      });
    });

  attribute
    .command('paths')
    .description(`Attribute an aggregated path file (header ${Object.values(PATH_FILE_COLUMNS).join(';')}, channels joined by ">")`)
    .argument('<file>', 'the path file')
    .addOption(new Option('--sep <separator>', 'column separator (default: detected from the header)').choices(Object.keys(SEPARATORS)))
    .option('--half-life <days>', 'time decay: a touch this many days older gets half the weight', String(DEFAULTS.halfLifeDays))
    .option('--step <days>', 'time decay: days between consecutive touches of a path (the last one is at the conversion)', String(DEFAULTS.stepDays))
    .option('--order <k>', 'Markov model order (1 to 4)', String(DEFAULTS.markovOrder))
    .option('--json', 'print JSON')
    .action((file: string, options: { sep?: string; halfLife: string; step: string; order: string; json?: boolean }) => {
      const settings = parseOrThrow(ZAttributionOptions, { halfLifeDays: options.halfLife, stepDays: options.step, markovOrder: options.order }, (path) => OPTION_FLAGS[String(path[0])]!);
      const paths = parsePathFile(decodeCsvBytes(new Uint8Array(readFile(file))).text, { separator: options.sep === undefined ? undefined : SEPARATORS[options.sep] });
      const report = attributePaths(paths, settings);
      if (options.json) console.log(JSON.stringify(report, null, 2));
      else printAttribution(report);
    });

  program
    .command('bridge')
    .description('Split the gap between two periods of revenue into the funnel’s seven levers (LMDI), per segment and team')
    .argument('<file>', 'the JSON file (format below)')
    .option('--json', 'print JSON')
    .addHelpText('after', BRIDGE_FORMAT)
    .action((file: string, options: { json?: boolean }) => {
      let json: unknown;
      try {
        json = JSON.parse(readFile(file).toString('utf8'));
      } catch (error) {
        if (error instanceof SyntaxError) throw new Error(`${file}: not valid JSON (${error.message})`);
        throw error;
      }
      const input = parseOrThrow(ZBridgeInput, json, fieldName);
      const bridge = revenueBridge({ base: input.periods.base.segments, current: input.periods.current.segments });
      const labels = { base: input.periods.base.label, current: input.periods.current.label };
      if (options.json) console.log(JSON.stringify({ currency: input.currency ?? null, labels, ...bridge }, null, 2));
      else printBridge(bridge, labels, input.currency);
    });
}
