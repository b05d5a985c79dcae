import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, contactChanges } from '../db/schema.js';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';
import { withFlash } from './support/pages.js';

/** My requests and a request's page, as the server renders them. In a browser: in browser-changes.test.ts. */

let h: Harness;
// A resend cooldown long enough that a resend at once is too soon even on a loaded machine; the test then waits for
// as long as the page says.
beforeAll(async () => {
  h = await startHarness({ resendCooldown: '10s' });
});
afterAll(async () => {
  await h?.close();
});

const get = (url: string, cookie: string) => h.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, fields: Record<string, string>) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
const csrfIn = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
const unescape = (text: string) => text.replace(/&amp;/g, '&');
/** The list item of one request on "My requests", or null when the list does not show it. */
const rowOf = (page: string, id: string) => {
  const start = page.indexOf(`id="request-${id}"`);
  return start < 0 ? null : page.slice(start, page.indexOf('</li>', start));
};
/** Which of these requests the page lists, in the order it lists them. */
const listed = (page: string, ids: string[]) =>
  ids
    .filter((id) => rowOf(page, id))
    .sort((a, b) => page.indexOf(`id="request-${a}"`) - page.indexOf(`id="request-${b}"`));
const tokenFor = async (account: TestAccount, id: string) => tokenIn(await h.email(account, (t) => t.includes(id)));
const status = async (ids: string[], cookie: string) =>
  (await get(`/requests/status?ids=${ids.join(',')}`, cookie)).json() as {
    items: {
      id: string;
      state: string;
      final: boolean;
      progress: string;
      actions: { decide: boolean; manage: boolean };
    }[];
  };

async function ask(asker: TestAccount, serviceId: string, roles: string[], to: TestAccount) {
  const res = await h.change(asker, serviceId, roles, to);
  expect(res.statusCode).toBe(201);
  return (res.json() as { id: string }).id;
}

describe('My requests', () => {
  // Alice asks three changes of her domain (to Bob, Carol, Bob); Dave asks one that names Alice as incoming contact.
  let alice: TestAccount;
  let bob: TestAccount;
  let carol: TestAccount;
  let cookies: Record<'alice' | 'bob' | 'carol', string>;
  let r1: string;
  let r2: string;
  let r3: string;
  let d1: string;
  beforeAll(async () => {
    [alice, bob, carol] = await Promise.all([
      h.account('Alice', 'en'),
      h.account('Bob', 'en'),
      h.account('Carol', 'fr'),
    ]);
    const dave = await h.account('Dave', 'en');
    const service = await h.service(alice);
    r1 = await ask(alice, service.id, ['tech'], bob);
    r2 = await ask(alice, service.id, ['billing'], carol);
    r3 = await ask(alice, service.id, ['admin'], bob);
    d1 = await ask(dave, (await h.service(dave)).id, ['tech'], alice);
    expect((await h.decide(r1, 'accept', await tokenFor(alice, r1))).statusCode).toBe(200);
    cookies = { alice: await h.signIn(alice), bob: await h.signIn(bob), carol: await h.signIn(carol) };
  });

  it('sent and received tabs list the right requests, newest first, phrased for the reader', async () => {
    const all = [r1, r2, r3, d1];
    const sent = (await get('/requests?direction=sent', cookies.alice)).body;
    expect(listed(sent, all)).toEqual([r3, r2, r1]);
    expect(rowOf(sent, r1)).toContain(`Awaiting the reply of ${bob.handle}`);
    expect(rowOf(sent, r2)).toContain(`Awaiting your confirmation and the reply of ${carol.handle}`);
    expect(rowOf(sent, r1)).toContain(`action="/requests/${r1}/resend?lang=en"`);
    expect(rowOf(sent, r1)).not.toContain('/decision');
    expect(sent).toMatch(/<a href="\/requests\?direction=sent" aria-current="page">Sent<\/a>/);

    expect(listed((await get('/requests?direction=received', cookies.alice)).body, all)).toEqual([d1, r3, r2, r1]);
    const bobs = (await get('/requests?direction=received', cookies.bob)).body;
    expect(listed(bobs, all)).toEqual([r3, r1]);
    const bobsRow = rowOf(bobs, r1)!;
    expect(bobsRow).toContain('Awaiting your confirmation</dd>');
    expect(bobsRow).toContain(`<form method="post" action="/requests/${r1}/decision?lang=en"`);
    expect(bobsRow).toMatch(/<label for="token-[\w-]+">Your code/);
    expect(bobsRow).not.toContain('/resend');
    expect((await get('/requests?direction=sent', cookies.bob)).body).toContain('No request here.');
  });

  it('the state filter shows only requests in that state, with the state in words', async () => {
    const refused = await h.app.inject({
      method: 'POST',
      url: `/requests/${r3}/decision?lang=en`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token: await tokenFor(bob, r3), decision: 'refused' }).toString(),
    });
    expect(refused.statusCode).toBe(200);
    const only = (await get('/requests?direction=sent&state=refused', cookies.alice)).body;
    expect(rowOf(only, r3)).toContain('<span class="badge ended" data-field="state">Refused</span>');
    expect(rowOf(only, r3)).toContain(`Refused by ${bob.handle}; nothing changed.`);
    expect(rowOf(only, r3)).not.toContain('/resend');
    expect(listed(only, [r1, r2, r3])).toEqual([r3]);
    const open = (await get('/requests?direction=sent&state=validatingByCustomers', cookies.alice)).body;
    expect(listed(open, [r1, r2, r3])).toEqual([r2, r1]);
    expect(open).toContain('<option value="validatingByCustomers" selected>Awaiting the contacts</option>');
  });

  it('pages by cursor: older, then back to newer', async () => {
    const first = (await get('/requests?direction=sent&limit=2', cookies.alice)).body;
    expect(listed(first, [r1, r2, r3])).toEqual([r3, r2]);
    expect(first).not.toContain('rel="prev"');
    const older = unescape(/<a rel="next" href="([^"]+)"/.exec(first)![1]!);
    const second = (await get(older, cookies.alice)).body;
    expect(listed(second, [r1, r2, r3])).toEqual([r1]);
    expect(second).not.toContain('rel="next"');
    const newer = unescape(/<a rel="prev" href="([^"]+)"/.exec(second)![1]!);
    expect(listed((await get(newer, cookies.alice)).body, [r1, r2, r3])).toEqual([r3, r2]);
  });

  it('shows each person the page in their language', async () => {
    const carols = (await get('/requests', cookies.carol)).body;
    expect(carols).toContain('<html lang="fr">');
    expect(rowOf(carols, r2)).toContain(`En attente de votre confirmation et de la réponse d’${alice.handle}</dd>`);
    expect(rowOf(carols, r2)).toContain('>En attente des contacts</span>');
    const dutch = (await get('/requests?lang=nl', cookies.carol)).body;
    expect(dutch).toContain('<h1>Mijn verzoeken</h1>');
    expect(rowOf(dutch, r2)).toContain(`Wacht op uw bevestiging en het antwoord van ${alice.handle}</dd>`);
    expect(rowOf(dutch, r2)).toContain(`action="/requests/${r2}/decision?lang=nl"`);
  });
});

