## Tokens de registro (registration_tokens.rs).

registration-tokens-title = Tokens de registro
registration-tokens-filter-all = Todos los tokens
registration-tokens-filter-valid = Válidos
registration-tokens-filter-used = Usados al menos una vez
registration-tokens-filter-revoked = Revocados
registration-tokens-filter-expired = Caducados
registration-tokens-lead = Un token de registro permite a un visitante crear una cuenta en { $path }. Envíele el enlace del token; cada registro consume uno de sus usos.
registration-tokens-list = Tokens
registration-tokens-filter-label = Filtrar tokens de registro
registration-tokens-show = Mostrar
registration-tokens-empty = Ningún token de registro coincide.
registration-tokens-usage = { $completed } / { $allowed }
registration-tokens-usage-unlimited = { $completed } / ilimitado
registration-tokens-usage-label = { $allowed ->
    [one] { $completed } de { $allowed } uso
   *[other] { $completed } de { $allowed } usos
}
registration-tokens-state-revoked = revocado
registration-tokens-state-valid = válido
registration-tokens-state-used-up = agotado
registration-tokens-state-expired = caducado
registration-tokens-delete-explanation = ¿Eliminar el token «{ $token }»? Su enlace dejará de funcionar. Las cuentas creadas con él se conservan.
registration-tokens-unrevoke = Anular la revocación
registration-tokens-delete-summary = Eliminar…
registration-tokens-delete = Eliminar { $token }
registration-tokens-col-token = Token
registration-tokens-col-state = Estado
registration-tokens-col-uses = Usos
registration-tokens-col-last-used = Último uso
registration-tokens-col-link = Enlace
registration-tokens-link-label = Enlace de registro para { $token }
registration-tokens-copy-link-label = Copiar el enlace para { $token }
registration-tokens-copy-link = Copiar enlace
registration-tokens-copied = Copiado.
registration-tokens-copy-refused = Se rechazó la copia: el enlace está seleccionado, pulse Ctrl+C.
registration-tokens-created = Token { $token } creado.
registration-tokens-new = Nuevo token de registro
registration-tokens-token-hint = Déjelo vacío para un token aleatorio. Letras, cifras y . _ ~ - (hasta 64).
registration-tokens-length = Longitud del token aleatorio
registration-tokens-length-hint = Se usa cuando el token se deja vacío (de 1 a 64).
registration-tokens-uses-allowed = Usos permitidos
registration-tokens-uses-allowed-hint = Cuántas cuentas pueden registrarse con él; vacío para ilimitado.
registration-tokens-expires-utc = Caduca (UTC)
registration-tokens-expires-hint = Vacío: nunca caduca.
registration-tokens-create = Crear token
