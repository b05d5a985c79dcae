import type { ProblemWords } from './index.js';

export const fr: ProblemWords = {
  invalidRequest: 'Un élément du formulaire n’est pas valable. Vérifiez-le et réessayez.',
  unauthenticated: 'Connectez-vous d’abord.',
  invalidSignature: 'Ce message n’a pas pu être vérifié.',
  signInRefused: 'Cet identifiant et ce mot de passe ne correspondent pas. Vérifiez-les et réessayez.',
  forbidden: 'Vous ne pouvez pas faire cela.',
  accountDeactivated: 'Ce compte est désactivé.',
  supportOnly: 'Seul le support peut faire cela.',
  rolesNotYours:
    'Seul le titulaire ou le contact administrateur peut changer ces rôles ; un contact technique ou de facturation ne peut transmettre que son propre rôle.',
  notManager: 'Seule la personne qui a fait cette demande, ou le support, peut faire cela.',
  noContactBook: 'Le support n’a pas de carnet de contacts.',
  contactsPermissionRequired:
    'Votre sous-compte ne peut pas gérer les contacts ; demandez cette permission au titulaire du compte.',
  profilePermissionRequired:
    'Votre sous-compte ne peut ni voir ni modifier le profil ; demandez au titulaire du compte.',
  ownerOnly: 'Seul le titulaire du compte peut faire cela.',
  subAccountEmail: 'Seul le titulaire du compte peut changer l’adresse d’un sous-compte.',
  emailHolderOnly:
    'Seul le titulaire du compte peut changer l’adresse e-mail du compte, même avec la permission profil.',
  invalidToken:
    'Ce code n’est pas valable pour cette demande. Il est peut-être mal saisi, déjà utilisé, remplacé par un e-mail plus récent, ou la demande est terminée.',
  twoStepRequired: 'Le support doit garder la connexion en deux étapes activée.',
  readOnlyToken:
    'Ce jeton d’API ne permet que la lecture ; créez un jeton à accès complet pour faire des modifications.',
  notFound: 'Il n’y a rien ici, ou rien que vous puissiez voir.',
  methodNotAllowed: 'Cette adresse n’accepte pas ce type de requête.',
  unsupportedMediaType: 'Cette adresse ne lit pas ce type de contenu.',
  adminApiOff: 'Ce n’est pas disponible.',
  webhooksOff: 'Ce n’est pas disponible.',
  requestTimeout: 'La requête a pris trop de temps. Réessayez.',
  notPossibleNow: 'Ce n’est pas possible pour le moment.',
  alreadyEnded: 'Cette demande est déjà terminée.',
  notPending: 'Cette demande n’attend plus ses contacts.',
  bothDecided: 'Les deux contacts ont déjà décidé.',
  resendLimit:
    'Les e-mails de cette demande ne peuvent plus être renvoyés ; annulez-la et faites une nouvelle demande.',
  extensionLimit: 'Cette demande ne peut plus être prolongée ; annulez-la et faites une nouvelle demande.',
  serviceChanged:
    'Les contacts de ce service ont changé entre-temps, ou il a été supprimé. Consultez à nouveau le service.',
  changeBeingApplied:
    'Le fournisseur est en train d’appliquer un changement à ce service ; attendez qu’il soit appliqué ou qu’il ait échoué.',
  changePending: 'Une demande en cours transfère déjà l’un de ces rôles ; attendez qu’elle se termine ou annulez-la.',
  handleTaken: 'Cet identifiant est déjà utilisé.',
  emailTaken: 'Cette adresse est déjà utilisée dans votre carnet de contacts.',
  contactHoldsRole: 'Ce contact détient encore un rôle sur un service ; confiez-le d’abord à quelqu’un d’autre.',
  contactInPendingRequest:
    'Ce contact fait partie d’une demande en cours ; attendez qu’elle se termine ou annulez-la d’abord.',
  contactReceivesBilling:
    'Ce contact reçoit vos informations de facturation ; choisissez d’abord un autre contact de facturation.',
  notSubAccount: 'Ce contact n’a pas accès à l’espace client ; invitez-le d’abord.',
  notActiveSubAccount: 'Ce sous-compte n’est pas actif.',
  notDeactivated: 'Ce sous-compte n’est pas désactivé.',
  alreadySubAccount: 'Ce contact est déjà un sous-compte.',
  noPendingInvitation: 'Ce contact n’a pas d’invitation en attente.',
  twoStepOn: 'La connexion en deux étapes est déjà activée.',
  twoStepOff: 'La connexion en deux étapes est désactivée.',
  twoStepNotStarted: 'Commencez d’abord l’activation de la connexion en deux étapes.',
  invitationNotValid:
    'Ce lien d’invitation n’est plus valable. Demandez-en un nouveau à la personne à l’origine de l’invitation.',
  passwordResetNotValid:
    'Ce lien de réinitialisation ne fonctionne plus : il a déjà servi, un lien plus récent a servi, ou il a expiré. Demandez-en un nouveau.',
  noPendingEmailChange: 'Aucun changement d’adresse n’attend de confirmation.',
  emailChangeNotValid:
    'Ce lien n’est plus valable : il a déjà servi, a été remplacé par un changement plus récent, a été retiré ou a expiré.',
  rolesRequired: 'Choisissez au moins un rôle.',
  contactRequired: 'Saisissez l’identifiant du nouveau contact.',
  rolesHeldApart:
    'Ces rôles sont détenus par des contacts différents ; transmettez les rôles de chaque contact séparément.',
  unknownContact: 'Aucun compte ne porte cet identifiant.',
  inactiveContact: 'Ce compte est désactivé et ne peut pas recevoir de rôle.',
  refusedByProvider: 'Votre fournisseur n’autorise pas ce changement\xa0:',
  webhookUrlRefused: 'Les événements ne peuvent pas être envoyés à cette adresse.',
  sameContact: 'Ce contact détient déjà ces rôles.',
  unknownOwner: 'Ce compte n’existe pas.',
  reasonRequired: 'Indiquez pourquoi vous le faites.',
  reasonTooLong: 'La raison est trop longue.',
  past: 'La nouvelle échéance doit être dans le futur.',
  notLater: 'La nouvelle échéance doit être postérieure à l’actuelle.',
  tooLate: 'La nouvelle échéance peut être au plus dans 30 jours.',
  nameSetBySupport: 'Vos prénom et nom ne peuvent être modifiés que par le support.',
  unknownTimeZone: 'Choisissez un fuseau horaire dans la liste.',
  wrongPassword: 'Le mot de passe actuel n’est pas le bon.',
  passwordRequired: 'Saisissez votre mot de passe actuel pour changer l’adresse e-mail.',
  samePassword: 'Le nouveau mot de passe doit être différent de l’actuel.',
  wrongCode: 'Ce code n’est pas le bon, ou a déjà servi. Saisissez le code que votre application affiche maintenant.',
  weakPassword:
    'Ce mot de passe est trop facile à deviner. Choisissez-en un plus long, par exemple quelques mots sans rapport entre eux.',
  tooManyRequests: 'Trop de tentatives depuis votre connexion. Attendez une minute et réessayez.',
  resendTooSoon: 'Les e-mails viennent d’être envoyés ; réessayez dans une minute.',
  tokensLocked:
    'Trop de codes erronés ont été essayés sur cette demande : ses codes sont bloqués. Demandez à l’auteur de la demande, ou au support, de renvoyer les e-mails.',
  tooManyWrongCodes:
    'Trop de codes erronés depuis votre connexion pour cette demande. Patientez un quart d’heure, puis collez à nouveau le code de votre e-mail.',
  signInThrottled:
    'Trop de mots de passe erronés ont été essayés pour cet identifiant. Attendez quelques minutes avant de réessayer.',
  requestTooLarge: 'La requête est trop volumineuse.',
  internalError: 'Un problème est survenu de notre côté. Réessayez dans un instant.',
  unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
  providerUnavailable:
    'Votre fournisseur n’a pas pu être consulté sur ce changement. Rien n’a été modifié ; réessayez dans un instant.',
};
