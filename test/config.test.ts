import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has defaults that work with no configuration', () => {
    const c = loadConfig({});
    expect(c.token).toBeUndefined();
    expect(c.corpusDir).toMatch(/corpus$/);
    expect(c.dataDir).toMatch(/data$/);
    expect(c.embeddingModel).toBe('Xenova/multilingual-e5-small');
    expect(c.adminIds).toEqual([]);
    expect(c.webhookHost).toBe('127.0.0.1');
    expect(c.webhookSecret).toBeUndefined();
  });

  it('reads ids, URLs and the lexical-only switch', () => {
    const c = loadConfig({
      ADMIN_IDS: '1, 22',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      EMBEDDING_MODEL: 'none',
      TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    });
    expect(c).toMatchObject({
      adminIds: [1, 22],
      apiRoot: 'http://127.0.0.1:8081',
      embeddingModel: undefined,
      token: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    });
  });

  it('refuses bad values with a message saying what to fix', () => {
    expect(() => loadConfig({ ADMIN_IDS: '12,abc' })).toThrow(
      'ADMIN_IDS must be comma-separated numeric Telegram user ids; "abc" is not one.',
    );
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'ftp://x' })).toThrow(
      'TELEGRAM_API_ROOT is not a valid http(s) URL: fix it in .env or unset it.',
    );
    expect(() => loadConfig({ WEBHOOK_URL: 'not a url' })).toThrow('WEBHOOK_URL is not a valid http(s) URL');
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: 'abc' })).toThrow(/^TELEGRAM_BOT_TOKEN is malformed/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL must be "info" (the default) or "silent" (errors only).',
    );
    expect(loadConfig({ LOG_LEVEL: 'silent' }).quiet).toBe(true);
    expect(() => loadConfig({ WEBHOOK_SECRET: 'has spaces' })).toThrow(
      'WEBHOOK_SECRET may hold only A–Z, a–z, 0–9, "_" and "-" (1–256 characters).',
    );
  });

  it('DATABASE_URL: PostgreSQL or nothing, never repeated in the message (it holds a password); OUTBOX_CLAIM_S in seconds', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({}).outboxClaimMs).toBe(60_000);
    const c = loadConfig({ DATABASE_URL: ' postgres://bot:s3cret@db:5432/reports ', OUTBOX_CLAIM_S: '5' });
    expect(c).toMatchObject({ databaseUrl: 'postgres://bot:s3cret@db:5432/reports', outboxClaimMs: 5000 });
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://bot:s3cret@db/reports' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^DATABASE_URL must be a PostgreSQL URL/);
    expect(message).not.toContain('s3cret');
    expect(() => loadConfig({ OUTBOX_CLAIM_S: '0' })).toThrow(
      'OUTBOX_CLAIM_S must be a number of seconds, at least 1.',
    );
  });
});
