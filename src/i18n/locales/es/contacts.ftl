## The Contacts tab of the user page. The subscription words (to, from,
## both, none) are XMPP's terms: keep them, explain them in parentheses.

contacts-title = Contactos
contacts-intro = Los usuarios de la lista de contactos (roster) de { $username }, con la suscripción de presencia y los grupos de cada uno.
contacts-subscription = Suscripción
contacts-subscription-to = to (el usuario ve la presencia del contacto)
contacts-subscription-from = from (el contacto ve la presencia del usuario)
contacts-subscription-both = both (cada uno ve la presencia del otro)
contacts-subscription-none = none (ninguno ve la presencia del otro)
contacts-groups = Grupos
contacts-groups-optional = Grupos (opcional)
contacts-groups-hint = Separados por comas, por ejemplo «Amigos, Trabajo».
contacts-empty = Todavía no hay contactos.
contacts-edit = Editar…
contacts-save = Guardar { $contact }
contacts-saved = { $contact } guardado.
contacts-remove-summary = Quitar…
contacts-remove = Quitar { $contact }
contacts-remove-confirm = ¿Quitar a { $contact } de los contactos de { $owner }? Los contactos propios de { $contact } no cambian.
contacts-removed = Contacto quitado.
contacts-add-heading = Añadir un contacto
contacts-username-hint = El nombre de usuario del otro usuario; los nombres de usuario coincidentes se sugieren mientras escribe.
contacts-add = Añadir contacto
contacts-added = { $contact } añadido.
