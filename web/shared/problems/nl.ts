import type { ProblemWords } from './index.js';

export const nl: ProblemWords = {
  invalidRequest: 'Iets in het formulier is niet geldig. Controleer het en probeer het opnieuw.',
  unauthenticated: 'Log eerst in.',
  invalidSignature: 'Dit bericht kon niet worden geverifieerd.',
  signInRefused: 'Deze handle en dit wachtwoord horen niet bij elkaar. Controleer beide en probeer het opnieuw.',
  forbidden: 'U mag dit niet doen.',
  accountDeactivated: 'Dit account is gedeactiveerd.',
  supportOnly: 'Alleen onze support kan dit doen.',
  rolesNotYours:
    'Alleen de houder of het administratieve contact kan deze rollen wijzigen; een technisch of facturatiecontact kan alleen zijn eigen rol overdragen.',
  notManager: 'Alleen wie deze wijziging heeft aangevraagd, of onze support, kan dit doen.',
  noContactBook: 'Support heeft geen adresboek.',
  contactsPermissionRequired:
    'Uw subaccount mag geen contactpersonen beheren; vraag de accounthouder om deze toestemming.',
  profilePermissionRequired: 'Uw subaccount mag het profiel niet zien of wijzigen; vraag het de accounthouder.',
  ownerOnly: 'Alleen de accounthouder kan dit doen.',
  subAccountEmail: 'Alleen de accounthouder kan het adres van een subaccount wijzigen.',
  emailHolderOnly:
    'Alleen de accounthouder kan het e-mailadres van het account wijzigen, ook met de profielmachtiging.',
  invalidToken:
    'Deze code is niet geldig voor dit verzoek. Mogelijk is hij verkeerd overgenomen, al gebruikt, vervangen door een nieuwere e-mail, of is het verzoek afgelopen.',
  twoStepRequired: 'Supportmedewerkers moeten inloggen in twee stappen aan laten staan.',
  readOnlyToken: 'Dit API-token mag alleen lezen; maak een token met volledige toegang om wijzigingen te doen.',
  notFound: 'Hier is niets, of niets wat u mag zien.',
  methodNotAllowed: 'Dit adres aanvaardt dit soort verzoek niet.',
  unsupportedMediaType: 'Dit adres leest dit soort inhoud niet.',
  adminApiOff: 'Dit is niet beschikbaar.',
  webhooksOff: 'Dit is niet beschikbaar.',
  requestTimeout: 'Het verzoek duurde te lang. Probeer het opnieuw.',
  notPossibleNow: 'Dit kan nu niet.',
  alreadyEnded: 'Dit verzoek is al afgelopen.',
  notPending: 'Dit verzoek wacht niet meer op zijn contacten.',
  bothDecided: 'Beide contacten hebben al beslist.',
  resendLimit:
    'De e-mails van dit verzoek kunnen niet meer opnieuw worden verstuurd; annuleer het en dien een nieuw verzoek in.',
  extensionLimit: 'Dit verzoek kan niet meer worden verlengd; annuleer het en dien een nieuw verzoek in.',
  serviceChanged:
    'De contactpersonen van deze dienst zijn intussen gewijzigd, of de dienst is verwijderd. Bekijk de dienst opnieuw.',
  changeBeingApplied:
    'De provider voert een wijziging op deze dienst door; wacht tot die is doorgevoerd of is mislukt.',
  changePending: 'Een lopend verzoek draagt al een van deze rollen over; wacht tot het afloopt of annuleer het.',
  handleTaken: 'Deze handle is al in gebruik.',
  emailTaken: 'Dit adres wordt al gebruikt in uw adresboek.',
  contactHoldsRole: 'Deze contactpersoon heeft nog een rol op een dienst; draag die eerst aan iemand anders over.',
  contactInPendingRequest:
    'Deze contactpersoon maakt deel uit van een lopend verzoek; wacht tot het afloopt of annuleer het eerst.',
  contactReceivesBilling:
    'Deze contactpersoon ontvangt uw facturatiegegevens; kies eerst een andere facturatiecontactpersoon.',
  notSubAccount: 'Deze contactpersoon heeft geen toegang tot het klantenpaneel; nodig deze persoon eerst uit.',
  notActiveSubAccount: 'Dit subaccount is niet actief.',
  notDeactivated: 'Dit subaccount is niet gedeactiveerd.',
  alreadySubAccount: 'Deze contactpersoon is al een subaccount.',
  noPendingInvitation: 'Deze contactpersoon heeft geen openstaande uitnodiging.',
  twoStepOn: 'Inloggen in twee stappen staat al aan.',
  twoStepOff: 'Inloggen in twee stappen staat uit.',
  twoStepNotStarted: 'Begin eerst met het instellen van inloggen in twee stappen.',
  invitationNotValid: 'Deze uitnodigingslink is niet meer geldig. Vraag wie u heeft uitgenodigd om een nieuwe.',
  passwordResetNotValid:
    'Deze link om het wachtwoord opnieuw in te stellen werkt niet meer: hij is al gebruikt, een nieuwere is gebruikt, of hij is verlopen. Vraag een nieuwe aan.',
  noPendingEmailChange: 'Er wacht geen adreswijziging op bevestiging.',
  emailChangeNotValid:
    'Deze link is niet meer geldig: hij is al gebruikt, vervangen door een nieuwere wijziging, ingetrokken of verlopen.',
  rolesRequired: 'Kies ten minste één rol.',
  contactRequired: 'Vul de handle van het nieuwe contact in.',
  rolesHeldApart: 'Deze rollen zijn van verschillende contacten; draag de rollen van elk contact apart over.',
  unknownContact: 'Er is geen account met deze handle.',
  inactiveContact: 'Dit account is gedeactiveerd en kan geen rol krijgen.',
  refusedByProvider: 'Uw provider staat deze wijziging niet toe:',
  webhookUrlRefused: 'Gebeurtenissen kunnen niet naar dit adres worden verzonden.',
  sameContact: 'Dit contact heeft deze rollen al.',
  unknownOwner: 'Dit account bestaat niet.',
  reasonRequired: 'Schrijf waarom u dit doet.',
  reasonTooLong: 'De reden is te lang.',
  past: 'De nieuwe vervaldatum moet in de toekomst liggen.',
  notLater: 'De nieuwe vervaldatum moet later zijn dan de huidige.',
  tooLate: 'De nieuwe vervaldatum mag hoogstens 30 dagen vanaf nu liggen.',
  nameSetBySupport: 'Uw voor- en achternaam kunnen alleen door onze support worden gewijzigd.',
  unknownTimeZone: 'Kies een tijdzone uit de lijst.',
  wrongPassword: 'Het huidige wachtwoord klopt niet.',
  passwordRequired: 'Vul uw huidige wachtwoord in om het e-mailadres te wijzigen.',
  samePassword: 'Het nieuwe wachtwoord moet verschillen van het huidige.',
  wrongCode: 'Deze code klopt niet of is al gebruikt. Typ de code die uw app nu toont.',
  weakPassword:
    'Dit wachtwoord is te makkelijk te raden. Kies een langer wachtwoord, bijvoorbeeld een paar losse woorden.',
  tooManyRequests: 'Te veel pogingen vanaf uw verbinding. Wacht een minuut en probeer het opnieuw.',
  resendTooSoon: 'De e-mails zijn net verstuurd; probeer het over een minuut opnieuw.',
  tokensLocked:
    'Er zijn te veel verkeerde codes geprobeerd voor dit verzoek; de codes zijn geblokkeerd. Vraag de aanvrager, of onze support, om de e-mails opnieuw te versturen.',
  tooManyWrongCodes:
    'Te veel verkeerde codes vanaf uw verbinding voor dit verzoek. Wacht een kwartier en plak dan opnieuw de code uit uw e-mail.',
  signInThrottled:
    'Er zijn te veel foute wachtwoorden geprobeerd voor deze handle. Wacht een paar minuten en probeer het dan opnieuw.',
  requestTooLarge: 'Het verzoek is te groot.',
  internalError: 'Er ging aan onze kant iets mis. Probeer het zo opnieuw.',
  unavailable: 'De dienst is even niet beschikbaar. Probeer het zo opnieuw.',
  providerUnavailable:
    'Uw provider kon niet worden gevraagd of deze wijziging mag. Er is niets gewijzigd; probeer het zo opnieuw.',
};
