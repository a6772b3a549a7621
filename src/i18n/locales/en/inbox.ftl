## The inbox on the account page (inbox.rs).

inbox-title = Inbox
inbox-mark-all = Mark all as read
inbox-empty = No messages.
inbox-unread = { $count } unread
# $sender is the sender's username, shown in bold.
inbox-announcement-from = Announcement from { $sender }
inbox-message-from = Message from { $sender }
inbox-new = new
inbox-mark-read = Mark as read
