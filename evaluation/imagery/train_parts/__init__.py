"""Drawing parts of the training image set: layers that remember what is drawn on them, the agency's
reference insignia, people, vehicles, documents and the scenes that combine them."""
