import type { Language } from '../../domain/contact-change.js';
import type { Newsletter } from '../../domain/contact.js';

export type SavedNotice = 'contact' | 'preferences' | 'password' | 'newsletters' | 'unsubscribed';

export interface PasswordCopy {
  show: string;
  hide: string;
  generate: string;
  generated: string;
  copy: string;
  copied: string;
  copyFailed: string;
  strength: string;
  weak: string;
  fair: string;
  strong: string;
  tooShort: (min: number) => string;
}

export interface ProfileCopy {
  title: string;
  intro: string;
  /** A sub-account with the profile permission sees its keeper's profile. */
  keeperIntro: (keeper: string) => string;
  /** A sub-account without it sees only its own password. */
  restricted: string;
  sections: string;
  errorLabel: string;
  summary: string;
  saved: Record<SavedNotice, string>;
  contact: {
    heading: string;
    intro: string;
    firstName: string;
    lastName: string;
    nameHint: string;
    email: string;
    emailHint: string;
    phone: string;
    phoneHint: string;
    company: string;
    street: string;
    postalCode: string;
    city: string;
    country: string;
    countryHint: string;
    optional: string;
    save: string;
  };
  preferences: {
    heading: string;
    intro: string;
    billingContact: string;
    billingHint: string;
    holder: string;
    noContacts: string;
    communication: string;
    byEmail: string;
    byPost: string;
    language: string;
    languageHint: string;
    save: string;
  };
  password: PasswordCopy & {
    heading: string;
    intro: string;
    current: string;
    next: string;
    nextHint: (min: number) => string;
    save: string;
  };
  newsletters: {
    heading: string;
    intro: string;
    items: Record<Newsletter, { label: string; description: string }>;
    save: string;
    unsubscribeAll: string;
    note: string;
  };
  errors: {
    emailRequired: string;
    email: string;
    emailTaken: (email: string) => string;
    phone: string;
    tooLong: (max: number) => string;
    country: string;
    language: string;
    communication: string;
    billingUnknown: (handle: string) => string;
    nameBySupport: string;
    currentRequired: string;
    currentWrong: string;
    same: string;
    short: (min: number) => string;
    confirm: string;
    invalid: string;
  };
  invitation: {
    title: string;
    intro: string;
    hello: (name: string) => string;
    handle: (handle: string) => string;
    password: string;
    confirm: string;
    submit: string;
    invalid: string;
    incomplete: string;
  };
}

