from django.contrib import admin

from .models import CallUsNumber


@admin.register(CallUsNumber)
class CallUsNumberAdmin(admin.ModelAdmin):
    list_display = ["__str__", "label", "position", "is_active"]
    list_editable = ["position", "is_active"]
