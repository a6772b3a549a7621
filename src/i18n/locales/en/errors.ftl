# The server's error messages, by code (src/i18n/errors.rs). The English
# text must be exactly the server's: a message is only used when it is.

error-username-required = Username is required.
error-username-too-long = Username must be at most 64 characters.
error-username-lowercase = Username must be lowercase.
error-username-characters = Username may contain only a-z, 0-9, '.', '_' and '-'.
error-username-start = Username must start with a letter or digit.
error-display-name-too-long = Display name must be at most 256 characters.
error-display-name-invalid = Display name must not contain control characters.
error-email-invalid = Enter an email address like name@example.org.
error-password-required = Password is required.
error-password-too-long = Password must be at most 1024 bytes.
error-password-is-username = Password must not be the username.
error-password-too-common = This password is too common; choose another.
error-password-unchanged = Choose a password different from the current one.
error-password-mismatch = The passwords do not match.
error-wrong-password = The current password is not correct.
error-language-unknown = Choose one of the languages offered.
error-cannot-modify-self-admin = You cannot remove your own administrator rights.
error-last-admin-import = This import would leave no active administrator; nothing was imported.
error-last-admin-file = The file would leave no active administrator; nothing was changed.

error-name-empty = Name is required.
error-name-required = Enter a name.
error-role-invalid = Role must be one of viewer, editor or admin.
error-role-without-org = A role needs an organisation (org_id).

error-subscription-invalid = Subscription must be one of none, to, from or both.
error-group-empty = Group names must not be empty.
error-contact-required = Enter the contact's username.
error-contact-is-self = A user cannot be their own contact.
error-body-empty = Write a message.
error-body-invalid = A message cannot contain control characters.
error-recipients-empty = Give at least one recipient.

error-hosts-required = Give at least one host.
error-redirect-uris-required = Give at least one redirect URI.
error-public-client = A public client has no secret to rotate.

error-token-invalid = This registration token is not valid.
error-token-used-up = This registration token has been used up.
error-token-expired = This registration token has expired.
error-token-revoked = This registration token has been revoked.
error-token-required = A registration token is required.
error-registration-closed = Registration is closed on this server.
error-whole-number = Enter a whole number.
error-uses-allowed-negative = uses_allowed must be 0 or more (null: unlimited).
error-expiry-past = Expiry must be in the future.
error-expiry-date-time = Enter a date and time such as 2027-01-31 12:00.
error-expiry-date = Enter a date such as 2027-01-31.
error-expiry-rfc3339 = expires_at must be an RFC 3339 time such as 2027-01-31T00:00:00Z.

error-username-duplicate = This username appears earlier in the file.
error-username-missing = Every row needs a username.
error-password-and-hash = Give a password or a password_hash, not both.
error-admin-invalid = admin must be true or false.

error-jobs-paused = jobs are paused: resume them first
error-provisioning-not-configured = Provisioning is off: no file is configured ([provisioning] file or GATEHOUSE_PROVISIONING_FILE).
error-tls-required = admin requests must arrive over HTTPS
error-session-required = This listener accepts only panel sessions; scripts use the admin API on the internal listener.

error-unauthenticated = authentication required
error-invalid-credentials = Invalid username or password.
error-password-change-required = You must choose a new password before you continue.
error-administrator-rights-required = administrator rights required
error-internal = internal error
error-second-factor-required = This server requires a second factor: add one on your account's Security page first.
error-second-factor-last = This server requires a second factor: add another before removing this one.
error-step-up-required = Confirm it is you: enter your password or a code again, then repeat this action.
error-second-factor-enrolled = This account has a second factor: HTTP Basic is refused. Use a personal token (Authorization: Bearer).
error-code-invalid = That code is not valid. Codes work once; wait for the next one.
error-code-mismatch = That code does not match: check the app's clock and try the next code.
error-setup-expired = This setup expired: start again.
error-passkey-invalid = The passkey did not answer as expected: try again.
error-ceremony-expired = This request expired: try again.
error-passkeys-unavailable = Passkeys need the server's public URL to name a host (not an IP address).
error-passkey-registered = This passkey is already registered.
error-no-second-factor = Add an authenticator app or a passkey first.
error-password-wrong = That is not your password.
error-credential-required = Enter your password or a code.

# Mail.
error-email-not-configured = This server sends no mail: its [email] settings are not configured.
error-email-already-verified = This address is already verified.
error-email-missing = This account has no email address.
error-email-required = Enter your email address.
error-email-required-invite = Enter the address to invite.
error-link-invalid = This link is not valid: it was already used, has expired, or was replaced by a newer one.
error-valid-days = An invitation is valid for 1 to 30 days.
