## Sending one user a message from their page.

messages-heading = Enviar un mensaje a { $username }
messages-intro = Aparece de inmediato en cualquier página que tenga abierta y permanece en su bandeja de entrada hasta que lo lea.
messages-send = Enviar mensaje
messages-delivered = Entregado: { $username } tiene una página abierta y lo ve ahora.
messages-queued = Guardado: { $username } no está conectado y lo verá en su próxima visita.
