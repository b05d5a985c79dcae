import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nanoid } from 'nanoid';
import { inject } from 'vitest';
import { loadConfig } from '../../config.js';
import { createDb } from '../../db/client.js';
import { startServer, startWorker } from '../../runtime/processes.js';
import { freePort } from '../../runtime/ports.js';
import { installWorkerRuntime } from '../../runtime/workers.js';
import { FakeResend } from './fake-resend.js';
import { ADMIN_KEY, HarnessApi } from './harness-api.js';

/** Starting a harness; what a test does with one (accounts, requests, emails) is in ./harness-api.ts. */
export {
  ADMIN_KEY,
  asParty,
  HarnessApi,
  invitationLink,
  TEST_PASSWORD,
  waitFor,
  type InvitationLink,
  type TestAccount,
} from './harness-api.js';

export const WEBHOOK_SECRET = `whsec_${Buffer.from('countersign-test-webhook-secret!').toString('base64')}`;

try {
  installWorkerRuntime('error');
} catch {
  /* installed already by another harness in this file */
}

export interface HarnessOptions {
  ttl?: string;
  reminders?: string;
  resendCooldown?: string;
  stuckAfter?: string;
  rateLimitPerMinute?: number;
  /** false: no worker in this process (a test starts its own). */
  worker?: boolean;
  /** No email provider: emails go to the development mailbox. */
  devMailbox?: boolean;
  /** false: ADMIN_API_KEY unset. */
  admin?: boolean;
  /** Another Temporal server or PostgreSQL than the run's (a test that stops and restarts it). */
  temporalAddress?: string;
  databaseUrl?: string;
  /** Listen on a real port (browser tests); email links then point at it. */
  listen?: boolean;
  /** More settings, over the harness's own (TRUST_PROXY, PUBLIC_BASE_URL, NODE_ENV, TWO_STEP_FOR_SUPPORT…). */
  env?: Record<string, string>;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The real API and worker, on a task queue of their own, against the run's PostgreSQL and Temporal. */
export async function startHarness(options: HarnessOptions = {}) {
  const resend = await new FakeResend().start();
  const endpoints = {
    databaseUrl: options.databaseUrl ?? inject('databaseUrl'),
    temporalAddress: options.temporalAddress ?? inject('temporalAddress'),
  };
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'countersign-harness-')),
    DATABASE_URL: endpoints.databaseUrl,
    TEMPORAL_ADDRESS: endpoints.temporalAddress,
    TEMPORAL_TASK_QUEUE: `test-${nanoid(8)}`,
    PUBLIC_BASE_URL: 'http://countersign.test',
    PORT: String(options.listen ? await freePort() : 3000),
    RESEND_API_KEY: 're_test_key',
    RESEND_BASE_URL: resend.url,
    RESEND_WEBHOOK_SECRET: WEBHOOK_SECRET,
    MAIL_RATE_PER_SECOND: '100',
    ADMIN_API_KEY: ADMIN_KEY,
    TOKEN_SECRET: 'test-token-secret-0123456789-abcdefghij',
    CHANGE_REQUEST_TTL: options.ttl ?? '1h',
    REMINDER_AFTER: options.reminders ?? 'none',
    RESEND_COOLDOWN: options.resendCooldown ?? '1s',
    STUCK_AFTER: options.stuckAfter ?? '3d',
    RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute ?? 10_000),
  };
  if (options.listen) env.PUBLIC_BASE_URL = `http://127.0.0.1:${env.PORT}`;
  if (options.devMailbox) {
    // The mailbox is shown in development only, on a server only this machine reaches (HOST 127.0.0.1 by default).
    env.NODE_ENV = 'development';
    for (const key of ['RESEND_API_KEY', 'RESEND_BASE_URL', 'RESEND_WEBHOOK_SECRET']) delete env[key];
  }
  if (options.admin === false) delete env.ADMIN_API_KEY;
  Object.assign(env, options.env);
  const config = loadConfig(env);
  const logs: string[] = [];
  const logger = {
    level: config.logLevel,
    stream: {
      write: (line: string) => {
        logs.push(line);
      },
    },
  };
  const server = await startServer(config, endpoints, { logger });
  if (options.listen) await server.app.listen({ port: config.port, host: '127.0.0.1' });
  const worker =
    options.worker === false
      ? null
      : await startWorker(config, endpoints, { workflowBundle: { codePath: inject('workflowBundlePath') } });
  const database = createDb(endpoints.databaseUrl, { max: 3 });
  return new HarnessApi(config, env, server.app, server.app.ctx.temporal, database.db, resend, logs, async () => {
    await worker?.stop();
    await server.stop();
    await database.close();
    await resend.stop();
  });
}
