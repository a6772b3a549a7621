## The Contacts tab of the user page. The subscription words (to, from,
## both, none) are XMPP's terms: keep them, explain them in parentheses.

contacts-title = Contacts
contacts-intro = The users in { $username }'s contact list (roster), with the presence subscription and groups of each.
contacts-subscription = Subscription
contacts-subscription-to = to (the user sees the contact's presence)
contacts-subscription-from = from (the contact sees the user's presence)
contacts-subscription-both = both (each sees the other's presence)
contacts-subscription-none = none
contacts-groups = Groups
contacts-groups-optional = Groups (optional)
contacts-groups-hint = Comma-separated, e.g. “Friends, Work”.
contacts-empty = No contacts yet.
contacts-edit = Edit…
contacts-save = Save { $contact }
contacts-saved = Saved { $contact }.
contacts-remove-summary = Remove…
contacts-remove = Remove { $contact }
contacts-remove-confirm = Remove { $contact } from { $owner }'s contacts? { $contact }'s own contacts do not change.
contacts-removed = Contact removed.
contacts-add-heading = Add a contact
contacts-username-hint = The other user's username; matching usernames are suggested as you type.
contacts-add = Add contact
contacts-added = Added { $contact }.
