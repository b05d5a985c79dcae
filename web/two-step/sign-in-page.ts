import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { completeSignIn, pendingSignIn } from '../../accounts/two-step-sign-in.js';
import { requesterOf } from '../../core/requester.js';
import { html } from '../shared/html.js';
import { pageLanguage, safeNext } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import { text } from '../profile/forms.js';
import { TWO_STEP } from './copy/index.js';
import { codeField } from './views.js';

/**
 * The second step of signing in (/signin/two-step): the password was right and the browser holds a session that
 * waits for the code. The right code opens a complete session under a new cookie; the waiting one ends.
 */
export default async function twoStepSignInPage(app: FastifyInstance) {
  const nextOf = (request: FastifyRequest) =>
    safeNext(
      request.method === 'GET'
        ? (request.query as { next?: unknown } | undefined)?.next
        : (request.body as { next?: unknown } | undefined)?.next,
      app.ctx.config.publicBaseUrl,
    );
  const again = (request: FastifyRequest) => `/signin?next=${encodeURIComponent(nextOf(request))}`;
  const waiting = (request: FastifyRequest) => app.sessionToken(request) ?? '';

  const form = (request: FastifyRequest, reply: FastifyReply, status = 200, error?: string) => {
    const lang = pageLanguage(request);
    const t = TWO_STEP[lang].signIn;
    const v = { app, request, lang };
    return renderPage(app, request, reply, {
      title: t.title,
      status,
      body: html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<form method="post" action="/signin/two-step" class="narrow">
  <input type="hidden" name="next" value="${nextOf(request)}">
  ${codeField(v, 'code', t.codeHint, error)}
  <div class="actions"><button type="submit" class="primary">${t.submit}</button></div>
</form>`,
    });
  };

  /** The waiting session has ended: the password comes first again. */
  const ended = (request: FastifyRequest, reply: FastifyReply, status: number, message: string) => {
    const t = TWO_STEP[pageLanguage(request)].signIn;
    return renderPage(app, request, reply, {
      title: t.title,
      status,
      body: html`<h1>${t.title}</h1>
<p class="notice error" role="alert" id="two-step-ended">${message}</p>
<p><a class="button" href="${again(request)}">${t.again}</a></p>`,
    });
  };

  app.get('/signin/two-step', { schema: { hide: true } }, async (request, reply) => {
    if (request.viewer) return reply.redirect(nextOf(request), 303);
    const account = await pendingSignIn(app.ctx, waiting(request));
    if (!account) return reply.redirect(again(request), 303);
    return form(request, reply);
  });

  app.post('/signin/two-step', { schema: { hide: true }, config: { rateLimit: {} } }, async (request, reply) => {
    const t = TWO_STEP[pageLanguage(request)].signIn;
    const code = text((request.body as { code?: unknown } | null)?.code);
    const result = await completeSignIn(app.ctx, waiting(request), code, requesterOf(request));
    switch (result.outcome) {
      case 'signedIn':
        // A new session, under a new cookie: the waiting one has ended.
        await app.startSession(request, reply, result.account);
        return reply.redirect(nextOf(request), 303);
      case 'wrongCode':
        return form(request, reply, 401, t.wrong(result.attemptsLeft));
      case 'tooMany':
        return ended(request, reply, 429, t.tooMany);
      case 'locked':
        return ended(request, reply, 429, t.locked);
      case 'expired':
        return ended(request, reply, 401, t.expired);
    }
  });
}
