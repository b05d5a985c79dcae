import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import activity from './activity.js';
import admin from './admin.js';
import adminProvider from './admin-provider.js';
import adminImport from './admin-import.js';
import adminEvents from './admin-events.js';
import auth from './auth.js';
import contactChanges from './contact-changes.js';
import contacts from './contacts.js';
import decisions from './decisions.js';
import { DOCS_UI } from './docs-ui.js';
import emailChanges from './email-changes.js';
import health from './health.js';
import { publishedContract } from './openapi-contract.js';
import { declareSecurity } from './openapi-security.js';
import passwordResets from './password-resets.js';
import profile from './profile.js';
import services from './services.js';
import sessions from './sessions.js';
import support from './support.js';
import twoStep from './two-step.js';
import tokens from './tokens.js';
import webhooks from './webhooks.js';

/** The JSON API under /api/v1, its OpenAPI document and console at /docs, the Resend webhook and /healthz. */
export default fp(
  async (app: FastifyInstance) => {
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
      transformObject: (input) => publishedContract(jsonSchemaTransformObject(input)),
    });
    await app.register(swaggerUi, DOCS_UI);
    await app.register(auth);
    declareSecurity(app);
    await app.register(admin);
    await app.register(adminProvider);
    await app.register(adminImport);
    await app.register(adminEvents);
    await app.register(services);
    await app.register(contactChanges);
    await app.register(contacts);
    await app.register(profile);
    await app.register(twoStep);
    await app.register(activity);
    await app.register(emailChanges);
    await app.register(sessions);
    await app.register(decisions);
    await app.register(passwordResets);
    await app.register(support);
    await app.register(tokens);
    await app.register(webhooks);
    await app.register(health);
  },
  { name: 'api' },
);
