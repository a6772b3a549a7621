## A message to everyone connected (and the message field both message forms share).

broadcast-title = Rundschreiben
broadcast-heading = Allen Verbundenen eine Nachricht senden
broadcast-counting = Verbundene Personen werden gezählt…
broadcast-audience = { $count ->
    [one] { $count } Benutzer ist gerade verbunden und sieht die Nachricht sofort; sie bleibt außerdem in seinem Posteingang. Wer nicht verbunden ist, erhält nichts.
   *[other] { $count } Benutzer sind gerade verbunden und sehen die Nachricht sofort; sie bleibt außerdem in ihrem Posteingang. Wer nicht verbunden ist, erhält nichts.
}
broadcast-sent = { $count ->
    [one] An { $count } Benutzer gesendet.
   *[other] An { $count } Benutzer gesendet.
}
broadcast-send = An alle Verbundenen senden
broadcast-message = Nachricht
broadcast-message-hint = Nur Text, höchstens { $max } Zeichen.
