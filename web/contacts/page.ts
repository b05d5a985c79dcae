import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  createContact,
  deleteContact,
  getContact,
  listContacts,
  requireContacts,
  updateContact,
  whyNotDelete,
} from '../../accounts/contacts.js';
import { openInvitation } from '../../accounts/invitations.js';
import { Problem } from '../../core/problems.js';
import { actorOf } from '../../domain/access.js';
import { LANGUAGES, type Language } from '../../domain/contact-change.js';
import { EMAIL_CATEGORIES } from '../../domain/contact.js';
import type { Account } from '../../db/schema.js';
import { namesOfServices } from '../../services/services.js';
import { problemWords } from '../shared/problems/index.js';
import { accessRoutes, accessSection } from './access.js';
import {
  contactForm,
  emptyValues,
  phoneText,
  problemErrors,
  readForm,
  validate,
  valuesOf,
  type FieldErrors,
  type FormValues,
} from './form.js';
import { CONTACTS, type Notice } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { csrfField, renderPage, time } from '../shared/layout.js';

const NOTICES: readonly Notice[] = [
  'added',
  'saved',
  'deleted',
  'invited',
  'withdrawn',
  'permissions',
  'deactivated',
  'reactivated',
];
const styles = ['/assets/services.css', '/assets/contacts.css'];
const contactId = (request: FastifyRequest) => (request.params as { id: string }).id;

/** Where an action leads back to, with our confirmation (one of ours, never free text) and the page's language. */
function there(request: FastifyRequest, path: string, done: Notice): string {
  const params = new URLSearchParams({ done });
  const lang = (request.query as { lang?: unknown } | undefined)?.lang;
  if (LANGUAGES.includes(lang as Language)) params.set('lang', lang as string);
  return `${path}?${params}`;
}

function noticeOf(request: FastifyRequest, lang: Language): Html {
  const done = (request.query as { done?: unknown } | undefined)?.done as Notice;
  return NOTICES.includes(done) ? html`<p class="notice ok" role="status">${CONTACTS[lang].notices[done]}</p>` : html``;
}

function statusOf(contact: Account, expiresAt: Date | null, lang: Language): Html {
  const t = CONTACTS[lang].status;
  switch (contact.access) {
    case 'invited':
      return html`<span class="badge pending">${expiresAt && expiresAt.getTime() <= Date.now() ? t.expired : t.invited}</span> ${time(expiresAt, lang)}`;
    case 'active':
      return html`<span class="badge done">${t.active}</span>`;
    case 'deactivated':
      return html`<span class="badge ended">${t.deactivated}</span>`;
    default:
      return html`${t.none}`;
  }
}

function row(contact: Account, expiresAt: Date | null, lang: Language): Html {
  const t = CONTACTS[lang];
  const categories = EMAIL_CATEGORIES.filter((c) => contact.emailCategories.includes(c)).map(
    (c) => t.categories[c].label,
  );
  return html`<tr data-contact="${contact.id}">
  <th scope="row">${contact.name}</th>
  <td class="handle">${contact.handle}</td>
  <td class="email">${contact.email}</td>
  <td class="phone">${phoneText(contact.phone)}</td>
  <td>${contact.company ?? ''}</td>
  <td>${categories.length ? categories.join(', ') : html`<span class="hint">${t.list.noCategory}</span>`}</td>
  <td>${statusOf(contact, expiresAt, lang)}</td>
  <td class="row-actions">
    <a href="/contacts/${contact.id}/edit">${t.list.edit}<span class="vh"> – ${contact.name}</span></a>
    <a href="/contacts/${contact.id}/delete">${t.list.delete}<span class="vh"> – ${contact.name}</span></a>
  </td>
</tr>`;
}

interface FormPage {
  values: FormValues;
  errors?: FieldErrors;
  status?: number;
  accessError?: string;
}

