import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { FastifyServerOptions } from 'fastify';
import path from 'node:path';
import type { Config } from '../config.js';
import { buildApp } from '../app.js';
import { createDb, runMigrations } from '../db/client.js';
import { seedDemo, type DemoAccount } from '../db/demo-seed.js';
import { DevMailbox, ResendMailer, type Mailer } from '../emails/mailer.js';
import { serveMetrics, serverMetrics } from './metrics.js';
import { createWorkers, type WorkflowCode } from './workers.js';
import { startSweeper } from '../changes/webhook-delivery.js';

export interface Endpoints {
  databaseUrl: string;
  temporalAddress: string;
}

export const devMailbox = (config: Config) => new DevMailbox(path.join(config.dataDir, 'mailbox'), config.mail.from);

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

/**
 * Whether the pages show the development mailbox at /dev/mailbox: only in development, without an email provider,
 * and when the server listens on this machine alone (HOST 127.0.0.1, ::1 or localhost). Anywhere else it would show
 * anyone every email's links and codes.
 */
export const showsDevMailbox = (config: Config) =>
  config.env === 'development' && !config.mail.resendApiKey && LOOPBACK.test(config.host);

/** Migrates the database and, in development only, seeds the demo accounts (and their shared, printed password). */
export async function prepareDatabase(config: Config, databaseUrl: string): Promise<DemoAccount[]> {
  await runMigrations(databaseUrl);
  if (config.env !== 'development') return [];
  const database = createDb(databaseUrl, { max: 1 });
  try {
    return await seedDemo(database.db, config.tokenSecret);
  } finally {
    await database.close();
  }
}

export function mailerFor(config: Config): Mailer {
  const { resendApiKey, from, resendBaseUrl } = config.mail;
  return resendApiKey ? new ResendMailer(resendApiKey, from, resendBaseUrl) : devMailbox(config);
}

/** The API and web server. It keeps no state in memory, so any number of copies can run. */
export async function startServer(
  config: Config,
  endpoints: Endpoints,
  options: { logger?: FastifyServerOptions['logger'] } = {},
) {
  const database = createDb(endpoints.databaseUrl);
  // A person is waiting on each call: when Temporal is unreachable, give up within a second or two and answer
  // 503 rather than retrying for the SDK's default twenty seconds.
  const connection = await Connection.connect({
    address: endpoints.temporalAddress,
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4 }))],
  });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const metrics = config.metrics.serverPort === undefined ? null : serverMetrics(database.db);
  const app = await buildApp({
    config,
    db: database.db,
    sql: database.sql,
    temporal,
    mailbox: showsDevMailbox(config) ? devMailbox(config) : undefined,
    logger: options.logger ?? { level: config.logLevel },
    observe: metrics?.observe,
  });
  const metricsServer = metrics && (await serveMetrics(metrics.registry, config.host, config.metrics.serverPort!));
  // Events committed but not yet handed to Temporal (a crash between the two): at start, then every minute.
  const sweeper = startSweeper(
    { db: database.db, temporal, taskQueue: config.temporal.taskQueue, retryForMs: config.webhooks.retryForMs },
    (err) => app.log.warn({ err: (err as Error).message }, 'the events sweep failed; it runs again in a minute'),
  );
  return {
    app,
    /** Where Prometheus reads the server's figures, when METRICS_PORT is set. */
    metricsUrl: metricsServer?.url ?? null,
    async stop() {
      await sweeper.stop();
      await metricsServer?.close();
      await app.close();
      await connection.close();
      await database.close();
    },
  };
}

export async function startWorker(config: Config, endpoints: Endpoints, code?: WorkflowCode) {
  const database = createDb(endpoints.databaseUrl);
  const connection = await NativeConnection.connect({ address: endpoints.temporalAddress });
  const workers = await createWorkers({
    connection,
    config,
    deps: {
      db: database.db,
      mailer: mailerFor(config),
      config,
      webhookRetryForMs: config.webhooks.retryForMs,
      webhookAllowPrivate: config.webhooks.allowPrivate,
    },
    code,
  });
  const running = workers.run().finally(async () => {
    await connection.close();
    await database.close();
  });
  return {
    running,
    async stop() {
      workers.shutdown();
      await running;
    },
  };
}
