import type { Harness } from './harness.js';

export type Fields = Record<string, string | string[]>;

/**
 * The pages as a browser asks for them: with the session cookie, and a form posted with the CSRF field of
 * `csrfPage` (a page showing a form), unless `csrf` is false or is the field's value itself. `harness` gives the
 * file's harness once its beforeAll has started it.
 */
export function formPages(harness: () => Harness, csrfPage: string) {
  const get = (url: string, cookie?: string) =>
    harness().app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  async function csrfOf(cookie: string) {
    return /name="_csrf" value="([^"]+)"/.exec((await get(csrfPage, cookie)).body)![1]!;
  }

  async function post(url: string, cookie: string | undefined, fields: Fields = {}, csrf: boolean | string = true) {
    const body = new URLSearchParams();
    if (csrf && cookie) body.append('_csrf', typeof csrf === 'string' ? csrf : await csrfOf(cookie));
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
    return harness().app.inject({
      method: 'POST',
      url,
      headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  }

  return { get, post };
}

/**
 * The cookies a browser sends to the page an action redirected to: the session's, and the message the action left
 * for that page (web/shared/flash.ts), which the page shows once.
 */
export function withFlash(cookie: string, res: { cookies: { name: string; value: string }[] }): string {
  const flash = res.cookies.find((c) => c.name.endsWith('cs_flash'));
  return flash ? `${cookie}; ${flash.name}=${flash.value}` : cookie;
}
