## A user's personal admin API tokens (tokens.rs); the scope words are also
## used by the API clients page.

tokens-scope-admin = full admin
tokens-scope-read = read only
tokens-scope = Scope
tokens-scope-admin-option = Full admin
tokens-scope-read-option = Read only
tokens-scope-hint = Read only allows GET requests only.
tokens-title = API tokens
# $header is the HTTP header to send, shown as code.
tokens-lead = A personal token acts as this user on the admin API ({ $header }), and only while the user is an administrator.
tokens-revoke-explanation = Revoke “{ $name }”? Every script using it is refused at once. This cannot be undone.
tokens-revoke = Revoke { $name }
tokens-revoke-summary = Revoke…
tokens-col-scopes = Scopes
tokens-col-state = State
tokens-col-last-used = Last used
tokens-state-active = active
tokens-state-expired = expired
tokens-state-revoked = revoked
tokens-empty = No tokens yet.
tokens-new = New token
tokens-needs-js = Creating a token needs JavaScript: its secret is shown once, on this page.
tokens-name-hint = What the token is for, e.g. “backup script”.
tokens-expires-on = Expires on (optional)
tokens-expires-hint = The token stops working at the end of that day (UTC). Empty: it never expires.
tokens-create = Create token
tokens-created = Token “{ $name }” created
tokens-copy-now = Copy it now: it will not be shown again.
tokens-secret = Secret
tokens-copied-it = I have copied it
tokens-scope-role = as { $role }
tokens-scope-org-admin = as organisation admin
