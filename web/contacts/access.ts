import type { Context } from '../../core/context.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deactivate, reactivate, setPermissions } from '../../accounts/contacts.js';
import { invite, withdraw } from '../../accounts/invitations.js';
import { Problem } from '../../core/problems.js';
import type { Language } from '../../domain/contact-change.js';
import {
  INVITATION_DAYS,
  PERMISSIONS,
  PROVIDER_ONLY_PERMISSIONS,
  known,
  permissionsInput,
  type Permission,
} from '../../domain/contact.js';
import type { Account, Invitation } from '../../db/schema.js';
import { CONTACTS, type Notice } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { keepingLanguage, pageLanguage } from '../shared/language.js';
import { setRefusal } from '../shared/flash.js';
import { accessRefusals } from './parts.js';
import { csrfField, time } from '../shared/layout.js';
import { problemWords } from '../shared/problems/index.js';
import { checkboxes } from '../shared/form.js';

const boxId = (p: Permission) => `permission-${p.replace('.', '-')}`;
/** Managing implies seeing: contacts.js ticks the view box with its manage box, and the server adds it anyway. */
const IMPLIES: Partial<Record<Permission, Permission>> = {
  'services.manage': 'services.view',
  'domains.manage': 'domains.view',
};

function permissionBoxes(lang: Language, chosen: readonly string[], legend: string): Html {
  const t = CONTACTS[lang];
  const boxes = (values: readonly Permission[]) =>
    checkboxes({
      name: 'permissions',
      values,
      id: boxId,
      copy: (p) => t.permissions[p],
      chosen,
      attributes: (p) => {
        const implied = IMPLIES[p];
        return implied ? html` data-implies="${boxId(implied)}"` : undefined;
      },
    });
  return html`<fieldset id="permissions" aria-describedby="permissions-hint">
    <legend>${legend}</legend>
    <p class="hint" id="permissions-hint">${t.access.permissionsHint}</p>
    ${boxes(PERMISSIONS.filter((p) => !PROVIDER_ONLY_PERMISSIONS.includes(p)))}
    <fieldset id="permissions-elsewhere" aria-describedby="permissions-elsewhere-hint">
      <legend>${t.access.elsewhere}</legend>
      <p class="hint" id="permissions-elsewhere-hint">${t.access.elsewhereHint}</p>
      ${boxes(PROVIDER_ONLY_PERMISSIONS)}
    </fieldset>
  </fieldset>`;
}

interface Ctx {
  app: FastifyInstance;
  request: FastifyRequest;
  lang: Language;
  contact: Account;
}

/** A form of one button, with a line saying what it does. */
function button(
  ctx: Ctx,
  action: string,
  label: string,
  kind: 'primary' | 'secondary' | 'danger',
  hint: string,
  extra: Html = html``,
): Html {
  return html`<form method="post" action="/contacts/${ctx.contact.id}/${action}?lang=${ctx.lang}" class="one-button">
    ${csrfField(ctx.app, ctx.request)}
    ${extra}
    <button type="submit" class="${kind}" aria-describedby="${action}-hint">${label}</button>
    <p class="hint" id="${action}-hint">${hint}</p>
  </form>`;
}

function permissionsForm(ctx: Ctx, action: 'invite' | 'permissions', legend: string, submit: string): Html {
  return html`<form method="post" action="/contacts/${ctx.contact.id}/${action}?lang=${ctx.lang}">
    ${csrfField(ctx.app, ctx.request)}
    ${permissionBoxes(ctx.lang, ctx.contact.permissions, legend)}
    <div class="actions"><button type="submit" class="${action === 'invite' ? 'primary' : 'secondary'}">${submit}</button></div>
  </form>`;
}

