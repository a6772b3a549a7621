## How many rows a list holds (its summary line).

users-count = { $count ->
    [one] { $count } user
   *[other] { $count } users
}
sessions-count = { $count ->
    [one] { $count } session
   *[other] { $count } sessions
}
audit-count = { $count ->
    [one] { $count } record
   *[other] { $count } records
}
connections-count = { $count ->
    [one] { $count } open connection
   *[other] { $count } open connections
}
registration-tokens-count = { $count ->
    [one] { $count } token
   *[other] { $count } tokens
}
orgs-count = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
orgs-members-count = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
