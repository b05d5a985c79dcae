import type { TwoStepCopy } from './index.js';

export const nl: TwoStepCopy = {
  title: 'Inloggen in twee stappen',
  profileLink: 'Inloggen in twee stappen met een authenticator-app',
  intro:
    'Met inloggen in twee stappen is uw wachtwoord niet genoeg: bij het inloggen wordt ook gevraagd naar de code die uw authenticator-app toont (zoals Aegis, FreeOTP, Google Authenticator of 1Password). Beslissingslinks in e-mails blijven werken zonder in te loggen.',
  mustEnrol:
    'Supportmedewerkers moeten inloggen in twee stappen aanzetten voordat ze Countersign gebruiken. Stel het hieronder in om verder te gaan.',
  errorLabel: 'Fout:',
  password: 'Wachtwoord',
  wrongPassword: 'Dit wachtwoord klopt niet.',
  code: 'Code',
  off: {
    status: 'Inloggen in twee stappen staat uit.',
    start: 'Een authenticator-app instellen',
    disabled: 'Inloggen in twee stappen staat uit. Uw wachtwoord alleen volstaat om in te loggen.',
  },
  enrol: {
    heading: 'Voeg Countersign toe aan uw authenticator-app',
    scan: 'Scan deze QR-code met de app, of typ de sleutel hieronder erin. Typ daarna de code van 6 cijfers die de app toont.',
    qr: 'QR-code van de sleutel voor uw authenticator-app',
    key: 'Sleutel',
    keyHint: 'Op tijd gebaseerd, 6 cijfers, elke 30 seconden een nieuwe code.',
    codeHint: 'De 6 cijfers die de app nu toont.',
    confirm: 'Inloggen in twee stappen aanzetten',
    restart: 'Opnieuw beginnen met een nieuwe sleutel',
  },
  codes: {
    heading: 'Uw herstelcodes',
    enabled: 'Inloggen in twee stappen staat aan. Uw andere sessies zijn afgemeld.',
    renewed: 'U hebt nieuwe herstelcodes. De oude werken niet meer.',
    intro:
      'Bewaar deze codes op een veilige plek, niet bij uw telefoon: druk ze af of bewaar ze in uw wachtwoordbeheerder. Als u uw app kwijt bent, logt elke code u één keer in. Ze worden alleen nu getoond.',
    list: 'Herstelcodes',
    done: 'Ik heb mijn herstelcodes bewaard',
  },
  on: {
    status: 'Inloggen in twee stappen staat aan.',
    since: 'Sinds',
    left: (count) =>
      count === 0
        ? 'U hebt geen herstelcodes meer: vraag nu nieuwe aan.'
        : count === 1
          ? 'Nog 1 ongebruikte herstelcode.'
          : `Nog ${count} ongebruikte herstelcodes.`,
    renewHeading: 'Nieuwe herstelcodes',
    renewIntro: 'Tien nieuwe codes in plaats van de oude, gebruikt of niet. Uw wachtwoord wordt opnieuw gevraagd.',
    renew: 'Nieuwe herstelcodes aanvragen',
    offHeading: 'Inloggen in twee stappen uitzetten',
    offIntro: 'Uw wachtwoord alleen volstaat dan weer om in te loggen.',
    offCodeHint: 'De code die uw app nu toont, of een van uw herstelcodes als u de app kwijt bent.',
    turnOff: 'Inloggen in twee stappen uitzetten',
    required: 'Supportmedewerkers moeten inloggen in twee stappen aan laten staan.',
  },
  signIn: {
    title: 'Inloggen in twee stappen',
    intro: 'Typ de code die uw authenticator-app voor Countersign toont.',
    codeHint: 'De 6 cijfers van uw app, of een van uw herstelcodes als u de app kwijt bent.',
    submit: 'Doorgaan',
    wrong: (left) =>
      `Deze code klopt niet of is al gebruikt. Nog ${left === 1 ? '1 poging' : `${left} pogingen`} voordat u uw wachtwoord opnieuw moet typen.`,
    tooMany: 'Te veel verkeerde codes. Log opnieuw in met uw wachtwoord.',
    locked:
      'Er zijn de laatste tijd te veel codes geprobeerd voor dit account. Wacht een kwartier en log dan opnieuw in; was u dit niet, dan kent iemand uw wachtwoord: wijzig het.',
    expired: 'Deze aanmelding duurde te lang of is beëindigd. Log opnieuw in met uw wachtwoord.',
    again: 'Opnieuw inloggen',
  },
};
