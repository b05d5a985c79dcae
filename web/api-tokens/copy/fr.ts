import type { ApiTokensCopy } from './index.js';

export const fr: ApiTokensCopy = {
  link: 'Jetons d’API : laissez vos propres outils utiliser l’API en votre nom',
  title: 'Mes jetons d’API',
  intro:
    'Un jeton d’API permet à un programme d’utiliser l’API de Countersign en votre nom. Donnez à chaque programme son propre jeton, en lecture seule s’il n’a besoin que de lire, et révoquez un jeton dès qu’il ne sert plus.',
  back: 'Retour à mon profil',
  errorLabel: 'Erreur :',
  summary: 'Veuillez corriger ce qui suit :',
  list: {
    heading: 'Jetons en service',
    empty: 'Vous n’avez aucun jeton d’API.',
    name: 'Nom',
    scope: 'Accès',
    created: 'Créé le',
    lastUsed: 'Dernière utilisation',
    never: 'Jamais',
    actions: 'Actions',
    revoke: 'Révoquer',
    revokeLabel: (name) => `Révoquer le jeton « ${name} »`,
  },
  scopes: {
    read: { label: 'Lecture seule', hint: 'Peut consulter, jamais rien modifier.' },
    full: { label: 'Accès complet', hint: 'Peut faire tout ce que vous pouvez faire par l’API.' },
  },
  create: {
    heading: 'Créer un jeton',
    name: 'Nom',
    nameHint: 'À quoi sert le jeton, par exemple le programme qui l’utilise.',
    scope: 'Accès',
    submit: 'Créer le jeton',
  },
  created: {
    heading: 'Votre nouveau jeton',
    notice: 'Copiez ce jeton maintenant : il n’est affiché que cette fois. Nous n’en gardons qu’une empreinte.',
    label: 'Jeton',
    use: 'Envoyez-le dans l’en-tête Authorization de chaque requête à l’API : Authorization : Bearer <jeton>.',
  },
  revoked: 'Le jeton est révoqué : il ne fonctionne plus.',
  errors: {
    nameRequired: 'Nommez le jeton, par exemple d’après le programme qui l’utilise.',
    nameTooLong: (max) => `Le nom peut compter au plus ${max} caractères.`,
    scope: 'Choisissez lecture seule ou accès complet.',
  },
};
