## The toasts of messages received live (any page).

live-toasts = Messages
live-announcement-from = Annonce de { $sender }
live-message-from = Message de { $sender }
live-dismiss = Fermer le message
