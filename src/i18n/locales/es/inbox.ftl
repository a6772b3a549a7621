## La bandeja de entrada de la página de la cuenta (inbox.rs).

inbox-title = Bandeja de entrada
inbox-mark-all = Marcar todo como leído
inbox-empty = No hay mensajes.
inbox-unread = { $count } sin leer
inbox-announcement-from = Anuncio de { $sender }
inbox-message-from = Mensaje de { $sender }
inbox-new = nuevo
inbox-mark-read = Marcar como leído
