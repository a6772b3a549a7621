## Creating a user (/users/new).

user-new-title = New user
user-new-username-hint = 1–64 characters: lowercase letters, digits, '.', '_' and '-'.
user-new-password-hint = At least 8 characters, not the username. Leave empty to create the account without a password.
user-new-org-default = The default (if one is configured)
user-new-role = Role in the organisation
user-new-role-default = Default (viewer)
user-new-role-viewer = Viewer
user-new-role-editor = Editor
user-new-role-admin = Admin
user-new-admin = Server administrator
user-new-creating = Creating…
user-new-submit = Create user
