# Les messages que Gatehouse envoie par courriel (server::email::letter). Chaque
# message est envoyé en texte brut et en HTML ; { $site } est le nom d’hôte du serveur.

mail-greeting = Bonjour { $name },
mail-signature = — { $site }
mail-link-hint = Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :

mail-verify-subject = Confirmez votre adresse e-mail
mail-verify-body = Cette adresse a été indiquée pour le compte { $username } sur { $site }. Ouvrez le lien ci-dessous dans les 24 heures pour confirmer qu’elle est bien la vôtre. Si vous ne vous attendiez pas à ce message, vous pouvez l’ignorer.
mail-verify-action = Confirmer mon adresse

mail-reset-subject = Réinitialisez votre mot de passe
mail-reset-body = Quelqu’un a demandé la réinitialisation du mot de passe du compte { $username } sur { $site }. Ouvrez le lien ci-dessous dans l’heure pour choisir un nouveau mot de passe ; le lien ne fonctionne qu’une fois, et toutes les sessions du compte prennent fin lorsque le mot de passe change.
mail-reset-ignore = Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.
mail-reset-action = Choisir un nouveau mot de passe

mail-invitation-subject = Invitation à rejoindre { $site }
mail-invitation-body = { $inviter } vous invite à créer un compte sur { $site }. Le lien ci-dessous ne fonctionne qu’une fois et reste valable jusqu’au { $expires }.
mail-invitation-org = Vous rejoindrez l’organisation { $org } avec le rôle { $role }.
mail-invitation-action = Créer mon compte

mail-notice-password-subject = Votre mot de passe a été modifié
mail-notice-password-body = Le mot de passe de votre compte { $username } a été modifié le { $when }. Toutes les autres sessions du compte ont été fermées.
mail-notice-factor-added-subject = Un second facteur a été ajouté à votre compte
mail-notice-factor-added-body = Le second facteur « { $detail } » a été ajouté à votre compte { $username } le { $when }.
mail-notice-factor-removed-subject = Un second facteur a été retiré de votre compte
mail-notice-factor-removed-body = Le second facteur « { $detail } » a été retiré de votre compte { $username } le { $when }.
mail-notice-sign-in-subject = Nouvelle connexion à votre compte
mail-notice-sign-in-body = Une connexion à votre compte { $username } a eu lieu le { $when } depuis un appareil jamais vu auparavant : { $detail }.
mail-notice-not-you = Si ce n’était pas vous, changez immédiatement votre mot de passe et prévenez votre administrateur.
mail-notice-footer = Vous recevez cette notification de sécurité parce qu’elle est activée pour votre compte. Vous pouvez la désactiver sur { $link }

mail-test-subject = Message de test de { $site }
mail-test-body = Ce message montre que { $site } peut envoyer des courriels via { $host }. Aucune autre action n’est nécessaire.
