import type { FastifyReply } from 'fastify';
import { escapeHtml } from '../../emails/html.js';

// One escaping for emails and pages.
export { escapeHtml };

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}
/** Marks text that is already safe HTML. */
export const raw = (value: string) => new Html(value);

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const part = (v: unknown): string =>
    v instanceof Html
      ? v.value
      : Array.isArray(v)
        ? v.map(part).join('')
        : v === null || v === undefined || v === false
          ? ''
          : escapeHtml(String(v));
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}

/** Pages that handle tokens: never cached, never framed, never leaking a Referer. */
export function sendSensitivePage(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-security-policy',
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    .send(body);
}
