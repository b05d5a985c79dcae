import type { Language } from '../../domain/contact-change.js';
import type { EmailCategory, Permission } from '../../domain/contact.js';
import { html, type Html } from '../shared/html.js';

export type TextField =
  'firstName' | 'lastName' | 'email' | 'phone' | 'company' | 'street' | 'postalCode' | 'city' | 'country' | 'language';
export type Notice =
  'added' | 'saved' | 'deleted' | 'invited' | 'withdrawn' | 'permissions' | 'deactivated' | 'reactivated';
type Described = { label: string; hint: string };

export interface ContactsCopy {
  errorLabel: string;
  summary: string;
  optional: string;
  list: {
    title: string;
    intro: string;
    add: string;
    empty: string;
    caption: string;
    name: string;
    handle: string;
    email: string;
    phone: string;
    company: string;
    categories: string;
    access: string;
    actions: string;
    edit: string;
    delete: string;
    noCategory: string;
  };
  /** A contact's access, as the list shows it; `invited` is followed by the link's expiry. */
  status: { none: string; invited: string; expired: string; active: string; deactivated: string };
  notices: Record<Notice, string>;
  form: {
    newTitle: string;
    editTitle: string;
    newIntro: string;
    editIntro: string;
    handle: string;
    name: string;
    reach: string;
    address: string;
    emails: string;
    emailsHint: string;
    add: string;
    save: string;
    back: string;
    delete: string;
  };
  fields: Record<TextField, { label: string; hint?: string }>;
  categories: Record<EmailCategory, Described>;
  permissions: Record<Permission, Described>;
  /** The schema's refusals, per field, in the reader's words. */
  checks: {
    firstName: string;
    lastName: string;
    emailRequired: string;
    email: string;
    phone: string;
    country: string;
    language: string;
    category: string;
    tooLong: (max: number) => string;
    invalid: string;
  };
  problems: { emailTaken: (email: string) => string; subAccountEmail: string; unavailable: string };
  del: {
    title: (name: string) => string;
    consequences: string;
    subAccount: string;
    confirm: string;
    cancel: string;
    refused: string;
    ownerOnly: string;
    holdsRole: (name: string, services: string, link: Html) => Html;
    servicesLink: string;
    pendingRequest: (name: string, links: Html) => Html;
    seeRequest: string;
    requestN: (n: number) => string;
    billing: (name: string, link: Html) => Html;
    profileLink: string;
  };
  access: {
    heading: string;
    none: (name: string) => string;
    allow: string;
    allowHint: (email: string, days: number) => string;
    invite: string;
    invited: (email: string) => string;
    expired: (email: string) => string;
    resend: string;
    resendHint: string;
    withdraw: string;
    withdrawHint: string;
    active: (name: string, handle: string) => string;
    deactivated: (name: string) => string;
    deactivate: string;
    deactivateHint: string;
    reactivate: string;
    reactivateHint: string;
    permissions: string;
    permissionsHint: string;
    save: string;
    problems: {
      already: string;
      noInvitation: string;
      notSubAccount: string;
      notActive: string;
      notDeactivated: string;
      unavailable: string;
    };
  };
}

