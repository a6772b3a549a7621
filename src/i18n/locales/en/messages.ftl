## Sending one user a message from their page.

messages-heading = Send { $username } a message
messages-intro = It appears at once on any page they have open, and stays in their inbox until read.
messages-send = Send message
messages-delivered = Delivered: { $username } has a page open and sees it now.
messages-queued = Stored: { $username } is not connected and will see it on their next visit.
