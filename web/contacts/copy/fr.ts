import { html } from '../../shared/html.js';
import type { ContactsCopy } from './index.js';

export const fr: ContactsCopy = {
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
      html`${name} détient encore un rôle sur ${services}. Confiez d’abord ces rôles à un autre contact dans ${link}
      (Changer les contacts), puis supprimez le contact.`,
    servicesLink: 'Mes services',
    pendingRequest: (name, links) =>
      html`${name} fait partie d’un changement de contacts en cours (${links}). Attendez qu’il se termine, ou
      annulez-le, puis supprimez le contact.`,
    seeRequest: 'voir la demande',
    requestN: (n) => `demande ${n}`,
    billing: (name, link) =>
      html`${name} reçoit les informations de facturation de votre compte. Choisissez d’abord un autre contact de
      facturation dans votre ${link}, puis supprimez le contact.`,
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
