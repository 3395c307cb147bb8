"""The photo of an ally with his pledge sign: upload, approval, the wall, and its removal."""
