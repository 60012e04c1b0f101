"""How the back office names a member of staff in its messages."""


def display_name(user):
    """Their full name, or their login when they gave none."""
    return user.get_full_name() or user.get_username()
