import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Language } from '../../domain/contact-change.js';
import type { EmailChange } from '../../db/schema.js';
import { flashOf } from '../shared/flash.js';
import { formField } from '../shared/form.js';
import { html, type Html } from '../shared/html.js';
import { csrfField, time } from '../shared/layout.js';
import { ADDRESS } from './copy/index.js';

// What the profile and a sub-account in the contact book show beside an address: the password a new address needs,
// the change that waits for its confirmation, and the way to withdraw it.

const WITHDRAW_FORM = 'address-withdraw';

/** The account holder's current password, which a new address of the account needs; its name is the page's own. */
export function addressPasswordField(lang: Language, error: string | undefined, errorLabel: string): Html {
  const t = ADDRESS[lang].field;
  return formField({
    id: 'addressPassword',
    label: t.password,
    hint: t.passwordHint,
    error,
    errorLabel,
    control: (aria) =>
      html`<input id="addressPassword" name="addressPassword" type="password" autocomplete="current-password" maxlength="200"${aria}>`,
  });
}

/** The change that waits, and a button that withdraws it; the button posts `withdrawForm`, out of the page's form. */
export function pendingEmailNotice(lang: Language, pending: EmailChange | null, timeZone?: string | null): Html {
  if (!pending) return html``;
  const t = ADDRESS[lang].field;
  return html`<div class="notice" id="pending-email" role="status">
      <p>${t.pending(pending.newEmail, time(pending.expiresAt, lang, timeZone))}</p>
      <button type="submit" class="secondary" form="${WITHDRAW_FORM}">${t.withdraw}</button>
    </div>`;
}

/** The form the Withdraw button posts, to put after the page's own form; `contactId` for a sub-account's address. */
export function withdrawForm(
  app: FastifyInstance,
  request: FastifyRequest,
  lang: Language,
  pending: EmailChange | null,
  contactId: string | null = null,
): Html {
  if (!pending) return html``;
  return html`
  <form method="post" action="/address/withdraw?lang=${lang}" id="${WITHDRAW_FORM}" class="bare">${csrfField(app, request)}${
    contactId ? html`<input type="hidden" name="contact" value="${contactId}">` : ''
  }</form>`;
}

/** Said once a change was withdrawn: the withdraw form left this message for the page it leads back to (flash.ts). */
export function withdrawnNotice(request: FastifyRequest, lang: Language): Html {
  const done = flashOf(request, 'address') === 'withdrawn';
  return done
    ? html`<p class="notice ok" role="status" id="address-withdrawn">${ADDRESS[lang].field.withdrawn}</p>`
    : html``;
}
