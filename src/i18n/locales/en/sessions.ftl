## Login sessions: a user's Sessions tab, the Sessions page and "My sessions"
## (sessions.rs). The count is in counts.ftl.

sessions-title = Sessions
sessions-state-revoked = revoked
sessions-state-active = active
sessions-state-idle = idle
# "Firefox 133 on Windows 10"
sessions-browser-on-os = { $browser } on { $os }
sessions-unknown-browser = Unknown browser
sessions-device-desktop = desktop
sessions-device-mobile = mobile
sessions-device-tablet = tablet
sessions-device-bot = bot
sessions-device-other = other
sessions-this-session = this session
# $device: the browser and system, e.g. "Firefox 133 on Windows 10".
sessions-revoke-explanation = Revoke the session of { $username } ({ $device })? That browser is logged out at its next click.
sessions-revoke-summary = Revoke…
sessions-revoke = Revoke session
sessions-col-user = User
sessions-col-state = State
sessions-col-device = Device
sessions-ip-address = IP address
sessions-col-last-seen = Last seen
sessions-col-signed-in = Signed in
sessions-ended = { $count } session(s) ended.
sessions-logout-explanation = Log { $username } out everywhere? Every browser they are logged in with is logged out at its next click. Their API tokens keep working.
sessions-user-lead = Each login to the panel, newest first, with the browser and address it came from.
sessions-caption = Login sessions
sessions-empty-user = No sessions yet.
sessions-logout-summary = Log out everywhere…
sessions-logout = Log { $username } out everywhere
sessions-filter-any = Any state
sessions-filter-active = Active
sessions-filter-ended = Ended or idle
sessions-filter-label = Filter sessions
sessions-loading = Loading sessions…
sessions-empty = No sessions match these filters.
sessions-sign-out-explanation = Sign out { $device }? That browser must log in again.
sessions-sign-out-summary = Sign out…
sessions-sign-out = Sign out this device
sessions-mine = My sessions
sessions-mine-lead = Where you are logged in to this panel right now.
sessions-sign-out-others-summary = Sign out all other sessions…
sessions-sign-out-others-explanation = Sign out your { $count } other session(s)? Those browsers must log in again; this one stays.
sessions-sign-out-others = Sign out all other sessions
