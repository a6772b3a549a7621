## Clientes de API (credenciales de cliente OAuth2) para scripts y servicios.

oauth-clients-title = Clientes de API
oauth-clients-lead = Los scripts y servicios usan un cliente de API para acceder a la API de administración sin la contraseña de una persona: intercambian su ID de cliente y su secreto en { $endpoint } (tipo de concesión { $grant }) por un token de acceso de corta duración.
oauth-clients-heading = Clientes
oauth-clients-revoked = revocado
oauth-clients-active = activo
oauth-clients-revoke-summary = Revocar…
oauth-clients-revoke-label = Revocar { $name }
oauth-clients-revoke-explanation = ¿Revocar «{ $name }»? Sus tokens de acceso dejan de funcionar de inmediato y no podrá obtener otros nuevos. Esta acción no se puede deshacer.
oauth-clients-client-id = ID de cliente
oauth-clients-client-secret = Secreto de cliente
oauth-clients-scopes = Ámbitos
oauth-clients-last-used = Último uso
oauth-clients-state = Estado
oauth-clients-empty = Todavía no hay clientes de API.
oauth-clients-new-heading = Nuevo cliente de API
oauth-clients-noscript = Crear un cliente requiere JavaScript: su secreto se muestra una sola vez, en esta página.
oauth-clients-name-hint = Qué script o servicio lo usa, p. ej. «sincronización nocturna».
oauth-clients-create = Crear cliente de API
oauth-clients-created = Cliente de API «{ $name }» creado
oauth-clients-copy-now = Cópielos ahora: no se volverán a mostrar.
oauth-clients-try-it = Pruébelo
oauth-clients-try-it-text = Obtenga un token de acceso y envíelo como { $header } a la API de administración:
oauth-clients-copied-them = Ya los he copiado
