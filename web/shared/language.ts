import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LANGUAGES, type Language } from '../../domain/contact-change.js';

export const LANGUAGE_COOKIE = 'cs_lang';
const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The link's `?lang`, else the switcher's choice, else the account's preference, else the browser's. */
export function pageLanguage(request: FastifyRequest): Language {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (isLanguage(asked)) return asked;
  const chosen = request.cookies?.[LANGUAGE_COOKIE];
  if (isLanguage(chosen)) return chosen;
  if (request.viewer) return request.viewer.language;
  const header = request.headers['accept-language'] ?? '';
  const found = header
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find(isLanguage);
  return found ?? 'en';
}

/** Only paths of this site: never an open redirect. */
export const safeNext = (next: unknown, fallback = '/services') =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : fallback;

export default async function languageSwitch(app: FastifyInstance) {
  app.get('/lang/:code', { schema: { hide: true } }, async (request, reply) => {
    const { code } = request.params as { code: string };
    if (isLanguage(code)) reply.setCookie(LANGUAGE_COOKIE, code, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 });
    return reply.redirect(safeNext((request.query as { next?: unknown }).next, '/'), 303);
  });
}
