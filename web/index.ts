import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { DevMailbox } from '../emails/mailer.js';
import decisionPage from './decision/page.js';
import mailbox from './dev/mailbox.js';
import pages from './pages.js';
import assets from './shared/assets.js';
import session from './shared/session.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The development mailbox, when no email provider is configured. */
    mailbox?: DevMailbox;
  }
}

/** The pages: the decision page an email links to, the signed-in areas, their assets and the dev mailbox. */
export default fp(
  async (app: FastifyInstance, options: { mailbox?: DevMailbox }) => {
    app.decorate('mailbox', options.mailbox);
    await app.register(session);
    await app.register(assets);
    await app.register(decisionPage);
    await app.register(mailbox);
    await app.register(pages);
  },
  { name: 'web' },
);
