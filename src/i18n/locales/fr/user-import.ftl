## Importer des utilisateurs depuis un fichier (/users/import).

user-import-title = Importer des utilisateurs
# Les noms entre accents graves sont des noms de colonnes, affichés comme du code : ne les traduisez pas.
user-import-intro = Un fichier CSV avec une ligne d’en-tête, ou des lignes JSON (un objet par ligne). Colonnes : `username` (obligatoire), `display_name`, `email`, `admin` (true/false), `roles` (rôles du serveur séparés par des espaces ou des `;`), et soit `password`, soit `password_hash` (argon2id ou bcrypt). Les utilisateurs qui n’ont ni l’un ni l’autre reçoivent un mot de passe temporaire généré, affiché une seule fois. Les autres colonnes, comme celles d’un export, sont ignorées.
user-import-noscript = L’importation depuis le panneau nécessite JavaScript. Les scripts peuvent envoyer le fichier par POST à /api/admin/v1/users/import.
user-import-file = Fichier
user-import-on-conflict = Si le nom d’utilisateur existe déjà
user-import-on-conflict-skip = Ignorer la ligne
user-import-on-conflict-fail = Rejeter la ligne
user-import-on-conflict-update = Mettre à jour l’utilisateur existant
user-import-check = Vérifier le fichier
user-import-uploading = Envoi…
user-import-importing = Importation…
user-import-checking = Vérification…
user-import-server-answered = Le serveur a répondu { $status }.
user-import-failed = L’importation a échoué.
user-import-no-upload = Ce navigateur ne peut pas envoyer de fichiers.
user-import-cannot-start = L’envoi n’a pas pu démarrer.
user-import-connection-failed = La connexion a échoué ; rien n’a été importé.
user-import-cannot-send = Le fichier n’a pas pu être envoyé.
user-import-choose-file = Choisissez d’abord un fichier.
user-import-imported = Importation terminée : { $created ->
    [one] { $created } créé
   *[other] { $created } créés
}, { $updated } mis à jour, { $skipped ->
    [one] { $skipped } ignoré
   *[other] { $skipped } ignorés
}.
user-import-checked = Le fichier est correct : { $created } à créer, { $updated } à mettre à jour, { $skipped } à ignorer. Rien n’a encore été écrit.
user-import-problems = { $rejected ->
    [one] { $rejected } ligne sur { $total } pose problème
   *[other] { $rejected } lignes sur { $total } posent problème
} ; rien n’a été importé. Corrigez les erreurs puis vérifiez à nouveau le fichier.
user-import-check-report = Rapport de vérification
user-import-import-report = Rapport d’importation
user-import-rows = Lignes
user-import-created = Créés
user-import-updated = Mis à jour
user-import-skipped = Ignorés
user-import-rejected = Rejetés
user-import-copy-passwords = Copiez les mots de passe temporaires maintenant : ils ne seront plus affichés. Chaque utilisateur devra changer le sien à sa première connexion.
user-import-caption = Lignes à examiner
user-import-line = Ligne
user-import-outcome = Résultat
user-import-details = Détails
user-import-outcome-created = créé
user-import-outcome-updated = mis à jour
user-import-outcome-skipped = ignoré
user-import-outcome-rejected = rejeté
user-import-temporary-password = Mot de passe temporaire :
user-import-apply = Importer maintenant
user-import-go-to-users = Aller aux utilisateurs
