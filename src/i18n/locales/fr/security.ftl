# Seconds facteurs : la page Sécurité du compte, l’ajout d’une application
# d’authentification, la seconde étape d’une connexion, la confirmation de
# son identité et la vue d’un administrateur sur les facteurs d’un utilisateur.

security-title = Sécurité
security-factors = Seconds facteurs
security-factors-hint = Un second facteur protège votre compte lorsque quelqu’un d’autre connaît votre mot de passe : après le mot de passe, Gatehouse demande un code de votre application d’authentification ou votre clé d’accès.
security-no-factors = Aucun second facteur pour l’instant.
security-user-no-factors = Cet utilisateur n’a aucun second facteur.
security-col-kind = Type
security-col-last-used = Dernière utilisation
security-kind-totp = Application d’authentification
security-kind-passkey = Clé d’accès
security-add-totp = Ajouter une application d’authentification
security-added-totp = Application d’authentification ajoutée.
security-added-passkey = Clé d’accès ajoutée.
security-removed = Second facteur retiré.
security-remove-summary = Retirer…
security-remove = Retirer { $name }
security-remove-explanation = Le facteur « { $name } » ne sera plus accepté à la connexion.
security-enrolment-required = Ce serveur exige un second facteur. Ajoutez une application d’authentification ou une clé d’accès pour continuer.
security-passkeys = Clés d’accès et clés de sécurité
security-passkeys-hint = Une clé d’accès est conservée par votre appareil, votre gestionnaire de mots de passe ou votre clé de sécurité. Elle sert de second facteur et vous connecte sans mot de passe lorsque le navigateur le propose.
security-passkeys-unsupported = Ce navigateur ne peut pas utiliser de clés d’accès ici.
security-passkeys-unavailable = Les clés d’accès exigent que l’adresse publique de ce serveur soit un nom d’hôte, et non une adresse IP.
security-passkey-name-hint = Pour la reconnaître plus tard, par exemple « Portable » ou « YubiKey ».
security-add-passkey = Ajouter une clé d’accès
security-passkey-failed = La clé d’accès n’a pas fonctionné. Réessayez, ou utilisez un autre moyen.
security-recovery-codes = Codes de récupération
security-recovery-hint = Chaque code vous connecte une seule fois lorsque votre application d’authentification ou votre clé d’accès n’est pas à portée de main. Conservez-les en lieu sûr, à l’écart de votre mot de passe.
security-recovery-left = { $count ->
    [one] Il reste { $count } code de récupération inutilisé.
   *[other] Il reste { $count } codes de récupération inutilisés.
}
security-recovery-generate = Générer de nouveaux codes de récupération
security-recovery-needs-factor = Les codes de récupération vont avec un second facteur : ajoutez-en un d’abord.
security-recovery-new = Vos nouveaux codes de récupération
security-recovery-save-now = Enregistrez-les maintenant : ils ne sont affichés que cette fois-ci, et les codes précédents ne fonctionnent plus.
security-totp-title = Ajouter une application d’authentification
security-totp-scan = 1. Scannez le code QR
security-totp-scan-hint = Utilisez une application d’authentification comme Aegis, FreeOTP, Google Authenticator ou 1Password.
security-totp-qr-label = Code QR de configuration de l’application d’authentification
security-totp-manual = Impossible de le scanner ? Saisissez plutôt cette clé dans l’application :
security-totp-confirm = 2. Saisissez le code affiché par l’application
security-totp-default-name = Application d’authentification
security-totp-code-hint = Six chiffres ; un nouveau toutes les 30 secondes.
security-totp-submit = Ajouter l’application
security-code = Code
security-reset-summary = Retirer tous les seconds facteurs…
security-reset = Retirer tous les seconds facteurs de { $username }
security-reset-explanation = Pour un utilisateur qui a perdu son application d’authentification et ses clés d’accès : tous les seconds facteurs et codes de récupération de { $username } sont retirés et ses sessions sont fermées. Sa prochaine connexion ne demandera que le mot de passe.
security-reset-done = { $count ->
    [one] { $count } second facteur retiré.
   *[other] { $count } seconds facteurs retirés.
}

second-step-title = Validation en deux étapes
second-step-lead = Connexion en tant que { $username } : prouvez que c’est bien vous avec votre second facteur.
second-step-passkey = Utiliser votre clé d’accès
second-step-code = Code
second-step-code-hint = Le code à six chiffres de votre application d’authentification, ou l’un de vos codes de récupération.
second-step-recovery-hint = L’un de vos codes de récupération.
second-step-submit = Vérifier
second-step-expired = Cette connexion a expiré. Recommencez avec votre mot de passe.
second-step-cancel = Se connecter avec un autre compte

confirm-title = Confirmez votre identité
confirm-lead = Cette modification demande une nouvelle fois votre mot de passe (ou un code de votre second facteur).
confirm-submit = Confirmer avec le mot de passe
confirm-code-hint = Depuis votre application d’authentification, ou un code de récupération.
confirm-submit-code = Confirmer avec un code
confirm-link = Confirmer votre identité
