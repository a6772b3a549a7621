## Les tâches de fond.

jobs-title = Tâches
jobs-queued-notice = La tâche { $job } est mise en file d’attente pour s’exécuter maintenant.
jobs-paused-notice = { $count ->
    [one] Les tâches sont en pause ({ $count } modifiée).
   *[other] Les tâches sont en pause ({ $count } modifiées).
}
jobs-resumed-notice = { $count ->
    [one] Les tâches s’exécutent de nouveau ({ $count } modifiée).
   *[other] Les tâches s’exécutent de nouveau ({ $count } modifiées).
}
jobs-background = Tâches de fond
jobs-lead = Les tâches s’exécutent selon leur planification sur l’instance disponible, par lots. La mise en pause arrête chaque tâche après son lot en cours ; la reprise continue là où chacune s’est arrêtée.
jobs-all-paused = Toutes les tâches sont en pause.
jobs-running = Les tâches s’exécutent selon leur planification.
jobs-resume-all = Reprendre toutes les tâches
jobs-pause-all = Mettre toutes les tâches en pause
jobs-on-demand = à la demande
jobs-every-days = { $count ->
    [one] chaque jour
   *[other] tous les { $count } jours
}
jobs-every-hours = { $count ->
    [one] toutes les heures
   *[other] toutes les { $count } heures
}
jobs-every-minutes = { $count ->
    [one] toutes les minutes
   *[other] toutes les { $count } minutes
}
jobs-state-idle = inactive
jobs-state-queued = en file d’attente
jobs-state-running = en cours
jobs-state-paused = en pause
jobs-progress-label = Progression de { $job }
jobs-progress = { $done } / { $total } ({ $percent } %)
jobs-run-now = Exécuter maintenant
jobs-job = Tâche
jobs-schedule = Planification
jobs-state = État
jobs-progress-col = Progression
jobs-last-run = Dernière exécution
jobs-next-run = Prochaine exécution
