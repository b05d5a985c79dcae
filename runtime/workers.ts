import {
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  type LogLevel,
  type LogMetadata,
  type WorkerOptions,
} from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { failingStepTracker } from '../activities/failing-steps.js';

export type WorkflowCode = Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>;

/** The prebuilt bundle of `npm run build` when present, else the workflow sources, bundled at start. */
export function defaultWorkflowCode(): WorkflowCode {
  const bundle = fileURLToPath(new URL('../workflow-bundle.js', import.meta.url));
  if (existsSync(bundle)) return { workflowBundle: { codePath: bundle } };
  return { workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)) };
}

export interface WorkerSet {
  run(): Promise<void>;
  shutdown(): void;
}

/**
 * Two workers on one connection: the workflows with their database steps, and the emails on a queue of their
 * own whose server-side rate limit holds for every worker process together.
 */
export async function createWorkers(options: {
  connection: NativeConnection;
  config: Pick<Config, 'temporal' | 'mail' | 'publicBaseUrl' | 'tokenSecret'>;
  deps: ActivityDeps;
  code?: WorkflowCode;
}): Promise<WorkerSet> {
  const { connection, config, deps } = options;
  // The database steps, local and regular activities of the workflows, run on the main queue.
  const { sendEmail, sendEmails, sendCopies, sendInvitationEmail, sendAccountEmail, ...steps } = createActivities({
    ...deps,
    mailRatePerSecond: config.mail.ratePerSecond,
  });
  const interceptors = { activity: [failingStepTracker(deps.db)] };
  const main = await Worker.create({
    connection,
    // Requests wait days for their contacts: keep only the busiest in memory; the others replay when they wake.
    maxCachedWorkflows: config.temporal.cachedWorkflows,
    // A workflow's next task waits on the queue of the worker that ran it last; when that worker has died, the task
    // moves to the shared queue once this is over (10 s by default). A busy worker picks its tasks up in far less.
    stickyQueueScheduleToStartTimeout: '3s',
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities: steps,
    interceptors,
    ...(options.code ?? defaultWorkflowCode()),
  });
  const email = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: `${config.temporal.taskQueue}-email`,
    activities: { sendEmail, sendEmails, sendCopies, sendInvitationEmail, sendAccountEmail },
    interceptors,
    maxTaskQueueActivitiesPerSecond: config.mail.ratePerSecond,
  });
  return {
    run: async () => {
      await Promise.all([main.run(), email.run()]);
    },
    // The SDK already shuts its workers down on SIGINT and SIGTERM; a second shutdown would throw.
    shutdown: () => {
      for (const worker of [main, email]) if (worker.getState() === 'RUNNING') worker.shutdown();
    },
  };
}

/**
 * The SDK's runtime, once per process: it logs each bundle and state change at INFO, so keep it quiet unless asked
 * for detail; and it serves the worker's metrics when a port is given.
 */
export function installWorkerRuntime(logLevel: string, metrics?: { host: string; port?: number }): void {
  const level =
    logLevel === 'debug' || logLevel === 'trace'
      ? 'DEBUG'
      : logLevel === 'error' || logLevel === 'fatal'
        ? 'ERROR'
        : 'WARN';
  const bindAddress = metrics?.port === undefined ? null : `${metrics.host}:${metrics.port}`;
  Runtime.install({
    logger: new QuietLogger(level),
    // The SDK's own figures (workflow and activity tasks, their latencies and failures) in Prometheus's format, at
    // /metrics on WORKER_METRICS_PORT.
    ...(bindAddress && { telemetryOptions: { metrics: { prometheus: { bindAddress, countersTotalSuffix: true } } } }),
  });
}

/**
 * The email worker runs activities only, so the SDK warns at each start that it has no workflows to poll for. That is
 * by design (see createWorkers): the one known warning is not shown, every other message is.
 */
export class QuietLogger extends DefaultLogger {
  override log(level: LogLevel, message: string, meta?: LogMetadata): void {
    if (message.startsWith('No workflows registered')) return;
    super.log(level, message, meta);
  }
}
