## Créer un utilisateur (/users/new).

user-new-title = Nouvel utilisateur
user-new-username-hint = 1 à 64 caractères : lettres minuscules, chiffres, « . », « _ » et « - ».
user-new-password-hint = Au moins 8 caractères, différent du nom d’utilisateur. Laissez vide pour créer le compte sans mot de passe.
user-new-org-default = Celle par défaut (si elle est configurée)
user-new-role = Rôle dans l’organisation
user-new-role-default = Par défaut (lecteur)
user-new-role-viewer = Lecteur
user-new-role-editor = Éditeur
user-new-role-admin = Administrateur
user-new-admin = Administrateur du serveur
user-new-creating = Création…
user-new-submit = Créer l’utilisateur
