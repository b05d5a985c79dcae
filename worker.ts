import { loadConfig, loadDotEnv } from './config.js';
import { requireExternal, stopOnSignals } from './runtime/entry.js';
import { startWorker } from './runtime/processes.js';
import { installWorkerLogging } from './runtime/workers.js';

loadDotEnv();
const config = loadConfig();
installWorkerLogging(config.logLevel);
const worker = await startWorker(config, requireExternal(config, 'worker'));
stopOnSignals(() => worker.stop());
await worker.running;