const en: ProfileCopy = {
  title: 'Profile',
  intro: 'The contact information and preferences of your customer area, your password and your newsletters.',
  keeperIntro: (keeper) =>
    `You manage the profile of the customer area of ${keeper}. The password section is your own.`,
  restricted:
    'Your sub-account may not see or change the profile of this customer area; ask the account holder for the profile permission. You can change your own password below.',
  sections: 'Sections of the profile',
  errorLabel: 'Error:',
  summary: 'Nothing was saved. Please correct the following:',
  saved: {
    contact: 'Your contact information has been saved.',
    preferences: 'Your account preferences have been saved.',
    password: 'Your password has been changed. Your other sessions have been signed out.',
    newsletters: 'Your newsletter choices have been saved.',
    unsubscribed: 'You are unsubscribed from every newsletter. Service emails still reach you.',
  },
  contact: {
    heading: 'Contact information',
    intro: 'How we reach the account holder. These details also appear on invoices.',
    firstName: 'First name',
    lastName: 'Last name',
    nameHint: 'Your first and last name can only be changed by support: contact support with a proof of identity.',
    email: 'Email address',
    emailHint: 'Where service emails go, such as the links to approve a contact change.',
    phone: 'Phone',
    phoneHint: 'International form, with + and the country code, e.g. +33 6 12 34 56 78.',
    company: 'Company',
    street: 'Street and number',
    postalCode: 'Postal code',
    city: 'City',
    country: 'Country',
    countryHint: 'Two-letter code, e.g. FR, BE or NL.',
    optional: '(optional)',
    save: 'Save contact information',
  },
  preferences: {
    heading: 'Account preferences',
    intro: 'Who receives the billing information, and how and in which language we write to you.',
    billingContact: 'Billing contact',
    billingHint: 'The account holder, or one of your contacts. Add a contact under My contacts to choose it here.',
    holder: 'account holder',
    noContacts: 'You have no contacts yet: the billing information goes to the account holder.',
    communication: 'Receive letters by',
    byEmail: 'Email',
    byPost: 'Post',
    language: 'Language',
    languageHint: 'The language of our emails and of these pages.',
    save: 'Save preferences',
  },
  password: {
    heading: 'Password',
    intro: 'Changing your password signs out your other sessions; this one stays open.',
    current: 'Current password',
    next: 'New password',
    nextHint: (min) => `At least ${min} characters. A long phrase of unrelated words is strong and easy to type.`,
    show: 'Show',
    hide: 'Hide',
    generate: 'Generate a secure password',
    generated: 'A random password is in the field and shown: keep it in your password manager before saving.',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy: select the password and copy it yourself.',
    strength: 'Strength:',
    weak: 'weak',
    fair: 'fair',
    strong: 'strong',
    tooShort: (min) => `too short (at least ${min} characters)`,
    save: 'Change password',
  },
  newsletters: {
    heading: 'Newsletters',
    intro: 'Choose what you would like to receive.',
    items: {
      news: { label: 'News', description: 'Company news and announcements, about once a month.' },
      offers: { label: 'Offers', description: 'Promotions and discounts on our services.' },
      'product-updates': { label: 'Product updates', description: 'New features and changes to the services you use.' },
      'domain-suggestions': {
        label: 'Domain suggestions',
        description: 'Available domain names close to yours, and new extensions.',
      },
    },
    save: 'Save my choices',
    unsubscribeAll: 'Unsubscribe from all',
    note: 'Service emails always go out, whatever you choose here: contact-change links and outcomes, security notices and invoices.',
  },
  errors: {
    emailRequired: 'Enter an email address.',
    email: 'Enter a valid email address, e.g. name@example.com.',
    emailTaken: (email) => `${email} is already the email address of one of your contacts.`,
    phone:
      'Enter the phone number in international form, starting with + and the country code, e.g. +33 6 12 34 56 78.',
    tooLong: (max) => `Use at most ${max} characters.`,
    country: 'Enter a two-letter country code, e.g. FR, BE or NL.',
    language: 'Choose French, English or Dutch.',
    communication: 'Choose email or post.',
    billingUnknown: (handle) => `${handle} is not one of your contacts; add it under My contacts first.`,
    nameBySupport: 'Your first and last name can only be changed by support: contact them with a proof of identity.',
    currentRequired: 'Enter your current password.',
    currentWrong: 'This is not your current password.',
    same: 'The new password must differ from the current one.',
    short: (min) => `Choose a password of at least ${min} characters.`,
    confirm: 'The two passwords differ: type the same password twice.',
    invalid: 'This value is not valid.',
  },
  invitation: {
    title: 'Accept the invitation',
    intro: 'Choose the password of your sub-account. You will then sign in with your handle and this password.',
    hello: (name) => `Hello ${name},`,
    handle: (handle) => `your handle is ${handle}: you sign in with it.`,
    password: 'Password',
    confirm: 'Type the password again',
    submit: 'Accept and sign in',
    invalid:
      'This invitation link is no longer valid: it was already used, withdrawn, replaced by a newer one, or it expired. Ask the person who invited you for a new link.',
    incomplete:
      'This link is incomplete. Open the link from the invitation email again, whole; if it still fails, ask the person who invited you for a new link.',
  },
};