const en: ContactsCopy = {
  errorLabel: 'Error:',
  summary: 'Please correct the following:',
  optional: '(optional)',
  list: {
    title: 'My contacts',
    intro:
      'The people you keep in your book. Each has a handle of its own, which you can give a role on a service; you can also let a contact sign in to your customer area as a sub-account.',
    add: 'Add a contact',
    empty: 'Your book has no contacts yet.',
    caption: 'Contacts',
    name: 'Name',
    handle: 'Handle',
    email: 'Email',
    phone: 'Phone',
    company: 'Company',
    categories: 'Receives',
    access: 'Access',
    actions: 'Actions',
    edit: 'Edit',
    delete: 'Delete',
    noCategory: 'No emails',
  },
  status: {
    none: 'Contact',
    invited: 'Invited, link valid until',
    expired: 'Invitation expired on',
    active: 'Sub-account',
    deactivated: 'Deactivated',
  },
  notices: {
    added: 'The contact has been added.',
    saved: 'The changes have been saved.',
    deleted: 'The contact has been deleted.',
    invited: 'The invitation has been sent.',
    withdrawn: 'The invitation has been withdrawn: its link no longer works.',
    permissions: 'The permissions have been saved; they apply from the sub-account’s next action.',
    deactivated: 'The sub-account has been deactivated: it is signed out and can no longer sign in.',
    reactivated: 'The sub-account has been reactivated: it can sign in again.',
  },
  form: {
    newTitle: 'Add a contact',
    editTitle: 'Edit a contact',
    newIntro: 'The contact gets a handle of its own. Nothing is sent to them.',
    editIntro: 'The handle stays the same; the roles this contact holds on services stay too.',
    handle: 'Handle',
    name: 'Name',
    reach: 'How to reach them',
    address: 'Address',
    emails: 'Emails they receive',
    emailsHint: 'This contact also receives a copy of the emails of the kinds you tick.',
    add: 'Add the contact',
    save: 'Save the changes',
    back: 'Back to my contacts',
    delete: 'Delete this contact',
  },
  fields: {
    firstName: { label: 'First name' },
    lastName: { label: 'Last name' },
    email: { label: 'Email address', hint: 'Each contact in your book has an address of its own.' },
    phone: { label: 'Phone', hint: 'In international form: + and the country code, e.g. +33 6 12 34 56 78.' },
    company: { label: 'Company' },
    street: { label: 'Street and number' },
    postalCode: { label: 'Postal code' },
    city: { label: 'City' },
    country: { label: 'Country', hint: 'Two-letter code, e.g. FR, BE or NL.' },
    language: { label: 'Language', hint: 'The language of the emails this contact receives.' },
  },
  categories: {
    general: { label: 'General', hint: 'All emails about the account.' },
    billing: { label: 'Billing', hint: 'Invoices and payment reminders.' },
    support: { label: 'Support', hint: 'Copies of support tickets.' },
    product: { label: 'Services', hint: 'Welcome, suspension and other emails about the life of a service.' },
    domain: { label: 'Domain names', hint: 'Domain confirmations, renewals and contact changes.' },
  },
  permissions: {
    profile: { label: 'Profile', hint: 'See and edit the account’s details and preferences.' },
    contacts: { label: 'Contacts', hint: 'Add, edit and delete contacts, without giving access.' },
    'services.view': { label: 'See services', hint: 'See the hosting and other services, and their contacts.' },
    'services.manage': { label: 'Manage services', hint: 'Ask for contact changes on services; includes seeing them.' },
    'domains.view': { label: 'See domains', hint: 'See the domain names and their contacts.' },
    'domains.manage': {
      label: 'Manage domains',
      hint: 'Ask for contact changes on domain names; includes seeing them.',
    },
    invoices: { label: 'Invoices', hint: 'See and pay invoices.' },
    tickets: { label: 'Support tickets', hint: 'Open and follow support tickets.' },
    emails: { label: 'Emails', hint: 'Read the emails sent to the account.' },
    orders: { label: 'Orders', hint: 'Place orders and renew services.' },
  },
  checks: {
    firstName: 'Enter the first name.',
    lastName: 'Enter the last name.',
    emailRequired: 'Enter an email address.',
    email: 'Enter a valid email address, e.g. name@example.com.',
    phone: 'Enter the number in international form: + and the country code, e.g. +33 6 12 34 56 78.',
    country: 'Enter a two-letter country code, e.g. FR, BE or NL.',
    language: 'Choose French, English or Dutch.',
    category: 'Choose among the kinds of emails listed.',
    tooLong: (max) => `Use at most ${max} characters.`,
    invalid: 'Check this field.',
  },
  problems: {
    emailTaken: (email) =>
      `${email} is already the address of another contact in your book, or your own. Each contact needs an address of its own.`,
    subAccountEmail: 'Only the account holder may change the email address of a sub-account.',
    unavailable: 'The service is briefly unavailable; nothing was changed. Try again in a moment.',
  },
  del: {
    title: (name) => `Delete ${name}?`,
    consequences:
      'The contact leaves your book and can no longer be given a role. Past requests still show their name.',
    subAccount:
      'This contact is also a sub-account: it is signed out at once, can no longer sign in, and any invitation link stops working.',
    confirm: 'Delete the contact',
    cancel: 'Keep the contact',
    refused: 'This contact cannot be deleted yet.',
    ownerOnly: 'Only the account holder may delete a sub-account.',
    holdsRole: (name, services, link) =>
      html`${name} still holds a role on ${services}. Hand these roles to another contact first in ${link} (Change contacts), then delete the contact.`,
    servicesLink: 'My services',
    pendingRequest: (name, links) =>
      html`${name} is part of a contact change in progress (${links}). Wait for it to end, or cancel it, then delete the contact.`,
    seeRequest: 'see the request',
    requestN: (n) => `request ${n}`,
    billing: (name, link) =>
      html`${name} receives your account’s billing information. Choose another billing contact in your ${link} first, then delete the contact.`,
    profileLink: 'profile',
  },
  access: {
    heading: 'Access to the customer area',
    none: (name) => `${name} is a contact: they cannot sign in.`,
    allow: 'Allow access to the customer area',
    allowHint: (email, days) =>
      `We send ${email} an email with a link to choose a password, valid ${days} days. Once they accept, they sign in as a sub-account with the permissions ticked here.`,
    invite: 'Invite',
    invited: (email) => `An invitation was sent to ${email}. Its link is valid until`,
    expired: (email) =>
      `The invitation sent to ${email} was not accepted in time; send a new link if it is still wanted. It expired on`,
    resend: 'Send a new link',
    resendHint: 'A new email with a new link; the current link stops working.',
    withdraw: 'Withdraw the invitation',
    withdrawHint: 'The link stops working and they stay a contact without access.',
    active: (name, handle) => `${name} is a sub-account: they sign in with the handle ${handle}.`,
    deactivated: (name) => `${name} is a deactivated sub-account: they cannot sign in.`,
    deactivate: 'Deactivate',
    deactivateHint:
      'They are signed out at once and can no longer sign in or use their API tokens, until you reactivate them.',
    reactivate: 'Reactivate',
    reactivateHint: 'They can sign in again with their password, with the permissions below.',
    permissions: 'Permissions',
    permissionsHint: 'What this sub-account may do in your customer area. Managing includes seeing.',
    save: 'Save the permissions',
    problems: {
      already: 'This contact is already a sub-account; change its permissions instead.',
      noInvitation: 'This contact has no invitation waiting to be accepted.',
      notSubAccount: 'This contact has no access yet; invite it first.',
      notActive: 'Only an active sub-account can be deactivated; withdraw a pending invitation instead.',
      notDeactivated: 'This sub-account is not deactivated.',
      unavailable: 'The invitation could not be sent; nothing was changed. Try again in a moment.',
    },
  },
};