describe('the status the pages poll', () => {
  it('reports a decision within the next poll, and nothing about requests the reader may not see', async () => {
    const { id, bob, bobToken } = await h.pending({ alice: 'en', bob: 'en' });
    const cookie = await h.signIn(bob);
    const page = (await get('/requests', cookie)).body;
    expect(page).toMatch(/<script src="\/assets\/requests\.[0-9a-f]{8}\.js" defer><\/script>/);
    expect(page).toContain('aria-live="polite"');
    const before = (await status([id], cookie)).items;
    expect(before).toMatchObject([
      { id, state: 'validatingByCustomers', final: false, actions: { decide: true, manage: false } },
    ]);
    expect(before[0]!.progress).toMatch(/^Awaiting your confirmation and the reply of alice-/);

    await h.decide(id, 'refuse', bobToken);
    expect((await status([id], cookie)).items).toMatchObject([
      { state: 'refused', final: true, progress: 'Refused by you; nothing changed.', actions: { decide: false } },
    ]);

    const stranger = await h.signIn(await h.account('Mallory', 'en'));
    expect((await status([id, 'no-such-request'], stranger)).items).toEqual([]);
  });
});

describe("a request's page", () => {
  it("shows the decisions and the timeline, with the refusal reason and dates for the reader's time zone", async () => {
    const { id, alice, bob, aliceToken, bobToken } = await h.pending({ alice: 'en', bob: 'en' });
    await h.decide(id, 'accept', aliceToken);
    await h.decide(id, 'refuse', bobToken, 'Not my domain');
    const res = await get(`/requests/${id}`, await h.signIn(alice));
    expect(res.statusCode).toBe(200);
    const timeline = res.body.slice(res.body.indexOf('<ol class="timeline"'));
    expect(timeline).toContain(`Request made by Alice (${alice.handle})`);
    expect(timeline).toContain(`Email with a code sent to Bob (${bob.handle}), incoming contact`);
    expect(timeline).toContain(`Accepted by Alice (${alice.handle}), outgoing contact`);
    expect(timeline).toContain(
      `Refused by Bob (${bob.handle}), incoming contact</span><p class="reason">Reason: <q>Not my domain</q>`,
    );
    expect(timeline).toContain('State: Refused');
    expect(
      timeline.match(/<li><time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z" data-lang="en">/g)!.length,
    ).toBeGreaterThanOrEqual(5);
    expect(res.body).toMatch(/<dd data-field="decision-to">Refused <time datetime="/);
    expect(res.body).toContain('<span class="badge ended" data-field="state">Refused</span>');
  });

  it('is the not-found page for anyone the request does not concern, and the sign-in page for no one', async () => {
    const { id, service } = await h.pending();
    const stranger = await h.account('Mallory', 'nl');
    const res = await get(`/requests/${id}`, await h.signIn(stranger));
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Hier staat niets, of niets dat u mag zien.');
    expect(res.body).not.toContain(service.name);
    const anonymous = await h.app.inject({ method: 'GET', url: `/requests/${id}` });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/signin?next=${encodeURIComponent(`/requests/${id}`)}`);
  });
});

describe('resend and cancel from the pages', () => {
  it('work for the asker: too soon says when to try again, then the emails go out again, then cancel ends it', async () => {
    const { id, alice, bob } = await h.pending({ alice: 'en' });
    const cookie = await h.signIn(alice);
    const _csrf = csrfIn((await get(`/requests/${id}`, cookie)).body);
    const soon = await post(`/requests/${id}/resend`, cookie, { _csrf, back: '/requests?direction=sent' });
    expect(soon.statusCode).toBe(303);
    expect(soon.headers.location).toBe('/requests?direction=sent');
    const told = (await get(soon.headers.location!, withFlash(cookie, soon))).body;
    const wait = /role="alert" id="flash">The emails were sent moments ago; try again in (\d+) s\./.exec(told)?.[1];
    expect(Number(wait)).toBeGreaterThanOrEqual(1);
    expect(Number(wait)).toBeLessThanOrEqual(10);

    await new Promise((resolve) => setTimeout(resolve, Number(wait) * 1000 + 100));
    const resent = await post(`/requests/${id}/resend`, cookie, { _csrf, back: '/requests?direction=sent' });
    expect(resent.statusCode).toBe(303);
    expect(resent.headers.location).toBe('/requests?direction=sent');
    expect((await get(resent.headers.location!, withFlash(cookie, resent))).body).toContain(
      'role="status" id="flash">The emails were sent again',
    );
    await h.email(bob, (t) => t.includes(id), 2);

    const cancelled = await post(`/requests/${id}/cancel`, cookie, {
      _csrf,
      back: `/requests/${id}`,
      reason: 'Wrong contact',
    });
    expect(cancelled.headers.location).toBe(`/requests/${id}`);
    const page = (await get(cancelled.headers.location!, withFlash(cookie, cancelled))).body;
    expect(page).toContain('The request is cancelled; nothing changed.');
    expect(page).toContain(`Cancelled by Alice (${alice.handle}); nothing changed.`);
    expect(page).toContain('<q>Wrong contact</q>');
    expect(page).not.toContain(`/requests/${id}/resend`);
  });

  it('are refused to a contact who did not ask, in their language, and the request goes on', async () => {
    const { id, alice, bob } = await h.pending({ bob: 'fr' });
    const cookie = await h.signIn(bob);
    const _csrf = csrfIn((await get(`/requests/${id}`, cookie)).body);
    // A button alone: back to the request, which says why once.
    const cancel = await post(`/requests/${id}/cancel`, cookie, { _csrf });
    expect([cancel.statusCode, cancel.headers.location]).toEqual([303, `/requests/${id}`]);
    expect((await get(`/requests/${id}`, withFlash(cookie, cancel))).body).toContain(
      'role="alert" id="flash">Seule la personne qui a fait cette demande, ou le support, peut faire cela.',
    );
    // With a reason typed: refused in place, under its status.
    const withReason = await post(`/requests/${id}/cancel`, cookie, { _csrf, reason: 'Pas moi' });
    expect(withReason.statusCode).toBe(403);
    expect(withReason.body).toContain(
      'role="alert">Seul l’auteur de la demande, ou le support, peut renvoyer ses e-mails ou l’annuler.',
    );
    const resend = await post(`/requests/${id}/resend?lang=en`, cookie, { _csrf });
    expect(resend.statusCode).toBe(303);
    expect((await get(`/requests/${id}?lang=en`, withFlash(cookie, resend))).body).toContain(
      'role="alert" id="flash">Only the person who asked for this change, or support, may do this.',
    );
    expect((await h.get(id, alice)).state).toBe('validatingByCustomers');
  });

  it("need the form's CSRF field", async () => {
    const { id, alice } = await h.pending({ alice: 'en' });
    const cookie = await h.signIn(alice);
    for (const action of ['cancel', 'resend']) {
      const forged = await post(`/requests/${id}/${action}`, cookie, { reason: 'forged' });
      expect(forged.statusCode).toBe(403);
      expect(forged.body).toContain('This form has expired. Reload the page and try again.');
    }
    expect((await h.get(id, alice)).state).toBe('validatingByCustomers');
  });
});

describe('the request page offers what My requests offers', () => {
  it("decides with a code there, as on the list, and the contact's accept is recorded", async () => {
    const { id, alice, bob, bobToken } = await h.pending({ alice: 'en', bob: 'en' });
    const bobCookie = await h.signIn(bob);
    const listed = rowOf((await get('/requests?direction=received', bobCookie)).body, id)!;
    const page = (await get(`/requests/${id}`, bobCookie)).body;
    const action = `<form method="post" action="/requests/${id}/decision?lang=en" class="decide"`;
    expect(listed).toContain(action);
    expect(page).toContain(action);
    expect(page).toMatch(/<label for="token-[\w-]+">Your code/);
    // The asker's resend and cancel, likewise on both.
    const alices = await h.signIn(alice);
    expect(rowOf((await get('/requests?direction=sent', alices)).body, id)).toContain(`/requests/${id}/resend`);
    expect((await get(`/requests/${id}`, alices)).body).toContain(`action="/requests/${id}/cancel?lang=en"`);

    const decided = await post(`/requests/${id}/decision?lang=en`, bobCookie, {
      token: bobToken,
      decision: 'accepted',
    });
    expect(decided.statusCode).toBe(200);
    const after = await h.get(id, alice);
    expect(after.to).toMatchObject({ decision: 'accepted' });
    expect((await get(`/requests/${id}`, bobCookie)).body).toMatch(/<dd data-field="decision-to">Accepted <time/);
  });
});

describe('references and filters', () => {
  // Erin holds two domains; three requests to Frank, made on days set below; Frank refuses the newest.
  let erin: TestAccount;
  let cookie: string;
  let alpha: { id: string; name: string };
  let beta: { id: string; name: string };
  let e1: string;
  let e2: string;
  let e3: string;
  const all = () => [e1, e2, e3];
  const made = (id: string, at: string) =>
    h.db
      .update(contactChanges)
      .set({ createdAt: new Date(at) })
      .where(eq(contactChanges.id, id));
  const list = async (query: string) => listed((await get(`/requests?${query}`, cookie)).body, all());

  beforeAll(async () => {
    erin = await h.account('Erin', 'en');
    const frank = await h.account('Frank', 'en');
    [alpha, beta] = [await h.service(erin), await h.service(erin)];
    e1 = await ask(erin, alpha.id, ['tech'], frank);
    e2 = await ask(erin, beta.id, ['tech'], frank);
    e3 = await ask(erin, alpha.id, ['admin'], frank);
    await made(e1, '2026-03-01T10:00:00Z');
    await made(e2, '2026-03-10T10:00:00Z');
    await made(e3, '2026-03-20T10:00:00Z');
    expect((await h.decide(e3, 'refuse', await tokenFor(frank, e3))).statusCode).toBe(200);
    cookie = await h.signIn(erin);
  });

  it('every list shows the reference the emails give: My requests, the request, the services, support', async () => {
    const ref = (id: string) => `<code class="ref" data-field="reference">${id}</code>`;
    const mine = (await get('/requests', cookie)).body;
    expect(rowOf(mine, e1)).toContain(`<dt>Reference</dt><dd>${ref(e1)}</dd>`);
    expect((await get(`/requests/${e2}`, cookie)).body).toContain(`<dt>Reference</dt><dd>${ref(e2)}</dd>`);
    expect((await get('/services', cookie)).body).toContain(`(Reference <code>${e1}</code>)`);
    expect((await get('/requests?lang=fr', cookie)).body).toContain(`<dt>Référence</dt><dd>${ref(e1)}</dd>`);
    const sam = await h.signIn(await h.account('Sam', 'en', 'support'));
    const found = (await get(`/support?q=${e1}`, sam)).body;
    expect(found).toContain(`<td data-label="Reference"><a href="/support/requests/${e1}"><code>${e1}</code></a></td>`);
    expect(await h.email(erin, (t) => t.includes(`Reference: ${e1}`))).toBeTruthy();
  });

  it('narrows My requests by service, state and days, each kept in the form, the links and the actions', async () => {
    expect(await list('')).toEqual([e3, e2, e1]);
    const byService = (await get(`/requests?service=${alpha.id}`, cookie)).body;
    expect(listed(byService, all())).toEqual([e3, e1]);
    expect(byService).toContain(`<option value="${alpha.id}" selected>${alpha.name}</option>`);
    expect(byService).toContain(`<option value="${beta.id}">${beta.name}</option>`);
    expect(await list(`service=${alpha.id}&state=refused`)).toEqual([e3]);
    expect(await list(`service=${beta.id}&state=refused`)).toEqual([]);
    // Days are whole: the last one counts to its end.
    expect(await list('createdFrom=2026-03-05&createdTo=2026-03-15')).toEqual([e2]);
    expect(await list('createdTo=2026-03-10')).toEqual([e2, e1]);
    expect(await list('createdFrom=2026-03-10')).toEqual([e3, e2]);
    const chosen = (await get(`/requests?direction=sent&service=${alpha.id}&createdFrom=2026-03-01`, cookie)).body;
    expect(chosen).toContain('name="createdFrom" value="2026-03-01"');
    // A resend goes back to the same filtered list.
    expect(unescape(rowOf(chosen, e1)!)).toContain(
      `name="back" value="/requests?direction=sent&service=${alpha.id}&createdFrom=2026-03-01"`,
    );
    const paged = (await get(`/requests?service=${alpha.id}&limit=1`, cookie)).body;
    expect(unescape(/<a rel="next" href="([^"]+)"/.exec(paged)![1]!)).toMatch(new RegExp(`service=${alpha.id}&`));
  });

  it("reads days in the account's time zone", async () => {
    const zoned = await h.account('Zoe', 'en');
    await h.db.update(accounts).set({ timeZone: 'Europe/Paris' }).where(eq(accounts.id, zoned.id));
    const id = await ask(zoned, (await h.service(zoned)).id, ['tech'], await h.account('Yann', 'en'));
    // 23:30 UTC on 1 March is already 2 March in Paris.
    await made(id, '2026-03-01T23:30:00Z');
    const zoeCookie = await h.signIn(zoned);
    const on = async (day: string) =>
      listed((await get(`/requests?createdFrom=${day}&createdTo=${day}`, zoeCookie)).body, [id]);
    expect(await on('2026-03-02')).toEqual([id]);
    expect(await on('2026-03-01')).toEqual([]);
  });

  it('says when nothing matches and offers to clear the filters; a date that is not one is answered in words', async () => {
    const none = await get(`/requests?direction=sent&service=${beta.id}&createdFrom=2027-01-01`, cookie);
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No request matches these filters.');
    expect(none.body).toContain('<p><a href="/requests?direction=sent">Clear the filters</a></p>');

    const bad = await get('/requests?createdFrom=2026-02-30&createdTo=soon', cookie);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('“2026-02-30” is not a date. Enter one as YYYY-MM-DD, for example 2026-03-01.');
    expect(bad.body).toContain('“soon” is not a date.');
    expect(bad.body).toMatch(
      /name="createdTo" value="soon" aria-describedby="createdTo-filter-error" aria-invalid="true"/,
    );
    expect(listed(bad.body, all())).toEqual([]);
    const backwards = await get('/requests?createdFrom=2026-03-20&createdTo=2026-03-01&lang=fr', cookie);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('Cette date précède la première\u00a0: choisissez');
  });

  it('the API takes the same filters, documented, and refuses a bad date with a coded problem', async () => {
    const ids = async (query: string) => {
      const res = await h.request('GET', `/api/v1/contact-changes?direction=sent&${query}`, { token: erin.token });
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: { id: string }[] }).items.map((c) => c.id);
    };
    expect(await ids(`service=${alpha.id}`)).toEqual([e3, e1]);
    expect(await ids('createdFrom=2026-03-05&createdTo=2026-03-15')).toEqual([e2]);
    expect(await ids(`service=${alpha.id}&state=refused&createdTo=2026-03-31`)).toEqual([e3]);
    const bad = await h.request('GET', '/api/v1/contact-changes?createdFrom=2026-13-01', { token: erin.token });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ code: 'invalidRequest' });
    const spec = (await h.request('GET', '/docs/json')).json() as {
      paths: Record<string, { get: { parameters: { name: string; in: string }[] } }>;
    };
    const names = spec.paths['/api/v1/contact-changes']!.get.parameters.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['service', 'createdFrom', 'createdTo']));
  });
});
