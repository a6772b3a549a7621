## La boîte de réception de la page du compte (inbox.rs).

inbox-title = Boîte de réception
inbox-mark-all = Tout marquer comme lu
inbox-empty = Aucun message.
inbox-unread = { $count ->
    [one] { $count } non lu
   *[other] { $count } non lus
}
inbox-announcement-from = Annonce de { $sender }
inbox-message-from = Message de { $sender }
inbox-new = nouveau
inbox-mark-read = Marquer comme lu