const fr: ContactsCopy = {
  errorLabel: 'Erreur :',
  summary: 'Veuillez corriger ce qui suit :',
  optional: '(facultatif)',
  list: {
    title: 'Mes contacts',
    intro:
      'Les personnes de votre carnet. Chacune a son propre identifiant, auquel vous pouvez confier un rôle sur un service ; vous pouvez aussi ouvrir votre espace client à un contact, comme sous-compte.',
    add: 'Ajouter un contact',
    empty: 'Votre carnet ne contient encore aucun contact.',
    caption: 'Contacts',
    name: 'Nom',
    handle: 'Identifiant',
    email: 'E-mail',
    phone: 'Téléphone',
    company: 'Société',
    categories: 'Reçoit',
    access: 'Accès',
    actions: 'Actions',
    edit: 'Modifier',
    delete: 'Supprimer',
    noCategory: 'Aucun e-mail',
  },
  status: {
    none: 'Contact',
    invited: 'Invitation valable jusqu’au',
    expired: 'Invitation expirée le',
    active: 'Sous-compte',
    deactivated: 'Désactivé',
  },
  notices: {
    added: 'Le contact a été ajouté.',
    saved: 'Les modifications ont été enregistrées.',
    deleted: 'Le contact a été supprimé.',
    invited: 'L’invitation a été envoyée.',
    withdrawn: 'L’invitation a été retirée : son lien ne fonctionne plus.',
    permissions: 'Les permissions ont été enregistrées ; elles s’appliquent dès la prochaine action du sous-compte.',
    deactivated: 'Le sous-compte a été désactivé : il est déconnecté et ne peut plus se connecter.',
    reactivated: 'Le sous-compte a été réactivé : il peut de nouveau se connecter.',
  },
  form: {
    newTitle: 'Ajouter un contact',
    editTitle: 'Modifier un contact',
    newIntro: 'Le contact reçoit son propre identifiant. Rien ne lui est envoyé.',
    editIntro: 'L’identifiant ne change pas ; les rôles de ce contact sur vos services non plus.',
    handle: 'Identifiant',
    name: 'Nom',
    reach: 'Coordonnées',
    address: 'Adresse',
    emails: 'E-mails reçus',
    emailsHint: 'Ce contact reçoit aussi une copie des e-mails des catégories cochées.',
    add: 'Ajouter le contact',
    save: 'Enregistrer les modifications',
    back: 'Retour à mes contacts',
    delete: 'Supprimer ce contact',
  },
  fields: {
    firstName: { label: 'Prénom' },
    lastName: { label: 'Nom' },
    email: { label: 'Adresse e-mail', hint: 'Chaque contact de votre carnet a sa propre adresse.' },
    phone: {
      label: 'Téléphone',
      hint: 'Au format international : + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',
    },
    company: { label: 'Société' },
    street: { label: 'Rue et numéro' },
    postalCode: { label: 'Code postal' },
    city: { label: 'Ville' },
    country: { label: 'Pays', hint: 'Code à deux lettres, par exemple FR, BE ou NL.' },
    language: { label: 'Langue', hint: 'La langue des e-mails que reçoit ce contact.' },
  },
  categories: {
    general: { label: 'Général', hint: 'Tous les e-mails concernant le compte.' },
    billing: { label: 'Facturation', hint: 'Factures et rappels de paiement.' },
    support: { label: 'Support', hint: 'Copies des tickets de support.' },
    product: { label: 'Services', hint: 'Bienvenue, suspension et autres e-mails sur la vie d’un service.' },
    domain: {
      label: 'Noms de domaine',
      hint: 'Confirmations, renouvellements et changements de contacts des domaines.',
    },
  },
  permissions: {
    profile: { label: 'Profil', hint: 'Voir et modifier les coordonnées et préférences du compte.' },
    contacts: { label: 'Contacts', hint: 'Ajouter, modifier et supprimer des contacts, sans leur ouvrir d’accès.' },
    'services.view': {
      label: 'Voir les services',
      hint: 'Voir les hébergements et autres services, et leurs contacts.',
    },
    'services.manage': {
      label: 'Gérer les services',
      hint: 'Demander des changements de contacts sur les services ; comprend la consultation.',
    },
    'domains.view': { label: 'Voir les domaines', hint: 'Voir les noms de domaine et leurs contacts.' },
    'domains.manage': {
      label: 'Gérer les domaines',
      hint: 'Demander des changements de contacts sur les noms de domaine ; comprend la consultation.',
    },
    invoices: { label: 'Factures', hint: 'Voir et payer les factures.' },
    tickets: { label: 'Tickets de support', hint: 'Ouvrir et suivre des tickets de support.' },
    emails: { label: 'E-mails', hint: 'Lire les e-mails envoyés au compte.' },
    orders: { label: 'Commandes', hint: 'Passer des commandes et renouveler des services.' },
  },
  checks: {
    firstName: 'Saisissez le prénom.',
    lastName: 'Saisissez le nom.',
    emailRequired: 'Saisissez une adresse e-mail.',
    email: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    phone: 'Saisissez le numéro au format international : + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',
    country: 'Saisissez un code pays à deux lettres, par exemple FR, BE ou NL.',
    language: 'Choisissez le français, l’anglais ou le néerlandais.',
    category: 'Choisissez parmi les catégories d’e-mails proposées.',
    tooLong: (max) => `Au plus ${max} caractères.`,
    invalid: 'Vérifiez ce champ.',
  },
  problems: {
    emailTaken: (email) =>
      `${email} est déjà l’adresse d’un autre contact de votre carnet, ou la vôtre. Chaque contact doit avoir sa propre adresse.`,
    subAccountEmail: 'Seul le titulaire du compte peut changer l’adresse e-mail d’un sous-compte.',
    unavailable: 'Le service est momentanément indisponible ; rien n’a été changé. Réessayez dans un instant.',
  },
  del: {
    title: (name) => `Supprimer ${name} ?`,
    consequences:
      'Le contact quitte votre carnet et ne peut plus recevoir de rôle. Les demandes passées gardent son nom.',
    subAccount:
      'Ce contact est aussi un sous-compte : il est déconnecté aussitôt, ne peut plus se connecter, et tout lien d’invitation cesse de fonctionner.',
    confirm: 'Supprimer le contact',
    cancel: 'Garder le contact',
    refused: 'Ce contact ne peut pas encore être supprimé.',
    ownerOnly: 'Seul le titulaire du compte peut supprimer un sous-compte.',
    holdsRole: (name, services, link) =>
      html`${name} détient encore un rôle sur ${services}. Confiez d’abord ces rôles à un autre contact dans ${link} (Changer les contacts), puis supprimez le contact.`,
    servicesLink: 'Mes services',
    pendingRequest: (name, links) =>
      html`${name} fait partie d’un changement de contacts en cours (${links}). Attendez qu’il se termine, ou annulez-le, puis supprimez le contact.`,
    seeRequest: 'voir la demande',
    requestN: (n) => `demande ${n}`,
    billing: (name, link) =>
      html`${name} reçoit les informations de facturation de votre compte. Choisissez d’abord un autre contact de facturation dans votre ${link}, puis supprimez le contact.`,
    profileLink: 'profil',
  },
  access: {
    heading: 'Accès à l’espace client',
    none: (name) => `${name} est un contact : il ne peut pas se connecter.`,
    allow: 'Autoriser l’accès à l’espace client',
    allowHint: (email, days) =>
      `Nous envoyons à ${email} un e-mail avec un lien pour choisir un mot de passe, valable ${days} jours. Une fois l’invitation acceptée, ce contact se connecte comme sous-compte, avec les permissions cochées ici.`,
    invite: 'Inviter',
    invited: (email) => `Une invitation a été envoyée à ${email}. Son lien est valable jusqu’au`,
    expired: (email) =>
      `L’invitation envoyée à ${email} n’a pas été acceptée à temps ; envoyez un nouveau lien si l’accès est toujours souhaité. Elle a expiré le`,
    resend: 'Envoyer un nouveau lien',
    resendHint: 'Un nouvel e-mail avec un nouveau lien ; le lien actuel cesse de fonctionner.',
    withdraw: 'Retirer l’invitation',
    withdrawHint: 'Le lien cesse de fonctionner et ce contact reste sans accès.',
    active: (name, handle) => `${name} est un sous-compte : il se connecte avec l’identifiant ${handle}.`,
    deactivated: (name) => `${name} est un sous-compte désactivé : il ne peut pas se connecter.`,
    deactivate: 'Désactiver',
    deactivateHint:
      'Le sous-compte est déconnecté aussitôt et ne peut plus se connecter ni utiliser ses jetons d’API, jusqu’à sa réactivation.',
    reactivate: 'Réactiver',
    reactivateHint:
      'Le sous-compte peut de nouveau se connecter avec son mot de passe, avec les permissions ci-dessous.',
    permissions: 'Permissions',
    permissionsHint: 'Ce que ce sous-compte peut faire dans votre espace client. Gérer comprend la consultation.',
    save: 'Enregistrer les permissions',
    problems: {
      already: 'Ce contact est déjà un sous-compte ; modifiez plutôt ses permissions.',
      noInvitation: 'Ce contact n’a pas d’invitation en attente.',
      notSubAccount: 'Ce contact n’a pas encore d’accès ; invitez-le d’abord.',
      notActive: 'Seul un sous-compte actif peut être désactivé ; retirez plutôt l’invitation en attente.',
      notDeactivated: 'Ce sous-compte n’est pas désactivé.',
      unavailable: 'L’invitation n’a pas pu être envoyée ; rien n’a été changé. Réessayez dans un instant.',
    },
  },
};

