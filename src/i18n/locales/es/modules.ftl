## Los módulos integrados y sus interruptores.

modules-title = Módulos
modules-built-in = Módulos integrados
modules-lead = Las páginas y los puntos de acceso de un módulo desactivado responden «no encontrado» en todas las instancias a partir de su siguiente solicitud; la elección se mantiene tras reiniciar.
modules-enabled-notice = El módulo { $module } está activado.
modules-disabled-notice = El módulo { $module } está desactivado.
modules-changed-by = por { $user }
modules-default = predeterminado
modules-module = Módulo
modules-description = Descripción
modules-enabled = Activado
modules-last-changed = Último cambio
modules-switch-label = Módulo { $module }
modules-off = Desactivado
modules-on = Activado
modules-disable-explanation = ¿Desactivar el módulo { $module }? Sus páginas y puntos de acceso responden «no encontrado» hasta que se vuelva a activar.
modules-disable = Desactivar { $module }
