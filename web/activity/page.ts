import type { FastifyInstance } from 'fastify';
import { ACTIVITY_TYPES, accountActivity, type ActivityType } from '../../accounts/activity.js';
import type { Language } from '../../domain/contact-change.js';
import type { AccountEvent } from '../../db/schema.js';
import { html, type Html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage, time } from '../shared/layout.js';
import { ACTIVITY } from './copy/index.js';

export const ACTIVITY_PATH = '/account/activity';
const PAGE_SIZE = 50;

const isActivityType = (type: string): type is ActivityType => (ACTIVITY_TYPES as readonly string[]).includes(type);

/** What happened, in the reader's language, with the name of what it concerns when the detail holds one. */
export function describeEvent(event: Pick<AccountEvent, 'type' | 'detail'>, lang: Language): string {
  const t = ACTIVITY[lang];
  const what = isActivityType(event.type) ? t.types[event.type] : t.other;
  const name = event.detail?.name;
  return typeof name === 'string' && name ? t.named(what, name) : what;
}

function row(event: AccountEvent, lang: Language, timeZone: string | null): Html {
  const t = ACTIVITY[lang];
  return html`<tr>
    <td data-label="${t.when}">${time(event.at, lang, timeZone)}</td>
    <td data-label="${t.what}">${describeEvent(event, lang)}</td>
    <td data-label="${t.address}">${event.ip ?? t.unknown}</td>
    <td class="browser" data-label="${t.browser}">${event.userAgent ?? t.unknown}</td>
  </tr>`;
}

/** My account activity: each event in the reader's language, with its date, address and browser; 50 a page. */
export default async function activityPage(app: FastifyInstance) {
  app.get(ACTIVITY_PATH, { onRequest: app.requireViewer, schema: { hide: true } }, async (request, reply) => {
    const lang = pageLanguage(request);
    const t = ACTIVITY[lang];
    const asked = Number((request.query as { before?: unknown }).before);
    const before = Number.isSafeInteger(asked) && asked > 0 ? asked : undefined;
    const { events, nextBefore } = await accountActivity(app.ctx, request.viewer!.id, { limit: PAGE_SIZE, before });
    const table = events.length
      ? html`<table class="activity stack">
  <caption class="hint">${t.caption}</caption>
  <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.what}</th><th scope="col">${t.address}</th><th scope="col">${t.browser}</th></tr></thead>
  <tbody>${events.map((event) => row(event, lang, request.viewer!.timeZone))}</tbody>
</table>`
      : html`<p class="notice">${t.empty}</p>`;
    const pager = [
      before ? html`<a href="${ACTIVITY_PATH}">${t.newest}</a>` : '',
      nextBefore ? html`<a href="${ACTIVITY_PATH}?before=${nextBefore}" rel="next">${t.older}</a>` : '',
    ];
    const body = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
${table}
<nav class="pager" aria-label="${t.title}">${pager}</nav>
<p><a href="/profile">${t.back}</a></p>`;
    return renderPage(app, request, reply, {
      title: t.title,
      body,
      section: 'profile',
      styles: ['/assets/account-pages.css'],
    });
  });
}
