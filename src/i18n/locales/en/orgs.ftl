## Organisations: the list, one organisation, a user's Organisations tab and
## "My organisations" (orgs.rs). Counts are in counts.ftl.

orgs-title = Organisations
orgs-search-label = Search organisations
orgs-name-contains = Name contains
orgs-loading = Loading organisations…
orgs-members = Members
orgs-empty = No organisations match.
orgs-new = New organisation
orgs-name-hint = Unique, whatever the case; up to 100 characters.
orgs-create = Create organisation
orgs-role-viewer = Viewer
orgs-role-editor = Editor
orgs-role-admin = Admin
orgs-any-role = Any role
# $role is the role's value: viewer, editor or admin.
orgs-member-added = { $username } is now { $role ->
    [viewer] viewer
    [editor] editor
   *[admin] admin
} of this organisation.
orgs-delete-explanation = Delete { $name }? Its { $count } membership(s) go with it; the users themselves stay.
orgs-delete-explanation-empty = Delete { $name }? It has no members.
orgs-back = Back to organisations
# Followed by the date of creation.
orgs-detail-summary = { $count } member(s) · created
orgs-show-in-users = Show in the users list
orgs-add-member-heading = Add a member
orgs-add-member-hint = Matching usernames are suggested as you type. Adding an existing member changes their role.
orgs-add-member = Add member
orgs-rename = Rename
orgs-save-name = Save name
orgs-delete = Delete organisation
orgs-delete-summary = Delete organisation…
orgs-delete-force = Also remove its memberships
orgs-filter-members = Filter members
orgs-show-role = Show role
orgs-role-of = Role of { $username }
orgs-change-role = Change role
orgs-remove-member-explanation = Remove { $username } from this organisation? The account itself stays.
orgs-remove-summary = Remove…
orgs-remove-member = Remove member
orgs-col-user = User
orgs-col-joined = Joined
orgs-members-empty = No members match.
orgs-role-in = Role in { $org }
orgs-leave-explanation = Remove { $username } from { $org }?
orgs-leave = Remove from organisation
orgs-col-org = Organisation
orgs-user-caption = Organisations of this user
orgs-user-empty = Not a member of any organisation.
orgs-join-heading = Add to an organisation
# Followed by a link, orgs-create-one, and a full stop.
orgs-none-yet = There are no organisations yet.
orgs-create-one = Create one
orgs-join = Add to organisation
orgs-mine = My organisations
orgs-mine-empty = You are not a member of any organisation.
