# Segundos factores: la página Seguridad de la cuenta, añadir una aplicación
# de autenticación, el segundo paso de un inicio de sesión, volver a confirmar
# la propia identidad y la vista de un administrador sobre los factores de un
# usuario.

security-title = Seguridad
security-factors = Segundos factores
security-factors-hint = Un segundo factor protege su cuenta cuando otra persona conoce su contraseña: después de la contraseña, Gatehouse le pide un código de su aplicación de autenticación o su llave de acceso.
security-no-factors = Todavía no hay ningún segundo factor.
security-user-no-factors = Este usuario no tiene ningún segundo factor.
security-col-kind = Tipo
security-col-last-used = Último uso
security-kind-totp = Aplicación de autenticación
security-kind-passkey = Llave de acceso
security-add-totp = Añadir una aplicación de autenticación
security-added-totp = Aplicación de autenticación añadida.
security-added-passkey = Llave de acceso añadida.
security-removed = Segundo factor quitado.
security-remove-summary = Quitar…
security-remove = Quitar { $name }
security-remove-explanation = «{ $name }» ya no se aceptará al iniciar sesión.
security-enrolment-required = Este servidor requiere un segundo factor. Añada una aplicación de autenticación o una llave de acceso para continuar.
security-passkeys = Llaves de acceso y llaves de seguridad
security-passkeys-hint = Una llave de acceso la guarda su dispositivo, su gestor de contraseñas o su llave de seguridad. Funciona como segundo factor y le permite iniciar sesión sin contraseña cuando el navegador lo ofrece.
security-passkeys-unsupported = Este navegador no puede usar llaves de acceso aquí.
security-passkeys-unavailable = Las llaves de acceso requieren que la dirección pública de este servidor sea un nombre de host, no una dirección IP.
security-passkey-name-hint = Para reconocerla más tarde, p. ej. «Portátil» o «YubiKey».
security-add-passkey = Añadir una llave de acceso
security-passkey-failed = La llave de acceso no funcionó. Inténtelo de nuevo o use otro método.
security-recovery-codes = Códigos de recuperación
security-recovery-hint = Cada código le permite iniciar sesión una vez cuando no tenga a mano su aplicación de autenticación o su llave de acceso. Guárdelos en un lugar seguro, lejos de su contraseña.
security-recovery-left = { $count ->
    [one] Queda un código de recuperación sin usar.
   *[other] Quedan { $count } códigos de recuperación sin usar.
}
security-recovery-generate = Generar nuevos códigos de recuperación
security-recovery-needs-factor = Los códigos de recuperación van con un segundo factor: añada uno primero.
security-recovery-new = Sus nuevos códigos de recuperación
security-recovery-save-now = Guárdelos ahora: solo se muestran esta vez y los códigos anteriores ya no funcionan.
security-totp-title = Añadir una aplicación de autenticación
security-totp-scan = 1. Escanee el código QR
security-totp-scan-hint = Use una aplicación de autenticación como Aegis, FreeOTP, Google Authenticator o 1Password.
security-totp-qr-label = Código QR de configuración de la aplicación de autenticación
security-totp-manual = ¿No puede escanearlo? Escriba esta clave en la aplicación:
security-totp-confirm = 2. Introduzca el código que muestra la aplicación
security-totp-default-name = Aplicación de autenticación
security-totp-code-hint = Seis dígitos; uno nuevo cada 30 segundos.
security-totp-submit = Añadir la aplicación
security-code = Código
security-reset-summary = Quitar todos los segundos factores…
security-reset = Quitar todos los segundos factores de { $username }
security-reset-explanation = Para un usuario que perdió su aplicación de autenticación y sus llaves de acceso: se quitan todos los segundos factores y códigos de recuperación de { $username } y se cierran sus sesiones. Su próximo inicio de sesión solo pedirá la contraseña.
security-reset-done = { $count ->
    [one] Se quitó un segundo factor.
   *[other] Se quitaron { $count } segundos factores.
}

second-step-title = Verificación en dos pasos
second-step-lead = Inicio de sesión como { $username }: demuestre que es usted con su segundo factor.
second-step-passkey = Usar su llave de acceso
second-step-code = Código
second-step-code-hint = El código de seis dígitos de su aplicación de autenticación o uno de sus códigos de recuperación.
second-step-recovery-hint = Uno de sus códigos de recuperación.
second-step-submit = Verificar
second-step-expired = Este inicio de sesión caducó. Empiece de nuevo con su contraseña.
second-step-cancel = Iniciar sesión como otra persona

confirm-title = Confirme que es usted
confirm-lead = Este cambio requiere su contraseña (o un código de su segundo factor) una vez más.
confirm-submit = Confirmar con la contraseña
confirm-code-hint = De su aplicación de autenticación, o un código de recuperación.
confirm-submit-code = Confirmar con un código
confirm-link = Confirme que es usted
