from django.apps import AppConfig


class EnquiriesConfig(AppConfig):
    name = "enquiries"
    verbose_name = "Enquiries"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_save

        from . import services

        User = get_user_model()

        # A counsellor who is deactivated or leaves the counselling roles hands their open leads back.
        def user_saved(sender, instance, created, update_fields=None, **kwargs):
            # A sign-in saves last_login alone: not a change of who works leads, and no queries for it.
            if not created and (update_fields is None or "is_active" in update_fields):
                services.leads_return_from(instance)

        def groups_changed(sender, instance, action, reverse, **kwargs):
            if action in ("post_remove", "post_clear") and not reverse:
                services.leads_return_from(instance)

        post_save.connect(user_saved, sender=User, dispatch_uid="enquiries.leads_return_on_save", weak=False)
        m2m_changed.connect(groups_changed, sender=User.groups.through, dispatch_uid="enquiries.leads_return_on_groups",
                            weak=False)
