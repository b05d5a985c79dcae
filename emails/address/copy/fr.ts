import type { AddressEmailsCopy } from './index.js';
import { elide } from '../../../i18n/format.js';

export const fr: AddressEmailsCopy = {
  whose: (w) =>
    w.kind === 'account'
      ? `votre compte ${w.name} (${w.handle})`
      : w.kind === 'subAccount'
        ? `votre sous-compte ${w.handle} dans l'espace client ${elide('de', w.keeper ?? '')}`
        : `votre fiche ${w.handle} dans le carnet de contacts ${elide('de', w.keeper ?? '')}`,
  confirm: {
    subject: 'Confirmez votre nouvelle adresse e-mail',
    body: (c) => [
      `${c.by ? `${c.by} a demandé` : 'Vous avez demandé'} ${elide('que', c.newEmail)} devienne l'adresse e-mail ${elide('de', c.whose)}, à la place ${elide('de', c.oldEmail)}.`,
      `Pour confirmer que cette adresse est bien la vôtre, ouvrez le lien ci-dessous. Il ne sert qu'une fois, jusqu'au ${c.expires}. D'ici là, tous les e-mails, y compris les codes qui valident les changements de contact, partent encore vers ${c.oldEmail}.`,
    ],
    button: 'Confirmer cette adresse',
    note: "Si vous n'attendiez pas cet e-mail, ignorez-le : rien ne change sans vous.",
  },
  notice: {
    subject: 'Votre adresse e-mail va changer',
    body: (c) => [
      `Le ${c.at}, ${c.by ?? 'une personne connectée à votre compte'} a demandé de changer l'adresse e-mail ${elide('de', c.whose)} : ${c.oldEmail} deviendrait ${c.newEmail}.`,
      `Rien n'a encore changé : l'adresse ne change qu'une fois suivi le lien envoyé à ${c.newEmail}, dans les ${c.hours} heures.`,
      "Si vous n'êtes pas à l'origine de cette demande, annulez le changement avec le lien ci-dessous. Il déconnecte aussi toutes les sessions du compte : changez ensuite votre mot de passe.",
    ],
    button: 'Annuler le changement et tout déconnecter',
    note: "Si c'était bien vous, vous n'avez rien à faire.",
  },
  changed: {
    subject: 'Votre adresse e-mail a été changée',
    body: (c) => [
      `Depuis le ${c.at}, l'adresse e-mail ${elide('de', c.whose)} est ${c.newEmail}. Nos e-mails n'arrivent plus à ${c.oldEmail}.`,
    ],
    ended:
      'Ces demandes de changement de contact en attente ont été arrêtées, car leurs codes avaient été envoyés à cette adresse et ne doivent plus servir :',
    endedAfter: "Si un changement est toujours souhaité, une nouvelle demande peut être faite depuis l'espace client.",
    request: (r) => `${r.service} (${r.roles}), référence ${r.id}`,
    note: "Si vous n'avez pas demandé ce changement, contactez immédiatement notre support.",
  },
};
