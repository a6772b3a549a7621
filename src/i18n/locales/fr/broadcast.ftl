## A message to everyone connected (and the message field both message forms share).

broadcast-title = Diffusion
broadcast-heading = Écrire à toutes les personnes connectées
broadcast-counting = Comptage des personnes connectées…
broadcast-audience = { $count ->
    [one] { $count } utilisateur connecté en ce moment le verra immédiatement. Le message reste aussi dans sa boîte de réception. Les personnes non connectées ne reçoivent rien.
   *[other] { $count } utilisateurs connectés en ce moment le verront immédiatement. Le message reste aussi dans leur boîte de réception. Les personnes non connectées ne reçoivent rien.
}
broadcast-sent = { $count ->
    [one] Envoyé à { $count } utilisateur.
   *[other] Envoyé à { $count } utilisateurs.
}
broadcast-send = Envoyer à toutes les personnes connectées
broadcast-message = Message
broadcast-message-hint = Texte brut, jusqu'à { $max } caractères.
