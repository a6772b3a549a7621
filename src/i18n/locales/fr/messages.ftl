## Sending one user a message from their page.

messages-heading = Envoyer un message à { $username }
messages-intro = Il s'affiche immédiatement sur toutes les pages que cette personne a ouvertes et reste dans sa boîte de réception jusqu'à sa lecture.
messages-send = Envoyer le message
messages-delivered = Remis : { $username } a une page ouverte et le voit dès maintenant.
messages-queued = Enregistré : { $username } n'est pas connecté et le verra lors de sa prochaine visite.
