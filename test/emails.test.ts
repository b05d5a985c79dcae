import { describe, it, expect } from 'vitest';
import { formatDate } from '../i18n/format.js';
import { roleName } from '../i18n/words/index.js';
import { renderEmail, type EmailData, type EmailKind, type Language, type Recipient } from '../emails/render.js';

const LANGUAGES: Language[] = ['fr', 'en', 'nl'];
const KINDS: EmailKind[] = ['request', 'reminder', 'done', 'refused', 'expired', 'aborted', 'error'];
const TOKEN = 'cs1_9fQz-Lk2_pX7wRt4';
const DECISION_URL = `https://manager.example.net/requests/chg_42/decision?lang=fr#token=${TOKEN}`;

function data(over: Partial<EmailData> = {}): EmailData {
  return {
    recipient: 'from',
    recipientName: 'Alice Martin',
    service: { name: 'example.fr', kind: 'domain' },
    roles: ['admin', 'tech'],
    from: { handle: 'am1234-ovh', name: 'Alice Martin' },
    to: { handle: 'bd5678-ovh', name: 'Bob Durand' },
    askedBy: { handle: 'cl4321-ovh', name: 'Claire Leroy' },
    expiresAt: new Date('2026-11-28T14:05:00Z'),
    requestId: 'chg_42',
    token: TOKEN,
    decisionUrl: DECISION_URL,
    requestUrl: 'https://manager.example.net/requests/chg_42',
    reason: 'Nous changeons de prestataire.',
    refusedBy: { handle: 'bd5678-ovh', name: 'Bob Durand' },
    cancelledBy: { handle: 'cl4321-ovh', name: 'Claire Leroy' },
    ...over,
  };
}

/** What a non-approval email gets in practice: no token, no decision link. */
function ending(over: Partial<EmailData> = {}): EmailData {
  const { token: _t, decisionUrl: _u, ...rest } = data(over);
  return rest;
}

const lines = (text: string) => text.split('\n');

describe('approval emails (request and reminder)', () => {
  for (const kind of ['request', 'reminder'] as const) {
    for (const language of LANGUAGES) {
      for (const recipient of ['from', 'to'] as const) {
        it(`${kind} / ${language} / ${recipient}: the code is on a line of its own and the link is there`, () => {
          const email = renderEmail(kind, language, data({ recipient }));
          expect(lines(email.text)).toContain(TOKEN);
          expect(email.text).toContain(DECISION_URL);
          expect(email.html).toMatch(new RegExp(`<code[^>]*>${TOKEN}</code>`));
          expect(email.html).toContain(`href="${DECISION_URL}"`);
        });
      }

      it(`${kind} / ${language}: names who asked, what moves from whom to whom, and until when`, () => {
        const email = renderEmail(kind, language, data({ recipient: 'to' }));
        for (const part of [email.text, email.html]) {
          expect(part).toContain('example.fr');
          expect(part).toContain(roleName('admin', language));
          expect(part).toContain(roleName('tech', language));
          expect(part).not.toContain(roleName('billing', language));
          expect(part).toContain(formatDate(new Date('2026-11-28T14:05:00Z'), language));
          for (const handle of ['am1234-ovh', 'bd5678-ovh', 'cl4321-ovh']) expect(part).toContain(handle);
          expect(part).toContain('Claire Leroy');
        }
        expect(email.subject).toContain('example.fr');
      });
    }
  }

  it('the reminder says it is a reminder', () => {
    expect(renderEmail('reminder', 'fr', data()).subject).toMatch(/^Rappel/);
    expect(renderEmail('reminder', 'en', data()).subject).toMatch(/^Reminder/);
    expect(renderEmail('reminder', 'nl', data()).subject).toMatch(/^Herinnering/);
    expect(renderEmail('reminder', 'en', data()).text).toContain('This is a reminder');
  });

  it('tells the outgoing contact they give the roles up and the incoming one they take them on', () => {
    expect(renderEmail('request', 'en', data({ recipient: 'from' })).text).toContain(
      'handing these roles over to Bob Durand (bd5678-ovh)',
    );
    expect(renderEmail('request', 'en', data({ recipient: 'to', recipientName: 'Bob Durand' })).text).toContain(
      'in place of Alice Martin (am1234-ovh)',
    );
  });

  it('warns never to share the code, in every language', () => {
    expect(renderEmail('request', 'fr', data()).text).toContain('Ne communiquez jamais ce code');
    expect(renderEmail('request', 'en', data()).text).toContain('Never share this code');
    expect(renderEmail('request', 'nl', data()).text).toContain('Deel deze code nooit');
  });

  it('the asker is told the request is pending, without any code', () => {
    const email = renderEmail('request', 'en', ending({ recipient: 'asker', recipientName: 'Claire Leroy' }));
    expect(email.text).toContain('awaiting approval');
    expect(email.text).not.toContain(TOKEN);
    expect(email.html).not.toContain('<code');
  });

  it('refuses to render an approval email without its code', () => {
    expect(() => renderEmail('request', 'fr', ending({ recipient: 'from' }))).toThrow();
  });
});

