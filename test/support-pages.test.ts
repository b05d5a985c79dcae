import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitFor, type Harness, type TestAccount } from './support/harness.js';
import { withFlash } from './support/pages.js';

let h: Harness;
let short: Harness;
let sam: TestAccount;
let samCookie: string;
beforeAll(async () => {
  [h, short] = await Promise.all([startHarness(), startHarness({ ttl: '5s' })]);
  sam = await h.account('Sam', 'en', 'support');
  samCookie = await h.signIn(sam);
});
afterAll(async () => {
  await Promise.all([h?.close(), short?.close()]);
});

const get = (harness: Harness, url: string, cookie: string) =>
  harness.app.inject({ method: 'GET', url, headers: { cookie } });
const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1]!;
const utcField = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** Posts a console form the way a browser would, CSRF field included unless `csrf` is false. */
async function post(harness: Harness, url: string, cookie: string, fields: Record<string, string>, csrf = true) {
  const form = new URLSearchParams(fields);
  if (csrf) form.set('_csrf', csrfIn((await get(harness, '/support', cookie)).body));
  return harness.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
}

/** The part of the console page under one heading. */
const section = (body: string, headingId: string) =>
  body.slice(body.indexOf(`id="${headingId}"`), body.indexOf('</section>', body.indexOf(`id="${headingId}"`)));

describe('the support console', () => {
  it('lists a request whose email failed among the stuck ones, above the search, with why and since when', async () => {
    const bob = await h.account('Bob', 'fr');
    h.resend.fail({ status: 422, name: 'validation_error', times: 1, to: bob.email });
    const alice = await h.account('Alice');
    const id = (await h.change(alice, (await h.service(alice)).id, ['tech'], bob)).json().id as string;
    const stuckRow = async () =>
      section((await get(h, '/support', samCookie)).body, 'stuck-heading')
        .split('<tr>')
        .find((r) => r.includes(id));
    const row = await waitFor(stuckRow, 10_000, 'the request to be listed as stuck');
    const page = await get(h, '/support', samCookie);
    expect(page.statusCode).toBe(200);
    expect(page.body.indexOf('id="stuck-heading"')).toBeLessThan(page.body.indexOf('id="search-heading"'));
    expect(row).toContain(
      'The email to the incoming contact failed: Resend 422 validation_error: simulated validation_error',
    );
    expect(row).toMatch(/\(Since <time datetime="[^"]+"/);

    const inFrench = await get(h, '/support?lang=fr', samCookie);
    expect(section(inFrench.body, 'stuck-heading')).toContain(
      'L’e-mail au contact entrant : en échec (Resend 422 validation_error: simulated validation_error)',
    );
  });

  it('walks the stuck requests by its Next page links, oldest first, each once, past pending ones not stuck', async () => {
    const made: { id: string; stuck: boolean }[] = [];
    for (const kind of ['s', 'n', 's', 's', 'n', 's'])
      made.push({ id: await h.asked({ emailFails: kind === 's' }), stuck: kind === 's' });
    const stuck = made.filter((m) => m.stuck).map((m) => m.id);
    const listed = (body: string) =>
      [...section(body, 'stuck-heading').matchAll(/href="\/support\/requests\/([^"]+)"/g)].map((m) => m[1]!);
    /** Each page from `url` on, as a reader clicking "Next page" (the href as a browser reads it) sees it. */
    const walk = async (url: string) => {
      const pages: { ids: string[]; body: string }[] = [];
      for (let next: string | undefined = url; next;) {
        const res = await get(h, next, samCookie);
        expect(res.statusCode).toBe(200);
        pages.push({ ids: listed(res.body), body: res.body });
        if (pages.length > 1000) throw new Error('the pages never end');
        next = /<a rel="next" href="([^"]+)"/.exec(section(res.body, 'stuck-heading'))?.[1]?.replaceAll('&amp;', '&');
      }
      return pages;
    };
    await waitFor(
      async () => {
        const seen = (await walk('/support?limit=50')).flatMap((p) => p.ids);
        return stuck.every((id) => seen.includes(id));
      },
      15_000,
      'the failed emails',
    );

    const pages = await walk('/support?limit=2&lang=fr');
    const seen = pages.flatMap((p) => p.ids);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => made.some((m) => m.id === id))).toEqual(stuck);
    expect(pages.filter((p) => p.ids.some((id) => stuck.includes(id))).length).toBeGreaterThanOrEqual(2);
    for (const page of pages.slice(0, -1)) expect(page.ids).toHaveLength(2);
    expect(pages[0]!.body).toContain('Page suivante →</a>');
    expect(pages[0]!.body).not.toContain('Première page');
    expect(pages.at(-1)!.body).not.toContain('Page suivante');
    expect(pages.at(-1)!.body).toContain('<a href="/support?limit=2&amp;lang=fr">← Première page</a>');

    // A link with a cursor the list never gave out (mistyped, or from an older version) opens the first page.
    const mistyped = await get(h, '/support?limit=2&lang=fr&cursor=not-a-cursor', samCookie);
    expect(mistyped.statusCode).toBe(200);
    expect(listed(mistyped.body)).toEqual(pages[0]!.ids);
  });

  it("finds a request by a handle, by its service's name and by its id, and says when nothing matches", async () => {
    const { id, bob, service } = await h.pending();
    for (const q of [bob.handle, service.name.toUpperCase().slice(0, 6), id]) {
      const results = section((await get(h, `/support?q=${encodeURIComponent(q)}`, samCookie)).body, 'search-heading');
      expect(results, q).toContain(`href="/support/requests/${id}"`);
    }
    const none = await get(h, '/support?q=no-such-thing-anywhere', samCookie);
    expect(none.body).toContain('No request matches “no-such-thing-anywhere”.');
  });

  it('is not there for a customer, not even the request pages', async () => {
    const { alice, id } = await h.pending();
    const cookie = await h.signIn(alice);
    for (const url of ['/support', `/support/requests/${id}`]) {
      const res = await get(h, url, cookie);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('rien que vous puissiez voir');
    }
    expect((await post(h, `/support/requests/${id}/cancel`, cookie, { reason: 'me' }, false)).statusCode).toBe(404);
    expect((await h.get(id, alice)).state).toBe('validatingByCustomers');
  });
});

