## The Contacts tab of the user page. The subscription words (to, from,
## both, none) are XMPP's terms: keep them, explain them in parentheses.

contacts-title = Kontakte
contacts-intro = Die Benutzer in der Kontaktliste (Roster) von { $username }, jeweils mit Präsenz-Abonnement und Gruppen.
contacts-subscription = Abonnement
contacts-subscription-to = to (der Benutzer sieht die Präsenz des Kontakts)
contacts-subscription-from = from (der Kontakt sieht die Präsenz des Benutzers)
contacts-subscription-both = both (beide sehen die Präsenz des anderen)
contacts-subscription-none = none (keiner sieht die Präsenz des anderen)
contacts-groups = Gruppen
contacts-groups-optional = Gruppen (optional)
contacts-groups-hint = Durch Kommas getrennt, z. B. „Freunde, Arbeit“.
contacts-empty = Noch keine Kontakte.
contacts-edit = Bearbeiten…
contacts-save = { $contact } speichern
contacts-saved = { $contact } gespeichert.
contacts-remove-summary = Entfernen…
contacts-remove = { $contact } entfernen
contacts-remove-confirm = { $contact } aus den Kontakten von { $owner } entfernen? Die eigenen Kontakte von { $contact } ändern sich nicht.
contacts-removed = Kontakt entfernt.
contacts-add-heading = Kontakt hinzufügen
contacts-username-hint = Der Benutzername des anderen Benutzers; passende Benutzernamen werden bei der Eingabe vorgeschlagen.
contacts-add = Kontakt hinzufügen
contacts-added = { $contact } hinzugefügt.
