## The dashboard (src/app/pages/home.rs).

home-title = Tableau de bord
home-stat-users = Utilisateurs
home-stat-users-detail =
    { $active ->
        [one] { $active } actif
       *[other] { $active } actifs
    } · { $locked ->
        [one] { $locked } verrouillé
       *[other] { $locked } verrouillés
    } · { $deactivated ->
        [one] { $deactivated } désactivé
       *[other] { $deactivated } désactivés
    } · { $admins ->
        [one] { $admins } administrateur
       *[other] { $admins } administrateurs
    }
home-stat-seen-today = Actifs aujourd’hui
home-stat-seen-detail = { $week } sur 7 jours · { $month } sur 30 jours
home-stat-connected = Connectés en ce moment
home-stat-sessions = Sessions actives
home-stat-orgs = Organisations
home-stat-registration-tokens = Jetons d’inscription valides
home-stat-tokens = Jetons personnels actifs
home-stat-oauth2-clients = Clients d’API
home-stat-messages-queued = Messages en file d’attente
home-stat-jobs-running = Tâches en cours
home-chart-signups = Inscriptions par jour
home-chart-logins = Connexions par jour
# After the chart's title: the sum of its bars.
home-chart-total = ({ $count } sur { $days } jours)
# The chart's description for screen readers.
home-chart-summary = { $title } : { $count } au cours des { $days } derniers jours, dont { $today } aujourd’hui.
# A bar's tooltip.
home-chart-point = { $date } : { $count }
home-chart-day = Jour
home-chart-count = Nombre
home-chart-show-table = Afficher sous forme de tableau
home-refresh-note = Les chiffres sont actualisés toutes les quelques secondes. Décompte du { $time } UTC.
home-stat-admins-without-second-factor = Administrateurs sans second facteur
