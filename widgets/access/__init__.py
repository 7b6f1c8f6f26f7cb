"""Views of the room's access: the tables' join link on the big screen, members' link cards."""
