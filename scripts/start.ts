import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { DEMO_PASSWORD, type DemoAccount } from '../db/demo-seed.js';
import { startupConfig, stopOnSignals } from '../runtime/entry.js';
import { startEmbeddedPostgres } from '../runtime/postgres.js';
import { prepareDatabase, showsDevMailbox, startServer, startWorker } from '../runtime/processes.js';
import { findTemporalCli, startTemporalDevServer } from '../runtime/temporal.js';
import { installWorkerRuntime } from '../runtime/workers.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function temporalCli(config: Config): Promise<string> {
  const found = await findTemporalCli({ configured: config.temporal.cli, repoDir });
  if (found) return found;
  console.log(
    'The Temporal CLI is not installed: building it with Go into .tools/bin (the first build takes several minutes)…',
  );
  const result = spawnSync('bash', [path.join(repoDir, 'scripts/install-temporal.sh')], { stdio: 'inherit' });
  const built = result.status === 0 ? await findTemporalCli({ repoDir }) : null;
  if (!built) {
    throw new Error(
      'No Temporal CLI: install Go and run `npm run temporal:install`, or set TEMPORAL_CLI to a temporal binary, ' +
        'or set TEMPORAL_ADDRESS to an existing Temporal server.',
    );
  }
  return built;
}

function banner(config: Config, demo: DemoAccount[], temporalUi: string | null, metricsUrl: string | null) {
  const base = config.publicBaseUrl;
  const lines = [
    '',
    `Countersign is running at ${base}`,
    `  API documentation   ${base}/docs`,
    config.mail.resendApiKey
      ? '  Emails              sent through Resend'
      : showsDevMailbox(config)
        ? `  Dev mailbox         ${base}/dev/mailbox`
        : `  Emails              kept under ${config.dataDir}/mailbox (the dev mailbox is shown in development on a loopback HOST only)`,
    temporalUi ? `  Temporal Web UI     ${temporalUi}` : '',
    metricsUrl
      ? `  Metrics             ${metricsUrl} (server), http://${config.host}:${config.metrics.workerPort}/metrics (worker)`
      : '',
    '',
    ...(demo.length
      ? [
          `Demo accounts: sign in at ${base}/signin with a handle below and the password ${DEMO_PASSWORD}`,
          '(API tokens for "Authorization: Bearer …"):',
          ...demo.map(
            (a) => `  ${a.handle.padEnd(10)} ${a.name.padEnd(15)} ${a.role.padEnd(11)} ${a.language}  ${a.token}`,
          ),
          '',
        ]
      : [`No demo accounts: they are seeded when NODE_ENV=development only (it is ${config.env}).`, '']),
    'Ctrl-C stops everything; the data stays under ' + config.dataDir,
  ];
  console.log(lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n'));
}

let config = startupConfig();
// Metrics are on with `npm start`: the server's and the worker's /metrics, on ports of their own.
config = {
  ...config,
  metrics: { serverPort: config.metrics.serverPort ?? 9464, workerPort: config.metrics.workerPort ?? 9465 },
};
installWorkerRuntime(config.logLevel, { host: config.host, port: config.metrics.workerPort });
const stops: (() => Promise<void>)[] = [];
const stopAll = async () => {
  for (const stop of stops.reverse()) await stop().catch((err) => console.error(err));
};

try {
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    console.log(`Starting PostgreSQL (embedded) on 127.0.0.1:${config.dev.postgresPort}…`);
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.dev.postgresPort,
    });
    stops.push(pg.stop);
    databaseUrl = pg.url;
  }
  let temporalAddress = config.temporal.address;
  if (!temporalAddress) {
    const cli = await temporalCli(config);
    console.log(`Starting the Temporal dev server on 127.0.0.1:${config.dev.temporalPort}…`);
    const temporal = await startTemporalDevServer({
      cli,
      port: config.dev.temporalPort,
      uiPort: config.dev.temporalUiPort,
      dbFile: path.join(config.dataDir, 'temporal.db'),
      namespace: config.temporal.namespace,
    });
    stops.push(temporal.stop);
    temporalAddress = temporal.address;
    // The support pages link each request to its workflow in this UI.
    if (!config.temporal.uiUrl && temporal.uiUrl)
      config = { ...config, temporal: { ...config.temporal, uiUrl: temporal.uiUrl } };
  }
  const endpoints = { databaseUrl, temporalAddress };
  const demo = await prepareDatabase(config, databaseUrl);

  const worker = await startWorker(config, endpoints);
  stops.push(worker.stop);
  worker.running.catch(async (err) => {
    console.error('The worker stopped:', err);
    await stopAll();
    process.exit(1);
  });
  const server = await startServer(config, endpoints);
  stops.push(server.stop);
  await server.app.listen({ port: config.port, host: config.host });
  banner(config, demo, config.temporal.uiUrl ?? null, server.metricsUrl);
  stopOnSignals(stopAll);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await stopAll();
  process.exit(1);
}
