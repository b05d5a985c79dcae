import { requireExternal, startupConfig, stopOnSignals } from './runtime/entry.js';
import { startWorker } from './runtime/processes.js';
import { installWorkerLogging } from './runtime/workers.js';

const config = startupConfig();
installWorkerLogging(config.logLevel);
const worker = await startWorker(config, requireExternal(config, 'worker'));
stopOnSignals(() => worker.stop());
await worker.running;
