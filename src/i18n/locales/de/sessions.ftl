## Anmeldesitzungen: der Reiter Sitzungen eines Benutzers, die Seite Sitzungen
## und „Meine Sitzungen“ (sessions.rs).

sessions-title = Sitzungen
sessions-state-revoked = widerrufen
sessions-state-active = aktiv
sessions-state-idle = inaktiv
sessions-browser-on-os = { $browser } unter { $os }
sessions-unknown-browser = Unbekannter Browser
sessions-device-desktop = Desktop
sessions-device-mobile = Mobilgerät
sessions-device-tablet = Tablet
sessions-device-bot = Bot
sessions-device-other = Sonstiges
sessions-this-session = diese Sitzung
sessions-revoke-explanation = Die Sitzung von { $username } ({ $device }) widerrufen? Dieser Browser wird beim nächsten Klick abgemeldet.
sessions-revoke-summary = Widerrufen…
sessions-revoke = Sitzung widerrufen
sessions-col-user = Benutzer
sessions-col-state = Zustand
sessions-col-device = Gerät
sessions-ip-address = IP-Adresse
sessions-col-last-seen = Zuletzt aktiv
sessions-col-signed-in = Angemeldet
sessions-ended = { $count ->
    [one] { $count } Sitzung beendet.
   *[other] { $count } Sitzungen beendet.
}
sessions-logout-explanation = { $username } überall abmelden? Jeder Browser, in dem dieser Benutzer angemeldet ist, wird beim nächsten Klick abgemeldet. Seine API-Tokens funktionieren weiterhin.
sessions-user-lead = Jede Anmeldung am Panel, die neueste zuerst, mit dem Browser und der Adresse, von der sie kam.
sessions-caption = Anmeldesitzungen
sessions-empty-user = Noch keine Sitzungen.
sessions-logout-summary = Überall abmelden…
sessions-logout = { $username } überall abmelden
sessions-filter-any = Alle Zustände
sessions-filter-active = Aktiv
sessions-filter-ended = Beendet oder inaktiv
sessions-filter-label = Sitzungen filtern
sessions-loading = Sitzungen werden geladen…
sessions-empty = Keine Sitzung entspricht diesen Filtern.
sessions-sign-out-explanation = { $device } abmelden? Dieser Browser muss sich erneut anmelden.
sessions-sign-out-summary = Abmelden…
sessions-sign-out = Dieses Gerät abmelden
sessions-mine = Meine Sitzungen
sessions-mine-lead = Wo Sie gerade an diesem Panel angemeldet sind.
sessions-sign-out-others-summary = Alle anderen Sitzungen abmelden…
sessions-sign-out-others-explanation = { $count ->
    [one] Ihre andere Sitzung abmelden? Dieser Browser muss sich erneut anmelden; dieser hier bleibt angemeldet.
   *[other] Ihre { $count } anderen Sitzungen abmelden? Diese Browser müssen sich erneut anmelden; dieser hier bleibt angemeldet.
}
sessions-sign-out-others = Alle anderen Sitzungen abmelden