/** The refusal of a delete, told as what to do first, with a link to where to do it. */
async function refusalText(app: FastifyInstance, problem: Problem, contact: Account, lang: Language): Promise<Html> {
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

export default async function contactsPage(app: FastifyInstance) {
  const route = { onRequest: app.requireViewer, schema: { hide: true } };
  const post = { ...route, preHandler: app.verifyCsrf };
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    title: string,
    body: Html,
    status = 200,
    scripts: string[] = [],
  ) => renderPage(app, request, reply, { title, body, status, section: 'contacts', styles, scripts });

  const showNew = (request: FastifyRequest, reply: FastifyReply, { values, errors, status }: FormPage) => {
    const t = CONTACTS[pageLanguage(request)];
    const body = html`<h1>${t.form.newTitle}</h1>
<p>${t.form.newIntro}</p>
${contactForm(app, request, pageLanguage(request), { values, errors })}`;
    return page(request, reply, errors ? `${t.errorLabel} ${t.form.newTitle}` : t.form.newTitle, body, status, [
      '/assets/contacts.js',
    ]);
  };

  const showEdit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    contact: Account,
    { values, errors, status, accessError }: FormPage,
  ) => {
    const lang = pageLanguage(request);
    const t = CONTACTS[lang];
    const owner = !actorOf(request.viewer!).subAccount;
    const invitation = owner && contact.access === 'invited' ? await openInvitation(app.ctx, contact.id) : null;
    const body = html`<h1>${t.form.editTitle}</h1>
<p class="lead"><strong>${contact.name}</strong> · ${t.form.handle} <code>${contact.handle}</code></p>
${noticeOf(request, lang)}
<p>${t.form.editIntro}</p>
${contactForm(app, request, lang, { contact, values, errors })}
${owner ? accessSection(app, request, contact, invitation, accessError) : ''}
<p class="delete-link"><a href="/contacts/${contact.id}/delete">${t.form.delete}</a></p>`;
    const title = `${contact.name} · ${t.form.editTitle}`;
    return page(request, reply, errors || accessError ? `${t.errorLabel} ${title}` : title, body, status, [
      '/assets/contacts.js',
    ]);
  };

  const showDelete = (
    request: FastifyRequest,
    reply: FastifyReply,
    contact: Account,
    refusal: Html | null,
    status = 200,
  ) => {
    const lang = pageLanguage(request);
    const t = CONTACTS[lang].del;
    const body = html`<h1>${t.title(contact.name)}</h1>
<p class="lead">${contact.name} · <code>${contact.handle}</code> · ${contact.email}</p>
${
  refusal
    ? html`<div class="notice error" role="alert" id="refusal"><p><strong>${t.refused}</strong></p><p>${refusal}</p></div>
<p><a href="/contacts/${contact.id}/edit">${CONTACTS[lang].list.edit} – ${contact.name}</a> · <a href="/contacts">${CONTACTS[lang].form.back}</a></p>`
    : html`<p>${t.consequences}</p>
${contact.access !== 'none' ? html`<p>${t.subAccount}</p>` : ''}
<div class="actions choices">
  <form method="post" action="/contacts/${contact.id}/delete?lang=${lang}">
    ${csrfField(app, request)}
    <button type="submit" class="danger">${t.confirm}</button>
  </form>
  <a class="back" href="/contacts/${contact.id}/edit">${t.cancel}</a>
</div>`
}`;
    return page(request, reply, t.title(contact.name), body, status);
  };

  app.get('/contacts', route, async (request, reply) => {
    const lang = pageLanguage(request);
    const t = CONTACTS[lang].list;
    const contacts = await listContacts(app.ctx, request.viewer!);
    const expiries = new Map(
      await Promise.all(
        contacts
          .filter((c) => c.access === 'invited')
          .map(async (c) => [c.id, (await openInvitation(app.ctx, c.id))?.expiresAt ?? null] as const),
      ),
    );
    const body = html`<h1>${t.title}</h1>
${noticeOf(request, lang)}
<p>${t.intro}</p>
<p><a class="button" href="/contacts/new">${t.add}</a></p>
${
  contacts.length
    ? html`<div class="table-wrap" role="region" aria-labelledby="contacts-caption" tabindex="0"><table class="contacts">
  <caption id="contacts-caption" class="vh">${t.caption}</caption>
  <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.handle}</th><th scope="col">${t.email}</th><th scope="col">${t.phone}</th>
    <th scope="col">${t.company}</th><th scope="col">${t.categories}</th><th scope="col">${t.access}</th><th scope="col"><span class="vh">${t.actions}</span></th></tr></thead>
  <tbody>${contacts.map((c) => row(c, expiries.get(c.id) ?? null, lang))}</tbody>
</table></div>`
    : html`<p class="notice">${t.empty}</p>`
}`;
    return page(request, reply, t.title, body);
  });

  app.get('/contacts/new', route, async (request, reply) => {
    requireContacts(request.viewer!);
    return showNew(request, reply, { values: emptyValues(pageLanguage(request)) });
  });

  app.post('/contacts', post, async (request, reply) => {
    const lang = pageLanguage(request);
    requireContacts(request.viewer!);
    const values = readForm(request.body, lang);
    const { data, errors } = validate(values, lang);
    if (errors) return showNew(request, reply, { values, errors, status: 422 });
    try {
      await createContact(app.ctx, request.viewer!, data);
    } catch (err) {
      const fieldErrors = problemErrors(err, values, lang);
      if (!fieldErrors) throw err;
      return showNew(request, reply, { values, errors: fieldErrors, status: (err as Problem).status });
    }
    return reply.redirect(there(request, '/contacts', 'added'), 303);
  });

  // As one types: the same schema as on save, which checks again; the answer is a message per field, translated.
  app.post('/contacts/check', post, async (request, reply) => {
    const lang = pageLanguage(request);
    requireContacts(request.viewer!);
    const { errors = {} } = validate(readForm(request.body, lang), lang);
    delete errors.general;
    return reply.header('cache-control', 'no-store').send({ fields: errors });
  });

  app.get('/contacts/:id/edit', route, async (request, reply) => {
    const contact = await getContact(app.ctx, request.viewer!, contactId(request));
    return showEdit(request, reply, contact, { values: valuesOf(contact) });
  });

  app.post('/contacts/:id', post, async (request, reply) => {
    const lang = pageLanguage(request);
    const contact = await getContact(app.ctx, request.viewer!, contactId(request));
    const values = readForm(request.body, lang);
    const { data, errors } = validate(values, lang);
    if (errors) return showEdit(request, reply, contact, { values, errors, status: 422 });
    try {
      await updateContact(app.ctx, request.viewer!, contact.id, data);
    } catch (err) {
      const fieldErrors = problemErrors(err, values, lang);
      if (!fieldErrors) throw err;
      return showEdit(request, reply, contact, { values, errors: fieldErrors, status: (err as Problem).status });
    }
    return reply.redirect(there(request, '/contacts', 'saved'), 303);
  });

  app.get('/contacts/:id/delete', route, async (request, reply) => {
    const contact = await getContact(app.ctx, request.viewer!, contactId(request));
    // Said before the person clicks; the delete checks again, as something may change meanwhile.
    const blocked = await whyNotDelete(app.ctx, contact);
    return showDelete(
      request,
      reply,
      contact,
      blocked ? await refusalText(app, blocked, contact, pageLanguage(request)) : null,
    );
  });

  app.post('/contacts/:id/delete', post, async (request, reply) => {
    const contact = await getContact(app.ctx, request.viewer!, contactId(request));
    try {
      await deleteContact(app.ctx, request.viewer!, contact.id);
    } catch (err) {
      if (!(err instanceof Problem) || (err.status !== 409 && err.status !== 403)) throw err;
      return showDelete(
        request,
        reply,
        contact,
        await refusalText(app, err, contact, pageLanguage(request)),
        err.status,
      );
    }
    return reply.redirect(there(request, '/contacts', 'deleted'), 303);
  });

  accessRoutes(
    app,
    async (request, reply, id, options) => {
      const contact = await getContact(app.ctx, request.viewer!, id);
      return showEdit(request, reply, contact, { values: valuesOf(contact), ...options });
    },
    there,
  );
}
