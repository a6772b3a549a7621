## Mots communs à toutes les pages.

common-loading = Chargement…
common-save = Enregistrer
common-cancel = Annuler
common-delete = Supprimer
common-remove = Retirer
common-create = Créer
common-edit = Modifier
common-search = Rechercher
common-filter = Filtrer
common-apply = Appliquer
common-clear = Effacer
common-close = Fermer
common-copy = Copier
common-copied = Copié
common-confirm = Confirmer
common-back = Retour
common-export = Exporter
common-revoke = Révoquer
common-actions = Actions
common-status = État
common-name = Nom
common-username = Nom d’utilisateur
common-display-name = Nom affiché
common-email = Courriel
common-password = Mot de passe
common-created = Créé
common-updated = Modifié
common-expires = Expire
common-id = Identifiant
common-role = Rôle
common-yes = Oui
common-no = Non
common-none = aucun
common-never = jamais
common-all = Tous
common-any = Indifférent
common-unknown = inconnu
common-previous = Précédent
common-next = Suivant
common-page-of = Page { $page } sur { $pages }
common-showing = { $count ->
    [one] { $count } résultat
   *[other] { $count } résultats
}
common-empty = Rien ici pour l’instant.
common-utc = UTC
common-required = obligatoire
common-optional = facultatif
common-error = Une erreur est survenue.
common-error-title = Erreur

time-ago-seconds = { $count ->
    [one] il y a { $count } seconde
   *[other] il y a { $count } secondes
}
time-ago-minutes = { $count ->
    [one] il y a { $count } minute
   *[other] il y a { $count } minutes
}
time-ago-hours = { $count ->
    [one] il y a { $count } heure
   *[other] il y a { $count } heures
}
time-ago-days = { $count ->
    [one] il y a { $count } jour
   *[other] il y a { $count } jours
}

language-menu = Langue
language-choose = Changer de langue
theme-switch = Thème de couleurs
theme-light = Clair
theme-dark = Sombre
theme-system = Système

common-pages = Pages
status-active = actif
status-locked = verrouillé
status-deactivated = désactivé
error-session-ended = Votre session a pris fin
error-log-in-again = Reconnectez-vous pour continuer.
error-forbidden = Non autorisé
error-not-found = Introuvable
error-admins-only = 403 — Réservé aux administrateurs
error-admins-only-body = Votre compte ne peut pas ouvrir cette page. Vous pouvez gérer votre propre compte à la place.
error-go-to-account = Aller à mon compte
copy-label = Copier { $what }
copy-done = Copié dans le presse-papiers.
copy-refused = La copie a été refusée : le texte est sélectionné, appuyez sur Ctrl+C (⌘C sur Mac).
pager-previous = ← Précédent
pager-next = Suivant →
pager-newer = ← Plus récents
pager-older = Plus anciens →
