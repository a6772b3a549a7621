## Agir sur les utilisateurs sélectionnés dans la liste des utilisateurs.

bulk-working-label = En cours
bulk-working = En cours…
bulk-actions-label = Actions groupées
bulk-selected = { $count ->
    [one] { $count } utilisateur sélectionné
   *[other] { $count } utilisateurs sélectionnés
}
bulk-lock = Verrouiller
bulk-unlock = Déverrouiller
bulk-deactivate = Désactiver
bulk-export-selected = Exporter la sélection
bulk-clear-selection = Effacer la sélection
bulk-locked-none = Aucun utilisateur verrouillé.
bulk-unlocked-none = Aucun utilisateur déverrouillé.
bulk-deactivated-none = Aucun utilisateur désactivé.
bulk-deleted-none = Aucun utilisateur supprimé.
bulk-locked = { $count ->
    [one] { $count } utilisateur verrouillé
   *[other] { $count } utilisateurs verrouillés
} : { $names }.
bulk-unlocked = { $count ->
    [one] { $count } utilisateur déverrouillé
   *[other] { $count } utilisateurs déverrouillés
} : { $names }.
bulk-deactivated = { $count ->
    [one] { $count } utilisateur désactivé
   *[other] { $count } utilisateurs désactivés
} : { $names }.
bulk-deleted = { $count ->
    [one] { $count } utilisateur supprimé
   *[other] { $count } utilisateurs supprimés
} : { $names }.
bulk-refused = { $count ->
    [one] Refusé pour { $count } utilisateur :
   *[other] Refusé pour { $count } utilisateurs :
}
bulk-lock-title = { $count ->
    [one] Verrouiller { $count } utilisateur ?
   *[other] Verrouiller { $count } utilisateurs ?
}
bulk-unlock-title = { $count ->
    [one] Déverrouiller { $count } utilisateur ?
   *[other] Déverrouiller { $count } utilisateurs ?
}
bulk-deactivate-title = { $count ->
    [one] Désactiver { $count } utilisateur ?
   *[other] Désactiver { $count } utilisateurs ?
}
bulk-delete-title = { $count ->
    [one] Supprimer { $count } utilisateur ?
   *[other] Supprimer { $count } utilisateurs ?
}
bulk-lock-confirm = { $count ->
    [one] Verrouiller { $count } utilisateur
   *[other] Verrouiller { $count } utilisateurs
}
bulk-unlock-confirm = { $count ->
    [one] Déverrouiller { $count } utilisateur
   *[other] Déverrouiller { $count } utilisateurs
}
bulk-deactivate-confirm = { $count ->
    [one] Désactiver { $count } utilisateur
   *[other] Désactiver { $count } utilisateurs
}
bulk-delete-confirm = { $count ->
    [one] Supprimer { $count } utilisateur
   *[other] Supprimer { $count } utilisateurs
}
bulk-lock-consequence = Ils ne peuvent plus se connecter, et leurs sessions et jetons cessent de fonctionner jusqu’à ce qu’ils soient déverrouillés.
bulk-unlock-consequence = Ils pourront de nouveau se connecter.
bulk-deactivate-consequence = Toutes leurs sessions prennent fin et tous leurs jetons sont révoqués. Les comptes pourront être réactivés plus tard.
bulk-delete-consequence = Leurs comptes, sessions et jetons sont supprimés définitivement. Cette action est irréversible.
bulk-affected = Utilisateurs concernés
bulk-more = …et { $count } de plus.
