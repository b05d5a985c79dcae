import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenIn } from './support/fake-resend.js';
import { startHarness, type Harness } from './support/harness.js';

let h: Harness;
let short: Harness;
beforeAll(async () => {
  [h, short] = await Promise.all([startHarness({ resendCooldown: '1ms' }), startHarness({ ttl: '3s' })]);
});
afterAll(async () => {
  await Promise.all([h?.close(), short?.close()]);
});

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
const post = (harness: Harness, id: string, lang: string, fields: Record<string, string>) =>
  harness.app.inject({ method: 'POST', url: `/requests/${id}/decision?lang=${lang}`, ...form(fields) });
const open = async (harness: Harness, id: string, lang: string) =>
  (await harness.app.inject({ method: 'GET', url: `/requests/${id}/decision?lang=${lang}` })).body;

/** The page says `text` before its summary of the request: at the top, not under it. */
function saysFirst(page: string, text: string | RegExp) {
  const at = typeof text === 'string' ? page.indexOf(text) : page.search(text);
  expect(at, `"${text}" in ${page}`).toBeGreaterThan(-1);
  expect(at, `"${text}" before the summary`).toBeLessThan(page.indexOf('<dl>'));
}
const noForm = (page: string) => {
  expect(page).not.toContain('<form method="post" action="/requests/');
  expect(page).not.toContain('name="decision"');
};

describe('the decision page tells each state at the top', () => {
  it('after your own decision: which contact you are, what you decided and when, nothing more to do, no form', async () => {
    const { id, aliceToken } = await h.pending({ alice: 'fr' });
    const first = await post(h, id, 'fr', { token: aliceToken, decision: 'accepted' });
    expect(first.statusCode).toBe(200);
    saysFirst(first.body, 'Vous êtes le contact sortant');
    saysFirst(first.body, /Vous avez accepté le \d/);
    saysFirst(first.body, 'Vous n’avez plus rien à faire.');
    noForm(first.body);
    // The same code again (a double click, a retry): what was recorded, not "invalid code"; Refuse changes nothing.
    const again = await post(h, id, 'fr', { token: aliceToken, decision: 'refused', reason: 'finalement non' });
    expect(again.statusCode).toBe(200);
    saysFirst(again.body, /Vous avez accepté le \d/);
    expect(again.body).not.toContain('n’est pas valable');
    noForm(again.body);
  });

  it('the incoming contact is told it is the incoming one, in Dutch', async () => {
    const { id, bobToken } = await h.pending({ bob: 'nl' });
    const page = (await post(h, id, 'nl', { token: bobToken, decision: 'refused' })).body;
    saysFirst(page, 'U bent het nieuwe contact');
    saysFirst(page, /U hebt op .+ geweigerd\./);
    saysFirst(page, /Het verzoek is geweigerd/);
    noForm(page);
  });

  it('refused, done and cancelled: said with the date, with no form, to someone who only opens the link', async () => {
    const refused = await h.pending();
    await h.decide(refused.id, 'refuse', refused.bobToken);
    const refusedPage = await open(h, refused.id, 'fr');
    saysFirst(refusedPage, /Cette demande a été refusée le \d/);
    noForm(refusedPage);

    const done = await h.pending();
    await h.decide(done.id, 'accept', done.aliceToken);
    await h.decide(done.id, 'accept', done.bobToken);
    const donePage = await open(h, done.id, 'nl');
    saysFirst(donePage, /Dit verzoek is afgerond: de wijziging is doorgevoerd op \d/);
    noForm(donePage);

    const cancelled = await h.pending();
    const res = await h.request('POST', `/api/v1/contact-changes/${cancelled.id}/cancel`, {
      token: cancelled.alice.token,
      body: {},
    });
    expect(res.statusCode).toBe(200);
    const cancelledPage = await open(h, cancelled.id, 'fr');
    saysFirst(cancelledPage, /Cette demande a été annulée le \d/);
    saysFirst(cancelledPage, 'Vous n’avez plus rien à faire.');
    noForm(cancelledPage);
  });

  it('expired: said at the top with its date, no form', async () => {
    const { id, alice } = await short.pending();
    await short.waitForState(id, alice, 'expired', 15_000);
    const page = await open(short, id, 'nl');
    saysFirst(page, /Dit verzoek is verlopen op \d/);
    noForm(page);
  });
});

describe('a wrong code on the decision page', () => {
  it('keeps what was typed, marked invalid, with the error next to the field', async () => {
    const { id } = await h.pending();
    const typed = 'AbC-pasted_but-wrong_0123456789';
    const res = await post(h, id, 'fr', { token: typed, decision: 'accepted', reason: 'mon motif' });
    expect(res.statusCode).toBe(403);
    const input = /<input id="token"[^>]*>/.exec(res.body)![0];
    expect(input).toContain(`value="${typed}"`);
    expect(input).toContain('aria-invalid="true"');
    expect(input).toMatch(/aria-describedby="[^"]*token-error/);
    expect(res.body).toMatch(/<p class="field-error" id="token-error">[^<]*Ce code n’est pas valable/);
    expect(res.body).toMatch(/<textarea id="reason"[^>]*>mon motif<\/textarea>/);
  });
});

describe('a resent email', () => {
  it('says, in French, that it replaces the earlier one and that the earlier code no longer works', async () => {
    const { id, alice, bob, aliceToken } = await h.pending({ bob: 'fr' });
    await h.decide(id, 'accept', aliceToken);
    const first = await h.email(bob, (t) => t.includes(id));
    expect(first.text).not.toContain('remplace');
    const res = await h.request('POST', `/api/v1/contact-changes/${id}/resend-email`, { token: alice.token });
    expect(res.statusCode).toBe(200);
    const resent = await h.email(bob, (t) => t.includes(id) && t.includes('#token='), 2);
    expect(tokenIn(resent)).not.toBe(tokenIn(first));
    expect(resent.subject).toMatch(/^Nouveau code : /);
    for (const body of [resent.text, resent.html])
      expect(body).toContain(
        'Cet e-mail remplace celui envoyé précédemment pour cette demande : le code de l’e-mail précédent ne fonctionne plus.',
      );
  });
});
