import { why, type Block } from '../blocks.js';
import type { EmailsCopy, Ctx } from './index.js';

export const nl: EmailsCopy = {
  colon: ': ',
  hello: (n) => (n ? `Beste ${n},` : 'Beste klant,'),
  signoff: ['Met vriendelijke groet,', 'De klantenservice'],
  labels: {
    role: 'Rol',
    roles: 'Rollen',
    from: 'Van',
    to: 'Naar',
    asker: 'Aangevraagd door',
    until: 'Geldig tot',
    expired: 'Verlopen op',
    ref: 'Referentie',
  },
  action: {
    intro: 'Via de onderstaande link kunt u de aanvraag goedkeuren of weigeren:',
    button: 'Aanvraag goedkeuren of weigeren',
    fallback: 'Werkt de knop niet? Kopieer dan deze link naar uw browser:',
    token: 'Uw persoonlijke code, eenmalig te gebruiken:',
    help: 'Staat de code nog niet ingevuld op de pagina? Kopieer hem dan en plak hem in het daarvoor bestemde veld.',
  },
  follow: 'Bekijk de aanvraag in uw klantenpaneel',
  copyNote: (category, account) =>
    `U ontvangt deze kopie als contactpersoon van ${account}, aangemeld voor ${category === 'general' ? 'alle e-mails van het account' : category === 'domain' ? 'e-mails over domeinnamen' : 'e-mails over producten'}. ${account} kan dit wijzigen bij de contactpersonen.`,
  subject: {
    request: (c) =>
      c.you === 'asker'
        ? `Contactwijziging voor ${c.name}: wacht op goedkeuring`
        : `Contactwijziging voor ${c.name}: uw goedkeuring is nodig`,
    reminder: (c) =>
      c.you === 'asker'
        ? `Herinnering: contactwijziging voor ${c.name} wacht nog op goedkeuring`
        : `Herinnering: contactwijziging voor ${c.name} wacht op uw reactie`,
    done: (c) => `Contactwijziging voor ${c.name} doorgevoerd`,
    refused: (c) => `Contactwijziging voor ${c.name} geweigerd`,
    expired: (c) => `Aanvraag tot contactwijziging voor ${c.name} verlopen`,
    aborted: (c) => `Aanvraag tot contactwijziging voor ${c.name} geannuleerd`,
    error: (c) => `Contactwijziging voor ${c.name} kon niet worden doorgevoerd`,
  },
  body: {
    request: (c) =>
      c.you === 'asker'
        ? nlPending(c)
        : [
            `${c.askerIsYou ? 'U hebt' : `${c.asker} heeft`} een contactwijziging aangevraagd voor ${c.svc}.`,
            c.you === 'from'
              ? `U bent nu ${c.roles} van deze dienst. Door akkoord te gaan, bevestigt u dat u ${c.plural ? 'deze rollen' : 'deze rol'} overdraagt aan ${c.to}.`
              : `Met deze aanvraag wordt u ${c.roles} van deze dienst, in plaats van ${c.from}. Door akkoord te gaan, bevestigt u dat u ${c.plural ? 'deze rollen' : 'deze rol'} op u neemt.`,
            `De wijziging wordt pas doorgevoerd als zowel het huidige als het nieuwe contact akkoord zijn gegaan. De aanvraag is geldig tot ${c.expires}.`,
            'facts',
            'action',
            {
              note: `${c.askerIsYou ? '' : 'Verwachtte u deze aanvraag niet, of klopt er iets niet? Weiger de aanvraag dan; er verandert niets. '}Deel deze code nooit met anderen, ook niet met iemand die zegt van onze klantenservice te zijn: wij vragen er nooit om.`,
            },
          ],
    reminder: (c) =>
      c.you === 'asker'
        ? nlPending(c)
        : [
            `Dit is een herinnering: we hebben uw reactie op de onderstaande aanvraag nog niet ontvangen. De aanvraag verloopt op ${c.expires}. Hebben beide contacten dan niet ingestemd, dan blijft alles zoals het is.`,
            ...nl.body.request(c),
          ],
    done: (c) => [
      `De contactwijziging voor ${c.svc} is door beide contacten goedgekeurd en is nu doorgevoerd.`,
      c.you === 'from'
        ? `U bent niet langer ${c.roles} van deze dienst; dat is nu ${c.to}.`
        : c.you === 'to'
          ? `U bent nu ${c.roles} van deze dienst, in plaats van ${c.from}.`
          : `${c.to} is nu ${c.roles} van deze dienst, in plaats van ${c.from}.`,
      'facts',
      { note: 'Herkent u deze wijziging niet? Neem dan direct contact op met onze klantenservice.' },
    ],
    refused: (c) => [
      c.by
        ? `${c.byIsYou ? 'U hebt' : `${c.by} heeft`} de aanvraag tot contactwijziging voor ${c.svc} geweigerd.`
        : `De aanvraag tot contactwijziging voor ${c.svc} is geweigerd.`,
      ...why(c.reason, 'Opgegeven reden:', 'Er is geen reden opgegeven.'),
      nlUnchanged(c),
      'Is de wijziging nog steeds gewenst? Dan kan er via het klantenpaneel een nieuwe aanvraag worden gedaan.',
      'facts',
    ],
    expired: (c) => [
      `De aanvraag tot contactwijziging voor ${c.svc}${c.askerIsYou ? ', die u had ingediend,' : `, ingediend door ${c.asker},`} is niet vóór ${c.expires} door beide contacten goedgekeurd en is daarom verlopen.`,
      nlUnchanged(c),
      'De codes die voor deze aanvraag zijn verstuurd, zijn niet meer geldig.',
      `Is de wijziging nog steeds gewenst? Dan ${c.you === 'asker' ? 'kunt u' : 'kan de eigenaar van de dienst'} via het klantenpaneel een nieuwe aanvraag doen.`,
      'facts',
    ],
    aborted: (c) => [
      c.by
        ? `${c.byIsYou ? 'U hebt' : `${c.by} heeft`} de aanvraag tot contactwijziging voor ${c.svc} geannuleerd.`
        : `De aanvraag tot contactwijziging voor ${c.svc} is geannuleerd.`,
      ...why(c.reason, 'Opgegeven reden:', 'Er is geen reden opgegeven.'),
      nlUnchanged(c),
      'Hebt u voor deze aanvraag een code ontvangen? Die is nu niet meer bruikbaar; u hoeft niets te doen.',
      'facts',
    ],
    error: (c) => [
      `De aangevraagde contactwijziging voor ${c.svc} kon niet worden doorgevoerd.`,
      ...why(c.reason, 'Toelichting:'),
      nlUnchanged(c),
      `Neem contact op met onze klantenservice en vermeld daarbij referentie ${c.requestId}; wij helpen u de wijziging af te ronden.`,
      'facts',
    ],
  },
  invitation: {
    subject: (inviter) => `${inviter} nodigt u uit in het klantenpaneel`,
    body: (i) => [
      `${i.inviter} heeft u een subaccount gegeven in het klantenpaneel: u kunt inloggen met uw eigen wachtwoord en handelen binnen de permissies die u krijgt.`,
      `Uw gebruikersnaam is ${i.handle}. Kies uw wachtwoord op deze pagina om de uitnodiging te accepteren; de link werkt één keer en tot ${i.expires}.`,
    ],
    button: 'Mijn wachtwoord kiezen',
    fallback: 'Werkt de knop niet? Kopieer deze link in uw browser:',
    note: 'Kent u deze persoon niet of verwachtte u deze uitnodiging niet? Negeer dan deze e-mail: zonder u gebeurt er niets.',
  },
};
function nlPending(c: Ctx): Block[] {
  return [
    `De aanvraag tot contactwijziging voor ${c.svc} wacht op goedkeuring. ${c.from} en ${c.to} hebben elk een e-mail met een persoonlijke code ontvangen; de wijziging wordt doorgevoerd zodra beiden akkoord zijn gegaan.`,
    `De aanvraag is geldig tot ${c.expires}.`,
    'facts',
  ];
}
function nlUnchanged(c: Ctx): string {
  if (c.byProvider)
    return 'De contactpersonen van deze dienst zijn nu die welke de provider heeft geregistreerd: bekijk de dienst in uw klantenpaneel.';
  return `Er is niets gewijzigd: ${c.you === 'from' ? 'u blijft' : `${c.from} blijft`} ${c.roles} van deze dienst.`;
}
