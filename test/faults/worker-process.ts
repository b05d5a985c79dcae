/**
 * A worker alone in its process, for the tests that kill it: it takes the harness's environment, and the workflow
 * bundle the global set-up built (WORKFLOW_BUNDLE), so that a restart takes a second or two rather than a re-bundling.
 * It prints "ready" once it polls its task queues.
 */
import { loadConfig } from '../../config.js';
import { requireExternal } from '../../runtime/entry.js';
import { startWorker } from '../../runtime/processes.js';
import { installWorkerRuntime } from '../../runtime/workers.js';

const codePath = process.env.WORKFLOW_BUNDLE;
if (!codePath) throw new Error('WORKFLOW_BUNDLE is not set');
const config = loadConfig();
installWorkerRuntime(config.logLevel, { host: config.host, port: config.metrics.workerPort });
const worker = await startWorker(config, requireExternal(config, 'worker'), { workflowBundle: { codePath } });
console.log('ready');
await worker.running;
