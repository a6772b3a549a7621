## The OpenID Connect provider's own pages (consent, device, sign-out,
## errors) and the forward-authentication gate's pages. Messages that hold
## markup get their values already escaped.

oidc-cannot-sign-in = Anmeldung nicht möglich
oidc-no-access = Kein Zugriff
oidc-no-access-heading = Kein Zugriff auf { $app }
oidc-no-access-body = Ihr Konto darf sich nicht bei { $app } anmelden. Wer die Anwendung nutzen darf, entscheidet ein Administrator.
oidc-return-to = Zurück zu { $app }
oidc-allow = Zulassen
oidc-deny = Ablehnen
oidc-continue = Weiter

# The consent page.
oidc-consent-title = Bei { $app } anmelden
oidc-consent-signed-in-as = Sie sind als <strong>{ $user }</strong> angemeldet. { $app } möchte:
oidc-consent-withdraw = Sie können diese Freigabe später auf Ihrer Kontoseite im Abschnitt „Anwendungen“ widerrufen.

# What each scope lets an application do, as listed on the consent and device pages.
oidc-scope-openid = Wissen, wer Sie sind (Ihre Konto-ID)
oidc-scope-profile = Ihren Benutzernamen und Anzeigenamen sehen
oidc-scope-email = Ihre E-Mail-Adresse sehen
oidc-scope-groups = Ihre Organisationen und Ihre Rolle in jeder davon sehen
oidc-scope-offline-access = Sie in Ihrer Abwesenheit angemeldet halten (bis Sie den Zugriff widerrufen)

# Requests that cannot be sent back to the application.
oidc-error-no-client = Die Anwendung hat nicht angegeben, wer sie ist (keine client_id).
oidc-error-unknown-client = Diese Anwendung ist hier nicht registriert (unbekannte client_id).
oidc-error-no-redirect = Die Anwendung hat keine redirect_uri gesendet.
oidc-error-unregistered-redirect = Die redirect_uri ist für diese Anwendung nicht registriert, daher leitet Gatehouse Sie nicht dorthin weiter.
oidc-error-request-gone = Diese Anmeldeanfrage ist abgelaufen oder wurde bereits beantwortet. Kehren Sie zur Anwendung zurück und beginnen Sie von vorn.

# The device page (/device).
oidc-device-title = Gerät verbinden
oidc-device-enter-code = Geben Sie den Code ein, den Ihr Gerät oder Kommandozeilenwerkzeug anzeigt.
oidc-device-code = Code
oidc-device-unknown-code = Dieser Code ist unbekannt oder abgelaufen. Prüfen Sie ihn auf Ihrem Gerät.
oidc-device-confirm-heading = { $app } verbinden?
oidc-device-confirm-body = Ein Gerät, das den Code <strong>{ $code }</strong> anzeigt, möchte sich in Ihrem Namen bei { $app } anmelden. Lassen Sie dies nur zu, wenn Sie den Vorgang selbst gestartet haben.
oidc-device-asks-to = { $app } möchte:
oidc-device-connected = Gerät verbunden
oidc-device-connected-body = Ihr Gerät ist jetzt bei { $app } angemeldet. Sie können dieses Fenster schließen und zum Gerät zurückkehren.
oidc-device-refused = Gerät abgelehnt
oidc-device-refused-body = Das Gerät wurde nicht angemeldet. Sie können dieses Fenster schließen.
oidc-device-expired = Code abgelaufen
oidc-device-expired-body = Dieser Code ist abgelaufen oder wurde bereits verwendet. Beginnen Sie auf Ihrem Gerät von vorn.

# Signing out (/oauth2/logout).
oidc-cannot-sign-out = Abmeldung nicht möglich
oidc-logout-foreign-token = Die Anwendung hat ein ID-Token gesendet, das nicht von Gatehouse ausgestellt wurde.
oidc-logout-client-mismatch = Die client_id stimmt nicht mit der Zielgruppe (aud) des ID-Tokens überein.
oidc-logout-unregistered-return = Die Rücksprungadresse ist für diese Anwendung nicht registriert, daher leitet Gatehouse Sie nicht dorthin weiter.
oidc-signed-out = Abgemeldet
oidc-signed-out-body = Sie sind von Gatehouse abgemeldet.
oidc-sign-out = Abmelden
oidc-logout-heading = Abmelden?
oidc-logout-app-asks = { $app } möchte Sie von Gatehouse abmelden. Sie werden auch von den Anwendungen abgemeldet, bei denen Sie sich über diese Sitzung angemeldet haben.
oidc-logout-someone-asks = Eine Anwendung möchte Sie von Gatehouse abmelden. Sie werden auch von den Anwendungen abgemeldet, bei denen Sie sich über diese Sitzung angemeldet haben.

# Forward authentication: what the reverse proxy shows the person.
oidc-gate-untrusted = Kein vertrauenswürdiger Proxy
oidc-gate-untrusted-body = Die Forward-Authentifizierung antwortet nur den Reverse-Proxys, die in trusted_proxies aufgeführt sind.
oidc-gate-no-address = Keine Adresse zu prüfen
oidc-gate-no-address-body = Der Proxy hat keine ursprüngliche Adresse gesendet (X-Original-URL oder X-Forwarded-Host und X-Forwarded-Uri).
oidc-gate-denied = Zugriff verweigert
oidc-gate-denied-body = Sie sind als { $user } angemeldet, aber dieses Konto darf { $app } nicht verwenden. Bitten Sie einen Administrator um Zugriff.
oidc-gate-denied-body-unnamed = Sie sind als { $user } angemeldet, aber dieses Konto darf diese Anwendung nicht verwenden. Bitten Sie einen Administrator um Zugriff.
oidc-gate-unknown-host = Hier nicht geschützt
oidc-gate-unknown-host-body = Keine Anwendung in Gatehouse schützt { $host }, daher wird der Zugriff nicht durchgelassen.
