## Registration tokens (registration_tokens.rs). The count is in counts.ftl.

registration-tokens-title = Registration tokens
registration-tokens-filter-all = All tokens
registration-tokens-filter-valid = Valid
registration-tokens-filter-used = Used at least once
registration-tokens-filter-revoked = Revoked
registration-tokens-filter-expired = Expired
# $path is the registration page's address, shown as code.
registration-tokens-lead = A registration token lets a visitor create an account at { $path }. Send them the token's link; each registration uses one of its uses.
registration-tokens-list = Tokens
registration-tokens-filter-label = Filter registration tokens
registration-tokens-show = Show
registration-tokens-empty = No registration tokens match.
# Completed registrations against the uses allowed.
registration-tokens-usage = { $completed } / { $allowed }
registration-tokens-usage-unlimited = { $completed } / unlimited
registration-tokens-usage-label = { $completed } of { $allowed } uses
registration-tokens-state-revoked = revoked
registration-tokens-state-valid = valid
registration-tokens-state-used-up = used up
registration-tokens-state-expired = expired
registration-tokens-delete-explanation = Delete the token “{ $token }”? Its link stops working. Accounts made with it stay.
registration-tokens-unrevoke = Unrevoke
registration-tokens-delete-summary = Delete…
registration-tokens-delete = Delete { $token }
registration-tokens-col-token = Token
registration-tokens-col-state = State
registration-tokens-col-uses = Uses
registration-tokens-col-last-used = Last used
registration-tokens-col-link = Link
registration-tokens-link-label = Registration link for { $token }
registration-tokens-copy-link-label = Copy link for { $token }
registration-tokens-copy-link = Copy link
registration-tokens-copied = Copied.
registration-tokens-copy-refused = Copying was refused: the link is selected, press Ctrl+C.
# $token is the new token, shown as code.
registration-tokens-created = Token { $token } created.
registration-tokens-new = New registration token
registration-tokens-token-hint = Leave empty for a random token. Letters, digits and . _ ~ - (up to 64).
registration-tokens-length = Random token length
registration-tokens-length-hint = Used when the token is left empty (1 to 64).
registration-tokens-uses-allowed = Uses allowed
registration-tokens-uses-allowed-hint = How many accounts may register with it; empty for unlimited.
registration-tokens-expires-utc = Expires (UTC)
registration-tokens-expires-hint = Empty: never expires.
registration-tokens-create = Create token
