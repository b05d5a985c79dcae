import { ConfigError, describeConfigError, loadConfig, loadDotEnv, type Config } from '../config.js';
import type { Endpoints } from './processes.js';

/**
 * The settings of an entry point (.env, then the environment). A mistake in them is one readable paragraph on stderr
 * and exit code 1, not a stack trace; settings start-up adjusted are said once, as warnings.
 */
export function startupConfig(): Config {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(describeConfigError(err));
    process.exit(1);
  }
  for (const warning of config.warnings ?? []) console.warn(`Warning: ${warning}`);
  return config;
}

/** `npm run server` and `npm run worker` run against an existing PostgreSQL and Temporal; `npm start` brings its own.
 * */
export function requireExternal(config: Config, name: string): Endpoints {
  const missing = [!config.databaseUrl && 'DATABASE_URL', !config.temporal.address && 'TEMPORAL_ADDRESS'].filter(
    Boolean,
  );
  if (missing.length) {
    console.error(
      `npm run ${name} needs ${missing.join(' and ')}; to run everything locally on embedded defaults, use npm start.`,
    );
    process.exit(1);
  }
  return { databaseUrl: config.databaseUrl!, temporalAddress: config.temporal.address! };
}

export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
