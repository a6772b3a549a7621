## The OpenID Connect provider's own pages (consent, device, sign-out,
## errors) and the forward-authentication gate's pages. Messages that hold
## markup get their values already escaped.

oidc-cannot-sign-in = Connexion impossible
oidc-no-access = Accès refusé
oidc-no-access-heading = Aucun accès à { $app }
oidc-no-access-body = Votre compte n’est pas autorisé à se connecter à { $app }. Ce sont les administrateurs qui décident qui peut l’utiliser.
oidc-return-to = Revenir à { $app }
oidc-allow = Autoriser
oidc-deny = Refuser
oidc-continue = Continuer

# The consent page.
oidc-consent-title = Se connecter à { $app }
oidc-consent-signed-in-as = Vous êtes connecté en tant que <strong>{ $user }</strong>. { $app } demande à :
oidc-consent-withdraw = Vous pourrez retirer cette autorisation plus tard sur la page de votre compte, dans la section Applications.

# What each scope lets an application do, as listed on the consent and device pages.
oidc-scope-openid = Savoir qui vous êtes (l’identifiant de votre compte)
oidc-scope-profile = Voir votre nom d’utilisateur et votre nom affiché
oidc-scope-email = Voir votre adresse e-mail
oidc-scope-groups = Voir vos organisations et votre rôle dans chacune d’elles
oidc-scope-offline-access = Rester connecté en votre absence (jusqu’à ce que vous révoquiez cet accès)

# Requests that cannot be sent back to the application.
oidc-error-no-client = L’application n’a pas indiqué qui elle est (aucun client_id).
oidc-error-unknown-client = Cette application n’est pas enregistrée ici (client_id inconnu).
oidc-error-no-redirect = L’application n’a envoyé aucun redirect_uri.
oidc-error-unregistered-redirect = Ce redirect_uri n’est pas enregistré pour cette application : Gatehouse ne vous y enverra donc pas.
oidc-error-request-gone = Cette demande de connexion a expiré ou a déjà reçu une réponse. Revenez à l’application et recommencez.

# The device page (/device).
oidc-device-title = Connecter un appareil
oidc-device-enter-code = Saisissez le code qu’affiche votre appareil ou votre outil en ligne de commande.
oidc-device-code = Code
oidc-device-unknown-code = Ce code est inconnu ou a expiré. Vérifiez-le sur votre appareil.
oidc-device-confirm-heading = Connecter { $app } ?
oidc-device-confirm-body = Un appareil qui affiche le code <strong>{ $code }</strong> demande à se connecter à { $app } en votre nom. N’autorisez cette connexion que si vous l’avez lancée vous-même.
oidc-device-asks-to = { $app } demande à :
oidc-device-connected = Appareil connecté
oidc-device-connected-body = Votre appareil est maintenant connecté à { $app }. Vous pouvez fermer cette fenêtre et y revenir.
oidc-device-refused = Appareil refusé
oidc-device-refused-body = L’appareil n’a pas été connecté. Vous pouvez fermer cette fenêtre.
oidc-device-expired = Code expiré
oidc-device-expired-body = Ce code a expiré ou a déjà été utilisé. Recommencez sur votre appareil.

# Signing out (/oauth2/logout).
oidc-cannot-sign-out = Déconnexion impossible
oidc-logout-foreign-token = L’application a envoyé un jeton d’identité que Gatehouse n’a pas émis.
oidc-logout-client-mismatch = Le client_id ne correspond pas à l’audience du jeton d’identité.
oidc-logout-unregistered-return = L’adresse de retour n’est pas enregistrée pour cette application : Gatehouse ne vous y enverra donc pas.
oidc-signed-out = Déconnecté
oidc-signed-out-body = Vous êtes déconnecté de Gatehouse.
oidc-sign-out = Se déconnecter
oidc-logout-heading = Se déconnecter ?
oidc-logout-app-asks = { $app } demande à vous déconnecter de Gatehouse. Vous serez aussi déconnecté des applications auxquelles vous vous êtes connecté pendant cette session.
oidc-logout-someone-asks = Une application demande à vous déconnecter de Gatehouse. Vous serez aussi déconnecté des applications auxquelles vous vous êtes connecté pendant cette session.

# Forward authentication: what the reverse proxy shows the person.
oidc-gate-untrusted = Proxy non approuvé
oidc-gate-untrusted-body = L’authentification par le proxy ne répond qu’aux proxys inverses indiqués dans trusted_proxies.
oidc-gate-no-address = Aucune adresse à vérifier
oidc-gate-no-address-body = Le proxy n’a envoyé aucune adresse d’origine (X-Original-URL, ou X-Forwarded-Host et X-Forwarded-Uri).
oidc-gate-denied = Accès refusé
oidc-gate-denied-body = Vous êtes connecté en tant que { $user }, mais ce compte n’est pas autorisé à utiliser { $app }. Demandez l’accès à un administrateur.
oidc-gate-denied-body-unnamed = Vous êtes connecté en tant que { $user }, mais ce compte n’est pas autorisé à utiliser cette application. Demandez l’accès à un administrateur.
oidc-gate-unknown-host = Non protégé ici
oidc-gate-unknown-host-body = Aucune application de Gatehouse ne protège { $host } : l’accès n’est donc pas accordé.
