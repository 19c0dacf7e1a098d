/**
 * Configuration, read from the environment (and .env via dotenv) and validated once at
 * start-up. A bad value stops start-up with one line saying what to fix.
 */
import { resolve } from 'node:path';
import { ConfigError } from './errors.js';

/** Multilingual, so questions in Chinese find English passages. 384 dimensions, ~120 MB quantized. */
const DEFAULT_MODEL = 'Xenova/multilingual-e5-small';

/** The webhook server listens on loopback unless told otherwise: a reverse proxy in front terminates HTTPS. */
export const DEFAULT_WEBHOOK_HOST = '127.0.0.1';

export interface Config {
  token?: string | undefined;
  apiRoot?: string | undefined;
  webhookUrl?: string | undefined;
  corpusDir: string;
  dataDir: string;
  /** Hub id or local folder; undefined when EMBEDDING_MODEL=none (lexical only). */
  embeddingModel?: string | undefined;
  /** Where hub models are downloaded from (HF_ENDPOINT: a mirror); the Hugging Face hub when unset. */
  hubEndpoint?: string | undefined;
  adminIds: number[];
  port: number;
  /** Interface the webhook server binds to: loopback unless a proxy elsewhere must reach it. */
  webhookHost: string;
  /** Shared secret Telegram sends with each webhook update; random per start when unset. */
  webhookSecret?: string | undefined;
  /** How often the running bot looks for new or changed reports. */
  corpusPollMs: number;
  /** LOG_LEVEL=silent: only errors are logged. */
  quiet: boolean;
  /** SOURCES_FILE: the watched sources (notices/sources.ts); absent file = none. */
  sourcesFile: string;
  /** SOURCES_POLL_S in milliseconds. */
  sourcesPollMs: number;
  /** SOURCES_ALLOW_PRIVATE=1: sources may be on loopback or private addresses (tests). */
  sourcesAllowPrivate: boolean;
  /** Port of the /healthz and /metrics server on loopback (polling mode; the webhook server also serves them). */
  metricsPort?: number | undefined;
  /**
   * DATABASE_URL: a PostgreSQL database (postgres://…) holding subscriptions, the outbox, sources and cards, shared by
   * several replicas; unset: SQLite files in DATA_DIR. Holds a password: never logged.
   */
  databaseUrl?: string | undefined;
  /** OUTBOX_CLAIM_S in milliseconds: how long a notice claimed by a replica that died waits before another sends it. */
  outboxClaimMs: number;
}

const TOKEN = /^\d{3,}:[A-Za-z0-9_-]{20,}$/;

function url(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const parsed = new URL(value);
    if (!/^https?:$/.test(parsed.protocol)) throw new Error('not http(s)');
    return value.replace(/\/+$/, '');
  } catch (cause) {
    throw new ConfigError(`${name} is not a valid http(s) URL: fix it in .env or unset it.`, { cause });
  }
}

/** Parses and validates the environment. Throws ConfigError naming the variable to fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const token = env.TELEGRAM_BOT_TOKEN?.trim() || undefined;
  // The message never repeats the value: it is a secret.
  if (token && !TOKEN.test(token))
    throw new ConfigError('TELEGRAM_BOT_TOKEN is malformed: expected "<digits>:<secret>" as given by @BotFather.');
  const adminIds = (env.ADMIN_IDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (!/^-?\d+$/.test(s))
        throw new ConfigError(
          `ADMIN_IDS must be comma-separated numeric Telegram user ids; "${s.slice(0, 20)}" is not one.`,
        );
      return Number(s);
    });
  const metricsPort = env.METRICS_PORT?.trim() ? Number(env.METRICS_PORT.trim()) : undefined;
  if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort <= 0 || metricsPort > 65535))
    throw new ConfigError('METRICS_PORT must be a TCP port number (1–65535), or unset.');
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new ConfigError('PORT must be a TCP port number (1–65535).');
  const model = env.EMBEDDING_MODEL?.trim() || DEFAULT_MODEL;
  const webhookSecret = env.WEBHOOK_SECRET?.trim() || undefined;
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (logLevel !== 'info' && logLevel !== 'silent')
    throw new ConfigError('LOG_LEVEL must be "info" (the default) or "silent" (errors only).');
  const corpusPollMs = Number(env.CORPUS_POLL_MS?.trim() || 3000);
  if (!Number.isInteger(corpusPollMs) || corpusPollMs < 100)
    throw new ConfigError('CORPUS_POLL_MS must be a whole number of milliseconds, at least 100.');
  const allowPrivate = env.SOURCES_ALLOW_PRIVATE?.trim() ?? '';
  if (!['', '0', '1'].includes(allowPrivate))
    throw new ConfigError('SOURCES_ALLOW_PRIVATE must be 1 (allow loopback and private addresses) or 0.');
  // Telegram's own rule for secret_token: 1–256 characters of A–Z, a–z, 0–9, _ and -.
  if (webhookSecret && !/^[A-Za-z0-9_-]{1,256}$/.test(webhookSecret))
    throw new ConfigError('WEBHOOK_SECRET may hold only A–Z, a–z, 0–9, "_" and "-" (1–256 characters).');
  return {
    token,
    apiRoot: url('TELEGRAM_API_ROOT', env.TELEGRAM_API_ROOT?.trim()),
    webhookUrl: url('WEBHOOK_URL', env.WEBHOOK_URL?.trim()),
    corpusDir: resolve(env.CORPUS_DIR?.trim() || 'corpus'),
    dataDir: resolve(env.DATA_DIR?.trim() || 'data'),
    embeddingModel: model.toLowerCase() === 'none' ? undefined : model,
    hubEndpoint: url('HF_ENDPOINT', env.HF_ENDPOINT?.trim()),
    adminIds,
    port,
    webhookHost: env.WEBHOOK_HOST?.trim() || DEFAULT_WEBHOOK_HOST,
    webhookSecret,
    corpusPollMs,
    quiet: logLevel === 'silent',
    sourcesFile: resolve(env.SOURCES_FILE?.trim() || 'sources.txt'),
    sourcesPollMs: secondsOf('SOURCES_POLL_S', env.SOURCES_POLL_S, 3600, 1),
    sourcesAllowPrivate: allowPrivate === '1',
    metricsPort,
    databaseUrl: databaseUrlOf(env.DATABASE_URL),
    outboxClaimMs: secondsOf('OUTBOX_CLAIM_S', env.OUTBOX_CLAIM_S, 60, 1),
  };
}

/** A number of seconds from the environment (at least `min`), in milliseconds. */
function secondsOf(name: string, value: string | undefined, fallback: number, min: number): number {
  const seconds = Number(value?.trim() || fallback);
  if (!Number.isFinite(seconds) || seconds < min)
    throw new ConfigError(`${name} must be a number of seconds, at least ${min}.`);
  return Math.round(seconds * 1000);
}

/** DATABASE_URL, checked: a PostgreSQL URL or nothing. The message never repeats the value: it may hold a password. */
function databaseUrlOf(value: string | undefined): string | undefined {
  const url = value?.trim() || undefined;
  if (url && !/^postgres(ql)?:\/\/\S+$/i.test(url))
    throw new ConfigError(
      'DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database), or unset.',
    );
  return url;
}
