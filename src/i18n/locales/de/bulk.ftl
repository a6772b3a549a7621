## Aktionen für die in der Benutzerliste ausgewählten Benutzer.

bulk-working-label = Wird ausgeführt
bulk-working = Wird ausgeführt…
bulk-actions-label = Sammelaktionen
bulk-selected = { $count ->
    [one] { $count } Benutzer ausgewählt
   *[other] { $count } Benutzer ausgewählt
}
bulk-lock = Sperren
bulk-unlock = Entsperren
bulk-deactivate = Deaktivieren
bulk-export-selected = Auswahl exportieren
bulk-clear-selection = Auswahl aufheben
bulk-locked-none = Keine Benutzer gesperrt.
bulk-unlocked-none = Keine Benutzer entsperrt.
bulk-deactivated-none = Keine Benutzer deaktiviert.
bulk-deleted-none = Keine Benutzer gelöscht.
bulk-locked = { $count ->
    [one] { $count } Benutzer gesperrt
   *[other] { $count } Benutzer gesperrt
}: { $names }.
bulk-unlocked = { $count ->
    [one] { $count } Benutzer entsperrt
   *[other] { $count } Benutzer entsperrt
}: { $names }.
bulk-deactivated = { $count ->
    [one] { $count } Benutzer deaktiviert
   *[other] { $count } Benutzer deaktiviert
}: { $names }.
bulk-deleted = { $count ->
    [one] { $count } Benutzer gelöscht
   *[other] { $count } Benutzer gelöscht
}: { $names }.
bulk-refused = { $count ->
    [one] Abgelehnt für { $count } Benutzer:
   *[other] Abgelehnt für { $count } Benutzer:
}
bulk-lock-title = { $count ->
    [one] { $count } Benutzer sperren?
   *[other] { $count } Benutzer sperren?
}
bulk-unlock-title = { $count ->
    [one] { $count } Benutzer entsperren?
   *[other] { $count } Benutzer entsperren?
}
bulk-deactivate-title = { $count ->
    [one] { $count } Benutzer deaktivieren?
   *[other] { $count } Benutzer deaktivieren?
}
bulk-delete-title = { $count ->
    [one] { $count } Benutzer löschen?
   *[other] { $count } Benutzer löschen?
}
bulk-lock-confirm = { $count ->
    [one] { $count } Benutzer sperren
   *[other] { $count } Benutzer sperren
}
bulk-unlock-confirm = { $count ->
    [one] { $count } Benutzer entsperren
   *[other] { $count } Benutzer entsperren
}
bulk-deactivate-confirm = { $count ->
    [one] { $count } Benutzer deaktivieren
   *[other] { $count } Benutzer deaktivieren
}
bulk-delete-confirm = { $count ->
    [one] { $count } Benutzer löschen
   *[other] { $count } Benutzer löschen
}
bulk-lock-consequence = Sie können sich nicht mehr anmelden, und ihre Sitzungen und Tokens funktionieren nicht mehr, bis sie entsperrt werden.
bulk-unlock-consequence = Sie können sich wieder anmelden.
bulk-deactivate-consequence = Alle ihre Sitzungen werden beendet und alle ihre Tokens widerrufen. Die Konten können später reaktiviert werden.
bulk-delete-consequence = Ihre Konten, Sitzungen und Tokens werden endgültig entfernt. Dies kann nicht rückgängig gemacht werden.
bulk-affected = Betroffene Benutzer
bulk-more = …und { $count } weitere.
