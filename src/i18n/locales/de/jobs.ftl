## Die Hintergrundaufträge.

jobs-title = Aufträge
jobs-queued-notice = Der Auftrag { $job } ist zur sofortigen Ausführung eingereiht.
jobs-paused-notice = Die Aufträge sind angehalten ({ $count } geändert).
jobs-resumed-notice = Die Aufträge laufen wieder ({ $count } geändert).
jobs-background = Hintergrundaufträge
jobs-lead = Aufträge laufen nach ihrem Zeitplan stapelweise auf der jeweils freien Instanz. Anhalten stoppt jeden Auftrag nach seinem aktuellen Stapel; beim Fortsetzen geht jeder dort weiter, wo er stehen geblieben ist.
jobs-all-paused = Alle Aufträge sind angehalten.
jobs-running = Die Aufträge laufen nach Zeitplan.
jobs-resume-all = Alle Aufträge fortsetzen
jobs-pause-all = Alle Aufträge anhalten
jobs-on-demand = bei Bedarf
jobs-every-days = { $count ->
    [one] täglich
   *[other] alle { $count } Tage
}
jobs-every-hours = { $count ->
    [one] stündlich
   *[other] alle { $count } Stunden
}
jobs-every-minutes = { $count ->
    [one] jede Minute
   *[other] alle { $count } Minuten
}
jobs-state-idle = bereit
jobs-state-queued = eingereiht
jobs-state-running = läuft
jobs-state-paused = angehalten
jobs-progress-label = Fortschritt von { $job }
jobs-progress = { $done } / { $total } ({ $percent } %)
jobs-run-now = Jetzt ausführen
jobs-job = Auftrag
jobs-schedule = Zeitplan
jobs-state = Zustand
jobs-progress-col = Fortschritt
jobs-last-run = Letzte Ausführung
jobs-next-run = Nächste Ausführung
