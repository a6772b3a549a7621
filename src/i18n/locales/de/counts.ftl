users-count = { $count ->
    [one] { $count } Benutzer
   *[other] { $count } Benutzer
}
sessions-count = { $count ->
    [one] { $count } Sitzung
   *[other] { $count } Sitzungen
}
audit-count = { $count ->
    [one] { $count } Eintrag
   *[other] { $count } Einträge
}
connections-count = { $count ->
    [one] { $count } offene Verbindung
   *[other] { $count } offene Verbindungen
}
registration-tokens-count = { $count ->
    [one] { $count } Token
   *[other] { $count } Tokens
}
orgs-count = { $count ->
    [one] { $count } Organisation
   *[other] { $count } Organisationen
}
orgs-members-count = { $count ->
    [one] { $count } Mitglied
   *[other] { $count } Mitglieder
}
