## Organisationen: die Liste, eine Organisation, der Reiter Organisationen
## eines Benutzers und „Meine Organisationen“ (orgs.rs).

orgs-title = Organisationen
orgs-search-label = Organisationen durchsuchen
orgs-name-contains = Name enthält
orgs-loading = Organisationen werden geladen…
orgs-members = Mitglieder
orgs-empty = Keine Organisation entspricht der Suche.
orgs-new = Neue Organisation
orgs-name-hint = Eindeutig, unabhängig von Groß- und Kleinschreibung; höchstens 100 Zeichen.
orgs-create = Organisation anlegen
orgs-role-viewer = Betrachter
orgs-role-editor = Bearbeiter
orgs-role-admin = Administrator
orgs-any-role = Alle Rollen
orgs-member-added = { $username } ist jetzt { $role ->
    [viewer] Betrachter
    [editor] Bearbeiter
   *[admin] Administrator
} dieser Organisation.
orgs-delete-explanation = { $count ->
    [one] { $name } löschen? Ihre Mitgliedschaft wird mit gelöscht; der Benutzer selbst bleibt bestehen.
   *[other] { $name } löschen? Ihre { $count } Mitgliedschaften werden mit gelöscht; die Benutzer selbst bleiben bestehen.
}
orgs-delete-explanation-empty = { $name } löschen? Sie hat keine Mitglieder.
orgs-back = Zurück zu den Organisationen
orgs-detail-summary = { $count ->
    [one] { $count } Mitglied · erstellt am
   *[other] { $count } Mitglieder · erstellt am
}
orgs-show-in-users = In der Benutzerliste anzeigen
orgs-add-member-heading = Mitglied hinzufügen
orgs-add-member-hint = Passende Benutzernamen werden während der Eingabe vorgeschlagen. Wird ein vorhandenes Mitglied hinzugefügt, ändert sich seine Rolle.
orgs-add-member = Mitglied hinzufügen
orgs-rename = Umbenennen
orgs-save-name = Namen speichern
orgs-delete = Organisation löschen
orgs-delete-summary = Organisation löschen…
orgs-delete-force = Auch ihre Mitgliedschaften entfernen
orgs-filter-members = Mitglieder filtern
orgs-show-role = Rolle anzeigen
orgs-role-of = Rolle von { $username }
orgs-change-role = Rolle ändern
orgs-remove-member-explanation = { $username } aus dieser Organisation entfernen? Das Konto selbst bleibt bestehen.
orgs-remove-summary = Entfernen…
orgs-remove-member = Mitglied entfernen
orgs-col-user = Benutzer
orgs-col-joined = Beigetreten
orgs-members-empty = Kein Mitglied entspricht der Suche.
orgs-role-in = Rolle in { $org }
orgs-leave-explanation = { $username } aus { $org } entfernen?
orgs-leave = Aus der Organisation entfernen
orgs-col-org = Organisation
orgs-user-caption = Organisationen dieses Benutzers
orgs-user-empty = Kein Mitglied einer Organisation.
orgs-join-heading = Zu einer Organisation hinzufügen
orgs-none-yet = Es gibt noch keine Organisationen.
orgs-create-one = Legen Sie eine an
orgs-join = Zur Organisation hinzufügen
orgs-mine = Meine Organisationen
orgs-mine-empty = Sie sind Mitglied keiner Organisation.
