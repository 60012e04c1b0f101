"""Creating staff role groups from migrations; each app lists its own roles' permissions."""


def sync_role_groups(apps, role_permissions):
    """Create each role's group and give it exactly its permissions (used by migrations and browser tests)."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; create them now so groups can get them.
    # create_permissions skips app configs without a models module, which migration states lack.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in role_permissions.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = []
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            permissions.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(permissions)
