## The Contacts tab of the user page. The subscription words (to, from,
## both, none) are XMPP's terms: keep them, explain them in parentheses.

contacts-title = Contacts
contacts-intro = Les utilisateurs de la liste de contacts (roster) de { $username }, avec l'abonnement de présence et les groupes de chacun.
contacts-subscription = Abonnement
contacts-subscription-to = to (l'utilisateur voit la présence du contact)
contacts-subscription-from = from (le contact voit la présence de l'utilisateur)
contacts-subscription-both = both (chacun voit la présence de l'autre)
contacts-subscription-none = none (aucun ne voit la présence de l'autre)
contacts-groups = Groupes
contacts-groups-optional = Groupes (facultatif)
contacts-groups-hint = Séparés par des virgules, par exemple « Amis, Travail ».
contacts-empty = Aucun contact pour l'instant.
contacts-edit = Modifier…
contacts-save = Enregistrer { $contact }
contacts-saved = { $contact } enregistré.
contacts-remove-summary = Retirer…
contacts-remove = Retirer { $contact }
contacts-remove-confirm = Retirer { $contact } des contacts de { $owner } ? Les contacts de { $contact } ne changent pas.
contacts-removed = Contact retiré.
contacts-add-heading = Ajouter un contact
contacts-username-hint = Le nom d'utilisateur de l'autre personne ; les noms correspondants sont suggérés pendant la saisie.
contacts-add = Ajouter le contact
contacts-added = { $contact } ajouté.
