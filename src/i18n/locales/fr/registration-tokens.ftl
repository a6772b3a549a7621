## Jetons d’inscription (registration_tokens.rs).

registration-tokens-title = Jetons d’inscription
registration-tokens-filter-all = Tous les jetons
registration-tokens-filter-valid = Valides
registration-tokens-filter-used = Utilisés au moins une fois
registration-tokens-filter-revoked = Révoqués
registration-tokens-filter-expired = Expirés
registration-tokens-lead = Un jeton d’inscription permet à un visiteur de créer un compte sur { $path }. Envoyez-lui le lien du jeton ; chaque inscription consomme l’une de ses utilisations.
registration-tokens-list = Jetons
registration-tokens-filter-label = Filtrer les jetons d’inscription
registration-tokens-show = Afficher
registration-tokens-empty = Aucun jeton d’inscription ne correspond.
registration-tokens-usage = { $completed } / { $allowed }
registration-tokens-usage-unlimited = { $completed } / illimité
registration-tokens-usage-label = { $allowed ->
    [one] { $completed } sur { $allowed } utilisation
   *[other] { $completed } sur { $allowed } utilisations
}
registration-tokens-state-revoked = révoqué
registration-tokens-state-valid = valide
registration-tokens-state-used-up = épuisé
registration-tokens-state-expired = expiré
registration-tokens-delete-explanation = Supprimer le jeton « { $token } » ? Son lien cessera de fonctionner. Les comptes créés avec lui sont conservés.
registration-tokens-unrevoke = Annuler la révocation
registration-tokens-delete-summary = Supprimer…
registration-tokens-delete = Supprimer { $token }
registration-tokens-col-token = Jeton
registration-tokens-col-state = État
registration-tokens-col-uses = Utilisations
registration-tokens-col-last-used = Dernière utilisation
registration-tokens-col-link = Lien
registration-tokens-link-label = Lien d’inscription pour { $token }
registration-tokens-copy-link-label = Copier le lien pour { $token }
registration-tokens-copy-link = Copier le lien
registration-tokens-copied = Copié.
registration-tokens-copy-refused = La copie a été refusée : le lien est sélectionné, appuyez sur Ctrl+C.
registration-tokens-created = Jeton { $token } créé.
registration-tokens-new = Nouveau jeton d’inscription
registration-tokens-token-hint = Laissez vide pour un jeton aléatoire. Lettres, chiffres et . _ ~ - (64 au maximum).
registration-tokens-length = Longueur du jeton aléatoire
registration-tokens-length-hint = Utilisée quand le jeton est laissé vide (de 1 à 64).
registration-tokens-uses-allowed = Utilisations autorisées
registration-tokens-uses-allowed-hint = Nombre de comptes pouvant s’inscrire avec ce jeton ; vide pour illimité.
registration-tokens-expires-utc = Expire le (UTC)
registration-tokens-expires-hint = Vide : n’expire jamais.
registration-tokens-create = Créer le jeton
