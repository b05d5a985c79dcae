import { runMigrations } from './db/client.js';
import { requireExternal, startupConfig, stopOnSignals } from './runtime/entry.js';
import { startServer } from './runtime/processes.js';

const config = startupConfig();
const endpoints = requireExternal(config, 'server');
await runMigrations(endpoints.databaseUrl);
const server = await startServer(config, endpoints);
await server.app.listen({ port: config.port, host: config.host });
stopOnSignals(() => server.stop());
