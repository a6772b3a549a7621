## Importar usuarios desde un archivo (/users/import).

user-import-title = Importar usuarios
# Los nombres entre comillas invertidas son nombres de columna, mostrados como código: no los traduzca.
user-import-intro = Un archivo CSV con una fila de encabezado, o JSON Lines (un objeto por línea). Columnas: `username` (obligatoria), `display_name`, `email`, `admin` (true/false), `roles` (roles del servidor separados por espacios o `;`), y `password` o `password_hash` (argon2id o bcrypt). Los usuarios que no tengan ninguna de las dos reciben una contraseña temporal generada, que se muestra una sola vez. Las demás columnas, como las de una exportación, se ignoran.
user-import-noscript = Importar desde el panel requiere JavaScript. Los scripts pueden enviar el archivo por POST a /api/admin/v1/users/import.
user-import-file = Archivo
user-import-on-conflict = Si el nombre de usuario ya existe
user-import-on-conflict-skip = Omitir la fila
user-import-on-conflict-fail = Rechazar la fila
user-import-on-conflict-update = Actualizar el usuario existente
user-import-check = Comprobar archivo
user-import-uploading = Subiendo…
user-import-importing = Importando…
user-import-checking = Comprobando…
user-import-server-answered = El servidor respondió { $status }.
user-import-failed = La importación falló.
user-import-no-upload = Este navegador no puede enviar archivos.
user-import-cannot-start = No se pudo iniciar la subida.
user-import-connection-failed = La conexión falló; no se importó nada.
user-import-cannot-send = No se pudo enviar el archivo.
user-import-choose-file = Elija primero un archivo.
user-import-imported = Importación completada: { $created ->
    [one] { $created } creado
   *[other] { $created } creados
}, { $updated ->
    [one] { $updated } actualizado
   *[other] { $updated } actualizados
}, { $skipped ->
    [one] { $skipped } omitido
   *[other] { $skipped } omitidos
}.
user-import-checked = El archivo es correcto: { $created } para crear, { $updated } para actualizar, { $skipped } para omitir. Todavía no se ha escrito nada.
user-import-problems = { $rejected ->
    [one] { $rejected } de { $total } filas tiene problemas
   *[other] { $rejected } de { $total } filas tienen problemas
}; no se importó nada. Corrija los errores y vuelva a comprobar el archivo.
user-import-check-report = Informe de comprobación
user-import-import-report = Informe de importación
user-import-rows = Filas
user-import-created = Creados
user-import-updated = Actualizados
user-import-skipped = Omitidos
user-import-rejected = Rechazados
user-import-copy-passwords = Copie ahora las contraseñas temporales: no se volverán a mostrar. Cada usuario debe cambiar la suya en su primer inicio de sesión.
user-import-caption = Filas que conviene revisar
user-import-line = Línea
user-import-outcome = Resultado
user-import-details = Detalles
user-import-outcome-created = creado
user-import-outcome-updated = actualizado
user-import-outcome-skipped = omitido
user-import-outcome-rejected = rechazado
user-import-temporary-password = Contraseña temporal:
user-import-apply = Importar ahora
user-import-go-to-users = Ir a usuarios
