## Einstellungen: die wirksame Konfiguration (Schlüssel und Namen der
## Umgebungsvariablen bleiben unverändert) und das erneute Provisionieren.

settings-title = Einstellungen
settings-lead = Die Konfiguration, mit der dieser Server läuft, aus seiner Konfigurationsdatei und seiner Umgebung. Ändern Sie sie dort und starten Sie neu. Geheimnisse werden nie angezeigt.
settings-search = Einstellungen durchsuchen
settings-search-label = Schlüssel, Wert oder Variable enthält
settings-loading = Einstellungen werden geladen…
settings-secret = Geheimnis: wird nie angezeigt
settings-empty-value = (leer)
settings-not-set = nicht gesetzt
settings-key = Schlüssel
settings-value = Wert
settings-env = Umgebungsvariable
settings-no-match = Keine Einstellung passt.
settings-section-caption = Einstellungen in [{ $section }]
settings-provisioning = Provisionierung
settings-provisioning-about = Wendet die Provisionierungsdatei ({ $key }) erneut an: Was fehlt, wird angelegt, was abweicht, wird geändert, der Rest bleibt unberührt. Nichts, was die Datei nicht nennt, wird gelöscht, und eine fehlerhafte Datei ändert nichts.
settings-reload = Provisionierung neu laden
settings-reloading = Wird neu geladen…
settings-provisioning-invalid = Die Provisionierungsdatei kann nicht angewendet werden; es wurde nichts geändert.
settings-problem-line = Zeile { $line }:
settings-provisioning-applied = Provisionierung angewendet: { $created } angelegt, { $changed } geändert, { $unchanged } unverändert.
settings-provisioned-items = Provisionierte Elemente
settings-kind = Art
settings-outcome = Ergebnis
settings-changed-fields = Geänderte Felder
settings-outcome-created = angelegt
settings-outcome-changed = geändert
settings-outcome-unchanged = unverändert
settings-kind-org = Organisation
settings-kind-user = Benutzer
settings-kind-membership = Mitgliedschaft
settings-kind-oauth2-client = API-Client
settings-kind-application = Anwendung
settings-kind-allowlist = Eintrag der IP-Freigabeliste
settings-kind-module = Modul
