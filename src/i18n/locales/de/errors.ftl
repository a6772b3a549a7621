# Die Fehlermeldungen des Servers, nach Code (src/i18n/errors.rs).

error-username-required = Der Benutzername ist erforderlich.
error-username-too-long = Der Benutzername darf höchstens 64 Zeichen lang sein.
error-username-lowercase = Der Benutzername muss aus Kleinbuchstaben bestehen.
error-username-characters = Der Benutzername darf nur a-z, 0-9, „.“, „_“ und „-“ enthalten.
error-username-start = Der Benutzername muss mit einem Buchstaben oder einer Ziffer beginnen.
error-display-name-too-long = Der Anzeigename darf höchstens 256 Zeichen lang sein.
error-display-name-invalid = Der Anzeigename darf keine Steuerzeichen enthalten.
error-email-invalid = Geben Sie eine E-Mail-Adresse wie name@example.org ein.
error-password-required = Das Passwort ist erforderlich.
error-password-too-long = Das Passwort darf höchstens 1024 Bytes lang sein.
error-password-is-username = Das Passwort darf nicht der Benutzername sein.
error-password-too-common = Dieses Passwort ist zu verbreitet; wählen Sie ein anderes.
error-password-unchanged = Wählen Sie ein anderes Passwort als das aktuelle.
error-password-mismatch = Die Passwörter stimmen nicht überein.
error-wrong-password = Das aktuelle Passwort ist nicht korrekt.
error-language-unknown = Wählen Sie eine der angebotenen Sprachen.
error-cannot-modify-self-admin = Sie können sich nicht selbst die Administratorrechte entziehen.
error-last-admin-import = Dieser Import würde keinen aktiven Administrator übrig lassen; es wurde nichts importiert.
error-last-admin-file = Die Datei würde keinen aktiven Administrator übrig lassen; es wurde nichts geändert.

error-name-empty = Der Name ist erforderlich.
error-name-required = Geben Sie einen Namen ein.
error-role-invalid = Die Rolle muss viewer, editor oder admin sein.
error-role-without-org = Eine Rolle erfordert eine Organisation (org_id).

error-subscription-invalid = Das Abonnement muss none, to, from oder both sein.
error-group-empty = Gruppennamen dürfen nicht leer sein.
error-contact-required = Geben Sie den Benutzernamen des Kontakts ein.
error-contact-is-self = Ein Benutzer kann nicht sein eigener Kontakt sein.
error-body-empty = Schreiben Sie eine Nachricht.
error-body-invalid = Eine Nachricht darf keine Steuerzeichen enthalten.
error-recipients-empty = Geben Sie mindestens einen Empfänger an.

error-hosts-required = Geben Sie mindestens einen Host an.
error-redirect-uris-required = Geben Sie mindestens eine Weiterleitungs-URI an.
error-public-client = Ein öffentlicher Client hat kein Geheimnis, das erneuert werden könnte.

error-token-invalid = Dieser Registrierungs-Token ist nicht gültig.
error-token-used-up = Dieser Registrierungs-Token ist aufgebraucht.
error-token-expired = Dieser Registrierungs-Token ist abgelaufen.
error-token-revoked = Dieser Registrierungs-Token wurde widerrufen.
error-token-required = Ein Registrierungs-Token ist erforderlich.
error-registration-closed = Die Registrierung ist auf diesem Server geschlossen.
error-whole-number = Geben Sie eine ganze Zahl ein.
error-uses-allowed-negative = uses_allowed muss 0 oder größer sein (null: unbegrenzt).
error-expiry-past = Das Ablaufdatum muss in der Zukunft liegen.
error-expiry-date-time = Geben Sie Datum und Uhrzeit ein, z. B. 2027-01-31 12:00.
error-expiry-date = Geben Sie ein Datum ein, z. B. 2027-01-31.
error-expiry-rfc3339 = expires_at muss eine RFC-3339-Zeit wie 2027-01-31T00:00:00Z sein.

error-username-duplicate = Dieser Benutzername kommt bereits weiter oben in der Datei vor.
error-username-missing = Jede Zeile braucht einen Benutzernamen.
error-password-and-hash = Geben Sie password oder password_hash an, nicht beides.
error-admin-invalid = admin muss true oder false sein.

error-jobs-paused = Aufträge sind pausiert: Setzen Sie sie zuerst fort
error-provisioning-not-configured = Die Provisionierung ist aus: Es ist keine Datei konfiguriert ([provisioning] file oder GATEHOUSE_PROVISIONING_FILE).
error-tls-required = Administrationsanfragen müssen über HTTPS eintreffen
error-session-required = Dieser Listener akzeptiert nur Sitzungen der Verwaltungsoberfläche; Skripte verwenden die Admin-API auf dem internen Listener.

error-unauthenticated = Anmeldung erforderlich
error-invalid-credentials = Ungültiger Benutzername oder ungültiges Passwort.
error-password-change-required = Sie müssen ein neues Passwort wählen, bevor Sie fortfahren.
error-administrator-rights-required = Administratorrechte erforderlich
error-internal = interner Fehler
error-second-factor-required = Dieser Server verlangt einen zweiten Faktor: Fügen Sie zuerst auf der Sicherheitsseite Ihres Kontos einen hinzu.
error-second-factor-last = Dieser Server verlangt einen zweiten Faktor: Fügen Sie einen weiteren hinzu, bevor Sie diesen entfernen.
error-step-up-required = Bestätigen Sie Ihre Identität: Geben Sie erneut Ihr Passwort oder einen Code ein und wiederholen Sie dann diese Aktion.
error-second-factor-enrolled = Dieses Konto hat einen zweiten Faktor: HTTP Basic wird abgelehnt. Verwenden Sie ein persönliches Token (Authorization: Bearer).
error-code-invalid = Dieser Code ist ungültig. Jeder Code funktioniert nur einmal; warten Sie auf den nächsten.
error-code-mismatch = Dieser Code stimmt nicht: Prüfen Sie die Uhr der App und versuchen Sie den nächsten Code.
error-setup-expired = Diese Einrichtung ist abgelaufen: Beginnen Sie von vorn.
error-passkey-invalid = Der Passkey hat nicht wie erwartet geantwortet: Versuchen Sie es erneut.
error-ceremony-expired = Diese Anfrage ist abgelaufen: Versuchen Sie es erneut.
error-passkeys-unavailable = Passkeys setzen voraus, dass die öffentliche URL des Servers einen Hostnamen nennt (keine IP-Adresse).
error-passkey-registered = Dieser Passkey ist bereits registriert.
error-no-second-factor = Fügen Sie zuerst eine Authenticator-App oder einen Passkey hinzu.
error-password-wrong = Das ist nicht Ihr Passwort.
error-credential-required = Geben Sie Ihr Passwort oder einen Code ein.

# E-Mail.
error-email-not-configured = Dieser Server versendet keine E-Mails: seine [email]-Einstellungen sind nicht konfiguriert.
error-email-already-verified = Diese Adresse ist bereits bestätigt.
error-email-missing = Dieses Konto hat keine E-Mail-Adresse.
error-email-required = Geben Sie Ihre E-Mail-Adresse ein.
error-email-required-invite = Geben Sie die Adresse ein, die Sie einladen möchten.
error-link-invalid = Dieser Link ist ungültig: Er wurde bereits verwendet, ist abgelaufen oder wurde durch einen neueren ersetzt.
error-valid-days = Eine Einladung ist 1 bis 30 Tage gültig.