describe('every kind, every language', () => {
  for (const kind of KINDS) {
    it(`${kind}: non-empty subject, text and html in fr, en and nl, and the three differ`, () => {
      const emails = LANGUAGES.map((language) => renderEmail(kind, language, data()));
      for (const [i, email] of emails.entries()) {
        expect(email.subject.trim()).not.toBe('');
        expect(email.subject).not.toMatch(/[\r\n]/);
        expect(email.text.trim()).not.toBe('');
        expect(email.html).toContain(`<html lang="${LANGUAGES[i]}">`);
        expect(email.text).not.toContain('undefined');
        expect(email.html).not.toContain('undefined');
      }
      for (const field of ['subject', 'text', 'html'] as const) {
        expect(new Set(emails.map((e) => e[field])).size).toBe(3);
      }
    });
  }

  for (const kind of ['done', 'refused', 'expired', 'aborted', 'error'] as const) {
    for (const recipient of ['from', 'to', 'asker'] as Recipient[]) {
      it(`${kind} to ${recipient} contains no code and no decision link`, () => {
        for (const language of LANGUAGES) {
          // Even if a caller passes them by mistake, a closing email must not carry a usable code.
          const email = renderEmail(kind, language, data({ recipient }));
          for (const part of [email.text, email.html]) {
            expect(part).not.toContain(TOKEN);
            expect(part).not.toContain('/decision');
          }
          expect(email.html).not.toContain('<code');
        }
      });
    }
  }
});

describe('what each ending says', () => {
  it('refused: who refused, the reason, nothing changed', () => {
    const { text } = renderEmail('refused', 'en', ending({ recipient: 'asker', reason: 'I do not know this person.' }));
    expect(text).toContain('Bob Durand (bd5678-ovh) has refused');
    expect(text).toContain('> I do not know this person.');
    expect(text).toContain('Nothing has changed');
  });

  it('refused without a reason says so', () => {
    const { text, html } = renderEmail('refused', 'fr', ending({ reason: '   ' }));
    expect(text).toContain("Aucun motif n'a été indiqué.");
    expect(html).not.toContain('<blockquote');
  });

  it('aborted: who cancelled and that any code received is now useless', () => {
    const { text } = renderEmail('aborted', 'nl', ending({ recipient: 'to' }));
    expect(text).toContain('Claire Leroy (cl4321-ovh) heeft de aanvraag');
    expect(text).toContain('niet meer bruikbaar');
  });

  it('expired: the owner can start again', () => {
    expect(renderEmail('expired', 'fr', ending()).text).toContain(
      'le propriétaire du service peut faire une nouvelle demande',
    );
    expect(renderEmail('expired', 'fr', ending({ recipient: 'asker' })).text).toContain(
      'vous pouvez faire une nouvelle demande',
    );
  });

  it('error: asks to contact support with the reference', () => {
    const { text } = renderEmail('error', 'en', ending({ reason: 'Registry timeout' }));
    expect(text).toContain('Registry timeout');
    expect(text).toContain('quoting reference chg_42');
  });

  it('done: the incoming contact is told the roles are now theirs', () => {
    const { text } = renderEmail('done', 'fr', ending({ recipient: 'to', recipientName: 'Bob Durand' }));
    expect(text).toContain('Vous êtes désormais contact administrateur et contact technique');
  });
});

