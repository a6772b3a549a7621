## The OpenID Connect provider's own pages (consent, device, sign-out,
## errors) and the forward-authentication gate's pages. Messages that hold
## markup get their values already escaped.

oidc-cannot-sign-in = Cannot sign in
oidc-no-access = No access
oidc-no-access-heading = No access to { $app }
oidc-no-access-body = Your account may not sign in to { $app }. An administrator decides who may use it.
oidc-return-to = Return to { $app }
oidc-allow = Allow
oidc-deny = Deny
oidc-continue = Continue

# The consent page.
oidc-consent-title = Sign in to { $app }
oidc-consent-signed-in-as = You are signed in as <strong>{ $user }</strong>. { $app } asks to:
oidc-consent-withdraw = You can withdraw this later on your account page, under Apps.

# What each scope lets an application do, as listed on the consent and device pages.
oidc-scope-openid = Know who you are (your account id)
oidc-scope-profile = See your username and display name
oidc-scope-email = See your email address
oidc-scope-groups = See your organisations and your role in each
oidc-scope-offline-access = Stay signed in while you are away (until you revoke it)

# Requests that cannot be sent back to the application.
oidc-error-no-client = The application did not say who it is (no client_id).
oidc-error-unknown-client = This application is not registered here (unknown client_id).
oidc-error-no-redirect = The application sent no redirect_uri.
oidc-error-unregistered-redirect = The redirect_uri is not registered for this application, so Gatehouse will not send you there.
oidc-error-request-gone = This sign-in request has expired or was already answered. Go back to the application and start again.

# The device page (/device).
oidc-device-title = Connect a device
oidc-device-enter-code = Enter the code your device or command-line tool shows.
oidc-device-code = Code
oidc-device-unknown-code = That code is unknown or has expired. Check it on your device.
oidc-device-confirm-heading = Connect { $app }?
oidc-device-confirm-body = A device showing the code <strong>{ $code }</strong> wants to sign in to { $app } as you. Only allow this if you started it yourself.
oidc-device-asks-to = { $app } asks to:
oidc-device-connected = Device connected
oidc-device-connected-body = Your device is now signed in to { $app }. You can close this window and return to it.
oidc-device-refused = Device refused
oidc-device-refused-body = The device was not signed in. You can close this window.
oidc-device-expired = Code expired
oidc-device-expired-body = This code has expired or was already used. Start again on your device.

# Signing out (/oauth2/logout).
oidc-cannot-sign-out = Cannot sign out
oidc-logout-foreign-token = The application sent an ID token that Gatehouse did not issue.
oidc-logout-client-mismatch = client_id differs from the ID token's audience.
oidc-logout-unregistered-return = The address to return to is not registered for this application, so Gatehouse will not send you there.
oidc-signed-out = Signed out
oidc-signed-out-body = You are signed out of Gatehouse.
oidc-sign-out = Sign out
oidc-logout-heading = Sign out?
oidc-logout-app-asks = { $app } asks to sign you out of Gatehouse. You will also be signed out of the applications you signed in to through this session.
oidc-logout-someone-asks = An application asks to sign you out of Gatehouse. You will also be signed out of the applications you signed in to through this session.

# Forward authentication: what the reverse proxy shows the person.
oidc-gate-untrusted = Not a trusted proxy
oidc-gate-untrusted-body = Forward authentication answers only the reverse proxies named in trusted_proxies.
oidc-gate-no-address = No address to check
oidc-gate-no-address-body = The proxy sent no original address (X-Original-URL, or X-Forwarded-Host and X-Forwarded-Uri).
oidc-gate-denied = Access denied
oidc-gate-denied-body = You are signed in as { $user }, but this account may not use { $app }. Ask an administrator for access.
oidc-gate-denied-body-unnamed = You are signed in as { $user }, but this account may not use this application. Ask an administrator for access.
oidc-gate-unknown-host = Not protected here
oidc-gate-unknown-host-body = No application in Gatehouse protects { $host }, so it is not let through.
