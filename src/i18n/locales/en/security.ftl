# Second factors: the account's Security page, adding an authenticator
# app, the second step of a sign-in, confirming one's identity again, and
# an administrator's view of a user's factors.

security-title = Security
security-factors = Second factors
security-factors-hint = A second factor protects your account when your password is known to someone else: after the password, Gatehouse asks for a code from your authenticator app or for your passkey.
security-no-factors = No second factor yet.
security-user-no-factors = This user has no second factor.
security-col-kind = Kind
security-col-last-used = Last used
security-kind-totp = Authenticator app
security-kind-passkey = Passkey
security-add-totp = Add an authenticator app
security-added-totp = Authenticator app added.
security-added-passkey = Passkey added.
security-removed = Second factor removed.
security-remove-summary = Remove…
security-remove = Remove { $name }
security-remove-explanation = “{ $name }” will no longer be accepted at sign-in.
security-enrolment-required = This server requires a second factor. Add an authenticator app or a passkey to continue.
security-passkeys = Passkeys and security keys
security-passkeys-hint = A passkey is kept by your device, password manager or security key. It works as a second factor, and signs you in without a password where the browser offers it.
security-passkeys-unsupported = This browser cannot use passkeys here.
security-passkeys-unavailable = Passkeys need this server's public address to be a host name, not an IP address.
security-passkey-name-hint = To recognise it later, e.g. “Laptop” or “YubiKey”.
security-add-passkey = Add a passkey
security-passkey-failed = The passkey did not work. Try again, or use another way.
security-recovery-codes = Recovery codes
security-recovery-hint = Each code signs you in once when your authenticator app or passkey is not at hand. Keep them somewhere safe, away from your password.
security-recovery-left = { $count ->
    [one] One unused recovery code left.
   *[other] { $count } unused recovery codes left.
}
security-recovery-generate = Generate new recovery codes
security-recovery-needs-factor = Recovery codes come with a second factor: add one first.
security-recovery-new = Your new recovery codes
security-recovery-save-now = Save them now: they are shown this once, and the previous codes no longer work.
security-totp-title = Add an authenticator app
security-totp-scan = 1. Scan the QR code
security-totp-scan-hint = Use an authenticator app such as Aegis, FreeOTP, Google Authenticator or 1Password.
security-totp-qr-label = QR code of the authenticator app's setup
security-totp-manual = Cannot scan it? Type this key into the app instead:
security-totp-confirm = 2. Enter the code the app shows
security-totp-default-name = Authenticator app
security-totp-code-hint = Six digits; a new one every 30 seconds.
security-totp-submit = Add the app
security-code = Code
security-reset-summary = Remove all second factors…
security-reset = Remove all second factors of { $username }
security-reset-explanation = For a user who lost their authenticator app and passkeys: all of { $username }’s second factors and recovery codes are removed and their sessions end. Their next sign-in takes the password alone.
security-reset-done = { $count ->
    [one] One second factor removed.
   *[other] { $count } second factors removed.
}

second-step-title = Two-step verification
second-step-lead = Signing in as { $username }: prove it is you with your second factor.
second-step-passkey = Use your passkey
second-step-code = Code
second-step-code-hint = The six-digit code from your authenticator app, or one of your recovery codes.
second-step-recovery-hint = One of your recovery codes.
second-step-submit = Verify
second-step-expired = This sign-in expired. Start again with your password.
second-step-cancel = Sign in as someone else

confirm-title = Confirm it is you
confirm-lead = This change needs your password (or a code from your second factor) once more.
confirm-submit = Confirm with the password
confirm-code-hint = From your authenticator app, or a recovery code.
confirm-submit-code = Confirm with a code
confirm-link = Confirm it is you
