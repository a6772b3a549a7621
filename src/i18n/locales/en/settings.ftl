## Settings: the effective configuration (keys and environment variable
## names are shown as they are) and reloading the provisioning file.

settings-title = Settings
settings-lead = The configuration this server runs with, from its configuration file and environment. Change it there and restart. Secrets are never shown.
settings-search = Search settings
settings-search-label = Key, value or variable contains
settings-loading = Loading settings…
settings-secret = Secret: never shown
settings-empty-value = (empty)
settings-not-set = not set
settings-key = Key
settings-value = Value
settings-env = Environment variable
settings-no-match = No setting matches.
# The caption of a section's table; { $section } is its name, e.g. "server".
settings-section-caption = { "[" }{ $section }] settings
settings-provisioning = Provisioning
# { $key } is "[provisioning] file" (shown as code).
settings-provisioning-about = Applies the provisioning file ({ $key }) again: what is missing is created, what differs is changed, the rest is left alone. Nothing the file does not name is deleted, and a file with problems changes nothing.
settings-reload = Reload provisioning
settings-reloading = Reloading…
settings-provisioning-invalid = The provisioning file cannot be applied; nothing was changed.
settings-problem-line = Line { $line }:
settings-provisioning-applied = Provisioning applied: { $created } created, { $changed } changed, { $unchanged } unchanged.
settings-provisioned-items = Provisioned items
settings-kind = Kind
settings-outcome = Outcome
settings-changed-fields = Changed fields
settings-outcome-created = created
settings-outcome-changed = changed
settings-outcome-unchanged = unchanged
settings-kind-org = Organisation
settings-kind-user = User
settings-kind-membership = Membership
settings-kind-oauth2-client = API client
settings-kind-application = Application
settings-kind-allowlist = Allow-list entry
settings-kind-module = Module
