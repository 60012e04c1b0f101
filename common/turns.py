"""Handing work out in turn (leads to counsellors, answers to evaluators)."""


def next_in_turn(people, last_id):
    """The person after the one who received the last piece of work, by id, starting again from the first;
    None when nobody is available. `people` is ordered by id."""
    if not people:
        return None
    following = [person for person in people if person.pk > (last_id or 0)]
    return (following or people)[0]
