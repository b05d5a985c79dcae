import { requireExternal, startupConfig, stopOnSignals } from './runtime/entry.js';
import { startWorker } from './runtime/processes.js';
import { installWorkerRuntime } from './runtime/workers.js';

const config = startupConfig();
installWorkerRuntime(config.logLevel, { host: config.host, port: config.metrics.workerPort });
const worker = await startWorker(config, requireExternal(config, 'worker'));
stopOnSignals(() => worker.stop());
await worker.running;
