## Sending one user a message from their page.

messages-heading = { $username } eine Nachricht senden
messages-intro = Sie erscheint sofort auf jeder Seite, die die Person geöffnet hat, und bleibt in ihrem Posteingang, bis sie gelesen wird.
messages-send = Nachricht senden
messages-delivered = Zugestellt: { $username } hat eine Seite geöffnet und sieht die Nachricht jetzt.
messages-queued = Gespeichert: { $username } ist nicht verbunden und sieht die Nachricht beim nächsten Besuch.
