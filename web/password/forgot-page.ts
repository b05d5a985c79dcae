import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RESET_REQUESTS_PER_ADDRESS, requestPasswordReset } from '../../accounts/password-resets.js';
import { requesterOf } from '../../core/requester.js';
import { PROFILE } from '../profile/copy/index.js';
import { text } from '../profile/forms.js';
import { formField } from '../shared/form.js';
import { html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import { PASSWORD } from './copy/index.js';
import { sameOriginOnly } from '../shared/cross-site.js';

/**
 * "Forgot your password?": a handle or an address, and always the same answer, whether an account matches or not.
 * The answer is a page of its own (303), so that reloading it sends nothing again.
 */
export default async function forgotPage(app: FastifyInstance) {
  const show = (request: FastifyRequest, reply: FastifyReply, status = 200, login = '', error?: string) => {
    const lang = pageLanguage(request);
    const t = PASSWORD[lang].forgot;
    return renderPage(app, request, reply, {
      title: t.title,
      status,
      body: html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<form method="post" action="/password/forgot?lang=${lang}" class="narrow">
  ${formField({
    id: 'login',
    label: t.login,
    hint: t.loginHint,
    error,
    errorLabel: PROFILE[lang].errorLabel,
    control: (aria) =>
      html`<input id="login" name="login" autocomplete="username" maxlength="254" required spellcheck="false" autocapitalize="off" value="${login}"${aria}>`,
  })}
  <div class="actions"><button type="submit" class="primary">${t.submit}</button></div>
</form>
<p><a href="/signin">${t.back}</a></p>`,
    });
  };

  app.get('/password/forgot', { schema: { hide: true } }, async (request, reply) => show(request, reply));

  app.post(
    '/password/forgot',
    {
      schema: { hide: true },
      config: { rateLimit: RESET_REQUESTS_PER_ADDRESS },
      onRequest: sameOriginOnly(app.ctx.config.publicBaseUrl),
    },
    async (request, reply) => {
      const lang = pageLanguage(request);
      const login = text((request.body as { login?: unknown } | undefined)?.login).trim();
      if (!login) return show(request, reply, 422, '', PASSWORD[lang].forgot.required);
      await requestPasswordReset(app.ctx, login, requesterOf(request));
      return reply.redirect(`/password/forgot/sent?lang=${lang}`, 303);
    },
  );

  app.get('/password/forgot/sent', { schema: { hide: true } }, async (request, reply) => {
    const t = PASSWORD[pageLanguage(request)].forgot;
    return renderPage(app, request, reply, {
      title: t.sentTitle,
      body: html`<h1>${t.sentTitle}</h1>
<p class="notice ok" role="status">${t.sent}</p>
<p><a href="/signin">${t.back}</a></p>`,
    });
  });
}