describe('HTML escaping', () => {
  const evil = '<script>alert("x")</script>';

  it('escapes names, handles, the service name and the reason', () => {
    for (const kind of KINDS) {
      const email = renderEmail(
        kind,
        'en',
        data({
          recipientName: evil,
          service: { name: `${evil}.example`, kind: 'domain' },
          from: { handle: `${evil}-h`, name: evil },
          to: { handle: 'bd5678-ovh', name: `Bob ${evil}` },
          askedBy: { handle: 'cl4321-ovh', name: `<img src=x onerror=alert(1)>` },
          refusedBy: { handle: 'bd5678-ovh', name: evil },
          cancelledBy: { handle: 'cl4321-ovh', name: evil },
          reason: `${evil} & "quotes"`,
        }),
      );
      expect(email.html).not.toContain('<script');
      expect(email.html).not.toContain('<img');
      expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(email.text).toContain(evil); // the text part is plain text: shown as written
    }
  });

  it('escapes the link in the href attribute', () => {
    const url = 'https://manager.example.net/requests/chg_42/decision?a=1&b="2"#token=t';
    const { html } = renderEmail('request', 'en', data({ decisionUrl: url }));
    expect(html).toContain(
      'href="https://manager.example.net/requests/chg_42/decision?a=1&amp;b=&quot;2&quot;#token=t"',
    );
  });

  it('a name cannot forge lines in the text part or the subject', () => {
    const email = renderEmail(
      'request',
      'en',
      data({
        service: { name: 'example.fr\r\nBcc: x@evil.test', kind: 'domain' },
        askedBy: { handle: 'cl4321-ovh', name: 'Support\n\nYour code: 000000' },
      }),
    );
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(lines(email.text)).not.toContain('Your code: 000000');
  });
});

describe('formatDate and roleName', () => {
  const d = new Date('2026-11-28T14:05:00Z');
  it('formats in UTC and names the zone', () => {
    expect(formatDate(d, 'fr')).toBe('28 novembre 2026 à 14:05 UTC');
    expect(formatDate(d, 'en')).toBe('28 November 2026 at 14:05 UTC');
    expect(formatDate(d, 'nl')).toBe('28 november 2026 om 14:05 UTC');
    expect(formatDate(new Date('2027-01-01T00:00:00+02:00'), 'fr')).toBe('31 décembre 2026 à 22:00 UTC');
    expect(formatDate(new Date('2027-03-01T09:30:00Z'), 'fr')).toBe('1er mars 2027 à 09:30 UTC');
  });

  it('names roles as a registrar would', () => {
    expect(roleName('admin', 'fr')).toBe('contact administrateur');
    expect(roleName('admin', 'en')).toBe('administrative contact');
    expect(roleName('admin', 'nl')).toBe('administratief contact');
    expect(roleName('billing', 'fr')).toBe('contact facturation');
  });
});

