# Zweite Faktoren: die Sicherheitsseite des Kontos, das Hinzufügen einer
# Authenticator-App, der zweite Schritt einer Anmeldung, die erneute
# Bestätigung der eigenen Identität und die Sicht eines Administrators auf
# die Faktoren eines Benutzers.

security-title = Sicherheit
security-factors = Zweite Faktoren
security-factors-hint = Ein zweiter Faktor schützt Ihr Konto, wenn jemand anderes Ihr Passwort kennt: Nach dem Passwort fragt Gatehouse nach einem Code aus Ihrer Authenticator-App oder nach Ihrem Passkey.
security-no-factors = Noch kein zweiter Faktor.
security-user-no-factors = Dieser Benutzer hat keinen zweiten Faktor.
security-col-kind = Art
security-col-last-used = Zuletzt verwendet
security-kind-totp = Authenticator-App
security-kind-passkey = Passkey
security-add-totp = Authenticator-App hinzufügen
security-added-totp = Authenticator-App hinzugefügt.
security-added-passkey = Passkey hinzugefügt.
security-removed = Zweiter Faktor entfernt.
security-remove-summary = Entfernen…
security-remove = { $name } entfernen
security-remove-explanation = „{ $name }“ wird bei der Anmeldung nicht mehr akzeptiert.
security-enrolment-required = Dieser Server verlangt einen zweiten Faktor. Fügen Sie eine Authenticator-App oder einen Passkey hinzu, um fortzufahren.
security-passkeys = Passkeys und Sicherheitsschlüssel
security-passkeys-hint = Ein Passkey wird von Ihrem Gerät, Ihrem Passwort-Manager oder Ihrem Sicherheitsschlüssel aufbewahrt. Er dient als zweiter Faktor und meldet Sie ohne Passwort an, wo der Browser dies anbietet.
security-passkeys-unsupported = Dieser Browser kann hier keine Passkeys verwenden.
security-passkeys-unavailable = Passkeys setzen voraus, dass die öffentliche Adresse dieses Servers ein Hostname ist, keine IP-Adresse.
security-passkey-name-hint = Um ihn später wiederzuerkennen, z. B. „Laptop“ oder „YubiKey“.
security-add-passkey = Passkey hinzufügen
security-passkey-failed = Der Passkey hat nicht funktioniert. Versuchen Sie es erneut oder wählen Sie einen anderen Weg.
security-recovery-codes = Wiederherstellungscodes
security-recovery-hint = Jeder Code meldet Sie einmal an, wenn Ihre Authenticator-App oder Ihr Passkey nicht zur Hand ist. Bewahren Sie die Codes an einem sicheren Ort auf, getrennt von Ihrem Passwort.
security-recovery-left = { $count ->
    [one] Noch ein unbenutzter Wiederherstellungscode.
   *[other] Noch { $count } unbenutzte Wiederherstellungscodes.
}
security-recovery-generate = Neue Wiederherstellungscodes erzeugen
security-recovery-needs-factor = Wiederherstellungscodes gibt es nur zusammen mit einem zweiten Faktor: Fügen Sie zuerst einen hinzu.
security-recovery-new = Ihre neuen Wiederherstellungscodes
security-recovery-save-now = Speichern Sie sie jetzt: Diese Codes werden nur dieses eine Mal angezeigt, und die bisherigen Codes funktionieren nicht mehr.
security-totp-title = Authenticator-App hinzufügen
security-totp-scan = 1. QR-Code scannen
security-totp-scan-hint = Verwenden Sie eine Authenticator-App wie Aegis, FreeOTP, Google Authenticator oder 1Password.
security-totp-qr-label = QR-Code zur Einrichtung der Authenticator-App
security-totp-manual = Scannen nicht möglich? Geben Sie stattdessen diesen Schlüssel in die App ein:
security-totp-confirm = 2. Den Code eingeben, den die App anzeigt
security-totp-default-name = Authenticator-App
security-totp-code-hint = Sechs Ziffern; alle 30 Sekunden ein neuer.
security-totp-submit = App hinzufügen
security-code = Code
security-reset-summary = Alle zweiten Faktoren entfernen…
security-reset = Alle zweiten Faktoren von { $username } entfernen
security-reset-explanation = Für einen Benutzer, der seine Authenticator-App und seine Passkeys verloren hat: Alle zweiten Faktoren und Wiederherstellungscodes von { $username } werden entfernt und seine Sitzungen beendet. Bei der nächsten Anmeldung genügt das Passwort allein.
security-reset-done = { $count ->
    [one] Ein zweiter Faktor entfernt.
   *[other] { $count } zweite Faktoren entfernt.
}

second-step-title = Bestätigung in zwei Schritten
second-step-lead = Anmeldung als { $username }: Bestätigen Sie mit Ihrem zweiten Faktor, dass Sie es sind.
second-step-passkey = Ihren Passkey verwenden
second-step-code = Code
second-step-code-hint = Der sechsstellige Code aus Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes.
second-step-recovery-hint = Einer Ihrer Wiederherstellungscodes.
second-step-submit = Bestätigen
second-step-expired = Diese Anmeldung ist abgelaufen. Beginnen Sie erneut mit Ihrem Passwort.
second-step-cancel = Als jemand anderes anmelden

confirm-title = Bestätigen Sie Ihre Identität
confirm-lead = Für diese Änderung ist noch einmal Ihr Passwort (oder ein Code Ihres zweiten Faktors) nötig.
confirm-submit = Mit dem Passwort bestätigen
confirm-code-hint = Aus Ihrer Authenticator-App oder ein Wiederherstellungscode.
confirm-submit-code = Mit einem Code bestätigen
confirm-link = Identität bestätigen
