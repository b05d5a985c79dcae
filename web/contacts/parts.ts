import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Problem, type ProblemCode } from '../../core/problems.js';
import type { Language } from '../../domain/contact-change.js';
import { EMAIL_CATEGORIES } from '../../domain/contact.js';
import type { Account } from '../../db/schema.js';
import { namesOfServices } from '../../services/services.js';
import { problemWords } from '../shared/problems/index.js';
import { phoneText, type FieldErrors, type FormValues } from './form.js';
import { CONTACTS, type Notice } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { setFlash, type FlashWords } from '../shared/flash.js';
import { keepingLanguage } from '../shared/language.js';
import { time } from '../shared/layout.js';

// The pieces of My contacts: the list's rows, the confirmations and the words of a refused delete.

export const styles = ['/assets/services.css', '/assets/contacts.css'];
export const contactId = (request: FastifyRequest) => (request.params as { id: string }).id;

/** Where an action leads back to, in the page's language; our confirmation (one of ours) waits there. */
export function there(request: FastifyRequest, reply: FastifyReply, path: string, done: Notice): string {
  setFlash(reply, 'contacts', done);
  return keepingLanguage(request, path);
}

/** The access actions' refusals in the book's own words; the others in the shared ones. */
export function accessRefusals(lang: Language): Partial<Record<ProblemCode, string>> {
  const t = CONTACTS[lang].access.problems;
  return {
    alreadySubAccount: t.already,
    noPendingInvitation: t.noInvitation,
    notSubAccount: t.notSubAccount,
    notActiveSubAccount: t.notActive,
    notDeactivated: t.notDeactivated,
    unavailable: t.unavailable,
  };
}

/** The confirmations the pages of My contacts may show, and the refusals of their one-button actions (flash.ts). */
export const notices = (lang: Language): FlashWords => ({
  area: 'contacts',
  words: CONTACTS[lang].notices,
  refusals: accessRefusals(lang),
});

export function statusOf(contact: Account, expiresAt: Date | null, lang: Language, timeZone?: string | null): Html {
  const t = CONTACTS[lang].status;
  switch (contact.access) {
    case 'invited':
      return html`<span class="badge pending">${expiresAt && expiresAt.getTime() <= Date.now() ? t.expired : t.invited}</span> ${time(expiresAt, lang, timeZone)}`;
    case 'active':
      return html`<span class="badge done">${t.active}</span>`;
    case 'deactivated':
      return html`<span class="badge ended">${t.deactivated}</span>`;
    default:
      return html`${t.none}`;
  }
}

export function row(contact: Account, expiresAt: Date | null, lang: Language, timeZone?: string | null): Html {
  const t = CONTACTS[lang];
  const categories = EMAIL_CATEGORIES.filter((c) => contact.emailCategories.includes(c)).map(
    (c) => t.categories[c].label,
  );
  return html`<tr data-contact="${contact.id}">
  <th scope="row" data-label="${t.list.name}">${contact.name}</th>
  <td class="handle" data-label="${t.list.handle}">${contact.handle}</td>
  <td class="email" data-label="${t.list.email}">${contact.email}</td>
  <td class="phone" data-label="${t.list.phone}">${phoneText(contact.phone)}</td>
  <td data-label="${t.list.company}">${contact.company ?? ''}</td>
  <td data-label="${t.list.categories}">${categories.length ? categories.join(', ') : html`<span class="hint">${t.list.noCategory}</span>`}</td>
  <td data-label="${t.list.access}">${statusOf(contact, expiresAt, lang, timeZone)}</td>
  <td class="row-actions">
    <a href="/contacts/${contact.id}/edit">${t.list.edit}<span class="vh"> – ${contact.name}</span></a>
    <a href="/contacts/${contact.id}/delete">${t.list.delete}<span class="vh"> – ${contact.name}</span></a>
  </td>
</tr>`;
}

export interface FormPage {
  values: FormValues;
  errors?: FieldErrors;
  status?: number;
  accessError?: string;
}

/** The refusal of a delete, told as what to do first, with a link to where to do it. */
export async function refusalText(
  app: FastifyInstance,
  problem: Problem,
  contact: Account,
  lang: Language,
): Promise<Html> {
  const t = CONTACTS[lang].del;
  const ids = (key: string) =>
    Array.isArray(problem.extra[key])
      ? (problem.extra[key] as unknown[]).filter((v): v is string => typeof v === 'string')
      : [];
  switch (problem.code) {
    case 'contactHoldsRole': {
      const held = ids('services');
      const names = await namesOfServices(app.ctx, held);
      return t.holdsRole(contact.name, names.join(', '), html`<a href="/services">${t.servicesLink}</a>`);
    }
    case 'contactInPendingRequest': {
      const requests = ids('requests');
      const links = requests.map(
        (id, i) =>
          html`${i ? ', ' : ''}<a href="/requests/${id}">${requests.length === 1 ? t.seeRequest : t.requestN(i + 1)}</a>`,
      );
      return t.pendingRequest(contact.name, html`${links}`);
    }
    case 'contactReceivesBilling':
      return t.billing(contact.name, html`<a href="/profile">${t.profileLink}</a>`);
    default:
      return problem.status === 403 ? html`${t.ownerOnly}` : html`${problemWords(problem, lang)}`;
  }
}
