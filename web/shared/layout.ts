import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, can } from '../../domain/access.js';
import { LANGUAGES, type Language } from '../../domain/contact-change.js';
import { formatDate } from '../../i18n/format.js';
import { COMMON } from './copy/index.js';
import { clearFlash, flashText, refusalOf, type FlashWords } from './flash.js';
import { refusalWords } from './problems/waits.js';
import { escapeHtml, html, sendSensitivePage, type Html } from './html.js';
import { pageLanguage } from './language.js';

export type Section = 'services' | 'requests' | 'contacts' | 'profile' | 'support' | 'mailbox' | null;

export interface PageOptions {
  title: string;
  body: Html;
  status?: number;
  section?: Section;
  /** Scripts of this site only, e.g. /assets/requests.js; linked by their fingerprinted name (assets.ts). */
  scripts?: string[];
  /** Extra stylesheets of this site, e.g. /assets/requests.css; linked likewise. */
  styles?: string[];
  /** The messages an action that redirects here may leave (flash.ts); shown once, above the body. */
  flash?: FlashWords;
}

function header(app: FastifyInstance, request: FastifyRequest, lang: Language, section: Section): Html {
  const t = COMMON[lang];
  const viewer = request.viewer;
  const actor = viewer ? actorOf(viewer) : null;
  const link = (href: string, label: string, name: Section) =>
    html`<a href="${href}"${section === name ? html` aria-current="page"` : ''}>${label}</a>`;
  const here = encodeURIComponent(request.url.replace(/([?&])lang=[a-z]{2}&?/, '$1').replace(/[?&]$/, ''));
  const languages = LANGUAGES.map(
    (code) =>
      html`<a href="/lang/${code}?next=${here}" lang="${code}" hreflang="${code}"${code === lang ? html` aria-current="true"` : ''}>${COMMON[code].languageName}</a>`,
  );
  return html`<a class="skip" href="#main">${t.skip}</a>
<header class="top">
  <a class="brand" href="/">Countersign</a>
  ${
    viewer
      ? html`<nav class="sections" aria-label="Countersign">
    ${link('/services', t.nav.services, 'services')}
    ${link('/requests', t.nav.requests, 'requests')}
    ${actor && !actor.support && can(actor, 'contacts') ? link('/contacts', t.nav.contacts, 'contacts') : ''}
    ${link('/profile', t.nav.profile, 'profile')}
    ${viewer.role === 'support' ? link('/support', t.nav.support, 'support') : ''}
    ${app.mailbox ? link('/dev/mailbox', t.nav.mailbox, 'mailbox') : ''}
  </nav>`
      : ''
  }
  <nav class="langs" aria-label="${t.nav.language}">${languages}</nav>
  ${
    viewer
      ? html`<form class="who" method="post" action="/signout">
    <span>${t.nav.signedInAs} <strong>${viewer.name}</strong> (${viewer.handle})</span>
    <input type="hidden" name="_csrf" value="${app.csrfToken(request)}">
    <button type="submit" class="link">${t.nav.signOut}</button>
  </form>`
      : ''
  }
  ${request.areaKeeper ? html`<p class="area">${t.nav.actingIn(`${request.areaKeeper.name} (${request.areaKeeper.handle})`)}</p>` : ''}
</header>`;
}

/** A page of the site: header with navigation and language switcher, then the body; never cached, never framed. */
export function renderPage(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, options: PageOptions) {
  const lang = pageLanguage(request);
  const scripts = ['/assets/local-time.js', ...(options.scripts ?? [])].map(app.assetUrl);
  const styles = ['/assets/style.css', '/assets/narrow.css', ...(options.styles ?? [])].map(app.assetUrl);
  const flash = flashText(request, options.flash);
  const refused = refusalOf(request);
  clearFlash(request, reply);
  const document = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)} · Countersign</title>
${styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
</head>
<body>
${header(app, request, lang, options.section ?? null).value}
<main id="main" tabindex="-1">
${flash ? html`<p class="notice ok" role="status" id="flash">${flash}</p>\n`.value : ''}${refused ? html`<p class="notice error" role="alert" id="flash">${options.flash?.refusals?.[refused.code] ?? refusalWords(refused.code, refused.count, lang)}</p>\n`.value : ''}${options.body.value}
</main>
${scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n')}
</body>
</html>`;
  return sendSensitivePage(reply, options.status ?? 200, document);
}

/** A form's hidden CSRF field, for every POST a signed-in person makes. */
export const csrfField = (app: FastifyInstance, request: FastifyRequest): Html =>
  html`<input type="hidden" name="_csrf" value="${app.csrfToken(request)}">`;

/**
 * A date that the reader's browser shows in its own time zone, naming it (assets/local-time.js); without
 * JavaScript, in the account's time zone if known, else in UTC, naming it as well.
 */
export const time = (date: Date | string | null, lang: Language, timeZone?: string | null): Html => {
  if (!date) return html``;
  const d = new Date(date);
  return html`<time datetime="${d.toISOString()}" data-lang="${lang}">${formatDate(d, lang, timeZone)}</time>`;
};
