"""Counselling roles as groups with their permissions. Counsellors see and work leads; only a Counselling
manager (or a superuser) exports leads, reassigns other people's leads or erases personal data.
After changing this map, add a migration that calls coaching.roles.sync_role_groups."""

COUNSELLOR = "Counsellor"
COUNSELLING_MANAGER = "Counselling manager"

_WORK_LEADS = [
    "enquiries.view_enquiry", "enquiries.change_enquiry", "enquiries.add_enquiry",
    "enquiries.view_followup", "enquiries.add_followup", "enquiries.change_followup",
    "enquiries.view_activity", "enquiries.view_course", "enquiries.view_callusnumber",
]

ROLE_PERMISSIONS = {
    COUNSELLOR: _WORK_LEADS,
    COUNSELLING_MANAGER: [
        *_WORK_LEADS,
        "enquiries.reassign_enquiry", "enquiries.export_enquiry", "enquiries.erase_enquiry",
        "enquiries.add_course", "enquiries.change_course",
        "enquiries.add_callusnumber", "enquiries.change_callusnumber",
        "enquiries.view_erasurelog",
    ],
}
