# Los mensajes que Gatehouse envía por correo (server::email::letter). Cada uno
# se envía como texto sin formato y como HTML; { $site } es el nombre de host del servidor.

mail-greeting = Hola, { $name }:
mail-signature = — { $site }
mail-link-hint = Si el botón no funciona, copie esta dirección en su navegador:

mail-verify-subject = Confirme su dirección de correo electrónico
mail-verify-body = Esta dirección se indicó para la cuenta { $username } en { $site }. Abra el enlace de abajo en un plazo de 24 horas para confirmar que es suya. Si no esperaba este mensaje, puede ignorarlo.
mail-verify-action = Confirmar mi dirección

mail-reset-subject = Restablezca su contraseña
mail-reset-body = Alguien pidió restablecer la contraseña de la cuenta { $username } en { $site }. Abra el enlace de abajo en el plazo de una hora para elegir una nueva contraseña; el enlace funciona una sola vez, y todas las sesiones de la cuenta se cierran cuando cambia la contraseña.
mail-reset-ignore = Si no lo pidió usted, ignore este mensaje: su contraseña no cambia.
mail-reset-action = Elegir una nueva contraseña

mail-invitation-subject = Invitación a { $site }
mail-invitation-body = { $inviter } le invitó a crear una cuenta en { $site }. El enlace de abajo funciona una sola vez y es válido hasta el { $expires }.
mail-invitation-org = Se unirá a la organización { $org } con el rol { $role }.
mail-invitation-action = Crear mi cuenta

mail-notice-password-subject = Se cambió su contraseña
mail-notice-password-body = La contraseña de su cuenta { $username } se cambió el { $when }. Se cerraron todas las demás sesiones de la cuenta.
mail-notice-factor-added-subject = Se añadió un segundo factor a su cuenta
mail-notice-factor-added-body = El segundo factor «{ $detail }» se añadió a su cuenta { $username } el { $when }.
mail-notice-factor-removed-subject = Se quitó un segundo factor de su cuenta
mail-notice-factor-removed-body = El segundo factor «{ $detail }» se quitó de su cuenta { $username } el { $when }.
mail-notice-sign-in-subject = Nuevo inicio de sesión en su cuenta
mail-notice-sign-in-body = Se inició sesión en su cuenta { $username } desde un dispositivo no visto antes, el { $when }: { $detail }.
mail-notice-not-you = Si no fue usted, cambie su contraseña de inmediato e informe a su administrador.
mail-notice-footer = Recibe este aviso de seguridad porque está activado para su cuenta. Puede desactivarlo en { $link }

mail-test-subject = Mensaje de prueba de { $site }
mail-test-body = Este mensaje demuestra que { $site } puede enviar correo a través de { $host }. No hace falta hacer nada más.