describe('copies for subscribed contacts', () => {
  const copyOf = { category: 'domain' as const, account: { handle: 'am1234-ovh', name: 'Alice Martin' } };
  it('tells in each language why the contact gets the copy, in the third person, without any code', () => {
    const notes = {
      fr: /contact d’Alice Martin \(am1234-ovh\), avec un abonnement aux e-mails sur les noms de domaine/,
      en: /contact of Alice Martin \(am1234-ovh\) subscribed to domain name emails/,
      nl: /contactpersoon van Alice Martin \(am1234-ovh\), aangemeld voor e-mails over domeinnamen/,
    };
    for (const lang of LANGUAGES) {
      const mail = renderEmail('done', lang, ending({ recipient: 'copy', recipientName: 'Denise Dupont', copyOf }));
      expect(mail.text, lang).toMatch(notes[lang]);
      expect(mail.text).not.toMatch(/#token=|You are now|Vous êtes désormais|U bent nu/);
      expect(mail.html).toContain('role="note"');
      // No link into a customer area the contact may not be able to sign in to.
      expect(mail.text).not.toContain('https://manager.example.net/requests/');
      expect(mail.html).not.toContain('https://manager.example.net/requests/');
    }
  });

  it('refuses to render a copy of an approval email or one that names no subscription', () => {
    expect(() => renderEmail('request', 'en', data({ recipient: 'copy', copyOf }))).toThrow(/copy/);
    expect(() => renderEmail('done', 'en', ending({ recipient: 'copy' }))).toThrow(/copy/);
  });
});

describe('invitation email', () => {
  const invitation = {
    recipientName: 'Tom <b>Peeters</b>',
    inviter: 'Alice Martin (am1234-cs)',
    handle: 'tp3456-cs',
    url: 'https://manager.example.net/invitations/inv_1?lang=nl#token=abc',
    expiresAt: new Date('2026-11-28T14:05:00Z'),
  };
  it("gives the handle, the link and its expiry in the invitee's language, with names escaped in HTML", async () => {
    const { renderInvitation } = await import('../emails/invitation.js');
    const expiry = { fr: '28 novembre 2026', en: '28 November 2026', nl: '28 november 2026' };
    for (const lang of LANGUAGES) {
      const mail = renderInvitation(lang, invitation);
      expect(mail.subject, lang).toContain('Alice Martin (am1234-cs)');
      expect(mail.text).toContain('tp3456-cs');
      expect(mail.text).toContain(invitation.url);
      expect(mail.text).toContain(expiry[lang]);
      expect(mail.html).toContain('Tom &lt;b&gt;Peeters&lt;/b&gt;');
      expect(mail.html).not.toContain('<b>Peeters');
    }
  });
});

describe('the deadline in the recipient’s time zone', () => {
  it('is written in the account’s zone with the name Intl gives it, and in UTC, saying so, when it has none', () => {
    // 14:05 UTC on 28 November is 15:05 in Paris (winter time, UTC+1).
    const paris = renderEmail('request', 'fr', data({ recipient: 'to', timeZone: 'Europe/Paris' }));
    expect(paris.text).toContain('28 novembre 2026 à 15:05 UTC+1');
    expect(renderEmail('request', 'en', data({ recipient: 'to', timeZone: 'Europe/Paris' })).text).toContain(
      '28 November 2026 at 15:05 CET',
    );
    expect(renderEmail('request', 'en', data({ recipient: 'to', timeZone: 'America/New_York' })).text).toContain(
      '28 November 2026 at 09:05 GMT-5',
    );
    const unset = renderEmail('request', 'fr', data({ recipient: 'to', timeZone: null }));
    expect(unset.text).toContain('28 novembre 2026 à 14:05 UTC');
  });
});

describe('the email of a party who asked for the change', () => {
  const own = { askedBy: { handle: 'am1234-ovh', name: 'Alice Martin' } };
  const unexpected = { fr: "Vous n'attendiez pas", en: 'not expecting this request', nl: 'Verwachtte u deze aanvraag' };
  for (const language of LANGUAGES) {
    it(`${language}: does not ask whether the request was expected, but still warns never to share the code`, () => {
      const mine = renderEmail('request', language, data({ recipient: 'from', ...own }));
      expect(mine.text).not.toContain(unexpected[language]);
      expect(mine.text).toContain(TOKEN);
      const theirs = renderEmail('request', language, data({ recipient: 'to', ...own }));
      expect(theirs.text).toContain(unexpected[language]);
      const shared = { fr: 'Ne communiquez jamais ce code', en: 'Never share this code', nl: 'Deel deze code nooit' };
      expect(mine.text).toContain(shared[language]);
    });
  }
});
