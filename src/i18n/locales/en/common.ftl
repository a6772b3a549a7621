## Words every page uses. Page-specific messages live in their own file,
## named after the page (users.ftl, orgs.ftl, ...), with keys prefixed alike.

common-loading = Loading…
common-save = Save
common-cancel = Cancel
common-delete = Delete
common-remove = Remove
common-create = Create
common-edit = Edit
common-search = Search
common-filter = Filter
common-apply = Apply
common-clear = Clear
common-close = Close
common-copy = Copy
common-copied = Copied
common-confirm = Confirm
common-back = Back
common-export = Export
common-revoke = Revoke
common-actions = Actions
common-status = Status
common-name = Name
common-username = Username
common-display-name = Display name
common-email = Email
common-password = Password
common-created = Created
common-updated = Updated
common-expires = Expires
common-id = ID
common-role = Role
common-yes = Yes
common-no = No
common-none = none
common-never = never
common-all = All
common-any = Any
common-unknown = unknown
common-previous = Previous
common-next = Next
common-page-of = Page { $page } of { $pages }
common-showing = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
common-empty = Nothing here yet.
common-utc = UTC
common-required = required
common-optional = optional
common-error = Something went wrong.
common-error-title = Error

time-ago-seconds = { $count ->
    [one] { $count } second ago
   *[other] { $count } seconds ago
}
time-ago-minutes = { $count ->
    [one] { $count } minute ago
   *[other] { $count } minutes ago
}
time-ago-hours = { $count ->
    [one] { $count } hour ago
   *[other] { $count } hours ago
}
time-ago-days = { $count ->
    [one] { $count } day ago
   *[other] { $count } days ago
}

language-menu = Language
language-choose = Change language
theme-switch = Colour theme
theme-light = Light
theme-dark = Dark
theme-system = System

common-pages = Pages
status-active = active
status-locked = locked
status-deactivated = deactivated
error-session-ended = Your session has ended
error-log-in-again = Log in again to continue.
error-forbidden = Not allowed
error-not-found = Not found
error-admins-only = 403 — Administrators only
error-admins-only-body = Your account cannot open this page. You can manage your own account instead.
error-go-to-account = Go to my account
copy-label = Copy { $what }
copy-done = Copied to the clipboard.
copy-refused = Copying was refused: the text is selected, press Ctrl+C (⌘C on a Mac).
pager-previous = ← Previous
pager-next = Next →
pager-newer = ← Newer
pager-older = Older →
