## Quién está conectado ahora (connections.rs).

connections-title = Conectados
connections-refresh = Actualizar
connections-lead = Todas las personas con una página de Gatehouse abierta en este momento, en cada instancia del servidor. Una fila por página abierta.
connections-online = Usuarios en línea: { $count }.
connections-col-user = Usuario
connections-col-address = Dirección
connections-col-browser = Navegador
connections-col-since = Desde
connections-col-connection = Conexión
connections-caption = Conexiones abiertas
connections-empty = No hay nadie conectado.
