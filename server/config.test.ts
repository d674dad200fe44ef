import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({}, {});
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names the variable and the problem when a setting is wrong', () => {
    expect(() => loadConfig({}, { PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({}, { DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
  });

  it('lets command-line flags override the environment', () => {
    expect(loadConfig({ dataDir: '/tmp/x', port: 4000 }, { DATA_DIR: '/tmp/y', PORT: '5000' })).toMatchObject({
      dataDir: '/tmp/x',
      port: 4000,
      publicUrl: 'http://localhost:4000',
    });
  });
});
