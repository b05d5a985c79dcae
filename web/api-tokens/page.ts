import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createApiToken, myApiTokens, revokeApiToken, type ApiTokenInfo } from '../../accounts/api-tokens.js';
import { requesterOf } from '../../core/requester.js';
import { API_TOKEN_SCOPES, apiTokenInput, MAX_TOKEN_NAME } from '../../domain/api-tokens.js';
import type { Language } from '../../domain/contact-change.js';
import { choice, errorSummary, fieldError, formField } from '../shared/form.js';
import { html, type Html } from '../shared/html.js';
import { setFlash } from '../shared/flash.js';
import { pageLanguage } from '../shared/language.js';
import { csrfField, renderPage, time } from '../shared/layout.js';
import { API_TOKENS } from './copy/index.js';

export const API_TOKENS_PATH = '/account/api-tokens';

interface Form {
  values: { name: string; scope: string };
  errors: Partial<Record<'name' | 'scope', string>>;
}

interface View {
  app: FastifyInstance;
  request: FastifyRequest;
  lang: Language;
  tokens: ApiTokenInfo[];
  form?: Form;
  /** The token just created: shown this once. */
  created?: ApiTokenInfo & { token: string };
}

function tokenRow(v: View, t: ApiTokenInfo): Html {
  const c = API_TOKENS[v.lang];
  return html`<tr id="token-${t.id}">
    <td data-label="${c.list.name}">${t.name}</td>
    <td data-label="${c.list.scope}">${c.scopes[t.scope].label}</td>
    <td data-label="${c.list.created}">${time(t.createdAt, v.lang, v.request.viewer?.timeZone)}</td>
    <td data-label="${c.list.lastUsed}">${t.lastUsedAt ? time(t.lastUsedAt, v.lang, v.request.viewer?.timeZone) : c.list.never}</td>
    <td><form method="post" action="${API_TOKENS_PATH}/${t.id}/revoke">
      ${csrfField(v.app, v.request)}
      <button type="submit" class="danger" aria-label="${c.list.revokeLabel(t.name)}">${c.list.revoke}</button>
    </form></td>
  </tr>`;
}

function createForm(v: View): Html {
  const c = API_TOKENS[v.lang];
  const { values, errors } = v.form ?? { values: { name: '', scope: 'read' }, errors: {} };
  const scopes = API_TOKEN_SCOPES.map((scope) =>
    choice({
      type: 'radio',
      name: 'scope',
      value: scope,
      id: `scope-${scope}`,
      label: c.scopes[scope].label,
      hint: c.scopes[scope].hint,
      checked: values.scope === scope,
      error: errors.scope,
    }),
  );
  return html`<section id="create" aria-labelledby="create-heading">
  <h2 id="create-heading">${c.create.heading}</h2>
  ${errorSummary(c.summary, [
    { text: errors.name, field: 'name' },
    { text: errors.scope, field: 'scope-read' },
  ])}
  <form method="post" action="${API_TOKENS_PATH}" class="narrow">
    ${csrfField(v.app, v.request)}
    ${formField({
      id: 'name',
      label: c.create.name,
      hint: c.create.nameHint,
      error: errors.name,
      errorLabel: c.errorLabel,
      control: (aria) =>
        html`<input id="name" name="name" value="${values.name}" required maxlength="${MAX_TOKEN_NAME}" autocomplete="off"${aria}>`,
    })}
    <fieldset>
      <legend>${c.create.scope}</legend>
      ${scopes}
      ${fieldError('scope', errors.scope, c.errorLabel)}
    </fieldset>
    <div class="actions"><button type="submit" class="primary">${c.create.submit}</button></div>
  </form>
</section>`;
}

function body(v: View): Html {
  const c = API_TOKENS[v.lang];
  const created = v.created
    ? html`<section id="created" class="notice ok" role="status" aria-labelledby="created-heading">
  <h2 id="created-heading">${c.created.heading}</h2>
  <p>${c.created.notice}</p>
  <p><label for="new-token">${c.created.label}</label>
  <input id="new-token" value="${v.created.token}" readonly spellcheck="false" autocomplete="off"></p>
  <p class="hint">${c.created.use}</p>
</section>`
    : '';
  const list = v.tokens.length
    ? html`<table class="stack">
  <thead><tr><th scope="col">${c.list.name}</th><th scope="col">${c.list.scope}</th><th scope="col">${c.list.created}</th><th scope="col">${c.list.lastUsed}</th><th scope="col">${c.list.actions}</th></tr></thead>
  <tbody>${v.tokens.map((t) => tokenRow(v, t))}</tbody>
</table>`
    : html`<p class="notice">${c.list.empty}</p>`;
  return html`<h1>${c.title}</h1>
<p>${c.intro}</p>
${created}
<section id="tokens" aria-labelledby="tokens-heading">
  <h2 id="tokens-heading">${c.list.heading}</h2>
  ${list}
</section>
${createForm(v)}
<p><a href="/profile">${c.back}</a></p>`;
}

/** The form's words for what zod refused. */
function formErrors(lang: Language, fields: Set<unknown>, tooLong: boolean): Form['errors'] {
  const e = API_TOKENS[lang].errors;
  return {
    ...(fields.has('name') ? { name: tooLong ? e.nameTooLong(MAX_TOKEN_NAME) : e.nameRequired } : {}),
    ...(fields.has('scope') ? { scope: e.scope } : {}),
  };
}

/** My API tokens: list, create (the token shown once, never in a URL), revoke. */
export default async function apiTokensPage(app: FastifyInstance) {
  const route = { onRequest: app.requireViewer, schema: { hide: true } };
  const post = { ...route, preHandler: app.verifyCsrf };

  const show = async (request: FastifyRequest, reply: FastifyReply, status: number, more: Partial<View> = {}) => {
    const lang = pageLanguage(request);
    const tokens = await myApiTokens(app.ctx, request.viewer!);
    const title = more.form ? `${API_TOKENS[lang].errorLabel} ${API_TOKENS[lang].title}` : API_TOKENS[lang].title;
    const view: View = { app, request, lang, tokens, ...more };
    return renderPage(app, request, reply, {
      title,
      status,
      section: 'profile',
      flash: { area: 'apiTokens', words: { revoked: API_TOKENS[lang].revoked } },
      body: body(view),
      styles: ['/assets/account-pages.css'],
    });
  };

  app.get(API_TOKENS_PATH, route, async (request, reply) => show(request, reply, 200, {}));

  app.post(API_TOKENS_PATH, post, async (request, reply) => {
    const given = (request.body ?? {}) as Record<string, unknown>;
    const values = { name: String(given.name ?? ''), scope: String(given.scope ?? '') };
    const parsed = apiTokenInput.safeParse(values);
    if (!parsed.success) {
      const fields = new Set<unknown>(parsed.error.issues.map((i) => i.path[0]));
      const tooLong = values.name.trim().length > MAX_TOKEN_NAME;
      const errors = formErrors(pageLanguage(request), fields, tooLong);
      return show(request, reply, 422, { form: { values, errors } });
    }
    const created = await createApiToken(app.ctx, request.viewer!, parsed.data, requesterOf(request));
    return show(request, reply, 201, { created });
  });

  app.post(`${API_TOKENS_PATH}/:id/revoke`, post, async (request, reply) => {
    const { id } = request.params as { id: string };
    await revokeApiToken(app.ctx, request.viewer!, id, requesterOf(request));
    setFlash(reply, 'apiTokens', 'revoked');
    return reply.redirect(API_TOKENS_PATH, 303);
  });
}
