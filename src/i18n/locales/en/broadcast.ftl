## A message to everyone connected (and the message field both message forms share).

broadcast-title = Broadcast
broadcast-heading = Message everyone connected
broadcast-counting = Counting who is connected…
broadcast-audience = { $count ->
    [one] { $count } user is connected right now will see it at once; it also stays in their inbox. People not connected get nothing.
   *[other] { $count } users are connected right now will see it at once; it also stays in their inbox. People not connected get nothing.
}
broadcast-sent = { $count ->
    [one] Sent to { $count } user.
   *[other] Sent to { $count } users.
}
broadcast-send = Send to everyone connected
broadcast-message = Message
broadcast-message-hint = Plain text, up to { $max } characters.