const fr: ProfileCopy = {
  title: 'Profil',
  intro: 'Les coordonnées et les préférences de votre espace client, votre mot de passe et vos lettres d’information.',
  keeperIntro: (keeper) => `Vous gérez le profil de l’espace client de ${keeper}. La partie mot de passe est la vôtre.`,
  restricted:
    'Votre sous-compte ne peut ni voir ni modifier le profil de cet espace client ; demandez la permission « profil » au titulaire du compte. Vous pouvez changer votre propre mot de passe ci-dessous.',
  sections: 'Parties du profil',
  errorLabel: 'Erreur :',
  summary: 'Rien n’a été enregistré. Veuillez corriger ce qui suit :',
  saved: {
    contact: 'Vos coordonnées ont été enregistrées.',
    preferences: 'Les préférences du compte ont été enregistrées.',
    password: 'Votre mot de passe a été changé. Vos autres sessions ont été déconnectées.',
    newsletters: 'Vos choix de lettres d’information ont été enregistrés.',
    unsubscribed:
      'Vous êtes désabonné de toutes les lettres d’information. Les e-mails de service continuent de vous parvenir.',
  },
  contact: {
    heading: 'Coordonnées',
    intro: 'Comment nous joignons le titulaire du compte. Ces informations figurent aussi sur les factures.',
    firstName: 'Prénom',
    lastName: 'Nom',
    nameHint: 'Seul le support peut modifier vos nom et prénom : contactez-le avec une pièce d’identité.',
    email: 'Adresse e-mail',
    emailHint: 'Où partent les e-mails de service, comme les liens pour approuver un changement de contact.',
    phone: 'Téléphone',
    phoneHint: 'Format international, avec + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',
    company: 'Société',
    street: 'Rue et numéro',
    postalCode: 'Code postal',
    city: 'Ville',
    country: 'Pays',
    countryHint: 'Code à deux lettres, par exemple FR, BE ou NL.',
    optional: '(facultatif)',
    save: 'Enregistrer les coordonnées',
  },
  preferences: {
    heading: 'Préférences du compte',
    intro: 'Qui reçoit les informations de facturation, et comment et dans quelle langue nous vous écrivons.',
    billingContact: 'Contact de facturation',
    billingHint:
      'Le titulaire du compte, ou l’un de vos contacts. Ajoutez un contact dans Mes contacts pour le choisir ici.',
    holder: 'titulaire du compte',
    noContacts: 'Vous n’avez pas encore de contact : les informations de facturation vont au titulaire du compte.',
    communication: 'Recevoir les courriers par',
    byEmail: 'E-mail',
    byPost: 'Voie postale',
    language: 'Langue',
    languageHint: 'La langue de nos e-mails et de ces pages.',
    save: 'Enregistrer les préférences',
  },
  password: {
    heading: 'Mot de passe',
    intro: 'Changer votre mot de passe déconnecte vos autres sessions ; celle-ci reste ouverte.',
    current: 'Mot de passe actuel',
    next: 'Nouveau mot de passe',
    nextHint: (min) =>
      `Au moins ${min} caractères. Une longue phrase de mots sans rapport est solide et facile à taper.`,
    show: 'Afficher',
    hide: 'Masquer',
    generate: 'Générer un mot de passe sûr',
    generated:
      'Un mot de passe aléatoire est dans le champ, en clair : gardez-le dans votre gestionnaire de mots de passe avant d’enregistrer.',
    copy: 'Copier',
    copied: 'Copié dans le presse-papiers.',
    copyFailed: 'Copie impossible : sélectionnez le mot de passe et copiez-le vous-même.',
    strength: 'Robustesse :',
    weak: 'faible',
    fair: 'moyenne',
    strong: 'élevée',
    tooShort: (min) => `trop court (au moins ${min} caractères)`,
    save: 'Changer le mot de passe',
  },
  newsletters: {
    heading: 'Lettres d’information',
    intro: 'Choisissez ce que vous souhaitez recevoir.',
    items: {
      news: {
        label: 'Actualités',
        description: 'Les nouvelles et annonces de l’entreprise, environ une fois par mois.',
      },
      offers: { label: 'Offres', description: 'Promotions et réductions sur nos services.' },
      'product-updates': {
        label: 'Nouveautés produits',
        description: 'Les nouvelles fonctions et les changements des services que vous utilisez.',
      },
      'domain-suggestions': {
        label: 'Suggestions de domaines',
        description: 'Des noms de domaine disponibles proches des vôtres, et les nouvelles extensions.',
      },
    },
    save: 'Enregistrer mes choix',
    unsubscribeAll: 'Me désabonner de tout',
    note: 'Les e-mails de service partent toujours, quels que soient vos choix : liens et résultats des changements de contact, avis de sécurité et factures.',
  },
  errors: {
    emailRequired: 'Saisissez une adresse e-mail.',
    email: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    emailTaken: (email) => `${email} est déjà l’adresse e-mail de l’un de vos contacts.`,
    phone: 'Saisissez le numéro au format international, avec + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',
    tooLong: (max) => `${max} caractères au maximum.`,
    country: 'Saisissez un code pays à deux lettres, par exemple FR, BE ou NL.',
    language: 'Choisissez le français, l’anglais ou le néerlandais.',
    communication: 'Choisissez e-mail ou voie postale.',
    billingUnknown: (handle) => `${handle} ne fait pas partie de vos contacts ; ajoutez-le d’abord dans Mes contacts.`,
    nameBySupport: 'Seul le support peut modifier vos nom et prénom : contactez-le avec une pièce d’identité.',
    currentRequired: 'Saisissez votre mot de passe actuel.',
    currentWrong: 'Ce n’est pas votre mot de passe actuel.',
    same: 'Le nouveau mot de passe doit être différent de l’actuel.',
    short: (min) => `Choisissez un mot de passe d’au moins ${min} caractères.`,
    confirm: 'Les deux mots de passe diffèrent : saisissez deux fois le même.',
    invalid: 'Cette valeur n’est pas valide.',
  },
  invitation: {
    title: 'Accepter l’invitation',
    intro:
      'Choisissez le mot de passe de votre sous-compte. Vous vous connecterez ensuite avec votre identifiant et ce mot de passe.',
    hello: (name) => `Bonjour ${name},`,
    handle: (handle) => `votre identifiant de connexion est ${handle}.`,
    password: 'Mot de passe',
    confirm: 'Saisissez à nouveau le mot de passe',
    submit: 'Accepter et me connecter',
    invalid:
      'Ce lien d’invitation n’est plus valable : il a déjà servi, a été retiré, remplacé par un plus récent, ou a expiré. Demandez un nouveau lien à la personne qui vous a invité.',
    incomplete:
      'Ce lien est incomplet. Rouvrez le lien de l’e-mail d’invitation en entier ; si cela échoue encore, demandez un nouveau lien à la personne qui vous a invité.',
  },
};

