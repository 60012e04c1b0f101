"""No models. The module exists because Django sends post_migrate only to apps that have one, and this
app's post_migrate handler syncs the role groups (see apps.py)."""
