import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { escapeHtml, html, page, raw, type Html } from './html.js';

/** Escapes the text part, then turns its addresses into links so a newcomer can click through the flow. */
const linkify = (text: string): Html =>
  raw(escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`));

/** The development mailbox, on only when no email provider is configured: what each recipient would receive. */
export default fp(async (app: FastifyInstance) => {
  const mailbox = app.mailbox;
  if (!mailbox) return;
  const headers = { 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'" };

  app.get('/dev/mailbox', { schema: { hide: true } }, async (_request, reply) => {
    const emails = await mailbox.list();
    const rows = emails.map((e) => html`<tr><td>${new Date(e.sentAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC</td><td>${e.to}</td><td><a href="/dev/mailbox/${e.id}">${e.subject}</a></td></tr>`);
    const body = html`<h1>Development mailbox</h1>
<p class="hint">No email provider is configured (RESEND_API_KEY is unset), so emails land here instead. Newest first.</p>
${emails.length ? html`<table><thead><tr><th>Sent</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="notice">No email yet. Start a contact change and its emails appear here.</p>`}`;
    return reply.headers(headers).type('text/html; charset=utf-8').send(page('en', 'Mailbox', body));
  });

  app.get('/dev/mailbox/:id', { schema: { hide: true } }, async (request, reply) => {
    const email = await mailbox.read((request.params as { id: string }).id);
    if (!email) return reply.code(404).headers(headers).type('text/html; charset=utf-8').send(page('en', 'Not found', html`<h1>No such email</h1><p><a href="/dev/mailbox">Back to the mailbox</a></p>`));
    const body = html`<p><a href="/dev/mailbox">← Mailbox</a> · <a href="/dev/mailbox/${email.id}/html">HTML version</a></p>
<h1>${email.subject}</h1>
<dl><dt>From</dt><dd>${email.from}</dd><dt>To</dt><dd>${email.to}</dd><dt>Sent</dt><dd>${email.sentAt}</dd></dl>
<pre>${linkify(email.text)}</pre>`;
    return reply.headers(headers).type('text/html; charset=utf-8').send(page('en', email.subject, body));
  });

  app.get('/dev/mailbox/:id/html', { schema: { hide: true } }, async (request, reply) => {
    const email = await mailbox.read((request.params as { id: string }).id);
    if (!email) return reply.code(404).send();
    return reply.headers({ ...headers, 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" })
      .type('text/html; charset=utf-8').send(email.html);
  });
}, { name: 'mailbox', dependencies: ['context'] });
