# Die Nachrichten, die Gatehouse per E-Mail verschickt (server::email::letter).
# Jede wird als reiner Text und als HTML gesendet; { $site } ist der Hostname des Servers.

mail-greeting = Hallo { $name },
mail-signature = — { $site }
mail-link-hint = Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:

mail-verify-subject = Bestätigen Sie Ihre E-Mail-Adresse
mail-verify-body = Diese Adresse wurde für das Konto { $username } auf { $site } angegeben. Öffnen Sie den folgenden Link innerhalb von 24 Stunden, um zu bestätigen, dass es Ihre Adresse ist. Falls Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren.
mail-verify-action = Meine Adresse bestätigen

mail-reset-subject = Setzen Sie Ihr Passwort zurück
mail-reset-body = Jemand hat angefordert, das Passwort des Kontos { $username } auf { $site } zurückzusetzen. Öffnen Sie den folgenden Link innerhalb einer Stunde, um ein neues Passwort zu wählen; der Link funktioniert nur einmal, und alle Sitzungen des Kontos werden beendet, sobald sich das Passwort ändert.
mail-reset-ignore = Falls Sie dies nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.
mail-reset-action = Neues Passwort wählen

mail-invitation-subject = Einladung zu { $site }
mail-invitation-body = { $inviter } hat Sie eingeladen, ein Konto auf { $site } zu erstellen. Der folgende Link funktioniert nur einmal und ist gültig bis { $expires }.
mail-invitation-org = Sie werden Mitglied der Organisation { $org } mit der Rolle { $role }.
mail-invitation-action = Mein Konto erstellen

mail-notice-password-subject = Ihr Passwort wurde geändert
mail-notice-password-body = Das Passwort Ihres Kontos { $username } wurde am { $when } geändert. Alle anderen Sitzungen des Kontos wurden beendet.
mail-notice-factor-added-subject = Ihrem Konto wurde ein zweiter Faktor hinzugefügt
mail-notice-factor-added-body = Der zweite Faktor „{ $detail }“ wurde am { $when } zu Ihrem Konto { $username } hinzugefügt.
mail-notice-factor-removed-subject = Ein zweiter Faktor wurde aus Ihrem Konto entfernt
mail-notice-factor-removed-body = Der zweite Faktor „{ $detail }“ wurde am { $when } aus Ihrem Konto { $username } entfernt.
mail-notice-sign-in-subject = Neue Anmeldung bei Ihrem Konto
mail-notice-sign-in-body = Bei Ihrem Konto { $username } gab es am { $when } eine Anmeldung von einem bisher unbekannten Gerät: { $detail }.
mail-notice-not-you = Falls Sie das nicht waren, ändern Sie sofort Ihr Passwort und informieren Sie Ihren Administrator.
mail-notice-footer = Sie erhalten diese Sicherheitsbenachrichtigung, weil sie für Ihr Konto eingeschaltet ist. Sie können sie hier ausschalten: { $link }

mail-test-subject = Testnachricht von { $site }
mail-test-body = Diese Nachricht zeigt, dass { $site } E-Mails über { $host } versenden kann. Sonst ist nichts zu tun.
