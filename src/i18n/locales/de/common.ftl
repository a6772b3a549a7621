## Wörter, die jede Seite verwendet.

common-loading = Wird geladen…
common-save = Speichern
common-cancel = Abbrechen
common-delete = Löschen
common-remove = Entfernen
common-create = Anlegen
common-edit = Bearbeiten
common-search = Suchen
common-filter = Filtern
common-apply = Anwenden
common-clear = Zurücksetzen
common-close = Schließen
common-copy = Kopieren
common-copied = Kopiert
common-confirm = Bestätigen
common-back = Zurück
common-export = Exportieren
common-revoke = Widerrufen
common-actions = Aktionen
common-status = Status
common-name = Name
common-username = Benutzername
common-display-name = Anzeigename
common-email = E-Mail
common-password = Passwort
common-created = Erstellt
common-updated = Geändert
common-expires = Läuft ab
common-id = Kennung
common-role = Rolle
common-yes = Ja
common-no = Nein
common-none = keine
common-never = nie
common-all = Alle
common-any = Beliebig
common-unknown = unbekannt
common-previous = Zurück
common-next = Weiter
common-page-of = Seite { $page } von { $pages }
common-showing = { $count ->
    [one] { $count } Ergebnis
   *[other] { $count } Ergebnisse
}
common-empty = Hier ist noch nichts.
common-utc = UTC
common-required = erforderlich
common-optional = optional
common-error = Etwas ist schiefgelaufen.
common-error-title = Fehler

time-ago-seconds = { $count ->
    [one] vor { $count } Sekunde
   *[other] vor { $count } Sekunden
}
time-ago-minutes = { $count ->
    [one] vor { $count } Minute
   *[other] vor { $count } Minuten
}
time-ago-hours = { $count ->
    [one] vor { $count } Stunde
   *[other] vor { $count } Stunden
}
time-ago-days = { $count ->
    [one] vor { $count } Tag
   *[other] vor { $count } Tagen
}

language-menu = Sprache
language-choose = Sprache wechseln
theme-switch = Farbschema
theme-light = Hell
theme-dark = Dunkel
theme-system = System

common-pages = Seiten
status-active = aktiv
status-locked = gesperrt
status-deactivated = deaktiviert
error-session-ended = Ihre Sitzung ist abgelaufen
error-log-in-again = Melden Sie sich erneut an, um fortzufahren.
error-forbidden = Nicht erlaubt
error-not-found = Nicht gefunden
error-admins-only = 403 — Nur für Administratoren
error-admins-only-body = Ihr Konto kann diese Seite nicht öffnen. Sie können stattdessen Ihr eigenes Konto verwalten.
error-go-to-account = Zu meinem Konto
copy-label = { $what } kopieren
copy-done = In die Zwischenablage kopiert.
copy-refused = Das Kopieren wurde verweigert: Der Text ist markiert, drücken Sie Strg+C (⌘C auf dem Mac).
pager-previous = ← Zurück
pager-next = Weiter →
pager-newer = ← Neuere
pager-older = Ältere →
