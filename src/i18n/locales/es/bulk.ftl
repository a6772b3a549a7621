## Acciones sobre los usuarios seleccionados en la lista de usuarios.

bulk-working-label = Procesando
bulk-working = Procesando…
bulk-actions-label = Acciones masivas
bulk-selected = { $count ->
    [one] { $count } usuario seleccionado
   *[other] { $count } usuarios seleccionados
}
bulk-lock = Bloquear
bulk-unlock = Desbloquear
bulk-deactivate = Desactivar
bulk-export-selected = Exportar selección
bulk-clear-selection = Borrar selección
bulk-locked-none = No se bloqueó ningún usuario.
bulk-unlocked-none = No se desbloqueó ningún usuario.
bulk-deactivated-none = No se desactivó ningún usuario.
bulk-deleted-none = No se eliminó ningún usuario.
bulk-locked = { $count ->
    [one] { $count } usuario bloqueado
   *[other] { $count } usuarios bloqueados
}: { $names }.
bulk-unlocked = { $count ->
    [one] { $count } usuario desbloqueado
   *[other] { $count } usuarios desbloqueados
}: { $names }.
bulk-deactivated = { $count ->
    [one] { $count } usuario desactivado
   *[other] { $count } usuarios desactivados
}: { $names }.
bulk-deleted = { $count ->
    [one] { $count } usuario eliminado
   *[other] { $count } usuarios eliminados
}: { $names }.
bulk-refused = { $count ->
    [one] Rechazado para { $count } usuario:
   *[other] Rechazado para { $count } usuarios:
}
bulk-lock-title = { $count ->
    [one] ¿Bloquear { $count } usuario?
   *[other] ¿Bloquear { $count } usuarios?
}
bulk-unlock-title = { $count ->
    [one] ¿Desbloquear { $count } usuario?
   *[other] ¿Desbloquear { $count } usuarios?
}
bulk-deactivate-title = { $count ->
    [one] ¿Desactivar { $count } usuario?
   *[other] ¿Desactivar { $count } usuarios?
}
bulk-delete-title = { $count ->
    [one] ¿Eliminar { $count } usuario?
   *[other] ¿Eliminar { $count } usuarios?
}
bulk-lock-confirm = { $count ->
    [one] Bloquear { $count } usuario
   *[other] Bloquear { $count } usuarios
}
bulk-unlock-confirm = { $count ->
    [one] Desbloquear { $count } usuario
   *[other] Desbloquear { $count } usuarios
}
bulk-deactivate-confirm = { $count ->
    [one] Desactivar { $count } usuario
   *[other] Desactivar { $count } usuarios
}
bulk-delete-confirm = { $count ->
    [one] Eliminar { $count } usuario
   *[other] Eliminar { $count } usuarios
}
bulk-lock-consequence = No podrán iniciar sesión, y sus sesiones y tokens dejarán de funcionar hasta que se desbloqueen.
bulk-unlock-consequence = Podrán volver a iniciar sesión.
bulk-deactivate-consequence = Todas sus sesiones terminan y todos sus tokens se revocan. Las cuentas se pueden reactivar más adelante.
bulk-delete-consequence = Sus cuentas, sesiones y tokens se eliminan definitivamente. Esta acción no se puede deshacer.
bulk-affected = Usuarios afectados
bulk-more = …y { $count } más.
