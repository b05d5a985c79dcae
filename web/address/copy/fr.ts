import { html } from '../../shared/html.js';
import type { AddressCopy } from './index.js';

export const fr: AddressCopy = {
  field: {
    password: 'Votre mot de passe, pour changer l’adresse',
    passwordHint:
      'Nécessaire seulement pour changer l’adresse e-mail. La nouvelle adresse ne sert qu’une fois confirmée par le lien que nous y envoyons ; l’adresse actuelle en est avertie.',
    holderOnly: 'Seul le titulaire du compte peut changer cette adresse.',
    pending: (email, until) =>
      html`En attente de confirmation à <strong>${email}</strong> : nous y avons envoyé un lien, valable jusqu’au ${until}. L’adresse ci-dessus reste utilisée jusque-là.`,
    withdraw: 'Retirer ce changement',
    withdrawn: 'Le changement d’adresse a été retiré : son lien ne fonctionne plus.',
  },
  incomplete:
    'Ce lien est incomplet. Ouvrez à nouveau le lien de l’e-mail, en entier, dans un navigateur où JavaScript est activé.',
  unavailable: 'Impossible pour le moment, et rien n’a été modifié. Réessayez dans un instant.',
  confirm: {
    title: 'Confirmer la nouvelle adresse e-mail',
    intro:
      'Appuyez sur le bouton pour que cette adresse devienne celle utilisée. Les changements de contact qui attendent encore une décision de ce compte seront arrêtés, car leurs codes sont partis vers l’ancienne adresse.',
    button: 'Confirmer cette adresse',
    done: (email) => `C’est fait : l’adresse e-mail est désormais ${email}.`,
    ended: (count) =>
      count === 1
        ? 'Un changement de contact en attente a été arrêté ; l’ancienne adresse en a été avertie.'
        : `${count} changements de contact en attente ont été arrêtés ; l’ancienne adresse en a été avertie.`,
    taken:
      'Cette adresse est déjà utilisée par quelqu’un d’autre dans le même carnet de contacts : l’adresse n’a pas été changée.',
    invalid:
      'Ce lien n’est plus valable : il a déjà servi, a été remplacé par un changement plus récent, a été retiré ou a expiré. Demandez à nouveau le changement s’il est toujours souhaité.',
  },
  cancel: {
    title: 'Annuler le changement d’adresse',
    intro:
      'Appuyez sur le bouton pour annuler le changement d’adresse. Toutes les sessions du compte seront déconnectées : reconnectez-vous ensuite et changez votre mot de passe.',
    button: 'Annuler le changement et tout déconnecter',
    done: 'Le changement d’adresse est annulé et toutes les sessions du compte sont déconnectées. Reconnectez-vous et changez votre mot de passe.',
    invalid:
      'Ce lien n’est plus valable : le changement a déjà été confirmé, annulé ou remplacé. Si vous ne l’avez pas demandé, contactez le support.',
  },
};
