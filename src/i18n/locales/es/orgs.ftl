## Organizaciones: la lista, una organización, la pestaña Organizaciones de un
## usuario y «Mis organizaciones» (orgs.rs).

orgs-title = Organizaciones
orgs-search-label = Buscar organizaciones
orgs-name-contains = El nombre contiene
orgs-loading = Cargando organizaciones…
orgs-members = Miembros
orgs-empty = Ninguna organización coincide.
orgs-new = Nueva organización
orgs-name-hint = Único, sin distinguir mayúsculas y minúsculas; hasta 100 caracteres.
orgs-create = Crear organización
orgs-role-viewer = Lector
orgs-role-editor = Editor
orgs-role-admin = Administrador
orgs-any-role = Cualquier rol
orgs-member-added = { $username } ahora es { $role ->
    [viewer] lector
    [editor] editor
   *[admin] administrador
} de esta organización.
orgs-delete-explanation = { $count ->
    [one] ¿Eliminar { $name }? Su membresía se elimina con ella; el usuario en sí se conserva.
   *[other] ¿Eliminar { $name }? Sus { $count } membresías se eliminan con ella; los usuarios en sí se conservan.
}
orgs-delete-explanation-empty = ¿Eliminar { $name }? No tiene miembros.
orgs-back = Volver a las organizaciones
orgs-detail-summary = { $count ->
    [one] { $count } miembro · creada el
   *[other] { $count } miembros · creada el
}
orgs-show-in-users = Mostrar en la lista de usuarios
orgs-add-member-heading = Añadir un miembro
orgs-add-member-hint = Se sugieren nombres de usuario coincidentes mientras escribe. Añadir a un miembro existente cambia su rol.
orgs-add-member = Añadir miembro
orgs-rename = Cambiar el nombre
orgs-save-name = Guardar el nombre
orgs-delete = Eliminar organización
orgs-delete-summary = Eliminar organización…
orgs-delete-force = Quitar también sus membresías
orgs-filter-members = Filtrar miembros
orgs-show-role = Mostrar rol
orgs-role-of = Rol de { $username }
orgs-change-role = Cambiar rol
orgs-remove-member-explanation = ¿Quitar a { $username } de esta organización? La cuenta en sí se conserva.
orgs-remove-summary = Quitar…
orgs-remove-member = Quitar miembro
orgs-col-user = Usuario
orgs-col-joined = Se unió
orgs-members-empty = Ningún miembro coincide.
orgs-role-in = Rol en { $org }
orgs-leave-explanation = ¿Quitar a { $username } de { $org }?
orgs-leave = Quitar de la organización
orgs-col-org = Organización
orgs-user-caption = Organizaciones de este usuario
orgs-user-empty = No es miembro de ninguna organización.
orgs-join-heading = Añadir a una organización
orgs-none-yet = Todavía no hay organizaciones.
orgs-create-one = Cree una
orgs-join = Añadir a la organización
orgs-mine = Mis organizaciones
orgs-mine-empty = No es miembro de ninguna organización.
