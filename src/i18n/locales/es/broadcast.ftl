## A message to everyone connected (and the message field both message forms share).

broadcast-title = Difusión
broadcast-heading = Enviar un mensaje a todos los conectados
broadcast-counting = Contando quién está conectado…
broadcast-audience = { $count ->
    [one] { $count } usuario conectado en este momento lo verá de inmediato; además, permanece en su bandeja de entrada. Quienes no estén conectados no reciben nada.
   *[other] { $count } usuarios conectados en este momento lo verán de inmediato; además, permanece en su bandeja de entrada. Quienes no estén conectados no reciben nada.
}
broadcast-sent = { $count ->
    [one] Enviado a { $count } usuario.
   *[other] Enviado a { $count } usuarios.
}
broadcast-send = Enviar a todos los conectados
broadcast-message = Mensaje
broadcast-message-hint = Texto sin formato, hasta { $max } caracteres.
