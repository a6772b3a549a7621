## API clients (OAuth2 client credentials) for scripts and services.

oauth-clients-title = API clients
# { $endpoint } is "POST /oauth2/token", { $grant } "client_credentials" (shown as code).
oauth-clients-lead = Scripts and services use an API client to reach the admin API without a person's password: they exchange its client id and secret at { $endpoint } (grant type { $grant }) for a short-lived access token.
oauth-clients-heading = Clients
oauth-clients-revoked = revoked
oauth-clients-active = active
oauth-clients-revoke-summary = Revoke…
oauth-clients-revoke-label = Revoke { $name }
oauth-clients-revoke-explanation = Revoke “{ $name }”? Its access tokens stop working at once and it cannot get new ones. This cannot be undone.
oauth-clients-client-id = Client id
oauth-clients-client-secret = Client secret
oauth-clients-scopes = Scopes
oauth-clients-last-used = Last used
oauth-clients-state = State
oauth-clients-empty = No API clients yet.
oauth-clients-new-heading = New API client
oauth-clients-noscript = Creating a client needs JavaScript: its secret is shown once, on this page.
oauth-clients-name-hint = Which script or service uses it, e.g. “nightly sync”.
oauth-clients-create = Create API client
oauth-clients-created = API client “{ $name }” created
oauth-clients-copy-now = Copy it now: it will not be shown again.
oauth-clients-try-it = Try it
# { $header } is "Authorization: Bearer …" (shown as code).
oauth-clients-try-it-text = Get an access token, then send it as { $header } to the admin API:
oauth-clients-copied-them = I have copied them
