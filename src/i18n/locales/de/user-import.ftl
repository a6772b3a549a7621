## Benutzer aus einer Datei importieren (/users/import).

user-import-title = Benutzer importieren
# Die Namen zwischen Backticks sind Spaltennamen, als Code angezeigt: nicht übersetzen.
user-import-intro = Eine CSV-Datei mit Kopfzeile oder JSON Lines (ein Objekt pro Zeile). Spalten: `username` (erforderlich), `display_name`, `email`, `admin` (true/false), `roles` (Serverrollen, getrennt durch Leerzeichen oder `;`) und entweder `password` oder `password_hash` (argon2id oder bcrypt). Benutzer ohne beides erhalten ein generiertes vorläufiges Passwort, das einmal angezeigt wird. Andere Spalten, etwa die eines Exports, werden ignoriert.
user-import-noscript = Der Import über die Verwaltungsoberfläche erfordert JavaScript. Skripte können die Datei per POST an /api/admin/v1/users/import senden.
user-import-file = Datei
user-import-on-conflict = Wenn ein Benutzername bereits existiert
user-import-on-conflict-skip = Zeile überspringen
user-import-on-conflict-fail = Zeile ablehnen
user-import-on-conflict-update = Vorhandenen Benutzer aktualisieren
user-import-check = Datei prüfen
user-import-uploading = Wird hochgeladen…
user-import-importing = Wird importiert…
user-import-checking = Wird geprüft…
user-import-server-answered = Der Server hat mit { $status } geantwortet.
user-import-failed = Der Import ist fehlgeschlagen.
user-import-no-upload = Dieser Browser kann keine Dateien senden.
user-import-cannot-start = Der Upload konnte nicht gestartet werden.
user-import-connection-failed = Die Verbindung ist fehlgeschlagen; es wurde nichts importiert.
user-import-cannot-send = Die Datei konnte nicht gesendet werden.
user-import-choose-file = Wählen Sie zuerst eine Datei aus.
user-import-imported = Importiert: { $created } angelegt, { $updated } aktualisiert, { $skipped } übersprungen.
user-import-checked = Die Datei ist in Ordnung: { $created } anzulegen, { $updated } zu aktualisieren, { $skipped } zu überspringen. Es wurde noch nichts geschrieben.
user-import-problems = { $rejected ->
    [one] { $rejected } von { $total } Zeilen hat Fehler
   *[other] { $rejected } von { $total } Zeilen haben Fehler
}; es wurde nichts importiert. Beheben Sie die Fehler und prüfen Sie die Datei erneut.
user-import-check-report = Prüfbericht
user-import-import-report = Importbericht
user-import-rows = Zeilen
user-import-created = Angelegt
user-import-updated = Aktualisiert
user-import-skipped = Übersprungen
user-import-rejected = Abgelehnt
user-import-copy-passwords = Kopieren Sie die vorläufigen Passwörter jetzt: Sie werden nicht erneut angezeigt. Jeder Benutzer muss sein Passwort bei der ersten Anmeldung ändern.
user-import-caption = Zu prüfende Zeilen
user-import-line = Zeile
user-import-outcome = Ergebnis
user-import-details = Details
user-import-outcome-created = angelegt
user-import-outcome-updated = aktualisiert
user-import-outcome-skipped = übersprungen
user-import-outcome-rejected = abgelehnt
user-import-temporary-password = Vorläufiges Passwort:
user-import-apply = Jetzt importieren
user-import-go-to-users = Zu den Benutzern
