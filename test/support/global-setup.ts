import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../db/client.js';
import { freePort } from '../../runtime/ports.js';
import { startEmbeddedPostgres } from '../../runtime/postgres.js';
import { findTemporalCli, startTemporalDevServer } from '../../runtime/temporal.js';

const repoDir = fileURLToPath(new URL('../..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    workflowBundlePath: string;
  }
}

/** One real PostgreSQL and one real Temporal dev server for the whole run; each test file brings its own worker. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'countersign-test-'));
  const cli = await findTemporalCli({ configured: process.env.TEMPORAL_CLI, repoDir });
  if (!cli) throw new Error('No Temporal CLI: run `npm run temporal:install` (needs Go) or set TEMPORAL_CLI.');
  const [pg, temporal, bundle] = await Promise.all([
    startEmbeddedPostgres({ dataDir: dir, port: await freePort() }),
    startTemporalDevServer({ cli, port: await freePort(), uiPort: null }),
    bundleWorkflowCode({ workflowsPath: path.join(repoDir, 'workflows/index.ts'), logger: quietLogger }),
  ]);
  await runMigrations(pg.url);
  const workflowBundlePath = path.join(os.tmpdir(), `countersign-workflows-${process.pid}.js`);
  await writeFile(workflowBundlePath, bundle.code);
  project.provide('databaseUrl', pg.url);
  project.provide('temporalAddress', temporal.address);
  project.provide('workflowBundlePath', workflowBundlePath);
  return async () => {
    await temporal.stop();
    await pg.stop();
    await rm(workflowBundlePath, { force: true });
    await rm(dir, { recursive: true, force: true });
  };
}

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error };
