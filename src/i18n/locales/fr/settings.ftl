## Paramètres : la configuration en vigueur (clés et noms de variables
## d’environnement affichés tels quels) et le rechargement du provisionnement.

settings-title = Paramètres
settings-lead = La configuration avec laquelle ce serveur fonctionne, issue de son fichier de configuration et de son environnement. Modifiez-la à cet endroit puis redémarrez. Les secrets ne sont jamais affichés.
settings-search = Rechercher dans les paramètres
settings-search-label = La clé, la valeur ou la variable contient
settings-loading = Chargement des paramètres…
settings-secret = Secret : jamais affiché
settings-empty-value = (vide)
settings-not-set = non défini
settings-key = Clé
settings-value = Valeur
settings-env = Variable d’environnement
settings-no-match = Aucun paramètre ne correspond.
settings-section-caption = Paramètres de [{ $section }]
settings-provisioning = Provisionnement
settings-provisioning-about = Applique de nouveau le fichier de provisionnement ({ $key }) : ce qui manque est créé, ce qui diffère est modifié, le reste n’est pas touché. Rien de ce que le fichier ne nomme pas n’est supprimé, et un fichier comportant des problèmes ne change rien.
settings-reload = Recharger le provisionnement
settings-reloading = Rechargement…
settings-provisioning-invalid = Le fichier de provisionnement ne peut pas être appliqué ; rien n’a été modifié.
settings-problem-line = Ligne { $line } :
settings-provisioning-applied = Provisionnement appliqué : { $created ->
    [one] { $created } créé
   *[other] { $created } créés
}, { $changed ->
    [one] { $changed } modifié
   *[other] { $changed } modifiés
}, { $unchanged ->
    [one] { $unchanged } inchangé
   *[other] { $unchanged } inchangés
}.
settings-provisioned-items = Éléments provisionnés
settings-kind = Nature
settings-outcome = Résultat
settings-changed-fields = Champs modifiés
settings-outcome-created = créé
settings-outcome-changed = modifié
settings-outcome-unchanged = inchangé
settings-kind-org = Organisation
settings-kind-user = Utilisateur
settings-kind-membership = Appartenance
settings-kind-oauth2-client = Client d’API
settings-kind-application = Application
settings-kind-allowlist = Entrée de la liste d’adresses autorisées
settings-kind-module = Module
