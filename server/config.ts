import path from 'node:path';
import { z } from 'zod';

/** Every setting Accord reads from the environment; README.md lists them. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  ACCORD_ENV: z.enum(['production', 'development', 'test']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_EMAIL: z.email().default('admin@example.com'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  DEMO_LEADS: z.coerce.number().int().min(0).max(1_000_000).default(5_000),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(1).default('Accord <accord@localhost>'),
});

export type Config = Readonly<{
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  env: 'production' | 'development' | 'test';
  logLevel: string;
  adminEmail: string;
  sessionDays: number;
  bodyLimitBytes: number;
  signInRatePerMinute: number;
  demoLeads: number;
  /** Where notification e-mail is sent through; null means e-mail is not configured. */
  smtpUrl: string | null;
  mailFrom: string;
}>;

export type ConfigOverrides = Partial<Pick<Config, 'dataDir' | 'port' | 'databaseUrl' | 'logLevel'>>;

/** Reads and validates the environment once; a bad value stops start-up with the variable's name. */
export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`Invalid setting: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const port = overrides.port ?? e.PORT;
  return Object.freeze({
    port,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir: path.resolve(overrides.dataDir ?? e.DATA_DIR),
    databaseUrl: overrides.databaseUrl ?? e.DATABASE_URL,
    env: e.ACCORD_ENV,
    logLevel: overrides.logLevel ?? e.LOG_LEVEL,
    adminEmail: e.ADMIN_EMAIL,
    sessionDays: e.SESSION_DAYS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    signInRatePerMinute: e.SIGN_IN_RATE_PER_MINUTE,
    demoLeads: e.DEMO_LEADS,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
  });
}

/** Where the integration tests run: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL || undefined;
}

/** The PostgreSQL server the bench creates its databases on (an admin connection). */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The environment for a child process the tests or bench start: this one's, with some settings changed. */
export function childEnv(changes: Record<string, string>, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, ...changes };
}
