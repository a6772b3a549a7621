## The dashboard (src/app/pages/home.rs).

home-title = Dashboard
home-stat-users = Users
home-stat-users-detail = { $active } active · { $locked } locked · { $deactivated } deactivated · { $admins } admins
home-stat-seen-today = Seen today
home-stat-seen-detail = { $week } in 7 days · { $month } in 30 days
home-stat-connected = Connected now
home-stat-sessions = Active sessions
home-stat-orgs = Organisations
home-stat-registration-tokens = Valid registration tokens
home-stat-tokens = Active personal tokens
home-stat-oauth2-clients = API clients
home-stat-messages-queued = Messages queued
home-stat-jobs-running = Jobs running
home-chart-signups = Sign-ups per day
home-chart-logins = Logins per day
# After the chart's title: the sum of its bars.
home-chart-total = ({ $count } in { $days } days)
# The chart's description for screen readers.
home-chart-summary = { $title }: { $count } in the last { $days } days, { $today } today.
# A bar's tooltip.
home-chart-point = { $date }: { $count }
home-chart-day = Day
home-chart-count = Count
home-chart-show-table = Show as a table
home-refresh-note = Figures refresh every few seconds. Counted at { $time } UTC.
home-stat-admins-without-second-factor = Admins without a second factor
