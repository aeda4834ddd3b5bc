"""The live chat: a reader and the librarian on duty, line by line over websockets (Django
Channels), every line kept in the question's thread."""
