## Sessions de connexion : l’onglet Sessions d’un utilisateur, la page
## Sessions et « Mes sessions » (sessions.rs).

sessions-title = Sessions
sessions-state-revoked = révoquée
sessions-state-active = active
sessions-state-idle = inactive
sessions-browser-on-os = { $browser } sur { $os }
sessions-unknown-browser = Navigateur inconnu
sessions-device-desktop = ordinateur
sessions-device-mobile = mobile
sessions-device-tablet = tablette
sessions-device-bot = robot
sessions-device-other = autre
sessions-this-session = cette session
sessions-revoke-explanation = Révoquer la session de { $username } ({ $device }) ? Ce navigateur sera déconnecté à son prochain clic.
sessions-revoke-summary = Révoquer…
sessions-revoke = Révoquer la session
sessions-col-user = Utilisateur
sessions-col-state = État
sessions-col-device = Appareil
sessions-ip-address = Adresse IP
sessions-col-last-seen = Dernière activité
sessions-col-signed-in = Connecté le
sessions-ended = { $count ->
    [one] { $count } session fermée.
   *[other] { $count } sessions fermées.
}
sessions-logout-explanation = Déconnecter { $username } partout ? Chaque navigateur avec lequel cet utilisateur est connecté sera déconnecté à son prochain clic. Ses jetons d’API continuent de fonctionner.
sessions-user-lead = Chaque connexion au panneau, de la plus récente à la plus ancienne, avec le navigateur et l’adresse d’origine.
sessions-caption = Sessions de connexion
sessions-empty-user = Aucune session pour l’instant.
sessions-logout-summary = Déconnecter partout…
sessions-logout = Déconnecter { $username } partout
sessions-filter-any = Tous les états
sessions-filter-active = Actives
sessions-filter-ended = Terminées ou inactives
sessions-filter-label = Filtrer les sessions
sessions-loading = Chargement des sessions…
sessions-empty = Aucune session ne correspond à ces filtres.
sessions-sign-out-explanation = Déconnecter { $device } ? Ce navigateur devra se reconnecter.
sessions-sign-out-summary = Déconnecter…
sessions-sign-out = Déconnecter cet appareil
sessions-mine = Mes sessions
sessions-mine-lead = Là où vous êtes actuellement connecté à ce panneau.
sessions-sign-out-others-summary = Déconnecter toutes les autres sessions…
sessions-sign-out-others-explanation = { $count ->
    [one] Déconnecter votre autre session ? Ce navigateur devra se reconnecter ; celui-ci reste connecté.
   *[other] Déconnecter vos { $count } autres sessions ? Ces navigateurs devront se reconnecter ; celui-ci reste connecté.
}
sessions-sign-out-others = Déconnecter toutes les autres sessions
