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
        def user_saved(sender, instance, created, **kwargs):
            if not created:
                services.leads_return_from(instance)

        def groups_changed(sender, instance, action, reverse, **kwargs):
            if action in ("post_remove", "post_clear") and not reverse:
                services.leads_return_from(instance)

        post_save.connect(user_saved, sender=User, dispatch_uid="enquiries.leads_return_on_save", weak=False)
        m2m_changed.connect(groups_changed, sender=User.groups.through, dispatch_uid="enquiries.leads_return_on_groups",
                            weak=False)
