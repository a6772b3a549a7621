users-count = { $count ->
    [one] { $count } usuario
   *[other] { $count } usuarios
}
sessions-count = { $count ->
    [one] { $count } sesión
   *[other] { $count } sesiones
}
audit-count = { $count ->
    [one] { $count } registro
   *[other] { $count } registros
}
connections-count = { $count ->
    [one] { $count } conexión abierta
   *[other] { $count } conexiones abiertas
}
registration-tokens-count = { $count ->
    [one] { $count } token
   *[other] { $count } tokens
}
orgs-count = { $count ->
    [one] { $count } organización
   *[other] { $count } organizaciones
}
orgs-members-count = { $count ->
    [one] { $count } miembro
   *[other] { $count } miembros
}
