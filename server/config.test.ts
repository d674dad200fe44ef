import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({}, {});
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.smtpUrl).toBeNull();
    expect(config.mailFrom).toBe('Accord <accord@localhost>');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names the variable and the problem when a setting is wrong', () => {
    expect(() => loadConfig({}, { PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({}, { DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
    expect(() => loadConfig({}, { SMTP_URL: 'mail.example.com:25' })).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
  });

  it('reads the mail settings', () => {
    const config = loadConfig({}, { SMTP_URL: 'smtp://user:secret@mail.example.com:587', MAIL_FROM: 'Sales <sales@example.com>' });
    expect(config.smtpUrl).toBe('smtp://user:secret@mail.example.com:587');
    expect(config.mailFrom).toBe('Sales <sales@example.com>');
  });

  it('lets command-line flags override the environment', () => {
    expect(loadConfig({ dataDir: '/tmp/x', port: 4000 }, { DATA_DIR: '/tmp/y', PORT: '5000' })).toMatchObject({
      dataDir: '/tmp/x',
      port: 4000,
      publicUrl: 'http://localhost:4000',
    });
  });
});
