# Los mensajes de error del servidor, por código (src/i18n/errors.rs).

error-username-required = El nombre de usuario es obligatorio.
error-username-too-long = El nombre de usuario debe tener como máximo 64 caracteres.
error-username-lowercase = El nombre de usuario debe estar en minúsculas.
error-username-characters = El nombre de usuario solo puede contener a-z, 0-9, «.», «_» y «-».
error-username-start = El nombre de usuario debe empezar por una letra o un dígito.
error-display-name-too-long = El nombre visible debe tener como máximo 256 caracteres.
error-display-name-invalid = El nombre visible no debe contener caracteres de control.
error-email-invalid = Introduzca una dirección de correo electrónico como nombre@example.org.
error-password-required = La contraseña es obligatoria.
error-password-too-long = La contraseña debe tener como máximo 1024 bytes.
error-password-is-username = La contraseña no debe ser el nombre de usuario.
error-password-too-common = Esta contraseña es demasiado común; elija otra.
error-password-unchanged = Elija una contraseña distinta de la actual.
error-password-mismatch = Las contraseñas no coinciden.
error-wrong-password = La contraseña actual no es correcta.
error-language-unknown = Elija uno de los idiomas ofrecidos.
error-cannot-modify-self-admin = No puede quitarse sus propios derechos de administrador.
error-last-admin-import = Esta importación no dejaría ningún administrador activo; no se importó nada.
error-last-admin-file = El archivo no dejaría ningún administrador activo; no se cambió nada.

error-name-empty = El nombre es obligatorio.
error-name-required = Introduzca un nombre.
error-role-invalid = El rol debe ser viewer, editor o admin.
error-role-without-org = Un rol necesita una organización (org_id).

error-subscription-invalid = La suscripción debe ser none, to, from o both.
error-group-empty = Los nombres de grupo no deben estar vacíos.
error-contact-required = Introduzca el nombre de usuario del contacto.
error-contact-is-self = Un usuario no puede ser su propio contacto.
error-body-empty = Escriba un mensaje.
error-body-invalid = Un mensaje no puede contener caracteres de control.
error-recipients-empty = Indique al menos un destinatario.

error-hosts-required = Indique al menos un host.
error-redirect-uris-required = Indique al menos una URI de redirección.
error-public-client = Un cliente público no tiene secreto que renovar.

error-token-invalid = Este token de registro no es válido.
error-token-used-up = Este token de registro se ha agotado.
error-token-expired = Este token de registro ha caducado.
error-token-revoked = Este token de registro ha sido revocado.
error-token-required = Se requiere un token de registro.
error-registration-closed = El registro está cerrado en este servidor.
error-whole-number = Introduzca un número entero.
error-uses-allowed-negative = uses_allowed debe ser 0 o más (null: ilimitado).
error-expiry-past = La fecha de caducidad debe estar en el futuro.
error-expiry-date-time = Introduzca una fecha y hora como 2027-01-31 12:00.
error-expiry-date = Introduzca una fecha como 2027-01-31.
error-expiry-rfc3339 = expires_at debe ser una hora RFC 3339 como 2027-01-31T00:00:00Z.

error-username-duplicate = Este nombre de usuario aparece antes en el archivo.
error-username-missing = Cada fila necesita un nombre de usuario.
error-password-and-hash = Indique un password o un password_hash, no ambos.
error-admin-invalid = admin debe ser true o false.

error-jobs-paused = las tareas están en pausa: reanúdelas primero
error-provisioning-not-configured = El aprovisionamiento está desactivado: no hay ningún archivo configurado ([provisioning] file o GATEHOUSE_PROVISIONING_FILE).
error-tls-required = las solicitudes de administración deben llegar por HTTPS
error-session-required = Este punto de escucha solo acepta sesiones del panel; los scripts usan la API de administración en el punto de escucha interno.

error-unauthenticated = autenticación requerida
error-invalid-credentials = Nombre de usuario o contraseña no válidos.
error-password-change-required = Debe elegir una nueva contraseña antes de continuar.
error-administrator-rights-required = se requieren derechos de administrador
error-internal = error interno
error-second-factor-required = Este servidor requiere un segundo factor: añada uno primero en la página Seguridad de su cuenta.
error-second-factor-last = Este servidor requiere un segundo factor: añada otro antes de quitar este.
error-step-up-required = Confirme que es usted: vuelva a introducir su contraseña o un código y luego repita esta acción.
error-second-factor-enrolled = Esta cuenta tiene un segundo factor: se rechaza HTTP Basic. Use un token personal (Authorization: Bearer).
error-code-invalid = Ese código no es válido. Cada código sirve una sola vez; espere al siguiente.
error-code-mismatch = Ese código no coincide: compruebe el reloj de la aplicación y pruebe el código siguiente.
error-setup-expired = Esta configuración caducó: empiece de nuevo.
error-passkey-invalid = La llave de acceso no respondió como se esperaba: inténtelo de nuevo.
error-ceremony-expired = Esta solicitud caducó: inténtelo de nuevo.
error-passkeys-unavailable = Las llaves de acceso requieren que la URL pública del servidor indique un nombre de host (no una dirección IP).
error-passkey-registered = Esta llave de acceso ya está registrada.
error-no-second-factor = Añada primero una aplicación de autenticación o una llave de acceso.
error-password-wrong = Esa no es su contraseña.
error-credential-required = Introduzca su contraseña o un código.

# Correo.
error-email-not-configured = Este servidor no envía correo: sus ajustes [email] no están configurados.
error-email-already-verified = Esta dirección ya está verificada.
error-email-missing = Esta cuenta no tiene dirección de correo.
error-email-required = Introduzca su dirección de correo.
error-email-required-invite = Introduzca la dirección que desea invitar.
error-link-invalid = Este enlace no es válido: ya se usó, ha caducado o lo sustituyó uno más reciente.
error-valid-days = Una invitación es válida de 1 a 30 días.