describe("a request's support page", () => {
  it("shows each email's delivery and links to the workflow when the Temporal UI is configured", async () => {
    const bob = await h.account('Bob');
    h.resend.fail({ status: 422, name: 'validation_error', times: 1, to: bob.email });
    const alice = await h.account('Alice');
    const id = (await h.change(alice, (await h.service(alice)).id, ['tech'], bob)).json().id as string;
    await waitFor(
      async () => (await get(h, `/support/requests/${id}`, samCookie)).body.includes('event-emailFailed'),
      10_000,
      'the failed email',
    );
    // The same config object the server reads, as TEMPORAL_UI_URL would set it.
    h.config.temporal.uiUrl = 'http://temporal-ui.test';
    try {
      const page = await get(h, `/support/requests/${id}`, samCookie);
      const emails = section(page.body, 'emails-heading');
      expect(emails).toMatch(/outgoing contact \(alice-[^)]+\)[\s\S]*?sent/);
      expect(emails).toMatch(/incoming contact \(bob-[^)]+\)[\s\S]*?failed[\s\S]*?simulated validation_error/);
      expect(page.body).toContain(`href="http://temporal-ui.test/namespaces/default/workflows/contact-change-${id}"`);
    } finally {
      h.config.temporal.uiUrl = undefined;
    }
  });

  it('resends the emails with a reason, which the timeline shows', async () => {
    const { alice, bob, id } = await h.pending();
    await new Promise((r) => setTimeout(r, 1100));
    const res = await post(h, `/support/requests/${id}/resend`, samCookie, { reason: 'Bob lost the first email' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/support/requests/${id}`);
    await h.email(bob, (t) => t.includes(id), 2);

    const page = await get(h, res.headers.location!, withFlash(samCookie, res));
    expect(page.body).toContain('The emails were sent again.');
    const resent = section(page.body, 'timeline-heading')
      .split('<tr')
      .find((r) => r.includes('event-resent'))!;
    expect(resent).toContain(sam.handle);
    expect(resent).toContain('Bob lost the first email');
    expect((await h.get(id, alice)).timeline.find((e) => e.type === 'resent')?.detail).toMatchObject({
      reason: 'Bob lost the first email',
    });
  });

  it('refuses an action without a reason and does nothing: said once on the request, or next to a typed date', async () => {
    const { alice, bob, id } = await h.pending();
    await new Promise((r) => setTimeout(r, 1100));
    // Nothing typed to keep: back to the request's page, which asks for the reason once.
    const res = await post(h, `/support/requests/${id}/resend`, samCookie, { reason: '   ' });
    expect([res.statusCode, res.headers.location]).toEqual([303, `/support/requests/${id}`]);
    const told = await get(h, res.headers.location!, withFlash(samCookie, res));
    expect(told.body).toContain('<p class="notice error" role="alert" id="flash">Write why you do this.</p>');
    expect((await get(h, res.headers.location!, samCookie)).body).not.toContain('id="flash"');
    // A date typed for extend stays in its field, with the error next to the reason.
    const extend = await post(h, `/support/requests/${id}/extend`, samCookie, {
      reason: '',
      expiresAt: '2099-01-02T03:04',
    });
    expect(extend.statusCode).toBe(422);
    expect(extend.body).toContain('value="2099-01-02T03:04:00"');
    expect(extend.body).toMatch(
      /<textarea id="extend-reason"[^>]*aria-describedby="extend-reason-hint extend-reason-error"[^>]*aria-invalid="true"/,
    );
    expect(extend.body).toContain('<p class="field-error" id="extend-reason-error">Write why you do this.</p>');
    expect((await h.get(id, alice)).timeline.map((e) => e.type)).not.toContain('resent');
    expect(h.resend.to(bob.email).filter((e) => e.text.includes(id))).toHaveLength(1);
  });

  it("cancels with a reason; without the form's CSRF field it is refused and nothing changes", async () => {
    const { alice, id } = await h.pending();
    const forged = await post(h, `/support/requests/${id}/cancel`, samCookie, { reason: 'Asked by phone' }, false);
    expect(forged.statusCode).toBe(403);
    expect((await h.get(id, alice)).state).toBe('validatingByCustomers');

    expect((await post(h, `/support/requests/${id}/cancel`, samCookie, { reason: 'Asked by phone' })).statusCode).toBe(
      303,
    );
    const change = await h.get(id, alice);
    expect(change.state).toBe('aborted');
    expect(change.timeline.find((e) => e.detail?.state === 'aborted')?.detail).toMatchObject({
      reason: 'Asked by phone',
    });
  });
});

describe('extending the expiry from the console', () => {
  it('moves the expiry, and the request stays open past its first one until both accept', async () => {
    const supportStaff = await short.account('Sam', 'en', 'support');
    const cookie = await short.signIn(supportStaff);
    const { alice, id, aliceToken, bobToken } = await short.pending();
    const until = Date.now() + 60_000;
    // Typed in Paris in winter (UTC+1): the form says so in its zone field.
    const res = await post(short, `/support/requests/${id}/extend`, cookie, {
      expiresAt: utcField(until + 3_600_000),
      zone: '60',
      reason: 'Bob is travelling',
    });
    expect(res.statusCode).toBe(303);
    const extended = await short.get(id, alice);
    expect(extended.expiresAt).toBe(new Date(Math.floor(until / 1000) * 1000).toISOString());

    const firstExpiry = Date.parse(extended.createdAt as string) + 5000;
    await new Promise((r) => setTimeout(r, firstExpiry + 1000 - Date.now()));
    const later = await short.get(id, alice);
    expect(later.state).toBe('validatingByCustomers');
    expect(later.timeline.find((e) => e.type === 'extended')?.detail).toMatchObject({ reason: 'Bob is travelling' });
    await short.decide(id, 'accept', aliceToken);
    expect((await short.decide(id, 'accept', bobToken)).json().state).toBe('done');
  });

  it('says next to the date why a date is refused', async () => {
    const supportStaff = await short.account('Sam', 'fr', 'support');
    const cookie = await short.signIn(supportStaff);
    const { id } = await short.pending();
    const tooLate = await post(short, `/support/requests/${id}/extend`, cookie, {
      expiresAt: utcField(Date.now() + 40 * 86_400_000),
      reason: 'Vacances',
    });
    expect(tooLate.statusCode).toBe(422);
    expect(tooLate.body).toContain(
      '<p class="field-error" id="extend-expiresAt-error">La nouvelle expiration peut être au plus dans 30 jours.</p>',
    );
    const empty = await post(short, `/support/requests/${id}/extend`, cookie, { expiresAt: '', reason: '' });
    expect(empty.body).toContain('id="extend-expiresAt-error">Indiquez une date et une heure.</p>');
    expect(empty.body).toContain('id="extend-reason-error">Indiquez pourquoi vous le faites.</p>');
  });
});
