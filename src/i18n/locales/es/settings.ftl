## Ajustes: la configuración en vigor (las claves y los nombres de variables
## de entorno se muestran tal cual) y la recarga del aprovisionamiento.

settings-title = Ajustes
settings-lead = La configuración con la que funciona este servidor, tomada de su archivo de configuración y de su entorno. Cámbiela allí y reinicie. Los secretos nunca se muestran.
settings-search = Buscar en los ajustes
settings-search-label = La clave, el valor o la variable contiene
settings-loading = Cargando ajustes…
settings-secret = Secreto: nunca se muestra
settings-empty-value = (vacío)
settings-not-set = sin definir
settings-key = Clave
settings-value = Valor
settings-env = Variable de entorno
settings-no-match = Ningún ajuste coincide.
settings-section-caption = Ajustes de [{ $section }]
settings-provisioning = Aprovisionamiento
settings-provisioning-about = Vuelve a aplicar el archivo de aprovisionamiento ({ $key }): lo que falta se crea, lo que difiere se modifica y el resto no se toca. No se elimina nada que el archivo no nombre, y un archivo con problemas no cambia nada.
settings-reload = Recargar aprovisionamiento
settings-reloading = Recargando…
settings-provisioning-invalid = No se puede aplicar el archivo de aprovisionamiento; no se ha cambiado nada.
settings-problem-line = Línea { $line }:
settings-provisioning-applied = Aprovisionamiento aplicado: { $created ->
    [one] { $created } creado
   *[other] { $created } creados
}, { $changed ->
    [one] { $changed } modificado
   *[other] { $changed } modificados
}, { $unchanged } sin cambios.
settings-provisioned-items = Elementos aprovisionados
settings-kind = Tipo
settings-outcome = Resultado
settings-changed-fields = Campos modificados
settings-outcome-created = creado
settings-outcome-changed = modificado
settings-outcome-unchanged = sin cambios
settings-kind-org = Organización
settings-kind-user = Usuario
settings-kind-membership = Pertenencia
settings-kind-oauth2-client = Cliente de API
settings-kind-application = Aplicación
settings-kind-allowlist = Entrada de la lista de IP permitidas
settings-kind-module = Módulo
