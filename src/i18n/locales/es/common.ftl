## Palabras que usan todas las páginas.

common-loading = Cargando…
common-save = Guardar
common-cancel = Cancelar
common-delete = Eliminar
common-remove = Quitar
common-create = Crear
common-edit = Editar
common-search = Buscar
common-filter = Filtrar
common-apply = Aplicar
common-clear = Borrar
common-close = Cerrar
common-copy = Copiar
common-copied = Copiado
common-confirm = Confirmar
common-back = Volver
common-export = Exportar
common-revoke = Revocar
common-actions = Acciones
common-status = Estado
common-name = Nombre
common-username = Nombre de usuario
common-display-name = Nombre visible
common-email = Correo electrónico
common-password = Contraseña
common-created = Creado
common-updated = Modificado
common-expires = Caduca
common-id = Identificador
common-role = Rol
common-yes = Sí
common-no = No
common-none = ninguno
common-never = nunca
common-all = Todos
common-any = Cualquiera
common-unknown = desconocido
common-previous = Anterior
common-next = Siguiente
common-page-of = Página { $page } de { $pages }
common-showing = { $count ->
    [one] { $count } resultado
   *[other] { $count } resultados
}
common-empty = Todavía no hay nada aquí.
common-utc = UTC
common-required = obligatorio
common-optional = opcional
common-error = Algo salió mal.
common-error-title = Error

time-ago-seconds = { $count ->
    [one] hace { $count } segundo
   *[other] hace { $count } segundos
}
time-ago-minutes = { $count ->
    [one] hace { $count } minuto
   *[other] hace { $count } minutos
}
time-ago-hours = { $count ->
    [one] hace { $count } hora
   *[other] hace { $count } horas
}
time-ago-days = { $count ->
    [one] hace { $count } día
   *[other] hace { $count } días
}

language-menu = Idioma
language-choose = Cambiar idioma
theme-switch = Tema de colores
theme-light = Claro
theme-dark = Oscuro
theme-system = Sistema

common-pages = Páginas
status-active = activo
status-locked = bloqueado
status-deactivated = desactivado
error-session-ended = Su sesión ha terminado
error-log-in-again = Inicie sesión de nuevo para continuar.
error-forbidden = No permitido
error-not-found = No encontrado
error-admins-only = 403 — Solo administradores
error-admins-only-body = Su cuenta no puede abrir esta página. Puede gestionar su propia cuenta en su lugar.
error-go-to-account = Ir a mi cuenta
copy-label = Copiar { $what }
copy-done = Copiado al portapapeles.
copy-refused = Se rechazó la copia: el texto está seleccionado, pulse Ctrl+C (⌘C en Mac).
pager-previous = ← Anterior
pager-next = Siguiente →
pager-newer = ← Más recientes
pager-older = Más antiguos →
