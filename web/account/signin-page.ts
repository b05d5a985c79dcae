import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signIn } from '../../accounts/sessions.js';
import { isProblem } from '../../core/problems.js';
import type { SignedIn } from '../../accounts/sessions.js';
import { requesterOf } from '../../core/requester.js';
import { formatSpan } from '../../domain/durations.js';
import { COMMON } from '../shared/copy/index.js';
import { html } from '../shared/html.js';
import { pageLanguage, safeNext } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import { aria } from '../shared/form.js';
import { SESSIONS } from '../sessions/copy/index.js';
import { sameOriginOnly } from '../shared/cross-site.js';
import { PASSWORD } from '../password/copy/index.js';

/** "30 seconds", or whole minutes from a minute on ("4 minutes"), in the reader's language. */
const waitText = (seconds: number, lang: string) =>
  formatSpan(seconds < 60 ? seconds * 1000 : Math.ceil(seconds / 60) * 60_000, lang);

export default async function signInPage(app: FastifyInstance) {
  const base = app.ctx.config.publicBaseUrl;
  const form = (request: FastifyRequest, next: string, handle = '', error?: string) => {
    const t = COMMON[pageLanguage(request)].signIn;
    return html`<h1>${t.title}</h1>
<p>${t.intro}</p>
${error ? html`<p class="notice error" role="alert" id="signin-error">${error}</p>` : ''}
<form method="post" action="/signin" class="narrow">
  <input type="hidden" name="next" value="${next}">
  <input type="hidden" name="timeZone" value="">
  <label for="handle">${t.handle}</label>
  <input id="handle" name="handle" autocomplete="username" required value="${handle}"${aria([error && 'signin-error'], error)}>
  <label for="password">${t.password}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <div class="actions"><button type="submit" class="primary">${t.submit}</button></div>
</form>
<p><a href="/password/forgot">${PASSWORD[pageLanguage(request)].forgotLink}</a></p>
${app.mailbox ? html`<p class="hint">${t.demo}</p>` : ''}`;
  };

  /** The form again, saying why: a wrong handle or password, or how long to wait (429, with Retry-After). */
  const refused = (request: FastifyRequest, reply: FastifyReply, next: string, handle: string, err: unknown) => {
    if (!isProblem(err, 'signInRefused', 'signInThrottled')) throw err;
    const lang = pageLanguage(request);
    const t = COMMON[lang].signIn;
    let error = t.wrong;
    if (err.code === 'signInThrottled') {
      const seconds = Number(err.extra.retryAfterSeconds);
      reply.header('retry-after', String(seconds));
      error = SESSIONS[lang].signIn.throttled(waitText(seconds, lang));
    }
    return renderPage(app, request, reply, {
      title: t.title,
      status: err.status,
      body: form(request, next, handle, error),
      scripts: ['/assets/sign-in.js'],
    });
  };

  app.get('/signin', { schema: { hide: true } }, async (request, reply) => {
    const next = safeNext((request.query as { next?: unknown }).next, base);
    if (request.viewer) return reply.redirect(next, 303);
    return renderPage(app, request, reply, {
      title: COMMON[pageLanguage(request)].signIn.title,
      body: form(request, next),
      scripts: ['/assets/sign-in.js'],
    });
  });

  app.post(
    '/signin',
    { schema: { hide: true }, config: { rateLimit: {} }, onRequest: sameOriginOnly(base) },
    async (request, reply) => {
      const body = (request.body ?? {}) as { handle?: unknown; password?: unknown; next?: unknown; timeZone?: unknown };
      const handle = typeof body.handle === 'string' ? body.handle.trim().toLowerCase().slice(0, 100) : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const next = safeNext(body.next, base);
      let signedIn: SignedIn;
      try {
        signedIn = await signIn(
          app.ctx,
          { handle, password, timeZone: body.timeZone },
          requesterOf(request),
          app.sessionToken(request),
        );
      } catch (err) {
        return refused(request, reply, next, handle, err);
      }
      app.setSessionCookie(reply, signedIn.session);
      // With two-step, the password opens only a session that waits for the code (web/two-step/sign-in-page.ts).
      const twoStep = `/signin/two-step?next=${encodeURIComponent(next)}`;
      return reply.redirect(signedIn.stage === 'twoStep' ? twoStep : next, 303);
    },
  );

  app.post('/signout', { schema: { hide: true }, preHandler: app.verifyCsrf }, async (request, reply) => {
    await app.endSession(request, reply);
    return reply.redirect('/signin', 303);
  });

  app.get('/', { schema: { hide: true } }, async (request, reply) =>
    reply.redirect(request.viewer ? '/services' : '/signin', 303),
  );
}
