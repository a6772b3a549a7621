## Who is connected right now (connections.rs). The count is in counts.ftl.

connections-title = Connected
connections-refresh = Refresh
connections-lead = Everyone with a Gatehouse page open right now, on every server instance. One row per open page.
connections-online = Users online: { $count }.
connections-col-user = User
connections-col-address = Address
connections-col-browser = Browser
connections-col-since = Since
connections-col-connection = Connection
connections-caption = Open connections
connections-empty = Nobody is connected.
