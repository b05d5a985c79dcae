import type { Language } from '../../domain/contact-change.js';

export interface CommonCopy {
  languageName: string;
  skip: string;
  nav: {
    services: string;
    requests: string;
    contacts: string;
    profile: string;
    support: string;
    mailbox: string;
    signOut: string;
    signedInAs: string;
    language: string;
  };
  signIn: {
    title: string;
    handle: string;
    password: string;
    submit: string;
    wrong: string;
    tooMany: string;
    intro: string;
    demo: string;
  };
  errors: { notFound: string; unavailable: string; forbidden: string; csrf: string };
}

const en: CommonCopy = {
  languageName: 'English',
  skip: 'Skip to content',
  nav: {
    services: 'My services',
    requests: 'My requests',
    contacts: 'My contacts',
    profile: 'Profile',
    support: 'Support',
    mailbox: 'Dev mailbox',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    language: 'Language',
  },
  signIn: {
    title: 'Sign in',
    handle: 'Customer handle',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'This handle and password do not match. Check both and try again.',
    tooMany: 'Too many attempts from your connection. Wait a minute and try again.',
    intro: 'Sign in with your customer handle (for example ab1234-cs) and your password.',
    demo: 'Local demo: the demo logins are printed by npm start.',
  },
  errors: {
    notFound: 'There is nothing here, or nothing you may see.',
    unavailable: 'The service is briefly unavailable. Try again in a moment.',
    forbidden: 'You may not do this.',
    csrf: 'This form has expired. Reload the page and try again.',
  },
};

const fr: CommonCopy = {
  languageName: 'Français',
  skip: 'Aller au contenu',
  nav: {
    services: 'Mes services',
    requests: 'Mes demandes',
    contacts: 'Mes contacts',
    profile: 'Profil',
    support: 'Support',
    mailbox: 'Boîte de test',
    signOut: 'Se déconnecter',
    signedInAs: 'Connecté en tant que',
    language: 'Langue',
  },
  signIn: {
    title: 'Connexion',
    handle: 'Identifiant client',
    password: 'Mot de passe',
    submit: 'Se connecter',
    wrong: 'Cet identifiant et ce mot de passe ne correspondent pas. Vérifiez-les et réessayez.',
    tooMany: 'Trop de tentatives depuis votre connexion. Patientez une minute puis réessayez.',
    intro: 'Connectez-vous avec votre identifiant client (par exemple ab1234-cs) et votre mot de passe.',
    demo: 'Démo locale : les identifiants de démonstration sont affichés par npm start.',
  },
  errors: {
    notFound: 'Il n’y a rien ici, ou rien que vous puissiez voir.',
    unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    forbidden: 'Vous ne pouvez pas effectuer cette action.',
    csrf: 'Ce formulaire a expiré. Rechargez la page et réessayez.',
  },
};

const nl: CommonCopy = {
  languageName: 'Nederlands',
  skip: 'Naar de inhoud',
  nav: {
    services: 'Mijn diensten',
    requests: 'Mijn verzoeken',
    contacts: 'Mijn contacten',
    profile: 'Profiel',
    support: 'Support',
    mailbox: 'Testmailbox',
    signOut: 'Uitloggen',
    signedInAs: 'Ingelogd als',
    language: 'Taal',
  },
  signIn: {
    title: 'Inloggen',
    handle: 'Klanthandle',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    wrong: 'Deze handle en dit wachtwoord horen niet bij elkaar. Controleer beide en probeer het opnieuw.',
    tooMany: 'Te veel pogingen vanaf uw verbinding. Wacht een minuut en probeer het opnieuw.',
    intro: 'Log in met uw klanthandle (bijvoorbeeld ab1234-cs) en uw wachtwoord.',
    demo: 'Lokale demo: npm start toont de demo-inloggegevens.',
  },
  errors: {
    notFound: 'Hier staat niets, of niets dat u mag zien.',
    unavailable: 'De dienst is even niet beschikbaar. Probeer het zo opnieuw.',
    forbidden: 'Dit mag u niet doen.',
    csrf: 'Dit formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.',
  },
};

export const COMMON: Record<Language, CommonCopy> = { en, fr, nl };
