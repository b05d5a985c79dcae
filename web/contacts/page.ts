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
import { pendingAddress } from '../../accounts/email-changes.js';
import { openInvitation } from '../../accounts/invitations.js';
import { Problem } from '../../core/problems.js';
import { requesterOf } from '../../core/requester.js';
import { actorOf } from '../../domain/access.js';
import type { Account } from '../../db/schema.js';
import { pendingEmailNotice, withdrawForm, withdrawnNotice } from '../address/parts.js';
import { accessRoutes, accessSection } from './access.js';
import { contactForm, emptyValues, problemErrors, readForm, validate, valuesOf } from './form.js';
import { CONTACTS } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { csrfField, renderPage } from '../shared/layout.js';
import { styles, contactId, there, notices, row, FormPage, refusalText } from './parts.js';

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
  ) =>
    renderPage(app, request, reply, {
      title,
      body,
      status,
      section: 'contacts',
      styles,
      scripts,
      flash: notices(pageLanguage(request)),
    });

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
    // A sub-account's new address waits for its confirmation; the holder may withdraw it.
    const pending = owner && contact.access !== 'none' ? await pendingAddress(app.ctx, contact.id) : null;
    const body = html`<h1>${t.form.editTitle}</h1>
<p class="lead"><strong>${contact.name}</strong> · ${t.form.handle} <code>${contact.handle}</code></p>
${withdrawnNotice(request, lang)}
<p>${t.form.editIntro}</p>
${pendingEmailNotice(lang, pending, request.viewer?.timeZone)}
${contactForm(app, request, lang, { contact, values, errors })}
${withdrawForm(app, request, lang, pending, contact.id)}
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
<p>${t.intro}</p>
<p><a class="button" href="/contacts/new">${t.add}</a></p>
${
  contacts.length
    ? html`<div class="table-wrap" role="region" aria-labelledby="contacts-caption" tabindex="0"><table class="contacts stack">
  <caption id="contacts-caption" class="vh">${t.caption}</caption>
  <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.handle}</th><th scope="col">${t.email}</th><th scope="col">${t.phone}</th>
    <th scope="col">${t.company}</th><th scope="col">${t.categories}</th><th scope="col">${t.access}</th><th scope="col"><span class="vh">${t.actions}</span></th></tr></thead>
  <tbody>${contacts.map((c) => row(c, expiries.get(c.id) ?? null, lang, request.viewer?.timeZone))}</tbody>
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
    return reply.redirect(there(request, reply, '/contacts', 'added'), 303);
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
    let waiting = false;
    try {
      waiting = !!(await updateContact(app.ctx, request.viewer!, contact.id, data, requesterOf(request))).emailChange;
    } catch (err) {
      const fieldErrors = problemErrors(err, values, lang);
      if (!fieldErrors) throw err;
      return showEdit(request, reply, contact, { values, errors: fieldErrors, status: (err as Problem).status });
    }
    // A new address that waits for its confirmation is shown where it can be withdrawn.
    return reply.redirect(there(request, reply, waiting ? `/contacts/${contact.id}/edit` : '/contacts', 'saved'), 303);
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
    return reply.redirect(there(request, reply, '/contacts', 'deleted'), 303);
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
