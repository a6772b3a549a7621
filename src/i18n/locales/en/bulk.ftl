## Acting on the users selected in the users list.

bulk-working-label = Working
bulk-working = Working…
bulk-actions-label = Bulk actions
bulk-selected = { $count ->
    [one] { $count } user selected
   *[other] { $count } users selected
}
bulk-lock = Lock
bulk-unlock = Unlock
bulk-deactivate = Deactivate
bulk-export-selected = Export selected
bulk-clear-selection = Clear selection
bulk-locked-none = Locked no users.
bulk-unlocked-none = Unlocked no users.
bulk-deactivated-none = Deactivated no users.
bulk-deleted-none = Deleted no users.
bulk-locked = Locked { $count ->
    [one] { $count } user
   *[other] { $count } users
}: { $names }.
bulk-unlocked = Unlocked { $count ->
    [one] { $count } user
   *[other] { $count } users
}: { $names }.
bulk-deactivated = Deactivated { $count ->
    [one] { $count } user
   *[other] { $count } users
}: { $names }.
bulk-deleted = Deleted { $count ->
    [one] { $count } user
   *[other] { $count } users
}: { $names }.
bulk-refused = Refused { $count ->
    [one] { $count } user
   *[other] { $count } users
}:
bulk-lock-title = Lock { $count ->
    [one] { $count } user
   *[other] { $count } users
}?
bulk-unlock-title = Unlock { $count ->
    [one] { $count } user
   *[other] { $count } users
}?
bulk-deactivate-title = Deactivate { $count ->
    [one] { $count } user
   *[other] { $count } users
}?
bulk-delete-title = Delete { $count ->
    [one] { $count } user
   *[other] { $count } users
}?
bulk-lock-confirm = Lock { $count ->
    [one] { $count } user
   *[other] { $count } users
}
bulk-unlock-confirm = Unlock { $count ->
    [one] { $count } user
   *[other] { $count } users
}
bulk-deactivate-confirm = Deactivate { $count ->
    [one] { $count } user
   *[other] { $count } users
}
bulk-delete-confirm = Delete { $count ->
    [one] { $count } user
   *[other] { $count } users
}
bulk-lock-consequence = They cannot log in, and their sessions and tokens stop working until they are unlocked.
bulk-unlock-consequence = They can log in again.
bulk-deactivate-consequence = All their sessions end and all their tokens are revoked. The accounts can be reactivated later.
bulk-delete-consequence = Their accounts, sessions and tokens are removed for good. This cannot be undone.
bulk-affected = Affected users
bulk-more = …and { $count } more.
