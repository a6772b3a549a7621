## Crear un usuario (/users/new).

user-new-title = Nuevo usuario
user-new-username-hint = De 1 a 64 caracteres: letras minúsculas, dígitos, «.», «_» y «-».
user-new-password-hint = Al menos 8 caracteres, distinta del nombre de usuario. Déjela vacía para crear la cuenta sin contraseña.
user-new-org-default = La predeterminada (si hay una configurada)
user-new-role = Rol en la organización
user-new-role-default = Predeterminado (lector)
user-new-role-viewer = Lector
user-new-role-editor = Editor
user-new-role-admin = Administrador
user-new-admin = Administrador del servidor
user-new-creating = Creando…
user-new-submit = Crear usuario
