import type { FastifyInstance } from 'fastify';
import { passwordResetFor, resetPasswordWithLink } from '../../accounts/password-resets.js';
import { requesterOf } from '../../core/requester.js';
import { html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import { PASSWORD } from './copy/index.js';
import { linkPasswordRoutes } from './link-form.js';

/**
 * The page a reset email links to: the new password, twice. Nobody is signed in by it: every session of the account
 * ends, and the person signs in afterwards (with two-step sign-in if the account has it).
 */
export default async function resetPage(app: FastifyInstance) {
  linkPasswordRoutes(app, {
    kind: 'reset',
    route: '/password/reset/:id',
    path: (id) => `/password/reset/${encodeURIComponent(id)}`,
    copy: (lang) => PASSWORD[lang].reset,
    ids: { person: 'reset-account', problem: 'reset-problem' },
    whose: (id, token) => passwordResetFor(app.ctx, id, token),
    complete: async (request, reply, { id, token, password }) => {
      const account = await resetPasswordWithLink(app.ctx, id, token, password, requesterOf(request));
      // This browser's session of the account has ended with the others: its cookie goes too.
      if (request.viewer?.id === account.id) await app.endSession(request, reply);
      return reply.redirect(`/password/changed?lang=${pageLanguage(request)}`, 303);
    },
  });

  app.get('/password/changed', { schema: { hide: true } }, async (request, reply) => {
    const t = PASSWORD[pageLanguage(request)].reset;
    return renderPage(app, request, reply, {
      title: t.doneTitle,
      body: html`<h1>${t.doneTitle}</h1>
<p class="notice ok" role="status">${t.done}</p>
<p><a href="/signin">${t.signIn}</a></p>`,
    });
  });
}