const nl: ContactsCopy = {
  errorLabel: 'Fout:',
  summary: 'Verbeter het volgende:',
  optional: '(optioneel)',
  list: {
    title: 'Mijn contacten',
    intro:
      'De contactpersonen in uw adresboek. Elke contactpersoon heeft een eigen handle, waaraan u een rol op een dienst kunt geven; u kunt een contactpersoon ook als subaccount toegang geven tot uw klantomgeving.',
    add: 'Contactpersoon toevoegen',
    empty: 'Uw adresboek bevat nog geen contactpersonen.',
    caption: 'Contactpersonen',
    name: 'Naam',
    handle: 'Handle',
    email: 'E-mail',
    phone: 'Telefoon',
    company: 'Bedrijf',
    categories: 'Ontvangt',
    access: 'Toegang',
    actions: 'Acties',
    edit: 'Wijzigen',
    delete: 'Verwijderen',
    noCategory: 'Geen e-mails',
  },
  status: {
    none: 'Contactpersoon',
    invited: 'Uitgenodigd, link geldig tot',
    expired: 'Uitnodiging verlopen op',
    active: 'Subaccount',
    deactivated: 'Gedeactiveerd',
  },
  notices: {
    added: 'De contactpersoon is toegevoegd.',
    saved: 'De wijzigingen zijn opgeslagen.',
    deleted: 'De contactpersoon is verwijderd.',
    invited: 'De uitnodiging is verstuurd.',
    withdrawn: 'De uitnodiging is ingetrokken: de link werkt niet meer.',
    permissions: 'De permissies zijn opgeslagen; ze gelden vanaf de volgende actie van het subaccount.',
    deactivated: 'Het subaccount is gedeactiveerd: het is uitgelogd en kan niet meer inloggen.',
    reactivated: 'Het subaccount is weer geactiveerd: het kan opnieuw inloggen.',
  },
  form: {
    newTitle: 'Contactpersoon toevoegen',
    editTitle: 'Contactpersoon wijzigen',
    newIntro: 'De contactpersoon krijgt een eigen handle. Er wordt niets naar hem of haar gestuurd.',
    editIntro: 'De handle blijft hetzelfde, net als de rollen van deze contactpersoon op uw diensten.',
    handle: 'Handle',
    name: 'Naam',
    reach: 'Contactgegevens',
    address: 'Adres',
    emails: 'Ontvangen e-mails',
    emailsHint: 'Deze contactpersoon ontvangt ook een kopie van de e-mails van de aangevinkte soorten.',
    add: 'Contactpersoon toevoegen',
    save: 'Wijzigingen opslaan',
    back: 'Terug naar mijn contacten',
    delete: 'Deze contactpersoon verwijderen',
  },
  fields: {
    firstName: { label: 'Voornaam' },
    lastName: { label: 'Achternaam' },
    email: { label: 'E-mailadres', hint: 'Elke contactpersoon in uw adresboek heeft een eigen adres.' },
    phone: { label: 'Telefoon', hint: 'In internationale vorm: + en de landcode, bijvoorbeeld +31 6 12345678.' },
    company: { label: 'Bedrijf' },
    street: { label: 'Straat en huisnummer' },
    postalCode: { label: 'Postcode' },
    city: { label: 'Plaats' },
    country: { label: 'Land', hint: 'Code van twee letters, bijvoorbeeld NL, BE of FR.' },
    language: { label: 'Taal', hint: 'De taal van de e-mails die deze contactpersoon ontvangt.' },
  },
  categories: {
    general: { label: 'Algemeen', hint: 'Alle e-mails over het account.' },
    billing: { label: 'Facturatie', hint: 'Facturen en betalingsherinneringen.' },
    support: { label: 'Support', hint: 'Kopieën van supporttickets.' },
    product: { label: 'Diensten', hint: 'Welkom, opschorting en andere e-mails over het verloop van een dienst.' },
    domain: { label: 'Domeinnamen', hint: 'Domeinbevestigingen, verlengingen en contactwijzigingen.' },
  },
  permissions: {
    profile: { label: 'Profiel', hint: 'De gegevens en voorkeuren van het account bekijken en wijzigen.' },
    contacts: {
      label: 'Contactpersonen',
      hint: 'Contactpersonen toevoegen, wijzigen en verwijderen, zonder toegang te geven.',
    },
    'services.view': { label: 'Diensten bekijken', hint: 'De hosting en andere diensten en hun contacten bekijken.' },
    'services.manage': {
      label: 'Diensten beheren',
      hint: 'Contactwijzigingen voor diensten aanvragen; inclusief bekijken.',
    },
    'domains.view': { label: 'Domeinen bekijken', hint: 'De domeinnamen en hun contacten bekijken.' },
    'domains.manage': {
      label: 'Domeinen beheren',
      hint: 'Contactwijzigingen voor domeinnamen aanvragen; inclusief bekijken.',
    },
    invoices: { label: 'Facturen', hint: 'Facturen bekijken en betalen.' },
    tickets: { label: 'Supporttickets', hint: 'Supporttickets openen en volgen.' },
    emails: { label: 'E-mails', hint: 'De e-mails lezen die naar het account zijn gestuurd.' },
    orders: { label: 'Bestellingen', hint: 'Bestellingen plaatsen en diensten verlengen.' },
  },
  checks: {
    firstName: 'Vul de voornaam in.',
    lastName: 'Vul de achternaam in.',
    emailRequired: 'Vul een e-mailadres in.',
    email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    phone: 'Vul het nummer in internationale vorm in: + en de landcode, bijvoorbeeld +31 6 12345678.',
    country: 'Vul een landcode van twee letters in, bijvoorbeeld NL, BE of FR.',
    language: 'Kies Frans, Engels of Nederlands.',
    category: 'Kies uit de genoemde soorten e-mails.',
    tooLong: (max) => `Gebruik ten hoogste ${max} tekens.`,
    invalid: 'Controleer dit veld.',
  },
  problems: {
    emailTaken: (email) =>
      `${email} is al het adres van een andere contactpersoon in uw adresboek, of uw eigen adres. Elke contactpersoon heeft een eigen adres nodig.`,
    subAccountEmail: 'Alleen de accounthouder mag het e-mailadres van een subaccount wijzigen.',
    unavailable: 'De dienst is even niet beschikbaar; er is niets gewijzigd. Probeer het zo opnieuw.',
  },
  del: {
    title: (name) => `${name} verwijderen?`,
    consequences:
      'De contactpersoon verdwijnt uit uw adresboek en kan geen rol meer krijgen. Eerdere verzoeken tonen de naam nog.',
    subAccount:
      'Deze contactpersoon is ook een subaccount: het wordt meteen uitgelogd, kan niet meer inloggen en een uitnodigingslink werkt niet meer.',
    confirm: 'Contactpersoon verwijderen',
    cancel: 'Contactpersoon behouden',
    refused: 'Deze contactpersoon kan nog niet worden verwijderd.',
    ownerOnly: 'Alleen de accounthouder mag een subaccount verwijderen.',
    holdsRole: (name, services, link) =>
      html`${name} heeft nog een rol op ${services}. Draag deze rollen eerst over aan een andere contactpersoon via ${link} (Contacten wijzigen) en verwijder daarna de contactpersoon.`,
    servicesLink: 'Mijn diensten',
    pendingRequest: (name, links) =>
      html`${name} maakt deel uit van een lopende contactwijziging (${links}). Wacht tot die afloopt, of annuleer ze, en verwijder daarna de contactpersoon.`,
    seeRequest: 'bekijk het verzoek',
    requestN: (n) => `verzoek ${n}`,
    billing: (name, link) =>
      html`${name} ontvangt de facturatiegegevens van uw account. Kies eerst een andere facturatiecontactpersoon in uw ${link} en verwijder daarna de contactpersoon.`,
    profileLink: 'profiel',
  },
  access: {
    heading: 'Toegang tot de klantomgeving',
    none: (name) => `${name} is een contactpersoon en kan niet inloggen.`,
    allow: 'Toegang tot de klantomgeving geven',
    allowHint: (email, days) =>
      `We sturen ${email} een e-mail met een link om een wachtwoord te kiezen, ${days} dagen geldig. Na aanvaarding logt deze contactpersoon in als subaccount, met de permissies die hier zijn aangevinkt.`,
    invite: 'Uitnodigen',
    invited: (email) => `Er is een uitnodiging naar ${email} gestuurd. De link is geldig tot`,
    expired: (email) =>
      `De uitnodiging aan ${email} is niet op tijd geaccepteerd; stuur een nieuwe link als de toegang nog gewenst is. Ze is verlopen op`,
    resend: 'Nieuwe link sturen',
    resendHint: 'Een nieuwe e-mail met een nieuwe link; de huidige link werkt dan niet meer.',
    withdraw: 'Uitnodiging intrekken',
    withdrawHint: 'De link werkt niet meer en de contactpersoon blijft zonder toegang.',
    active: (name, handle) => `${name} is een subaccount en logt in met de handle ${handle}.`,
    deactivated: (name) => `${name} is een gedeactiveerd subaccount en kan niet inloggen.`,
    deactivate: 'Deactiveren',
    deactivateHint:
      'Het subaccount wordt meteen uitgelogd en kan niet meer inloggen of zijn API-tokens gebruiken, tot u het weer activeert.',
    reactivate: 'Weer activeren',
    reactivateHint: 'Het subaccount kan weer inloggen met zijn wachtwoord, met de permissies hieronder.',
    permissions: 'Permissies',
    permissionsHint: 'Wat dit subaccount in uw klantomgeving mag doen. Beheren omvat bekijken.',
    save: 'Permissies opslaan',
    problems: {
      already: 'Deze contactpersoon is al een subaccount; wijzig in plaats daarvan de permissies.',
      noInvitation: 'Deze contactpersoon heeft geen openstaande uitnodiging.',
      notSubAccount: 'Deze contactpersoon heeft nog geen toegang; nodig hem of haar eerst uit.',
      notActive: 'Alleen een actief subaccount kan worden gedeactiveerd; trek een openstaande uitnodiging in.',
      notDeactivated: 'Dit subaccount is niet gedeactiveerd.',
      unavailable: 'De uitnodiging kon niet worden verstuurd; er is niets gewijzigd. Probeer het zo opnieuw.',
    },
  },
};

export const CONTACTS: Record<Language, ContactsCopy> = { en, fr, nl };
