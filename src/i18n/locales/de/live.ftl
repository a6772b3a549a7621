## The toasts of messages received live (any page).

live-toasts = Nachrichten
live-announcement-from = Mitteilung von { $sender }
live-message-from = Nachricht von { $sender }
live-dismiss = Nachricht schließen
