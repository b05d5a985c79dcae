import { escapeHtml, formatDate, line, type Language, type RenderedEmail } from './render.js';

export interface InvitationData {
  recipientName: string;
  /** Who invites: the account holder, "Alice Martin (am1234-cs)". */
  inviter: string;
  handle: string;
  url: string;
  expiresAt: Date;
}

interface InvitationCopy {
  subject: (inviter: string) => string;
  hello: (name: string) => string;
  body: (d: InvitationData, expires: string) => string[];
  button: string;
  fallback: string;
  note: string;
  signoff: string[];
}

const COPY: Record<Language, InvitationCopy> = {
  en: {
    subject: (i) => `${i} invites you to their customer area`,
    hello: (n) => `Hello ${n},`,
    body: (d, e) => [
      `${d.inviter} has made you a sub-account of their customer area: you will be able to sign in with your own password and act within the permissions they give you.`,
      `Your handle, which you sign in with, is ${d.handle}. To accept, choose your password on this page; the link works once and until ${e}.`,
    ],
    button: 'Choose my password',
    fallback: 'If the button does not work, copy this link into your browser:',
    note: 'If you do not know this person or did not expect this invitation, ignore this email: nothing happens without you.',
    signoff: ['Kind regards,', 'The support team'],
  },
  fr: {
    subject: (i) => `${i} vous invite dans son espace client`,
    hello: (n) => `Bonjour ${n},`,
    body: (d, e) => [
      `${d.inviter} a fait de vous un sous-compte de son espace client : vous pourrez vous y connecter avec votre propre mot de passe et agir selon les permissions qu'il vous accorde.`,
      `Votre identifiant de connexion est ${d.handle}. Pour accepter, choisissez votre mot de passe sur cette page ; le lien ne sert qu'une fois et jusqu'au ${e}.`,
    ],
    button: 'Choisir mon mot de passe',
    fallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
    note: "Si vous ne connaissez pas cette personne ou n'attendiez pas cette invitation, ignorez ce courriel : rien ne se fait sans vous.",
    signoff: ['Cordialement,', "L'équipe support"],
  },
  nl: {
    subject: (i) => `${i} nodigt u uit in het klantenpanel`,
    hello: (n) => `Beste ${n},`,
    body: (d, e) => [
      `${d.inviter} heeft u een subaccount gegeven in het klantenpanel: u kunt inloggen met uw eigen wachtwoord en handelen binnen de permissies die u krijgt.`,
      `Uw gebruikersnaam is ${d.handle}. Kies uw wachtwoord op deze pagina om de uitnodiging te accepteren; de link werkt één keer en tot ${e}.`,
    ],
    button: 'Mijn wachtwoord kiezen',
    fallback: 'Werkt de knop niet? Kopieer deze link in uw browser:',
    note: 'Kent u deze persoon niet of verwachtte u deze uitnodiging niet? Negeer dan deze e-mail: zonder u gebeurt er niets.',
    signoff: ['Met vriendelijke groet,', 'De klantenservice'],
  },
};

/** The email that carries a sub-account's invitation link. */
export function renderInvitation(language: Language, data: InvitationData): RenderedEmail {
  const c = COPY[language];
  const d = { ...data, recipientName: line(data.recipientName), inviter: line(data.inviter) };
  const expires = formatDate(data.expiresAt, language);
  const paragraphs = c.body(d, expires);
  const subject = line(c.subject(d.inviter));
  const text = [c.hello(d.recipientName), ...paragraphs, d.url, c.note, c.signoff.join('\n')].join('\n\n') + '\n';
  const e = escapeHtml;
  const P = 'margin:0 0 16px;';
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background:#f4f5f7;">',
    '<div style="max-width:600px;margin:0 auto;padding:32px 24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;">',
    `<p style="${P}">${e(c.hello(d.recipientName))}</p>`,
    ...paragraphs.map((p) => `<p style="${P}">${e(p)}</p>`),
    `<p style="margin:0 0 24px;"><a href="${e(d.url)}" style="display:inline-block;padding:12px 24px;background:#0b5cad;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;">${e(c.button)}</a></p>`,
    `<p style="${P}font-size:14px;color:#4a5260;">${e(c.fallback)}<br><a href="${e(d.url)}" style="color:#0b5cad;word-break:break-all;">${e(d.url)}</a></p>`,
    `<div role="note" style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #b45309;background:#fff7e8;">${e(c.note)}</div>`,
    `<p style="margin:24px 0 0;">${c.signoff.map(e).join('<br>')}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
