import { Command, Option } from 'commander';
import { loadConfig, type Config } from '../server/config.ts';
import { ROLES, type Role } from '../core/permissions.ts';
import { ZEmail, ZName } from '../core/schemas/common.ts';
import { backupEmbeddedFolder, restoreEmbeddedFolder } from '../server/db/backup.ts';
import { registerDemoCommand } from '../server/demo/demo.cli.ts';
import { registerAttributionCommands } from './commands/attribution.ts';
import { registerContractCommands } from './commands/contract.ts';
import { registerFunnelCommands } from './commands/funnel.ts';
import { registerProductCommands } from './commands/products.ts';
import { withDatabase } from './database.ts';
import { ensureWebBuilt } from './web-build.ts';
import { startServer } from '../server/main.ts';
import { createOneTimeLink, createUser, findUserByEmail } from '../server/modules/identity/identity.service.ts';
import { addMember, findWorkspaceBySlug } from '../server/modules/workspaces/workspaces.service.ts';
import { linkUrl } from '../server/http/routes.ts';

type GlobalOptions = { data?: string; workspace?: string };

const program = new Command('accord')
  .description('Accord: one funnel, one set of numbers for Sales and Marketing.')
  .option('--data <dir>', 'folder of the embedded database (default: $DATA_DIR or ./data)')
  .option('--workspace <slug>', 'workspace to act in, for commands that act in one')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

function config(): Config {
  const { data } = program.opts<GlobalOptions>();
  return loadConfig(data ? { dataDir: data } : {});
}

function parseOrFail<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${field} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  return parsed.data;
}

program
  .command('serve')
  .description('Serve Accord: builds the web page if needed, migrates the database, listens on $PORT')
  .addOption(new Option('--port <port>', 'port to listen on (default: $PORT or 3000)').argParser(Number))
  .action(async (options: { port?: number }) => {
    ensureWebBuilt(console.log);
    const base = config();
    const server = await startServer(options.port === undefined ? base : loadConfig({ dataDir: base.dataDir, port: options.port }));
    const shutdown = () => {
      server.stop().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('Apply the database migrations that have not run yet, then exit')
  .action(async () => {
    await withDatabase(config(), async () => undefined);
    console.log('Migrations are up to date.');
  });

const users = program.command('users').description('Create people and issue sign-in links');

users
  .command('create')
  .description('Create a person and print a one-time link to set their password')
  .requiredOption('--email <email>', 'their email address')
  .requiredOption('--name <name>', 'their name')
  .addOption(new Option('--role <role>', 'their role in --workspace').choices(ROLES).default('admin'))
  .action(async (options: { email: string; name: string; role: Role }) => {
    const cfg = config();
    const email = parseOrFail(ZEmail, options.email, '--email');
    const name = parseOrFail(ZName, options.name, '--name');
    const slug = program.opts<GlobalOptions>().workspace;
    await withDatabase(cfg, async (db) => {
      const workspace = slug ? await findWorkspaceBySlug(db, slug) : null;
      if (slug && !workspace) throw new Error(`--workspace: no workspace "${slug}"`);
      const now = new Date();
      const user = await createUser(db, { email, name, now });
      if (workspace) await addMember(db, { workspaceId: workspace.id, userId: user.id, role: options.role, now });
      const link = await createOneTimeLink(db, { userId: user.id, purpose: 'sign_in', now });
      console.log(`Created ${email}${workspace ? ` as ${options.role} in ${workspace.slug}` : ''}. Sign-in link (24 hours):`);
      console.log(`  ${linkUrl(cfg, 'link', link.secret)}`);
    });
  });

users
  .command('reset-link')
  .description('Print a one-time link that lets a person set a new password')
  .requiredOption('--email <email>', 'their email address')
  .action(async (options: { email: string }) => {
    const cfg = config();
    const email = parseOrFail(ZEmail, options.email, '--email');
    await withDatabase(cfg, async (db) => {
      const user = await findUserByEmail(db, email);
      if (!user) throw new Error(`--email: no user ${email}`);
      const link = await createOneTimeLink(db, { userId: user.id, purpose: 'reset_password', now: new Date() });
      console.log(`Password reset link for ${email} (24 hours):\n  ${linkUrl(cfg, 'link', link.secret)}`);
    });
  });

program
  .command('backup')
  .description('Write the embedded database to a file (the server must be stopped)')
  .argument('<file>', 'backup file to write (.tar.gz)')
  .action(async (file: string) => {
    await backupEmbeddedFolder(config(), file);
    console.log(`Backup written to ${file}`);
  });

program
  .command('restore')
  .description('Replace the embedded database with a backup (the server must be stopped)')
  .argument('<file>', 'backup file written by accord backup')
  .option('--force', 'replace an existing database')
  .action(async (file: string, options: { force?: boolean }) => {
    await restoreEmbeddedFolder(config(), file, Boolean(options.force));
    console.log(`Restored ${file} into ${config().dataDir}`);
  });

const commandDeps = { config, withDatabase, workspaceSlug: () => program.opts<GlobalOptions>().workspace };
registerFunnelCommands(program, commandDeps);
registerContractCommands(program, commandDeps);
registerProductCommands(program, commandDeps);
registerAttributionCommands(program, commandDeps);
registerDemoCommand(program, commandDeps);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`accord: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
