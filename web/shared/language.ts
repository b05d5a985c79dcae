import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LANGUAGES, type Language } from '../../domain/contact-change.js';
import { sameSitePath } from '../../domain/redirects.js';

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

/** The page's ?lang, when the link had one: the forms and the redirect after an action keep it. */
export function askedLanguage(request: FastifyRequest): Language | null {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  return isLanguage(asked) ? asked : null;
}

/** A path of this site, with the page's ?lang when the link had one. */
export function keepingLanguage(request: FastifyRequest, path: string): string {
  const lang = askedLanguage(request);
  return lang ? `${path}${path.includes('?') ? '&' : '?'}lang=${lang}` : path;
}

/** Only paths of this site (resolved against PUBLIC_BASE_URL): never an open redirect; else `fallback`. */
export const safeNext = (next: unknown, baseUrl: string, fallback = '/services') =>
  sameSitePath(next, baseUrl) ?? fallback;

export default async function languageSwitch(app: FastifyInstance) {
  app.get('/lang/:code', { schema: { hide: true } }, async (request, reply) => {
    const { code } = request.params as { code: string };
    if (isLanguage(code)) reply.setCookie(LANGUAGE_COOKIE, code, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 });
    const next = (request.query as { next?: unknown }).next;
    return reply.redirect(safeNext(next, app.ctx.config.publicBaseUrl, '/'), 303);
  });
}
