## Einen Benutzer anlegen (/users/new).

user-new-title = Neuer Benutzer
user-new-username-hint = 1–64 Zeichen: Kleinbuchstaben, Ziffern, „.“, „_“ und „-“.
user-new-password-hint = Mindestens 8 Zeichen, nicht der Benutzername. Leer lassen, um das Konto ohne Passwort anzulegen.
user-new-org-default = Die Standardorganisation (falls eine eingerichtet ist)
user-new-role = Rolle in der Organisation
user-new-role-default = Standard (Betrachter)
user-new-role-viewer = Betrachter
user-new-role-editor = Bearbeiter
user-new-role-admin = Administrator
user-new-admin = Serveradministrator
user-new-creating = Wird angelegt…
user-new-submit = Benutzer anlegen
