## API-Clients (OAuth2 Client Credentials) für Skripte und Dienste.

oauth-clients-title = API-Clients
oauth-clients-lead = Skripte und Dienste verwenden einen API-Client, um ohne das Passwort einer Person auf die Admin-API zuzugreifen: Sie tauschen seine Client-ID und sein Geheimnis bei { $endpoint } (Grant-Typ { $grant }) gegen ein kurzlebiges Zugriffstoken.
oauth-clients-heading = Clients
oauth-clients-revoked = widerrufen
oauth-clients-active = aktiv
oauth-clients-revoke-summary = Widerrufen…
oauth-clients-revoke-label = { $name } widerrufen
oauth-clients-revoke-explanation = „{ $name }“ widerrufen? Seine Zugriffstokens funktionieren sofort nicht mehr, und er kann keine neuen erhalten. Dies kann nicht rückgängig gemacht werden.
oauth-clients-client-id = Client-ID
oauth-clients-client-secret = Client-Geheimnis
oauth-clients-scopes = Berechtigungsumfänge
oauth-clients-last-used = Zuletzt verwendet
oauth-clients-state = Zustand
oauth-clients-empty = Noch keine API-Clients.
oauth-clients-new-heading = Neuer API-Client
oauth-clients-noscript = Zum Anlegen eines Clients wird JavaScript benötigt: Sein Geheimnis wird nur einmal auf dieser Seite angezeigt.
oauth-clients-name-hint = Welches Skript oder welcher Dienst ihn verwendet, z. B. „nächtlicher Abgleich“.
oauth-clients-create = API-Client anlegen
oauth-clients-created = API-Client „{ $name }“ angelegt
oauth-clients-copy-now = Kopieren Sie die Daten jetzt: Sie werden nicht noch einmal angezeigt.
oauth-clients-try-it = Ausprobieren
oauth-clients-try-it-text = Holen Sie ein Zugriffstoken und senden Sie es dann als { $header } an die Admin-API:
oauth-clients-copied-them = Ich habe sie kopiert
