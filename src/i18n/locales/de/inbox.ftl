## Der Posteingang auf der Kontoseite (inbox.rs).

inbox-title = Posteingang
inbox-mark-all = Alle als gelesen markieren
inbox-empty = Keine Nachrichten.
inbox-unread = { $count } ungelesen
inbox-announcement-from = Ankündigung von { $sender }
inbox-message-from = Nachricht von { $sender }
inbox-new = neu
inbox-mark-read = Als gelesen markieren
