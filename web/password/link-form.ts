import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Problem } from '../../core/problems.js';
import type { Account } from '../../db/schema.js';
import type { Language } from '../../domain/contact-change.js';
import { MIN_PASSWORD, newPassword } from '../../domain/contact.js';
import { PROFILE } from '../profile/copy/index.js';
import { newPasswordField, text, translateIssues, type Errors } from '../profile/forms.js';
import { sameOriginOnly } from '../shared/cross-site.js';
import { formField } from '../shared/form.js';
import { html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';
import type { LinkFormCopy } from './copy/index.js';
import { weakPasswordErrors } from './refusal.js';

/**
 * A page an emailed link opens to choose a password: an invitation's, a password reset's. The token rides in the
 * link's fragment, which no server sees: password.js moves it into the form, and asks the server (by POST, so that
 * it stays out of logged URLs) whom the link is for before greeting anyone. Public: whoever holds the link.
 */
export interface LinkPasswordPage {
  /** What the link is, for the meter: it rates the password against the words of whom the link is for. */
  kind: 'invitation' | 'reset';
  /** The route, with its `:id`, and the page of one link. */
  route: string;
  path: (id: string) => string;
  copy: (lang: Language) => LinkFormCopy;
  /** The ids of the greeting and of the refusal that password.js fills in. */
  ids: { person: string; problem: string };
  /** Whom a usable link is for; throws a 410 problem for a link that is not. */
  whose: (id: string, token: string) => Promise<Account>;
  /** Sets the password through the link (refusals as problems) and answers, e.g. by a redirect. */
  complete: (
    request: FastifyRequest,
    reply: FastifyReply,
    link: { id: string; token: string; password: string },
  ) => Promise<FastifyReply>;
}

interface State {
  status?: number;
  person?: Account;
  token?: string;
  errors?: Errors;
  unusable?: 'invalid' | 'incomplete';
}

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const gone = (err: unknown): err is Problem => err instanceof Problem && err.status === 410;

/** "Hello Casey Contact," and the handle one signs in with. */
const greeting = (person: Account, lang: Language) => {
  const t = PROFILE[lang].invitation;
  return { greeting: t.hello(person.name), handle: t.handle(person.handle), username: person.handle };
};

export function linkPasswordRoutes(app: FastifyInstance, page: LinkPasswordPage) {
  const show = (request: FastifyRequest, reply: FastifyReply, state: State = {}) => {
    const lang = pageLanguage(request);
    const t = page.copy(lang);
    const e = state.errors ?? {};
    const id = idOf(request);
    const here = page.path(id);
    const query = `?lang=${lang}`;
    const person = state.person ? greeting(state.person, lang) : null;
    const { ids } = page;
    const body = state.unusable
      ? html`<h1>${t.title}</h1><p class="notice error" role="alert" id="${ids.problem}">${t[state.unusable]}</p>`
      : html`<h1>${t.title}</h1>
<div id="${ids.person}"${person ? '' : html` hidden`}>${person ? html`<p><strong>${person.greeting}</strong> ${person.handle}</p>` : ''}</div>
<p>${t.intro}</p>
<p class="notice error" role="alert" id="${ids.problem}" hidden></p>
<form method="post" action="${here}${query}" class="narrow invitation" data-check="${here}/check${query}" data-link="${page.kind}:${id}" data-person="${ids.person}" data-problem="${ids.problem}" data-incomplete="${t.incomplete}" autocomplete="on">
  <input type="hidden" name="token" id="token" value="${state.token ?? ''}">
  <input type="text" name="username" id="username" autocomplete="username" value="${person?.username ?? ''}" readonly hidden>
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

  app.get(page.route, { schema: { hide: true } }, async (request, reply) => show(request, reply));

  // Like signing in, only from this site's own pages: another site could otherwise sign its visitor in.
  const form = {
    schema: { hide: true },
    config: { rateLimit: {} },
    onRequest: sameOriginOnly(app.ctx.config.publicBaseUrl),
  };

  // The page's script asks whom the link is for; a POST keeps the token out of URLs and logs.
  app.post(`${page.route}/check`, form, async (request, reply) => {
    const lang = pageLanguage(request);
    reply.header('cache-control', 'no-store');
    try {
      const token = text((request.body as { token?: unknown } | undefined)?.token).trim();
      return { ok: true, ...greeting(await page.whose(idOf(request), token), lang) };
    } catch (err) {
      if (!gone(err)) throw err;
      return reply.code(410).send({ ok: false, message: page.copy(lang).invalid });
    }
  });

  app.post(page.route, form, async (request, reply) => {
    const lang = pageLanguage(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const token = text(body.token).trim();
    const password = text(body.password);
    const id = idOf(request);
    // Without JavaScript the token cannot leave the fragment: say how to get a working link.
    if (!token) return show(request, reply, { status: 400, unusable: 'incomplete' });
    try {
      // The link first: who it is for is told only to who holds a working link.
      const person = await page.whose(id, token);
      const parsed = z.object({ password: newPassword }).safeParse({ password });
      const errors: Errors = parsed.success ? {} : translateIssues(parsed.error, lang);
      if (!errors.password && password !== text(body.confirm)) errors.confirm = PROFILE[lang].errors.confirm;
      if (Object.keys(errors).length) return show(request, reply, { status: 422, person, token, errors });
      try {
        return await page.complete(request, reply, { id, token, password });
      } catch (err) {
        const weak = await weakPasswordErrors(err, lang);
        if (!weak) throw err;
        return show(request, reply, { status: 422, person, token, errors: weak });
      }
    } catch (err) {
      if (!gone(err)) throw err;
      return show(request, reply, { status: 410, unusable: 'invalid' });
    }
  });
}
