## Registrierungs-Tokens (registration_tokens.rs).

registration-tokens-title = Registrierungs-Tokens
registration-tokens-filter-all = Alle Tokens
registration-tokens-filter-valid = Gültig
registration-tokens-filter-used = Mindestens einmal verwendet
registration-tokens-filter-revoked = Widerrufen
registration-tokens-filter-expired = Abgelaufen
registration-tokens-lead = Mit einem Registrierungs-Token kann ein Besucher unter { $path } ein Konto anlegen. Senden Sie ihm den Link des Tokens; jede Registrierung verbraucht eine seiner Verwendungen.
registration-tokens-list = Tokens
registration-tokens-filter-label = Registrierungs-Tokens filtern
registration-tokens-show = Anzeigen
registration-tokens-empty = Kein Registrierungs-Token entspricht der Auswahl.
registration-tokens-usage = { $completed } / { $allowed }
registration-tokens-usage-unlimited = { $completed } / unbegrenzt
registration-tokens-usage-label = { $allowed ->
    [one] { $completed } von { $allowed } Verwendung
   *[other] { $completed } von { $allowed } Verwendungen
}
registration-tokens-state-revoked = widerrufen
registration-tokens-state-valid = gültig
registration-tokens-state-used-up = aufgebraucht
registration-tokens-state-expired = abgelaufen
registration-tokens-delete-explanation = Das Token „{ $token }“ löschen? Sein Link funktioniert dann nicht mehr. Damit angelegte Konten bleiben bestehen.
registration-tokens-unrevoke = Widerruf aufheben
registration-tokens-delete-summary = Löschen…
registration-tokens-delete = { $token } löschen
registration-tokens-col-token = Token
registration-tokens-col-state = Zustand
registration-tokens-col-uses = Verwendungen
registration-tokens-col-last-used = Zuletzt verwendet
registration-tokens-col-link = Link
registration-tokens-link-label = Registrierungslink für { $token }
registration-tokens-copy-link-label = Link für { $token } kopieren
registration-tokens-copy-link = Link kopieren
registration-tokens-copied = Kopiert.
registration-tokens-copy-refused = Das Kopieren wurde verweigert: Der Link ist markiert, drücken Sie Strg+C.
registration-tokens-created = Token { $token } angelegt.
registration-tokens-new = Neues Registrierungs-Token
registration-tokens-token-hint = Leer lassen für ein zufälliges Token. Buchstaben, Ziffern und . _ ~ - (höchstens 64).
registration-tokens-length = Länge des zufälligen Tokens
registration-tokens-length-hint = Wird verwendet, wenn das Token leer bleibt (1 bis 64).
registration-tokens-uses-allowed = Erlaubte Verwendungen
registration-tokens-uses-allowed-hint = Wie viele Konten sich damit registrieren dürfen; leer für unbegrenzt.
registration-tokens-expires-utc = Läuft ab (UTC)
registration-tokens-expires-hint = Leer: läuft nie ab.
registration-tokens-create = Token anlegen