const nl: ProfileCopy = {
  title: 'Profiel',
  intro: 'De contactgegevens en voorkeuren van uw klantenpanel, uw wachtwoord en uw nieuwsbrieven.',
  keeperIntro: (keeper) => `U beheert het profiel van het klantenpanel van ${keeper}. Het wachtwoord is uw eigen.`,
  restricted:
    'Uw subaccount mag het profiel van dit klantenpanel niet zien of wijzigen; vraag de accounthouder om de permissie voor het profiel. Hieronder kunt u uw eigen wachtwoord wijzigen.',
  sections: 'Onderdelen van het profiel',
  errorLabel: 'Fout:',
  summary: 'Er is niets opgeslagen. Verbeter het volgende:',
  saved: {
    contact: 'Uw contactgegevens zijn opgeslagen.',
    preferences: 'De voorkeuren van het account zijn opgeslagen.',
    password: 'Uw wachtwoord is gewijzigd. Uw andere sessies zijn uitgelogd.',
    newsletters: 'Uw keuze van nieuwsbrieven is opgeslagen.',
    unsubscribed: 'U bent afgemeld voor alle nieuwsbrieven. Service-e-mails blijven u bereiken.',
  },
  contact: {
    heading: 'Contactgegevens',
    intro: 'Hoe wij de accounthouder bereiken. Deze gegevens staan ook op de facturen.',
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    nameHint:
      'Alleen de klantenservice kan uw voor- en achternaam wijzigen: neem contact op met een identiteitsbewijs.',
    email: 'E-mailadres',
    emailHint: 'Waar service-e-mails heen gaan, zoals de links om een contactwijziging goed te keuren.',
    phone: 'Telefoon',
    phoneHint: 'Internationale notatie, met + en de landcode, bijvoorbeeld +31 6 12345678.',
    company: 'Bedrijf',
    street: 'Straat en huisnummer',
    postalCode: 'Postcode',
    city: 'Plaats',
    country: 'Land',
    countryHint: 'Code van twee letters, bijvoorbeeld NL, BE of FR.',
    optional: '(optioneel)',
    save: 'Contactgegevens opslaan',
  },
  preferences: {
    heading: 'Accountvoorkeuren',
    intro: 'Wie de factuurinformatie ontvangt, en hoe en in welke taal wij u schrijven.',
    billingContact: 'Facturatiecontact',
    billingHint:
      'De accounthouder, of een van uw contacten. Voeg een contact toe onder Mijn contacten om het hier te kiezen.',
    holder: 'accounthouder',
    noContacts: 'U hebt nog geen contacten: de factuurinformatie gaat naar de accounthouder.',
    communication: 'Post ontvangen per',
    byEmail: 'E-mail',
    byPost: 'Post',
    language: 'Taal',
    languageHint: 'De taal van onze e-mails en van deze pagina’s.',
    save: 'Voorkeuren opslaan',
  },
  password: {
    heading: 'Wachtwoord',
    intro: 'Als u uw wachtwoord wijzigt, worden uw andere sessies uitgelogd; deze blijft open.',
    current: 'Huidig wachtwoord',
    next: 'Nieuw wachtwoord',
    nextHint: (min) => `Ten minste ${min} tekens. Een lange zin van losse woorden is sterk en makkelijk te typen.`,
    show: 'Tonen',
    hide: 'Verbergen',
    generate: 'Een veilig wachtwoord maken',
    generated:
      'Er staat een willekeurig wachtwoord in het veld, zichtbaar: bewaar het in uw wachtwoordbeheerder voordat u opslaat.',
    copy: 'Kopiëren',
    copied: 'Gekopieerd naar het klembord.',
    copyFailed: 'Kopiëren lukt niet: selecteer het wachtwoord en kopieer het zelf.',
    strength: 'Sterkte:',
    weak: 'zwak',
    fair: 'redelijk',
    strong: 'sterk',
    tooShort: (min) => `te kort (ten minste ${min} tekens)`,
    save: 'Wachtwoord wijzigen',
  },
  newsletters: {
    heading: 'Nieuwsbrieven',
    intro: 'Kies wat u wilt ontvangen.',
    items: {
      news: { label: 'Nieuws', description: 'Nieuws en aankondigingen van het bedrijf, ongeveer eens per maand.' },
      offers: { label: 'Aanbiedingen', description: 'Acties en kortingen op onze diensten.' },
      'product-updates': {
        label: 'Productnieuws',
        description: 'Nieuwe functies en wijzigingen in de diensten die u gebruikt.',
      },
      'domain-suggestions': {
        label: 'Domeinsuggesties',
        description: 'Beschikbare domeinnamen die op de uwe lijken, en nieuwe extensies.',
      },
    },
    save: 'Mijn keuze opslaan',
    unsubscribeAll: 'Afmelden voor alles',
    note: 'Service-e-mails gaan altijd uit, wat u hier ook kiest: links en uitkomsten van contactwijzigingen, beveiligingsberichten en facturen.',
  },
  errors: {
    emailRequired: 'Vul een e-mailadres in.',
    email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    emailTaken: (email) => `${email} is al het e-mailadres van een van uw contacten.`,
    phone: 'Vul het nummer in internationale notatie in, met + en de landcode, bijvoorbeeld +31 6 12345678.',
    tooLong: (max) => `Ten hoogste ${max} tekens.`,
    country: 'Vul een landcode van twee letters in, bijvoorbeeld NL, BE of FR.',
    language: 'Kies Frans, Engels of Nederlands.',
    communication: 'Kies e-mail of post.',
    billingUnknown: (handle) => `${handle} is geen van uw contacten; voeg het eerst toe onder Mijn contacten.`,
    nameBySupport:
      'Alleen de klantenservice kan uw voor- en achternaam wijzigen: neem contact op met een identiteitsbewijs.',
    currentRequired: 'Vul uw huidige wachtwoord in.',
    currentWrong: 'Dit is niet uw huidige wachtwoord.',
    same: 'Het nieuwe wachtwoord moet verschillen van het huidige.',
    short: (min) => `Kies een wachtwoord van ten minste ${min} tekens.`,
    confirm: 'De twee wachtwoorden verschillen: typ twee keer hetzelfde wachtwoord.',
    invalid: 'Deze waarde is niet geldig.',
  },
  invitation: {
    title: 'De uitnodiging accepteren',
    intro: 'Kies het wachtwoord van uw subaccount. Daarna logt u in met uw handle en dit wachtwoord.',
    hello: (name) => `Beste ${name},`,
    handle: (handle) => `uw handle is ${handle}: daarmee logt u in.`,
    password: 'Wachtwoord',
    confirm: 'Typ het wachtwoord nogmaals',
    submit: 'Accepteren en inloggen',
    invalid:
      'Deze uitnodigingslink is niet meer geldig: hij is al gebruikt, ingetrokken, vervangen door een nieuwere of verlopen. Vraag de persoon die u uitnodigde om een nieuwe link.',
    incomplete:
      'Deze link is onvolledig. Open de link uit de uitnodigingsmail opnieuw, helemaal; lukt het dan nog niet, vraag de persoon die u uitnodigde om een nieuwe link.',
  },
};

export const PROFILE: Record<Language, ProfileCopy> = { en, fr, nl };
