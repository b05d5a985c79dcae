import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEMS, type ProblemCode } from '../../core/problems.js';

/**
 * A message shown once, on the page an action redirects to (post/redirect/get): the POST sets a short-lived cookie,
 * the next page rendered reads it and takes it away, so a reload, Back or Forward shows it no more.
 *
 * The cookie carries only a key, "area.name", never words, a person's data or a code; the page that shows it looks the
 * key up among its own words (its copy files), and shows nothing for a key it does not know. A refused one-button
 * action leaves "problem.<problem code>", with at most one small whole number after it ("problem.resendTooSoon.42",
 * the seconds to wait): any page words it from the code (problems/), the number read only as up to five digits.
 *
 * It is not signed: a forged key can only make one's own browser show one of our own fixed messages (with a number of
 * at most five digits), and under https the `__Host-` name keeps other hosts of the domain from setting it.
 */

const KEY = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*(\.\d{1,5})?$/;
/** The area of refusals, which every page shows. */
const REFUSED = 'problem';
const MAX_COUNT = 99_999;
/** Long enough for the redirect to be followed, short enough not to greet someone much later. */
const MAX_AGE_SECONDS = 60;

const secureOf = (app: FastifyInstance) => app.ctx.config.publicBaseUrl.startsWith('https://');
const nameOf = (secure: boolean) => (secure ? '__Host-cs_flash' : 'cs_flash');
const options = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure });

/** The words of the messages a page may show: its area and, per name, the text in the page's language. */
export interface FlashWords {
  area: string;
  words: Readonly<Record<string, string>>;
  /** The page's own words for some refusals, said instead of the shared ones (problems/). */
  refusals?: Readonly<Partial<Record<ProblemCode, string>>>;
}

/** After an action: what happened, said on the next page. */
export function setFlash(reply: FastifyReply, area: string, name: string): void {
  const secure = secureOf(reply.server);
  reply.setCookie(nameOf(secure), `${area}.${name}`, { ...options(secure), maxAge: MAX_AGE_SECONDS });
}

/** After a refused action: why, said on the page it came from; `count` is a fact the words need (seconds to wait). */
export function setRefusal(reply: FastifyReply, code: ProblemCode, count?: number): void {
  const secure = secureOf(reply.server);
  const fact = Number.isSafeInteger(count) && count! >= 0 && count! <= MAX_COUNT ? `.${String(count)}` : '';
  reply.setCookie(nameOf(secure), `${REFUSED}.${code}${fact}`, { ...options(secure), maxAge: MAX_AGE_SECONDS });
}

/** The message's name waiting for this area, if any; the page that is rendered takes it away (`clearFlash`). */
export function flashOf(request: FastifyRequest, area: string): string | null {
  if (request.method !== 'GET') return null;
  // A URL Fastify could not route reaches the error page before any cookie is parsed.
  const value = request.cookies?.[nameOf(secureOf(request.server))];
  if (!value || !KEY.test(value)) return null;
  const [of, name] = value.split('.');
  return of === area ? (name ?? null) : null;
}

/** The refusal waiting, if any: a problem code we have, and its number when the action gave one. */
export function refusalOf(request: FastifyRequest): { code: ProblemCode; count: number | null } | null {
  const code = flashOf(request, REFUSED);
  if (code === null || !Object.hasOwn(PROBLEMS, code)) return null;
  const count = request.cookies[nameOf(secureOf(request.server))]!.split('.')[2];
  return { code: code as ProblemCode, count: count === undefined ? null : Number(count) };
}

/** The words of the waiting message, when the page knows it. */
export function flashText(request: FastifyRequest, flash: FlashWords | undefined): string | null {
  if (!flash) return null;
  const name = flashOf(request, flash.area);
  return name !== null && Object.hasOwn(flash.words, name) ? (flash.words[name] ?? null) : null;
}

/** Said once: a page rendered takes the message away, shown or not. */
export function clearFlash(request: FastifyRequest, reply: FastifyReply): void {
  const secure = secureOf(reply.server);
  if (request.cookies?.[nameOf(secure)] !== undefined) reply.clearCookie(nameOf(secure), options(secure));
}
