## The dashboard (src/app/pages/home.rs).

home-title = Übersicht
home-stat-users = Benutzer
home-stat-users-detail =
    { $active } aktiv · { $locked } gesperrt · { $deactivated } deaktiviert · { $admins ->
        [one] { $admins } Administrator
       *[other] { $admins } Administratoren
    }
home-stat-seen-today = Heute aktiv
home-stat-seen-detail = { $week } in 7 Tagen · { $month } in 30 Tagen
home-stat-connected = Jetzt verbunden
home-stat-sessions = Aktive Sitzungen
home-stat-orgs = Organisationen
home-stat-registration-tokens = Gültige Registrierungstokens
home-stat-tokens = Aktive persönliche Tokens
home-stat-oauth2-clients = API-Clients
home-stat-messages-queued = Nachrichten in der Warteschlange
home-stat-jobs-running = Laufende Aufträge
home-chart-signups = Registrierungen pro Tag
home-chart-logins = Anmeldungen pro Tag
# After the chart's title: the sum of its bars.
home-chart-total = ({ $count } in { $days } Tagen)
# The chart's description for screen readers.
home-chart-summary = { $title }: { $count } in den letzten { $days } Tagen, davon { $today } heute.
# A bar's tooltip.
home-chart-point = { $date }: { $count }
home-chart-day = Tag
home-chart-count = Anzahl
home-chart-show-table = Als Tabelle anzeigen
home-refresh-note = Die Zahlen werden alle paar Sekunden aktualisiert. Stand: { $time } UTC.
home-stat-admins-without-second-factor = Administratoren ohne zweiten Faktor
