import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, type Harness, type TestAccount } from './support/harness.js';
import { withFlash } from './support/pages.js';

/** My requests and a request's page, as the server renders them. In a browser: in browser-changes.test.ts. */

let h: Harness;
// A short resend cooldown: a resend at once is too soon, one a few seconds later goes through.
beforeAll(async () => {
  h = await startHarness({ resendCooldown: '3s' });
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
    expect(rowOf(carols, r2)).toContain(`En attente de votre confirmation et de la réponse de ${alice.handle}</dd>`);
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
    expect(soon.statusCode).toBe(429);
    expect(soon.body).toMatch(/role="alert">The emails were sent moments ago\. Try again in [1-3] s\./);

    await new Promise((resolve) => setTimeout(resolve, 3100));
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
    const cancel = await post(`/requests/${id}/cancel`, cookie, { _csrf });
    expect(cancel.statusCode).toBe(403);
    expect(cancel.body).toContain(
      'role="alert">Seul l’auteur de la demande, ou le support, peut renvoyer ses e-mails ou l’annuler.',
    );
    const resend = await post(`/requests/${id}/resend?lang=en`, cookie, { _csrf });
    expect(resend.statusCode).toBe(403);
    expect(resend.body).toContain(
      'Only the person who asked for this change, or support, may resend its emails or cancel it.',
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
