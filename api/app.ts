import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Sql } from 'postgres';
import assets from '../web/shared/assets.js';
import decisionPage from '../web/decision/page.js';
import mailbox from '../web/dev/mailbox.js';
import pages from '../web/pages.js';
import securityHeaders, { DOCS_CSP } from '../web/shared/security-headers.js';
import session from '../web/shared/session.js';
import admin from './admin.js';
import auth from './auth.js';
import contactChanges from './contact-changes.js';
import contacts from './contacts.js';
import context, { type AppContext } from './context.js';
import decisions from './decisions.js';
import health from './health.js';
import problems, { clientError, frameworkError } from './problems.js';
import profile from './profile.js';
import { postgresRateLimitStore } from './rate-limit-store.js';
import services from './services.js';
import support from './support.js';
import webhooks from './webhooks.js';

export interface AppOptions extends AppContext {
  sql: Sql;
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.config.env === 'production',
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(problems);
  await app.register(securityHeaders, { publicBaseUrl: options.config.publicBaseUrl });
  await app.register(context, {
    config: options.config,
    db: options.db,
    temporal: options.temporal,
    mailbox: options.mailbox,
  });
  await app.register(formbody);
  await app.register(session);
  await app.register(rateLimit, {
    global: false,
    max: options.config.rateLimitPerMinute,
    timeWindow: 60_000,
    store: postgresRateLimitStore(options.sql),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Countersign API',
        version: '1',
        description: 'Dual-validation contact changes for hosting services.',
      },
      components: {
        securitySchemes: {
          account: { type: 'http', scheme: 'bearer', description: 'An account API token' },
          admin: { type: 'http', scheme: 'bearer', description: 'ADMIN_API_KEY' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });
  await app.register(auth);
  await app.register(admin);
  await app.register(services);
  await app.register(contactChanges);
  await app.register(contacts);
  await app.register(profile);
  await app.register(decisions);
  await app.register(support);
  await app.register(webhooks);
  await app.register(health);
  await app.register(assets);
  await app.register(decisionPage);
  await app.register(mailbox);
  await app.register(pages);
  return app;
}
