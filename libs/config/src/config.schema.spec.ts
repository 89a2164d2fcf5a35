import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configDocs, configSchema, generateSecrets, parseConfig } from './config.schema';

describe('configuration schema', () => {
  it('gives every variable a safe default except the optional ones', () => {
    const config = parseConfig({});
    expect(config.API_PORT).toBe(3000);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.UNITS_FILE).toBeUndefined();
  });

  it('coerces numbers from strings', () => {
    expect(parseConfig({ API_PORT: '4100', DATABASE_POOL_MAX: '3' })).toMatchObject({
      API_PORT: 4100,
      DATABASE_POOL_MAX: 3,
    });
  });

  it('fails with a readable message naming each bad variable, never its value', () => {
    const secret = 'mysql://root:hunter2@db/x';
    let error: unknown;
    try {
      parseConfig({ DATABASE_URL: secret, API_PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^Cấu hình không hợp lệ/);
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('API_PORT');
    expect(message).toContain('LOG_LEVEL');
    expect(message).not.toContain('hunter2');
    expect((error as ConfigError).issues).toHaveLength(3);
  });

  it('refuses the development secrets in production, naming them', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET[\s\S]*PII_ENCRYPTION_KEYS[\s\S]*PII_HASH_KEY/,
    );
    const own = (label: string) => Buffer.alloc(32, label).toString('base64');
    const config = parseConfig({
      NODE_ENV: 'production',
      ...generateSecrets(),
      JWT_SECRET: own('j'),
      PII_ENCRYPTION_KEYS: `k1:${own('a')},k2:${own('b')}`,
      PII_ACTIVE_KEY_ID: 'k2',
    });
    expect(config.PII_ACTIVE_KEY_ID).toBe('k2');
    expect(config.JWT_SECRET).toBe(own('j'));
  });

  it('generates a fresh set of secrets that production accepts', () => {
    const first = generateSecrets();
    const second = generateSecrets();
    expect(() => parseConfig({ NODE_ENV: 'production', ...first })).not.toThrow();
    for (const name of Object.keys(first).filter((key) => key !== 'PII_ACTIVE_KEY_ID') as (keyof typeof first)[]) {
      expect([name, first[name]]).not.toEqual([name, second[name]]);
    }
  });

  it('requires the active PII key to be one of the keys', () => {
    expect(() => parseConfig({ PII_ACTIVE_KEY_ID: 'k9' })).toThrow(/PII_ACTIVE_KEY_ID/);
  });

  it('documents every variable, in the schema and in the README configuration table', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    for (const name of Object.keys(configSchema.shape)) {
      expect(configDocs[name as keyof typeof configDocs]?.description).toBeTruthy();
      expect(readme).toContain(`| \`${name}\` |`);
    }
  });
});
