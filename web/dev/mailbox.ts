import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { MAILBOX } from './copy/index.js';
import { escapeHtml, html, raw, type Html } from '../shared/html.js';
import { pageLanguage } from '../shared/language.js';
import { renderPage, time } from '../shared/layout.js';

/** Escapes the text part, then turns its addresses into links so a newcomer can click through the flow. */
const linkify = (text: string): Html =>
  raw(escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`));

/** The development mailbox, on only when no email provider is configured: what each recipient would receive. */
export default fp(
  async (app: FastifyInstance) => {
    const mailbox = app.mailbox;
    if (!mailbox) return;

    app.get('/dev/mailbox', { schema: { hide: true } }, async (request, reply) => {
      const lang = pageLanguage(request);
      const t = MAILBOX[lang];
      const emails = await mailbox.list();
      const rows = emails.map(
        (e) =>
          html`<tr><td>${time(e.sentAt, lang, request.viewer?.timeZone)}</td><td>${e.to}</td><td><a href="/dev/mailbox/${e.id}">${e.subject}</a></td></tr>`,
      );
      const body = html`<h1>${t.title}</h1>
<p class="hint">${t.intro}</p>
${emails.length ? html`<table><thead><tr><th scope="col">${t.sent}</th><th scope="col">${t.to}</th><th scope="col">${t.subject}</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="notice">${t.empty}</p>`}`;
      return renderPage(app, request, reply, { title: t.title, body, section: 'mailbox' });
    });

    app.get('/dev/mailbox/:id', { schema: { hide: true } }, async (request, reply) => {
      const lang = pageLanguage(request);
      const t = MAILBOX[lang];
      const email = await mailbox.read((request.params as { id: string }).id);
      if (!email) {
        return renderPage(app, request, reply, {
          status: 404,
          title: t.missing,
          section: 'mailbox',
          body: html`<p class="notice error">${t.missing}</p><p><a href="/dev/mailbox">${t.back}</a></p>`,
        });
      }
      const body = html`<p><a href="/dev/mailbox">← ${t.back}</a> · <a href="/dev/mailbox/${email.id}/html">${t.htmlVersion}</a></p>
<h1>${email.subject}</h1>
<dl><dt>${t.from}</dt><dd>${email.from}</dd><dt>${t.to}</dt><dd>${email.to}</dd><dt>${t.sent}</dt><dd>${time(email.sentAt, lang, request.viewer?.timeZone)}</dd></dl>
<pre>${linkify(email.text)}</pre>`;
      return renderPage(app, request, reply, { title: email.subject, body, section: 'mailbox' });
    });

    app.get('/dev/mailbox/:id/html', { schema: { hide: true } }, async (request, reply) => {
      const email = await mailbox.read((request.params as { id: string }).id);
      if (!email) return reply.code(404).send();
      return reply
        .headers({
          'cache-control': 'no-store',
          'content-security-policy':
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
        })
        .type('text/html; charset=utf-8')
        .send(email.html);
    });
  },
  { name: 'mailbox', decorators: { fastify: ['ctx'] } },
);
