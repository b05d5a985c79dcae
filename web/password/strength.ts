import type { FastifyInstance } from 'fastify';
import { invitationFor } from '../../accounts/invitations.js';
import { passwordResetFor } from '../../accounts/password-resets.js';
import { meter } from '../../accounts/passwords.js';
import { Problem } from '../../core/problems.js';
import type { Account } from '../../db/schema.js';
import { text } from '../profile/forms.js';
import { pageLanguage } from '../shared/language.js';
import { fromThisSite } from '../shared/cross-site.js';

/** A meter asks at each pause in typing: more often than a form is sent. */
const METER_RATE_FACTOR = 4;

/**
 * The live strength meter of the new-password fields (password.js): the server's own check, so that no dictionary
 * goes to the browser. For the signed-in viewer, or for whom an emailed link is (`link` "invitation:<id>" or
 * "reset:<id>", with its token), so that their handle and names count against the password as they will on submit.
 * Same-origin only; never logged (the password is in the body, and the route logs only warnings).
 */
export default async function strengthRoute(app: FastifyInstance) {
  const ownerOfLink = async (link: string, token: string): Promise<Account | null> => {
    const [kind, id] = link.split(':');
    if (!id || !token) return null;
    try {
      if (kind === 'invitation') return await invitationFor(app.ctx, id, token);
      if (kind === 'reset') return await passwordResetFor(app.ctx, id, token);
      return null;
    } catch (err) {
      if (err instanceof Problem && err.status === 410) return null;
      throw err;
    }
  };

  app.post(
    '/password-strength',
    {
      schema: { hide: true },
      logLevel: 'warn',
      config: { rateLimit: { max: app.ctx.config.rateLimitPerMinute * METER_RATE_FACTOR, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!fromThisSite(request, app.ctx.config.publicBaseUrl)) return reply.code(403).send({ ok: false });
      const body = (request.body ?? {}) as Record<string, unknown>;
      const link = text(body.link);
      const owner = link ? await ownerOfLink(link, text(body.token).trim()) : request.viewer;
      return meter(text(body.password).slice(0, 200), owner, pageLanguage(request));
    },
  );
}
