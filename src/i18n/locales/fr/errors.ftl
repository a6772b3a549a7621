# Les messages d’erreur du serveur, par code (src/i18n/errors.rs).

error-username-required = Le nom d’utilisateur est obligatoire.
error-username-too-long = Le nom d’utilisateur doit comporter au plus 64 caractères.
error-username-lowercase = Le nom d’utilisateur doit être en minuscules.
error-username-characters = Le nom d’utilisateur ne peut contenir que a-z, 0-9, « . », « _ » et « - ».
error-username-start = Le nom d’utilisateur doit commencer par une lettre ou un chiffre.
error-display-name-too-long = Le nom affiché doit comporter au plus 256 caractères.
error-display-name-invalid = Le nom affiché ne doit pas contenir de caractères de contrôle.
error-email-invalid = Saisissez une adresse e-mail comme nom@example.org.
error-password-required = Le mot de passe est obligatoire.
error-password-too-long = Le mot de passe doit faire au plus 1024 octets.
error-password-is-username = Le mot de passe ne doit pas être le nom d’utilisateur.
error-password-too-common = Ce mot de passe est trop courant ; choisissez-en un autre.
error-password-unchanged = Choisissez un mot de passe différent de l’actuel.
error-password-mismatch = Les mots de passe ne correspondent pas.
error-wrong-password = Le mot de passe actuel est incorrect.
error-language-unknown = Choisissez l’une des langues proposées.
error-cannot-modify-self-admin = Vous ne pouvez pas retirer vos propres droits d’administrateur.
error-last-admin-import = Cette importation ne laisserait aucun administrateur actif ; rien n’a été importé.
error-last-admin-file = Le fichier ne laisserait aucun administrateur actif ; rien n’a été modifié.

error-name-empty = Le nom est obligatoire.
error-name-required = Saisissez un nom.
error-role-invalid = Le rôle doit être viewer, editor ou admin.
error-role-without-org = Un rôle nécessite une organisation (org_id).

error-subscription-invalid = L’abonnement doit être none, to, from ou both.
error-group-empty = Les noms de groupe ne doivent pas être vides.
error-contact-required = Saisissez le nom d’utilisateur du contact.
error-contact-is-self = Un utilisateur ne peut pas être son propre contact.
error-body-empty = Écrivez un message.
error-body-invalid = Un message ne peut pas contenir de caractères de contrôle.
error-recipients-empty = Indiquez au moins un destinataire.

error-hosts-required = Indiquez au moins un hôte.
error-redirect-uris-required = Indiquez au moins une URI de redirection.
error-public-client = Un client public n’a pas de secret à renouveler.

error-token-invalid = Ce jeton d’inscription n’est pas valide.
error-token-used-up = Ce jeton d’inscription a été épuisé.
error-token-expired = Ce jeton d’inscription a expiré.
error-token-revoked = Ce jeton d’inscription a été révoqué.
error-token-required = Un jeton d’inscription est obligatoire.
error-registration-closed = Les inscriptions sont fermées sur ce serveur.
error-whole-number = Saisissez un nombre entier.
error-uses-allowed-negative = uses_allowed doit être supérieur ou égal à 0 (null : illimité).
error-expiry-past = La date d’expiration doit être dans le futur.
error-expiry-date-time = Saisissez une date et une heure comme 2027-01-31 12:00.
error-expiry-date = Saisissez une date comme 2027-01-31.
error-expiry-rfc3339 = expires_at doit être une heure RFC 3339 comme 2027-01-31T00:00:00Z.

error-username-duplicate = Ce nom d’utilisateur apparaît plus haut dans le fichier.
error-username-missing = Chaque ligne doit avoir un nom d’utilisateur.
error-password-and-hash = Indiquez un password ou un password_hash, pas les deux.
error-admin-invalid = admin doit valoir true ou false.

error-jobs-paused = les tâches sont en pause : reprenez-les d’abord
error-provisioning-not-configured = Le provisionnement est désactivé : aucun fichier n’est configuré ([provisioning] file ou GATEHOUSE_PROVISIONING_FILE).
error-tls-required = les requêtes d’administration doivent arriver en HTTPS
error-session-required = Ce point d’écoute n’accepte que les sessions du panneau ; les scripts utilisent l’API d’administration sur le point d’écoute interne.

error-unauthenticated = authentification requise
error-invalid-credentials = Nom d’utilisateur ou mot de passe incorrect.
error-password-change-required = Vous devez choisir un nouveau mot de passe avant de continuer.
error-administrator-rights-required = droits d’administrateur requis
error-internal = erreur interne
error-second-factor-required = Ce serveur exige un second facteur : ajoutez-en d’abord un sur la page Sécurité de votre compte.
error-second-factor-last = Ce serveur exige un second facteur : ajoutez-en un autre avant de retirer celui-ci.
error-step-up-required = Confirmez votre identité : saisissez de nouveau votre mot de passe ou un code, puis recommencez cette action.
error-second-factor-enrolled = Ce compte a un second facteur : HTTP Basic est refusé. Utilisez un jeton personnel (Authorization: Bearer).
error-code-invalid = Ce code n’est pas valide. Chaque code ne sert qu’une fois ; attendez le suivant.
error-code-mismatch = Ce code ne correspond pas : vérifiez l’horloge de l’application et essayez le code suivant.
error-setup-expired = Cette configuration a expiré : recommencez.
error-passkey-invalid = La clé d’accès n’a pas répondu comme prévu : réessayez.
error-ceremony-expired = Cette demande a expiré : réessayez.
error-passkeys-unavailable = Les clés d’accès exigent que l’URL publique du serveur désigne un nom d’hôte (et non une adresse IP).
error-passkey-registered = Cette clé d’accès est déjà enregistrée.
error-no-second-factor = Ajoutez d’abord une application d’authentification ou une clé d’accès.
error-password-wrong = Ce n’est pas votre mot de passe.
error-credential-required = Saisissez votre mot de passe ou un code.

# Courriel.
error-email-not-configured = Ce serveur n’envoie pas de courriel : ses réglages [email] ne sont pas configurés.
error-email-already-verified = Cette adresse est déjà vérifiée.
error-email-missing = Ce compte n’a pas d’adresse e-mail.
error-email-required = Saisissez votre adresse e-mail.
error-email-required-invite = Saisissez l’adresse à inviter.
error-link-invalid = Ce lien n’est pas valide : il a déjà servi, a expiré ou a été remplacé par un plus récent.
error-valid-days = Une invitation est valable de 1 à 30 jours.
