## Clients d’API (OAuth2, identifiants client) pour les scripts et services.

oauth-clients-title = Clients d’API
oauth-clients-lead = Les scripts et services utilisent un client d’API pour accéder à l’API d’administration sans le mot de passe d’une personne : ils échangent son identifiant client et son secret auprès de { $endpoint } (type d’autorisation { $grant }) contre un jeton d’accès de courte durée.
oauth-clients-heading = Clients
oauth-clients-revoked = révoqué
oauth-clients-active = actif
oauth-clients-revoke-summary = Révoquer…
oauth-clients-revoke-label = Révoquer { $name }
oauth-clients-revoke-explanation = Révoquer « { $name } » ? Ses jetons d’accès cessent immédiatement de fonctionner et il ne peut plus en obtenir de nouveaux. Cette action est irréversible.
oauth-clients-client-id = Identifiant client
oauth-clients-client-secret = Secret client
oauth-clients-scopes = Portées
oauth-clients-last-used = Dernière utilisation
oauth-clients-state = État
oauth-clients-empty = Aucun client d’API pour l’instant.
oauth-clients-new-heading = Nouveau client d’API
oauth-clients-noscript = La création d’un client nécessite JavaScript : son secret n’est affiché qu’une fois, sur cette page.
oauth-clients-name-hint = Quel script ou service l’utilise, par exemple « synchronisation nocturne ».
oauth-clients-create = Créer le client d’API
oauth-clients-created = Client d’API « { $name } » créé
oauth-clients-copy-now = Copiez-les maintenant : ils ne seront plus affichés.
oauth-clients-try-it = Essayer
oauth-clients-try-it-text = Obtenez un jeton d’accès, puis envoyez-le comme { $header } à l’API d’administration :
oauth-clients-copied-them = Je les ai copiés
