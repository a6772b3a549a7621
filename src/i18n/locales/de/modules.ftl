## Die eingebauten Module und ihre Schalter.

modules-title = Module
modules-built-in = Eingebaute Module
modules-lead = Die Seiten und Endpunkte eines deaktivierten Moduls antworten ab ihrer nächsten Anfrage auf jeder Instanz mit „nicht gefunden“; die Auswahl bleibt über Neustarts hinweg erhalten.
modules-enabled-notice = Das Modul { $module } ist aktiviert.
modules-disabled-notice = Das Modul { $module } ist deaktiviert.
modules-changed-by = von { $user }
modules-default = Standard
modules-module = Modul
modules-description = Beschreibung
modules-enabled = Aktiviert
modules-last-changed = Zuletzt geändert
modules-switch-label = Modul { $module }
modules-off = Aus
modules-on = An
modules-disable-explanation = Das Modul { $module } deaktivieren? Seine Seiten und Endpunkte antworten mit „nicht gefunden“, bis es wieder aktiviert wird.
modules-disable = { $module } deaktivieren
