"""Staff role groups, kept in line with each app's role map (articles/roles.py, enquiries/roles.py, practice/roles.py) after
every `migrate`, the way django.contrib.auth creates permissions: a permission added to a map needs no
migration, and no migration reads these maps."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS

import answers.roles
import articles.roles
import enquiries.roles
import practice.roles

ROLE_MAPS = [articles.roles, enquiries.roles, practice.roles, answers.roles]


def role_permissions():
    """Every role group's permission codenames ("app_label.codename"), gathered from every app's map (a role
    such as Editor may be given permissions by more than one app)."""
    roles = {}
    for module in ROLE_MAPS:
        for role, codenames in module.ROLE_PERMISSIONS.items():
            roles.setdefault(role, []).extend(codenames)
    return roles


def sync_role_groups(*, using=DEFAULT_DB_ALIAS, **kwargs):
    """Create each role's group and give it exactly the permissions its map lists (a post_migrate handler)."""
    from django.apps import apps as installed_apps

    roles = role_permissions()
    labels = {dotted.split(".")[0] for codenames in roles.values() for dotted in codenames}
    for label in labels:  # the permissions must exist before groups can get them, whatever the app order
        create_permissions(installed_apps.get_app_config(label), verbosity=0, using=using)
    for role, codenames in roles.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        group.permissions.set([_permission(dotted, using) for dotted in codenames])


def _permission(dotted, using):
    app_label, codename = dotted.split(".")
    found = Permission.objects.using(using).filter(content_type__app_label=app_label, codename=codename).first()
    if found is None:
        raise ImproperlyConfigured(f"A role map names the permission “{dotted}”, which no model defines.")
    return found
