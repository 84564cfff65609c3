"""The Texts tab's reader: an article set for reading at arm's length, with kinetic scrolling."""
