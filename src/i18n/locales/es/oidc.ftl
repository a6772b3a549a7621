## The OpenID Connect provider's own pages (consent, device, sign-out,
## errors) and the forward-authentication gate's pages. Messages that hold
## markup get their values already escaped.

oidc-cannot-sign-in = No se puede iniciar sesión
oidc-no-access = Sin acceso
oidc-no-access-heading = Sin acceso a { $app }
oidc-no-access-body = Su cuenta no puede iniciar sesión en { $app }. Un administrador decide quién puede usarla.
oidc-return-to = Volver a { $app }
oidc-allow = Permitir
oidc-deny = Denegar
oidc-continue = Continuar

# The consent page.
oidc-consent-title = Iniciar sesión en { $app }
oidc-consent-signed-in-as = Ha iniciado sesión como <strong>{ $user }</strong>. { $app } solicita:
oidc-consent-withdraw = Puede retirar este permiso más adelante en la página de su cuenta, en la sección Aplicaciones.

# What each scope lets an application do, as listed on the consent and device pages.
oidc-scope-openid = Saber quién es usted (el identificador de su cuenta)
oidc-scope-profile = Ver su nombre de usuario y su nombre visible
oidc-scope-email = Ver su dirección de correo electrónico
oidc-scope-groups = Ver sus organizaciones y su rol en cada una
oidc-scope-offline-access = Mantener su sesión iniciada mientras está ausente (hasta que revoque este acceso)

# Requests that cannot be sent back to the application.
oidc-error-no-client = La aplicación no indicó quién es (falta client_id).
oidc-error-unknown-client = Esta aplicación no está registrada aquí (client_id desconocido).
oidc-error-no-redirect = La aplicación no envió ningún redirect_uri.
oidc-error-unregistered-redirect = El redirect_uri no está registrado para esta aplicación, así que Gatehouse no le enviará allí.
oidc-error-request-gone = Esta solicitud de inicio de sesión ha caducado o ya fue respondida. Vuelva a la aplicación y empiece de nuevo.

# The device page (/device).
oidc-device-title = Conectar un dispositivo
oidc-device-enter-code = Introduzca el código que muestra su dispositivo o su herramienta de línea de comandos.
oidc-device-code = Código
oidc-device-unknown-code = Ese código es desconocido o ha caducado. Compruébelo en su dispositivo.
oidc-device-confirm-heading = ¿Conectar { $app }?
oidc-device-confirm-body = Un dispositivo que muestra el código <strong>{ $code }</strong> quiere iniciar sesión en { $app } en su nombre. Permítalo solo si lo inició usted mismo.
oidc-device-asks-to = { $app } solicita:
oidc-device-connected = Dispositivo conectado
oidc-device-connected-body = Su dispositivo ya ha iniciado sesión en { $app }. Puede cerrar esta ventana y volver a él.
oidc-device-refused = Dispositivo rechazado
oidc-device-refused-body = El dispositivo no ha iniciado sesión. Puede cerrar esta ventana.
oidc-device-expired = Código caducado
oidc-device-expired-body = Este código ha caducado o ya se ha usado. Empiece de nuevo en su dispositivo.

# Signing out (/oauth2/logout).
oidc-cannot-sign-out = No se puede cerrar la sesión
oidc-logout-foreign-token = La aplicación envió un token de ID que Gatehouse no emitió.
oidc-logout-client-mismatch = El client_id no coincide con la audiencia del token de ID.
oidc-logout-unregistered-return = La dirección de retorno no está registrada para esta aplicación, así que Gatehouse no le enviará allí.
oidc-signed-out = Sesión cerrada
oidc-signed-out-body = Ha cerrado la sesión de Gatehouse.
oidc-sign-out = Cerrar sesión
oidc-logout-heading = ¿Cerrar sesión?
oidc-logout-app-asks = { $app } solicita cerrar su sesión de Gatehouse. También se cerrará su sesión en las aplicaciones en las que la inició a través de esta sesión.
oidc-logout-someone-asks = Una aplicación solicita cerrar su sesión de Gatehouse. También se cerrará su sesión en las aplicaciones en las que la inició a través de esta sesión.

# Forward authentication: what the reverse proxy shows the person.
oidc-gate-untrusted = Proxy no autorizado
oidc-gate-untrusted-body = La autenticación en el proxy solo responde a los proxies inversos indicados en trusted_proxies.
oidc-gate-no-address = Ninguna dirección que comprobar
oidc-gate-no-address-body = El proxy no envió la dirección original (X-Original-URL, o X-Forwarded-Host y X-Forwarded-Uri).
oidc-gate-denied = Acceso denegado
oidc-gate-denied-body = Ha iniciado sesión como { $user }, pero esta cuenta no puede usar { $app }. Pida acceso a un administrador.
oidc-gate-denied-body-unnamed = Ha iniciado sesión como { $user }, pero esta cuenta no puede usar esta aplicación. Pida acceso a un administrador.
oidc-gate-unknown-host = No protegido aquí
oidc-gate-unknown-host-body = Ninguna aplicación de Gatehouse protege { $host }, por lo que no se deja pasar.
