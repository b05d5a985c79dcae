import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { DevMailbox } from '../emails/mailer.js';

export interface AppContext {
  config: Config;
  db: Db;
  temporal: Client;
  /** Present when no email provider is configured. */
  mailbox?: DevMailbox;
}

declare module 'fastify' {
  interface FastifyInstance extends AppContext {}
}

export default fp(
  async (app: FastifyInstance, context: AppContext) => {
    app.decorate('config', context.config);
    app.decorate('db', context.db);
    app.decorate('temporal', context.temporal);
    app.decorate('mailbox', context.mailbox);
  },
  { name: 'context' },
);
