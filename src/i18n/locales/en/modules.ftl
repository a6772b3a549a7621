## The built-in modules and their switches. { $module } is a module's
## name as it is (e.g. "registration").

modules-title = Modules
modules-built-in = Built-in modules
modules-lead = A disabled module's pages and endpoints answer “not found” on every instance from their next request; the choice survives restarts.
modules-enabled-notice = The { $module } module is enabled.
modules-disabled-notice = The { $module } module is disabled.
# After the time of the last change.
modules-changed-by = by { $user }
modules-default = default
modules-module = Module
modules-description = Description
modules-enabled = Enabled
modules-last-changed = Last changed
modules-switch-label = { $module } module
modules-off = Off
modules-on = On
modules-disable-explanation = Disable the { $module } module? Its pages and endpoints answer “not found” until it is enabled again.
modules-disable = Disable { $module }