/** For the account holder only: give, change or take away this contact's access to the customer area. */
export function accessSection(
  app: FastifyInstance,
  request: FastifyRequest,
  contact: Account,
  invitation: Invitation | null,
  error?: string,
): Html {
  const lang = pageLanguage(request);
  const t = CONTACTS[lang].access;
  const ctx = { app, request, lang, contact };
  const keep = html`${contact.permissions.map((p) => html`<input type="hidden" name="permissions" value="${p}">`)}`;
  const edit = () => permissionsForm(ctx, 'permissions', t.permissions, t.save);
  const parts: Record<Account['access'], () => Html> = {
    none: () => html`<p>${t.none(contact.name)}</p>
      <p class="hint">${t.allowHint(contact.email, INVITATION_DAYS)}</p>
      ${permissionsForm(ctx, 'invite', t.allow, t.invite)}`,
    invited:
      () => html`<p id="invitation">${invitation && invitation.expiresAt.getTime() <= Date.now() ? t.expired(contact.email) : t.invited(contact.email)} ${time(invitation?.expiresAt ?? null, lang, request.viewer?.timeZone)}.</p>
      ${edit()}
      <div class="actions choices">
        ${button(ctx, 'invite', t.resend, 'secondary', t.resendHint, keep)}
        ${button(ctx, 'withdraw', t.withdraw, 'danger', t.withdrawHint)}
      </div>`,
    active: () => html`<p>${t.active(contact.name, contact.handle)}</p>
      ${edit()}
      <div class="actions choices">${button(ctx, 'deactivate', t.deactivate, 'danger', t.deactivateHint)}</div>`,
    deactivated: () => html`<p>${t.deactivated(contact.name)}</p>
      <div class="actions choices">${button(ctx, 'reactivate', t.reactivate, 'primary', t.reactivateHint)}</div>
      ${edit()}`,
  };
  return html`<section class="access" aria-labelledby="access-heading" data-access="${contact.access}">
  <h2 id="access-heading">${t.heading}</h2>
  ${error ? html`<p class="notice error" role="alert" id="access-error">${error}</p>` : ''}
  ${parts[contact.access]()}
</section>`;
}

const chosenPermissions = (body: unknown): Permission[] => {
  const given = (body as { permissions?: unknown } | undefined)?.permissions;
  const list = (Array.isArray(given) ? given : [given]).filter((p): p is string => typeof p === 'string');
  return permissionsInput.parse({ permissions: known(PERMISSIONS, list) }).permissions;
};

/** The action's refusal in the reader's words; the book words its problems in English for integrators. */
const problemText = (err: Problem, lang: Language): string => accessRefusals(lang)[err.code] ?? problemWords(err, lang);

export type ShowEdit = (
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  options: { status: number; accessError: string },
) => Promise<unknown>;
type Run = (ctx: Context, viewer: Account, id: string, body: unknown) => Promise<unknown>;

/**
 * The access actions of the pages: the same functions as the API. Done, they lead back to the contact with a
 * confirmation; refused (the contact changed meanwhile, or the email could not be queued), the contact's page says
 * why: after a redirect, once, for a form of one button (withdraw, deactivate, reactivate); in place, under the
 * refusal's status, for a form of chosen permissions. A sub-account asking gets the forbidden page.
 */
export function accessRoutes(
  app: FastifyInstance,
  showEdit: ShowEdit,
  there: (request: FastifyRequest, reply: FastifyReply, path: string, done: Notice) => string,
) {
  const options = { schema: { hide: true }, onRequest: app.requireViewer, preHandler: app.verifyCsrf };
  const act =
    (done: Notice, run: Run, oneButton = false) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const { id } = request.params as { id: string };
      try {
        await run(app.ctx, request.viewer!, id, request.body);
      } catch (err) {
        if (!(err instanceof Problem) || (err.status !== 409 && err.status !== 503)) throw err;
        if (oneButton) {
          setRefusal(reply, err.code);
          return reply.redirect(keepingLanguage(request, `/contacts/${id}/edit`), 303);
        }
        return showEdit(request, reply, id, {
          status: err.status,
          accessError: problemText(err, pageLanguage(request)),
        });
      }
      return reply.redirect(there(request, reply, `/contacts/${id}/edit`, done), 303);
    };
  app.post(
    '/contacts/:id/invite',
    { ...options, config: { rateLimit: {} } },
    act('invited', (a, viewer, id, body) => invite(a, viewer, id, chosenPermissions(body))),
  );
  app.post(
    '/contacts/:id/withdraw',
    options,
    act('withdrawn', (a, viewer, id) => withdraw(a, viewer, id), true),
  );
  app.post(
    '/contacts/:id/permissions',
    options,
    act('permissions', (a, viewer, id, body) => setPermissions(a, viewer, id, chosenPermissions(body))),
  );
  app.post(
    '/contacts/:id/deactivate',
    options,
    act('deactivated', (a, viewer, id) => deactivate(a, viewer, id), true),
  );
  app.post(
    '/contacts/:id/reactivate',
    options,
    act('reactivated', (a, viewer, id) => reactivate(a, viewer, id), true),
  );
}
