import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseDuration, parseDurationList } from './domain/durations.js';

const duration = (name: string, fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === null)
        ctx.addIssue({ code: 'custom', message: `${name} must be a duration such as 20s, 15m, 7d (got "${text}")` });
      return ms ?? 0;
    });

const durationList = (name: string, fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const list = parseDurationList(text);
      if (list === null)
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be comma-separated durations such as 2d,6d, or none (got "${text}")`,
        });
      return list ?? [];
    });

/** The default reminders; dropped, with a warning, when CHANGE_REQUEST_TTL comes before them. */
const DEFAULT_REMINDERS = '2d,6d';

const port = z.coerce.number().int().min(1).max(65535);

/**
 * Which proxies' X-Forwarded-For to believe: none ("off", the default), the nearest N hops (a number), or the
 * proxies at these addresses or networks ("10.0.0.0/8,127.0.0.1").
 */
const trustProxy = z
  .string()
  .default('off')
  .transform((text, ctx): false | number | string[] => {
    const value = text.trim();
    if (/^(off|false|no|0)$/i.test(value)) return false;
    if (/^\d+$/.test(value)) return Number(value);
    const list = value.split(',').map((part) => part.trim());
    const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(\/\d{1,3})?$/i;
    if (list.every((part) => address.test(part))) return list;
    ctx.addIssue({
      code: 'custom',
      message: `TRUST_PROXY must be off, a number of proxy hops, or proxy addresses/CIDRs such as 10.0.0.0/8 (got "${text}")`,
    });
    return false;
  });
const optional = z.string().trim().min(1).optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  METRICS_PORT: port.optional(),
  WORKER_METRICS_PORT: port.optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  TRUST_PROXY: trustProxy,
  PUBLIC_BASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: z.url().optional(),
  TEMPORAL_ADDRESS: optional,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('countersign'),
  TEMPORAL_CLI: optional,
  TEMPORAL_UI_URL: z.url().optional(),
  DEV_POSTGRES_PORT: port.default(5433),
  DEV_TEMPORAL_PORT: port.default(7233),
  DEV_TEMPORAL_UI_PORT: port.default(8233),
  RESEND_API_KEY: optional,
  RESEND_BASE_URL: z.url().optional(),
  RESEND_WEBHOOK_SECRET: optional,
  CHECK_URL: z.url().optional(),
  CHECK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/, 'CHECK_SECRET must be a whsec_… secret (base64, at least 24 bytes)')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Countersign <noreply@countersign.localhost>'),
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().default(2),
  ADMIN_API_KEY: z.string().min(16, 'ADMIN_API_KEY must be at least 16 characters').optional(),
  TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters').optional(),
  CHANGE_REQUEST_TTL: duration('CHANGE_REQUEST_TTL', '7d'),
  REMINDER_AFTER: durationList('REMINDER_AFTER', DEFAULT_REMINDERS),
  RESEND_COOLDOWN: duration('RESEND_COOLDOWN', '1m'),
  STUCK_AFTER: duration('STUCK_AFTER', '3d'),
  PROVIDER_APPLIES: z
    .string()
    .default('')
    .transform((text) => [
      ...new Set(
        text
          .split(',')
          .map((kind) => kind.trim().toLowerCase())
          .filter(Boolean),
      ),
    ]),
  APPLY_TIMEOUT: duration('APPLY_TIMEOUT', '3d'),
  WEBHOOK_RETRY_FOR: duration('WEBHOOK_RETRY_FOR', '3d'),
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  WORKER_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(100),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  TWO_STEP_FOR_SUPPORT: z.enum(['required', 'optional']).optional(),
  SESSION_IDLE_TIMEOUT: duration('SESSION_IDLE_TIMEOUT', '30m'),
  SESSION_MAX_AGE: duration('SESSION_MAX_AGE', '12h'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.input<typeof schema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Prometheus's /metrics, each on a port of its own on HOST: the server's and the worker's; off when unset. */
  metrics: { serverPort?: number; workerPort?: number };
  /** Whose X-Forwarded-For decides the client address: nobody's (false), the nearest N hops, or these proxies. */
  trustProxy: false | number | string[];
  publicBaseUrl: string;
  dataDir: string;
  databaseUrl?: string;
  /** uiUrl: the Temporal Web UI, for links from the support pages; cachedWorkflows: the worker's sticky cache. */
  temporal: {
    address?: string;
    namespace: string;
    taskQueue: string;
    cli?: string;
    uiUrl?: string;
    cachedWorkflows: number;
  };
  dev: { postgresPort: number; temporalPort: number; temporalUiPort: number };
  mail: { resendApiKey?: string; resendBaseUrl?: string; webhookSecret?: string; from: string; ratePerSecond: number };
  /** The provider's check before a request exists (CHECK_URL), signed with CHECK_SECRET; off when unset. */
  providerCheck?: { url: string; secret: string };
  adminApiKey?: string;
  tokenSecret: string;
  changeRequestTtlMs: number;
  reminderAfterMs: number[];
  resendCooldownMs: number;
  stuckAfterMs: number;
  /**
   * The service kinds the provider applies itself (PROVIDER_APPLIES): once both accept, such a request stays `doing`
   * until the provider says it applied or failed; after `applyTimeoutMs` without a word, it is listed as stuck.
   */
  providerApplies: string[];
  applyTimeoutMs: number;
  /**
   * Outgoing webhooks: how long a delivery is retried before its endpoint is disabled, and whether an endpoint may
   * be a loopback or private address in production (WEBHOOK_ALLOW_PRIVATE; always allowed elsewhere).
   */
  webhooks: { retryForMs: number; allowPrivate: boolean };
  rateLimitPerMinute: number;
  /** required: a support account must turn on two-step sign-in before it reaches any other page. */
  twoStepForSupport: 'required' | 'optional';
  /** Web sessions: signed out after `idleTimeoutMs` without a request, and `maxAgeMs` after signing in whatever. */
  session: { idleTimeoutMs: number; maxAgeMs: number };
  logLevel: string;
  /** What start-up should say about settings it adjusted (the default reminders a short TTL drops). */
  warnings?: string[];
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; every failure names its variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const warnings: string[] = [];
  let reminders = e.REMINDER_AFTER;
  if (reminders.some((ms) => ms >= e.CHANGE_REQUEST_TTL)) {
    if (cleaned.REMINDER_AFTER !== undefined) {
      throw new ConfigError(
        `Invalid configuration:\n  REMINDER_AFTER: every reminder must come before CHANGE_REQUEST_TTL ` +
          `(REMINDER_AFTER=${cleaned.REMINDER_AFTER}, CHANGE_REQUEST_TTL=${cleaned.CHANGE_REQUEST_TTL ?? '7d'})`,
      );
    }
    reminders = reminders.filter((ms) => ms < e.CHANGE_REQUEST_TTL);
    warnings.push(
      `CHANGE_REQUEST_TTL=${cleaned.CHANGE_REQUEST_TTL} comes before the default reminders (REMINDER_AFTER=` +
        `${DEFAULT_REMINDERS}): the reminders at or after it are dropped` +
        (reminders.length ? '.' : ', so no reminder is sent. Set REMINDER_AFTER (or none) to choose.'),
    );
  }
  if (e.CHECK_URL && !e.CHECK_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  CHECK_SECRET: required with CHECK_URL (a whsec_… secret the provider checks the signature with)',
    );
  }
  if (e.NODE_ENV === 'production' && !e.TOKEN_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  TOKEN_SECRET: required when NODE_ENV=production (at least 32 random characters)',
    );
  }
  if (e.NODE_ENV === 'production' && !e.RESEND_API_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  RESEND_API_KEY: required when NODE_ENV=production (the development mailbox is for local use)',
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    metrics: { serverPort: e.METRICS_PORT, workerPort: e.WORKER_METRICS_PORT },
    trustProxy: e.TRUST_PROXY,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dataDir,
    databaseUrl: e.DATABASE_URL,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      cli: e.TEMPORAL_CLI,
      uiUrl: e.TEMPORAL_UI_URL?.replace(/\/+$/, ''),
      cachedWorkflows: e.WORKER_CACHED_WORKFLOWS,
    },
    dev: {
      postgresPort: e.DEV_POSTGRES_PORT,
      temporalPort: e.DEV_TEMPORAL_PORT,
      temporalUiPort: e.DEV_TEMPORAL_UI_PORT,
    },
    mail: {
      resendApiKey: e.RESEND_API_KEY,
      resendBaseUrl: e.RESEND_BASE_URL,
      webhookSecret: e.RESEND_WEBHOOK_SECRET,
      from: e.MAIL_FROM,
      ratePerSecond: e.MAIL_RATE_PER_SECOND,
    },
    providerCheck: e.CHECK_URL && e.CHECK_SECRET ? { url: e.CHECK_URL, secret: e.CHECK_SECRET } : undefined,
    adminApiKey: e.ADMIN_API_KEY,
    tokenSecret: e.TOKEN_SECRET ?? localTokenSecret(dataDir),
    changeRequestTtlMs: e.CHANGE_REQUEST_TTL,
    reminderAfterMs: reminders,
    resendCooldownMs: e.RESEND_COOLDOWN,
    stuckAfterMs: e.STUCK_AFTER,
    providerApplies: e.PROVIDER_APPLIES,
    applyTimeoutMs: e.APPLY_TIMEOUT,
    webhooks: {
      retryForMs: e.WEBHOOK_RETRY_FOR,
      allowPrivate: e.NODE_ENV !== 'production' || e.WEBHOOK_ALLOW_PRIVATE === 'true',
    },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    twoStepForSupport: e.TWO_STEP_FOR_SUPPORT ?? (e.NODE_ENV === 'production' ? 'required' : 'optional'),
    session: { idleTimeoutMs: e.SESSION_IDLE_TIMEOUT, maxAgeMs: e.SESSION_MAX_AGE },
    logLevel: e.LOG_LEVEL,
    ...(warnings.length ? { warnings } : {}),
  };
}

/** Outside production a secret is generated once and kept under DATA_DIR, so tokens survive a restart. */
function localTokenSecret(dataDir: string): string {
  const file = path.join(dataDir, 'token-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/**
 * A configuration error as start-up shows it: one paragraph naming each variable, and what to do, no stack trace.
 */
export function describeConfigError(error: ConfigError): string {
  return `${error.message}\nSet these variables in the environment or in .env, then start again.`;
}

/** Loads ./.env when present; the entry points call this before loadConfig. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
