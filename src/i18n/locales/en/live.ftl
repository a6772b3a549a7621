## The toasts of messages received live (any page).

live-toasts = Messages
live-announcement-from = Announcement from { $sender }
live-message-from = Message from { $sender }
live-dismiss = Dismiss message
