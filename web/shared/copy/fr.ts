import { elide } from '../../../i18n/format.js';
import type { CommonCopy } from './index.js';

export const fr: CommonCopy = {
  languageName: 'Français',
  noCountry: 'Aucun pays',
  colon: ' : ',
  skip: 'Aller au contenu',
  nav: {
    services: 'Mes services',
    requests: 'Mes demandes',
    contacts: 'Mes contacts',
    profile: 'Profil',
    support: 'Support',
    mailbox: 'Boîte de test',
    signOut: 'Se déconnecter',
    signedInAs: 'Connexion en tant que',
    language: 'Langue',
    actingIn: (keeper) => `Vous agissez dans l’espace client ${elide('de', keeper)}.`,
  },
  signIn: {
    title: 'Connexion',
    handle: 'Identifiant client',
    password: 'Mot de passe',
    submit: 'Se connecter',
    wrong: 'Cet identifiant et ce mot de passe ne correspondent pas. Vérifiez-les et réessayez.',
    tooMany: 'Trop de tentatives depuis votre connexion. Patientez une minute puis réessayez.',
    intro: 'Connectez-vous avec votre identifiant client (par exemple ab1234-cs) et votre mot de passe.',
    demo: 'Démo locale : les identifiants de démonstration sont affichés par npm start.',
  },
  errors: {
    notFound: 'Il n’y a rien ici, ou rien que vous puissiez voir.',
    unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    forbidden: 'Vous ne pouvez pas effectuer cette action.',
    csrf: 'Ce formulaire a expiré. Rechargez la page et réessayez.',
    badRequest: 'Cette adresse ou ce formulaire n’est pas valable. Vérifiez-le, ou repartez de la page d’accueil.',
  },
};
