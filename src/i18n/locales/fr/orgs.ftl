## Organisations : la liste, une organisation, l’onglet Organisations d’un
## utilisateur et « Mes organisations » (orgs.rs).

orgs-title = Organisations
orgs-search-label = Rechercher des organisations
orgs-name-contains = Le nom contient
orgs-loading = Chargement des organisations…
orgs-members = Membres
orgs-empty = Aucune organisation ne correspond.
orgs-new = Nouvelle organisation
orgs-name-hint = Unique, sans distinction de casse ; 100 caractères au maximum.
orgs-create = Créer l’organisation
orgs-role-viewer = Lecteur
orgs-role-editor = Éditeur
orgs-role-admin = Administrateur
orgs-any-role = Tous les rôles
orgs-member-added = { $username } est désormais { $role ->
    [viewer] lecteur
    [editor] éditeur
   *[admin] administrateur
} de cette organisation.
orgs-delete-explanation = { $count ->
    [one] Supprimer { $name } ? Son adhésion est supprimée avec elle ; l’utilisateur lui-même est conservé.
   *[other] Supprimer { $name } ? Ses { $count } adhésions sont supprimées avec elle ; les utilisateurs eux-mêmes sont conservés.
}
orgs-delete-explanation-empty = Supprimer { $name } ? Elle n’a aucun membre.
orgs-back = Retour aux organisations
orgs-detail-summary = { $count ->
    [one] { $count } membre · créée le
   *[other] { $count } membres · créée le
}
orgs-show-in-users = Afficher dans la liste des utilisateurs
orgs-add-member-heading = Ajouter un membre
orgs-add-member-hint = Les noms d’utilisateur correspondants sont proposés pendant la saisie. Ajouter un membre existant modifie son rôle.
orgs-add-member = Ajouter le membre
orgs-rename = Renommer
orgs-save-name = Enregistrer le nom
orgs-delete = Supprimer l’organisation
orgs-delete-summary = Supprimer l’organisation…
orgs-delete-force = Supprimer aussi ses adhésions
orgs-filter-members = Filtrer les membres
orgs-show-role = Afficher le rôle
orgs-role-of = Rôle de { $username }
orgs-change-role = Changer de rôle
orgs-remove-member-explanation = Retirer { $username } de cette organisation ? Le compte lui-même est conservé.
orgs-remove-summary = Retirer…
orgs-remove-member = Retirer le membre
orgs-col-user = Utilisateur
orgs-col-joined = Membre depuis
orgs-members-empty = Aucun membre ne correspond.
orgs-role-in = Rôle dans { $org }
orgs-leave-explanation = Retirer { $username } de { $org } ?
orgs-leave = Retirer de l’organisation
orgs-col-org = Organisation
orgs-user-caption = Organisations de cet utilisateur
orgs-user-empty = Membre d’aucune organisation.
orgs-join-heading = Ajouter à une organisation
orgs-none-yet = Il n’y a encore aucune organisation.
orgs-create-one = Créez-en une
orgs-join = Ajouter à l’organisation
orgs-mine = Mes organisations
orgs-mine-empty = Vous n’êtes membre d’aucune organisation.
