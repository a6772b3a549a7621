## The IP allow-list for admin access.

allowlist-title = IP allow-list
allowlist-about = How it works
allowlist-about-text = When the list is empty there is no restriction. When it has entries, admin pages and the admin API are refused (403) from every address not listed, whatever the credentials.
allowlist-entries = Entries
allowlist-removed = Removed { $entry }.
allowlist-removed-unknown = Removed the entry.
allowlist-no-address = The server cannot tell your address.
allowlist-verdict-empty = allowed (the list is empty)
allowlist-verdict-allowed = allowed by the list
allowlist-verdict-refused = not on the list
# { $ip } is shown as code, { $verdict } (one of the three above) in bold.
allowlist-your-address = Your address as the server sees it: { $ip } — { $verdict }
allowlist-added = Added { $entry }.
allowlist-add-heading = Add an entry
allowlist-entry-label = Address or network
allowlist-entry-hint = A single address (192.0.2.7) or a network in CIDR form (10.0.0.0/8, 2001:db8::/32).
allowlist-note-label = Note (optional)
allowlist-note-hint = Who or what uses it, e.g. “office VPN”.
allowlist-lockout = Your own address would lose admin access
allowlist-lockout-confirm = I understand: my own address will lose admin access
allowlist-add-anyway = Add anyway
allowlist-add-submit = Add entry
allowlist-remove-anyway = Remove { $entry } anyway
allowlist-remove-summary = Remove…
allowlist-remove-label = Remove { $entry }
allowlist-remove-explanation = Remove { $entry }? Admin access from it is refused at once unless another entry covers it.
allowlist-entry = Entry
allowlist-note = Note
allowlist-added-col = Added
allowlist-caption = Allowed addresses and networks
allowlist-empty = The list is empty: admin access is not restricted by address.
