## Las tareas en segundo plano.

jobs-title = Tareas
jobs-queued-notice = La tarea { $job } está en cola para ejecutarse ahora.
jobs-paused-notice = { $count ->
    [one] Las tareas están en pausa ({ $count } modificada).
   *[other] Las tareas están en pausa ({ $count } modificadas).
}
jobs-resumed-notice = { $count ->
    [one] Las tareas vuelven a ejecutarse ({ $count } modificada).
   *[other] Las tareas vuelven a ejecutarse ({ $count } modificadas).
}
jobs-background = Tareas en segundo plano
jobs-lead = Las tareas se ejecutan según su programación en la instancia que esté libre, por lotes. Pausar detiene cada tarea tras su lote actual; reanudar continúa donde se detuvo cada una.
jobs-all-paused = Todas las tareas están en pausa.
jobs-running = Las tareas se ejecutan según su programación.
jobs-resume-all = Reanudar todas las tareas
jobs-pause-all = Pausar todas las tareas
jobs-on-demand = a petición
jobs-every-days = { $count ->
    [one] cada día
   *[other] cada { $count } días
}
jobs-every-hours = { $count ->
    [one] cada hora
   *[other] cada { $count } horas
}
jobs-every-minutes = { $count ->
    [one] cada minuto
   *[other] cada { $count } minutos
}
jobs-state-idle = inactiva
jobs-state-queued = en cola
jobs-state-running = en ejecución
jobs-state-paused = en pausa
jobs-progress-label = Progreso de { $job }
jobs-progress = { $done } / { $total } ({ $percent } %)
jobs-run-now = Ejecutar ahora
jobs-job = Tarea
jobs-schedule = Programación
jobs-state = Estado
jobs-progress-col = Progreso
jobs-last-run = Última ejecución
jobs-next-run = Próxima ejecución
