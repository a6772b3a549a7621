## Wer gerade verbunden ist (connections.rs).

connections-title = Verbunden
connections-refresh = Aktualisieren
connections-lead = Alle, die gerade eine Gatehouse-Seite geöffnet haben, auf jeder Serverinstanz. Eine Zeile pro geöffneter Seite.
connections-online = Benutzer online: { $count }.
connections-col-user = Benutzer
connections-col-address = Adresse
connections-col-browser = Browser
connections-col-since = Seit
connections-col-connection = Verbindung
connections-caption = Offene Verbindungen
connections-empty = Niemand ist verbunden.
