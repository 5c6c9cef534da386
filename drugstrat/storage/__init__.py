"""Files on disk: atomic writes and the YAML people read and edit."""
