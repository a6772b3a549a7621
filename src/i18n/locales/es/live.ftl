## The toasts of messages received live (any page).

live-toasts = Mensajes
live-announcement-from = Anuncio de { $sender }
live-message-from = Mensaje de { $sender }
live-dismiss = Descartar mensaje
