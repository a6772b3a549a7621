users-count = { $count ->
    [one] { $count } utilisateur
   *[other] { $count } utilisateurs
}
sessions-count = { $count ->
    [one] { $count } session
   *[other] { $count } sessions
}
audit-count = { $count ->
    [one] { $count } entrée
   *[other] { $count } entrées
}
connections-count = { $count ->
    [one] { $count } connexion ouverte
   *[other] { $count } connexions ouvertes
}
registration-tokens-count = { $count ->
    [one] { $count } jeton
   *[other] { $count } jetons
}
orgs-count = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
orgs-members-count = { $count ->
    [one] { $count } membre
   *[other] { $count } membres
}
