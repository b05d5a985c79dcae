import type { FastifyInstance } from 'fastify';
import { ROLES, type Language, type Role } from '../../domain/contact-change.js';
import { actorOf, mayChangeRoles } from '../../domain/access.js';
import type { Account } from '../../db/schema.js';
import { myServices, type ServiceSummary } from '../../services/services.js';
import { kindName, referenceLabel, roleLabel, roleList } from '../shared/names.js';
import { SERVICES } from './copy/index.js';
import { html, type Html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage } from '../shared/layout.js';

type Row = ServiceSummary;

function person(row: Row, id: string, viewer: Account, lang: Language): Html {
  const p = row.people.get(id);
  if (!p) return html``;
  return html`${p.name} (${p.handle})${p.id === viewer.id ? html` <span class="badge">${SERVICES[lang].list.you}</span>` : ''}`;
}

function pendingList(row: Row, lang: Language): Html {
  const t = SERVICES[lang].list;
  const byChange = new Map<string, Role[]>();
  for (const { role, changeId } of row.pendingChanges)
    byChange.set(changeId, [...(byChange.get(changeId) ?? []), role as Role]);
  if (byChange.size === 0) return html`${t.none}`;
  const items = [...byChange].map(
    ([changeId, roles]) =>
      html`<li><a href="/requests/${changeId}">${t.pendingLink(
        roleList(
          ROLES.filter((r) => roles.includes(r)),
          lang,
        ),
      )}</a> <span class="ref">(${referenceLabel(lang)} <code>${changeId}</code>)</span></li>`,
  );
  return html`<ul class="plain">${items}</ul>`;
}

function serviceCard(row: Row, viewer: Account, lang: Language): Html {
  const t = SERVICES[lang].list;
  const { service } = row;
  const contact = { admin: service.adminId, tech: service.techId, billing: service.billingId };
  const mayChange = ROLES.some((role) => mayChangeRoles(actorOf(viewer), service, [role]));
  return html`<li><article class="service" aria-labelledby="service-${service.id}">
  <h2 id="service-${service.id}">${service.name}</h2>
  <dl>
    <dt>${t.kind}</dt><dd>${kindName(service.kind, lang)}</dd>
    <dt>${t.holder}</dt><dd>${person(row, service.holderId, viewer, lang)}</dd>
    ${ROLES.map((role) => html`<dt>${roleLabel(role, lang)}</dt><dd>${person(row, contact[role], viewer, lang)}</dd>`)}
    <dt>${t.pending}</dt><dd>${pendingList(row, lang)}</dd>
  </dl>
  ${mayChange ? html`<p><a href="/services/${service.id}/change">${t.change}<span class="vh"> – ${service.name}</span></a></p>` : ''}
</article></li>`;
}

export default async function servicesPage(app: FastifyInstance) {
  app.get('/services', { onRequest: app.requireViewer, schema: { hide: true } }, async (request, reply) => {
    const lang = pageLanguage(request);
    const t = SERVICES[lang].list;
    const viewer = request.viewer!;
    const rows = await myServices(app.ctx, viewer);
    const { intro, empty } = viewer.keptById ? t.subAccount : t;
    const body = html`<h1>${t.title}</h1>
<p>${intro}</p>
${rows.length ? html`<ul class="services">${rows.map((row) => serviceCard(row, viewer, lang))}</ul>` : html`<p class="notice">${empty}</p>`}`;
    return renderPage(app, request, reply, {
      title: t.title,
      body,
      section: 'services',
      styles: ['/assets/services.css'],
    });
  });
}
