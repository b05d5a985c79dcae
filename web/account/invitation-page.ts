import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acceptInvitation, invitationFor } from '../../accounts/invitations.js';
import { Problem } from '../../core/problems.js';
import { MIN_PASSWORD, newPassword } from '../../domain/contact.js';
import type { Account } from '../../db/schema.js';
import { PROFILE } from '../profile/copy/index.js';
import { html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import { newPasswordField, text, translateIssues, type Errors } from '../profile/forms.js';
import { formField } from '../shared/form.js';
import { sameOriginOnly } from '../sessions/cross-site.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const gone = (err: unknown): err is Problem => err instanceof Problem && err.status === 410;

interface State {
  status?: number;
  invitee?: Account;
  token?: string;
  errors?: Errors;
  unusable?: 'invalid' | 'incomplete';
}

/**
 * The page an invitation email links to. The token rides in the link's fragment, which no server sees:
 * password.js moves it into the form, and asks the server (by POST, so it stays out of logged URLs) whom
 * the link is for before greeting anyone. Public: the invitee has no password yet.
 */
export default async function invitationPage(app: FastifyInstance) {
  const show = (request: FastifyRequest, reply: FastifyReply, state: State = {}) => {
    const lang = pageLanguage(request);
    const t = PROFILE[lang].invitation;
    const e = state.errors ?? {};
    const here = `/invitations/${encodeURIComponent(idOf(request))}`;
    const query = `?lang=${lang}`;
    const { invitee } = state;
    const body = state.unusable
      ? html`<h1>${t.title}</h1><p class="notice error" role="alert" id="invitation-problem">${t[state.unusable]}</p>`
      : html`<h1>${t.title}</h1>
<div id="invitee"${invitee ? '' : html` hidden`}>${invitee ? html`<p><strong>${t.hello(invitee.name)}</strong> ${t.handle(invitee.handle)}</p>` : ''}</div>
<p>${t.intro}</p>
<p class="notice error" role="alert" id="invitation-problem" hidden></p>
<form method="post" action="${here}${query}" class="narrow invitation" data-check="${here}/check${query}" data-incomplete="${t.incomplete}" autocomplete="on">
  <input type="hidden" name="token" id="token" value="${state.token ?? ''}">
  <input type="text" name="username" id="username" autocomplete="username" value="${invitee?.handle ?? ''}" readonly hidden>
  ${newPasswordField({ id: 'password', label: t.password, hint: PROFILE[lang].password.nextHint(MIN_PASSWORD), error: e.password, confirmId: 'confirm' }, lang)}
  ${formField({
    id: 'confirm',
    label: t.confirm,
    error: e.confirm,
    errorLabel: PROFILE[lang].errorLabel,
    control: (aria) =>
      html`<input id="confirm" name="confirm" type="password" autocomplete="new-password" maxlength="200" required spellcheck="false" autocapitalize="off"${aria}>`,
  })}
  <div class="actions"><button type="submit" class="primary">${t.submit}</button></div>
</form>`;
    return renderPage(app, request, reply, {
      title: t.title,
      status: state.status ?? 200,
      body,
      scripts: state.unusable ? [] : ['/assets/password.js'],
      styles: ['/assets/profile.css'],
    });
  };

  app.get('/invitations/:id', { schema: { hide: true } }, async (request, reply) => show(request, reply));

  // The page's script asks whom the link is for; a POST keeps the token out of URLs and logs.
  // Like signing in, only from this site's own pages: another site could otherwise sign its visitor in.
  const form = {
    schema: { hide: true },
    config: { rateLimit: {} },
    onRequest: sameOriginOnly(app.ctx.config.publicBaseUrl),
  };

  app.post('/invitations/:id/check', form, async (request, reply) => {
    const t = PROFILE[pageLanguage(request)].invitation;
    reply.header('cache-control', 'no-store');
    try {
      const invitee = await invitationFor(
        app.ctx,
        idOf(request),
        text((request.body as { token?: unknown } | undefined)?.token).trim(),
      );
      return { ok: true, greeting: t.hello(invitee.name), handle: t.handle(invitee.handle), username: invitee.handle };
    } catch (err) {
      if (!gone(err)) throw err;
      return reply.code(410).send({ ok: false, message: t.invalid });
    }
  });

  app.post('/invitations/:id', form, async (request, reply) => {
    const lang = pageLanguage(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const token = text(body.token).trim();
    const password = text(body.password);
    const id = idOf(request);
    // Without JavaScript the token cannot leave the fragment: say how to get a working link.
    if (!token) return show(request, reply, { status: 400, unusable: 'incomplete' });
    try {
      // The link first: who it is for is told only to who holds a working link.
      const invitee = await invitationFor(app.ctx, id, token);
      const parsed = z.object({ password: newPassword }).safeParse({ password });
      const errors: Errors = parsed.success ? {} : translateIssues(parsed.error, lang);
      if (!errors.password && password !== text(body.confirm)) errors.confirm = PROFILE[lang].errors.confirm;
      if (Object.keys(errors).length) return show(request, reply, { status: 422, invitee, token, errors });
      const account = await acceptInvitation(app.ctx, id, token, password);
      // Whoever was signed in on this browser is signed out: it is now the invitee's.
      await app.startSession(request, reply, account);
      return reply.redirect('/services', 303);
    } catch (err) {
      if (!gone(err)) throw err;
      return show(request, reply, { status: 410, unusable: 'invalid' });
    }
  });
}
