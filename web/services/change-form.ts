import { COMMON } from '../shared/copy/index.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ROLES, type Language, type Role } from '../../domain/contact-change.js';
import type { Account } from '../../db/schema.js';
import type { ChangeContext, ChangeInput, FieldErrors } from './change-input.js';
import { kindName, roleLabel, roleList, who } from '../shared/names.js';
import { SERVICES } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { csrfField, time } from '../shared/layout.js';
import { choice, errorSummary, fieldMessage, labelled } from '../shared/form.js';

function roleChoice(
  ctx: ChangeContext,
  role: Role,
  input: ChangeInput,
  error: string | undefined,
  lang: Language,
): Html {
  const t = SERVICES[lang].change;
  const busy = ctx.busy.get(role);
  const holder = ctx.holders.get(role);
  return choice({
    type: 'checkbox',
    name: 'roles',
    value: role,
    id: `role-${role}`,
    label: roleLabel(role, lang),
    describedBy: [`role-${role}-now`, busy && `role-${role}-busy`],
    checked: input.roles.includes(role) && !busy,
    attributes: busy ? html` disabled` : undefined,
    error: busy ? undefined : error,
    after: html`<span class="hint" id="role-${role}-now">${t.now}${COMMON[lang].colon}${holder ? who(holder) : ''}</span>
    ${busy ? html`<span class="busy" id="role-${role}-busy">${t.busy} <a href="/requests/${busy}">${t.seeRequest}</a></span>` : ''}`,
  });
}

/** The holder's contacts, offered under the handle field; any other handle may still be typed. */
const candidates = ({ candidates }: ChangeContext): Html =>
  candidates.length
    ? html`<datalist id="to-contacts">${candidates.map((c) => html`<option value="${c.handle}">${c.name}</option>`)}</datalist>`
    : html``;

const summary = (errors: FieldErrors, lang: Language): Html =>
  errorSummary(
    SERVICES[lang].change.summary,
    (['roles', 'to', 'general'] as const).map((key) => ({
      text: errors[key],
      field: key === 'general' ? undefined : key,
    })),
  );

export interface FormOptions {
  ctx: ChangeContext;
  input: ChangeInput;
  errors?: FieldErrors;
}

export function changeForm(app: FastifyInstance, request: FastifyRequest, lang: Language, options: FormOptions): Html {
  const t = SERVICES[lang].change;
  const { ctx, input, errors = {} } = options;
  const { service } = ctx;
  // Whoever the form acts for (the viewer, or a sub-account's keeper) holds only some roles: tech or billing contact.
  const limited = ctx.allowed.length < ROLES.length;
  const allBusy = ctx.allowed.every((role) => ctx.busy.has(role));
  return html`<h1>${t.title}</h1>
<p class="lead"><strong>${service.name}</strong> · ${kindName(service.kind, lang)}</p>
<p>${t.intro}</p>
${summary(errors, lang)}
<form method="get" action="/services/${service.id}/change/preview" class="change" data-check="/services/${service.id}/change/check?lang=${lang}" data-error-label="${SERVICES[lang].errorLabel}">
  <input type="hidden" name="lang" value="${lang}">
  <fieldset id="roles" aria-describedby="roles-hint roles-message">
    <legend>${t.roles}</legend>
    <p class="hint" id="roles-hint">${t.rolesHint}${limited ? html` ${t.ownOnly}` : ''}</p>
    ${allBusy ? html`<p class="notice">${t.allBusy}</p>` : ''}
    ${ctx.allowed.map((role) => roleChoice(ctx, role, input, errors.roles, lang))}
    ${fieldMessage('roles', errors.roles, SERVICES[lang].errorLabel)}
  </fieldset>
  ${labelled({
    id: 'to',
    label: t.to,
    hint: ctx.candidates.length ? t.toHintContacts : t.toHint,
    error: errors.to,
    errorLabel: SERVICES[lang].errorLabel,
    live: true,
    control: (aria) =>
      html`<input id="to" name="to" value="${input.to}" required maxlength="64" autocapitalize="off" spellcheck="false"${ctx.candidates.length ? html` list="to-contacts"` : ''}${aria}>${candidates(ctx)}`,
  })}
  <div class="actions">
    <button type="submit" class="primary">${t.next}</button>
    <a class="back" href="/services">${t.back}</a>
  </div>
</form>`;
}

export interface PreviewOptions {
  ctx: ChangeContext;
  input: ChangeInput;
  from: Account;
  to: Account;
  expiresAt: Date;
}

const hidden = (
  input: ChangeInput,
) => html`${input.roles.map((role) => html`<input type="hidden" name="roles" value="${role}">`)}
    <input type="hidden" name="to" value="${input.to}">`;

export function changePreview(
  app: FastifyInstance,
  request: FastifyRequest,
  lang: Language,
  options: PreviewOptions,
): Html {
  const t = SERVICES[lang].preview;
  const {
    ctx: { service },
    input,
    from,
    to,
    expiresAt,
  } = options;
  return html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<dl>
  <dt>${t.service}</dt><dd>${service.name} · ${kindName(service.kind, lang)}</dd>
  <dt>${t.roles}</dt><dd>${input.roles.map((role) => roleLabel(role, lang)).join(', ')}</dd>
  <dt>${t.from}</dt><dd>${who(from)}</dd>
  <dt>${t.to}</dt><dd>${who(to)}</dd>
  <dt>${t.approvers}</dt><dd><ul class="plain" id="approvers">
    <li>${who(from)}, ${t.outgoing}</li>
    <li>${who(to)}, ${t.incoming}</li>
  </ul></dd>
  <dt>${t.until}</dt><dd id="until">${time(expiresAt, lang, request.viewer?.timeZone)}</dd>
</dl>
<p>${t.moves(roleList(input.roles, lang), input.roles.length > 1, who(from), who(to))}</p>
<p class="hint">${t.lapse}</p>
<div class="actions choices">
  <form method="post" action="/services/${service.id}/change/confirm?lang=${lang}">
    ${csrfField(app, request)}
    ${hidden(input)}
    <button type="submit" class="primary">${t.confirm}</button>
  </form>
  <form method="get" action="/services/${service.id}/change">
    <input type="hidden" name="lang" value="${lang}">
    ${hidden(input)}
    <button type="submit" class="secondary">${t.back}</button>
  </form>
</div>`;
}
