import type { Client } from '@temporalio/client';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';

/** Where a use-case writes what went wrong on its side (the server's logger fits). */
export interface Log {
  error(facts: Record<string, unknown>, message: string): void;
}

/**
 * What every use-case is given: the configuration, the database, the Temporal client, a log and a clock. The faces
 * (API routes, pages) build one at start and pass it; a use-case never sees the web server.
 */
export interface Context {
  config: Config;
  db: Db;
  temporal: Client;
  log: Log;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The use-cases' context, given by the app at start (app.ts). */
    ctx: Context;
  }
}

/**
 * Who is asking, as far as the network can tell: the client address (the socket's, or the one a trusted proxy
 * gives; see TRUST_PROXY) and the browser's user agent. Use-cases keep it with what an account does.
 */
export interface Requester {
  ip: string;
  userAgent: string | null;
}
