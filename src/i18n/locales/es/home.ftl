## The dashboard (src/app/pages/home.rs).

home-title = Panel
home-stat-users = Usuarios
home-stat-users-detail =
    { $active ->
        [one] { $active } activo
       *[other] { $active } activos
    } · { $locked ->
        [one] { $locked } bloqueado
       *[other] { $locked } bloqueados
    } · { $deactivated ->
        [one] { $deactivated } desactivado
       *[other] { $deactivated } desactivados
    } · { $admins ->
        [one] { $admins } administrador
       *[other] { $admins } administradores
    }
home-stat-seen-today = Activos hoy
home-stat-seen-detail = { $week } en 7 días · { $month } en 30 días
home-stat-connected = Conectados ahora
home-stat-sessions = Sesiones activas
home-stat-orgs = Organizaciones
home-stat-registration-tokens = Tokens de registro válidos
home-stat-tokens = Tokens personales activos
home-stat-oauth2-clients = Clientes de API
home-stat-messages-queued = Mensajes en cola
home-stat-jobs-running = Tareas en ejecución
home-chart-signups = Registros por día
home-chart-logins = Inicios de sesión por día
# After the chart's title: the sum of its bars.
home-chart-total = ({ $count } en { $days } días)
# The chart's description for screen readers.
home-chart-summary = { $title }: { $count } en los últimos { $days } días, { $today } de ellos hoy.
# A bar's tooltip.
home-chart-point = { $date }: { $count }
home-chart-day = Día
home-chart-count = Cantidad
home-chart-show-table = Mostrar como tabla
home-refresh-note = Las cifras se actualizan cada pocos segundos. Recuento: { $time } UTC.
home-stat-admins-without-second-factor = Administradores sin segundo factor
