import { Command, Option } from 'commander';
import { report } from './report.ts';
import { attributionScenarios } from './scenarios/attribution.ts';
import { campaignScenarios } from './scenarios/campaigns.ts';
import { contractScenarios } from './scenarios/contract.ts';
import { funnelScenarios } from './scenarios/funnel.ts';
import { platformScenarios, type Scenario } from './scenarios/platform.ts';
import { scaleScenarios } from './scenarios/scale.ts';
import type { BenchDb } from './server.ts';

const SCENARIOS: Scenario[] = [...platformScenarios, ...funnelScenarios, ...scaleScenarios, ...contractScenarios, ...attributionScenarios, ...campaignScenarios];

const program = new Command('bench')
  .description(`Runs a benchmark against a real server and writes JSON under bench/results/.\nScenarios: ${SCENARIOS.map((s) => `\n  ${s.name}: ${s.description}`).join('')}\n  all: every scenario`)
  .argument('<scenario>', 'a scenario name, or all')
  .addOption(new Option('--db <engine>', 'database engine (default: the scenario’s engines, first one)').choices(['embedded', 'postgres']))
  .option('--port <port>', 'port for the server under test', '3999')
  .action(async (name: string, options: { db?: BenchDb; port: string }) => {
    const chosen = name === 'all' ? SCENARIOS.filter((s) => s.name !== 'smoke') : SCENARIOS.filter((s) => s.name === name);
    if (chosen.length === 0) throw new Error(`unknown scenario "${name}"; known: ${SCENARIOS.map((s) => s.name).join(', ')}, all`);
    let missed = 0;
    for (const scenario of chosen) {
      const engines = options.db ? [options.db] : name === 'all' ? scenario.engines : scenario.engines.slice(0, 1);
      for (const db of engines) {
        const metrics = await scenario.run({ db, port: Number(options.port) });
        const file = report({ scenario: scenario.name, db, at: new Date().toISOString(), metrics });
        console.log(`written ${file}`);
        missed += Object.values(metrics).filter((m) => m.ok === false).length;
      }
    }
    if (missed > 0) console.log(`${missed} target(s) not met`);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
