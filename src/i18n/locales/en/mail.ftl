# The messages Gatehouse sends by mail (server::email::letter). Each letter
# is sent as plain text and HTML; { $site } is the server's host name.

mail-greeting = Hello { $name },
mail-signature = — { $site }
mail-link-hint = If the button does not work, copy this address into your browser:

mail-verify-subject = Confirm your email address
mail-verify-body = This address was given for the account { $username } on { $site }. Open the link below within 24 hours to confirm that it is yours. If you did not expect this, you can ignore this message.
mail-verify-action = Confirm my address

mail-reset-subject = Reset your password
mail-reset-body = Someone asked to reset the password of the account { $username } on { $site }. Open the link below within one hour to choose a new password; the link works once, and every session of the account ends when the password changes.
mail-reset-ignore = If you did not ask for this, ignore this message: your password stays as it is.
mail-reset-action = Choose a new password

mail-invitation-subject = You are invited to { $site }
mail-invitation-body = { $inviter } invited you to create an account on { $site }. The link below works once and is valid until { $expires }.
mail-invitation-org = You will join the organisation { $org } as { $role }.
mail-invitation-action = Create my account

mail-notice-password-subject = Your password was changed
mail-notice-password-body = The password of your account { $username } was changed on { $when }. Every other session of the account was ended.
mail-notice-factor-added-subject = A second factor was added to your account
mail-notice-factor-added-body = The second factor “{ $detail }” was added to your account { $username } on { $when }.
mail-notice-factor-removed-subject = A second factor was removed from your account
mail-notice-factor-removed-body = The second factor “{ $detail }” was removed from your account { $username } on { $when }.
mail-notice-sign-in-subject = New sign-in to your account
mail-notice-sign-in-body = Your account { $username } was signed in to from a device not seen before, on { $when }: { $detail }.
mail-notice-not-you = If this was not you, change your password at once and tell your administrator.
mail-notice-footer = You receive this security notice because it is switched on for your account. You can switch it off at { $link }

mail-test-subject = Test message from { $site }
mail-test-body = This message shows that { $site } can send mail through { $host }. Nothing else needs to be done.
