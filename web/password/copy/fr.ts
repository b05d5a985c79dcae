import type { PasswordCopy } from './index.js';

export const fr: PasswordCopy = {
  forgotLink: 'Mot de passe oublié ?',
  forgot: {
    title: 'Mot de passe oublié ?',
    intro:
      'Saisissez votre identifiant client ou l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
    login: 'Identifiant client ou adresse e-mail',
    loginHint: 'Par exemple ab1234-cs ou nom@exemple.fr.',
    required: 'Saisissez votre identifiant client ou votre adresse e-mail.',
    submit: 'M’envoyer un lien',
    sentTitle: 'Consultez vos e-mails',
    sent: 'Si un compte correspond à ce que vous avez saisi, nous avons envoyé un lien à son adresse e-mail. Le lien fonctionne une seule fois, pendant une heure. Si rien n’arrive, regardez dans vos indésirables, puis réessayez.',
    back: 'Retour à la connexion',
  },
  reset: {
    title: 'Choisir un nouveau mot de passe',
    intro:
      'Choisissez le nouveau mot de passe de votre compte. Toutes les sessions du compte seront déconnectées ; vous vous connecterez ensuite avec le nouveau mot de passe.',
    password: 'Nouveau mot de passe',
    confirm: 'Saisissez à nouveau le nouveau mot de passe',
    submit: 'Changer mon mot de passe',
    invalid:
      'Ce lien ne fonctionne plus : il a déjà servi, un autre lien de ce compte a servi, ou il a expiré (un lien fonctionne une heure). Demandez-en un nouveau.',
    incomplete:
      'Ce lien est incomplet. Ouvrez à nouveau le lien de l’e-mail, en entier ; s’il échoue encore, demandez-en un nouveau.',
    doneTitle: 'Votre mot de passe a été changé',
    done: 'Toutes les sessions de votre compte ont été déconnectées. Connectez-vous avec votre nouveau mot de passe.',
    signIn: 'Se connecter',
  },
  weak: 'Ce mot de passe est trop facile à deviner.',
};
