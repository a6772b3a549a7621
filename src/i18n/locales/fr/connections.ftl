## Qui est connecté en ce moment (connections.rs).

connections-title = Connectés
connections-refresh = Actualiser
connections-lead = Toutes les personnes ayant une page Gatehouse ouverte en ce moment, sur chaque instance du serveur. Une ligne par page ouverte.
connections-online = Utilisateurs en ligne : { $count }.
connections-col-user = Utilisateur
connections-col-address = Adresse
connections-col-browser = Navigateur
connections-col-since = Depuis
connections-col-connection = Connexion
connections-caption = Connexions ouvertes
connections-empty = Personne n’est connecté.
