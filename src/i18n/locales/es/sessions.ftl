## Sesiones de inicio de sesión: la pestaña Sesiones de un usuario, la página
## Sesiones y «Mis sesiones» (sessions.rs).

sessions-title = Sesiones
sessions-state-revoked = revocada
sessions-state-active = activa
sessions-state-idle = inactiva
sessions-browser-on-os = { $browser } en { $os }
sessions-unknown-browser = Navegador desconocido
sessions-device-desktop = escritorio
sessions-device-mobile = móvil
sessions-device-tablet = tableta
sessions-device-bot = bot
sessions-device-other = otro
sessions-this-session = esta sesión
sessions-revoke-explanation = ¿Revocar la sesión de { $username } ({ $device })? Ese navegador cerrará la sesión con su próximo clic.
sessions-revoke-summary = Revocar…
sessions-revoke = Revocar sesión
sessions-col-user = Usuario
sessions-col-state = Estado
sessions-col-device = Dispositivo
sessions-ip-address = Dirección IP
sessions-col-last-seen = Última actividad
sessions-col-signed-in = Inicio de sesión
sessions-ended = { $count ->
    [one] { $count } sesión cerrada.
   *[other] { $count } sesiones cerradas.
}
sessions-logout-explanation = ¿Cerrar la sesión de { $username } en todas partes? Cada navegador en el que haya iniciado sesión la cerrará con su próximo clic. Sus tokens de API siguen funcionando.
sessions-user-lead = Cada inicio de sesión en el panel, del más reciente al más antiguo, con el navegador y la dirección de origen.
sessions-caption = Sesiones de inicio de sesión
sessions-empty-user = Todavía no hay sesiones.
sessions-logout-summary = Cerrar sesión en todas partes…
sessions-logout = Cerrar la sesión de { $username } en todas partes
sessions-filter-any = Cualquier estado
sessions-filter-active = Activas
sessions-filter-ended = Terminadas o inactivas
sessions-filter-label = Filtrar sesiones
sessions-loading = Cargando sesiones…
sessions-empty = Ninguna sesión coincide con estos filtros.
sessions-sign-out-explanation = ¿Cerrar la sesión de { $device }? Ese navegador deberá iniciar sesión de nuevo.
sessions-sign-out-summary = Cerrar sesión…
sessions-sign-out = Cerrar la sesión de este dispositivo
sessions-mine = Mis sesiones
sessions-mine-lead = Dónde ha iniciado sesión en este panel en este momento.
sessions-sign-out-others-summary = Cerrar todas las demás sesiones…
sessions-sign-out-others-explanation = { $count ->
    [one] ¿Cerrar su otra sesión? Ese navegador deberá iniciar sesión de nuevo; este se mantiene.
   *[other] ¿Cerrar sus otras { $count } sesiones? Esos navegadores deberán iniciar sesión de nuevo; este se mantiene.
}
sessions-sign-out-others = Cerrar todas las demás sesiones
