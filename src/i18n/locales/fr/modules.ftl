## Les modules intégrés et leurs interrupteurs.

modules-title = Modules
modules-built-in = Modules intégrés
modules-lead = Les pages et points d’accès d’un module désactivé répondent « introuvable » sur chaque instance dès leur prochaine requête ; ce choix est conservé après un redémarrage.
modules-enabled-notice = Le module { $module } est activé.
modules-disabled-notice = Le module { $module } est désactivé.
modules-changed-by = par { $user }
modules-default = par défaut
modules-module = Module
modules-description = Description
modules-enabled = Activé
modules-last-changed = Dernière modification
modules-switch-label = Module { $module }
modules-off = Désactivé
modules-on = Activé
modules-disable-explanation = Désactiver le module { $module } ? Ses pages et points d’accès répondent « introuvable » jusqu’à ce qu’il soit réactivé.
modules-disable = Désactiver { $module }
