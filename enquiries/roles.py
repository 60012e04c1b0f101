"""Counselling roles as groups with their permissions. Counsellors see and work leads; only a Counselling
manager (or a superuser) exports leads, reassigns other people's leads or erases personal data.
The groups are brought in line with this map after every `migrate` (see coaching/apps.py), so changing it
needs no migration."""

COUNSELLOR = "Counsellor"
COUNSELLING_MANAGER = "Counselling manager"

# The permissions the lead services and the counsellor workspace ask about.
SEE_LEADS = "enquiries.view_enquiry"
REASSIGN = "enquiries.reassign_enquiry"
EXPORT = "enquiries.export_enquiry"
ERASE = "enquiries.erase_enquiry"

_WORK_LEADS = [
    SEE_LEADS, "enquiries.change_enquiry", "enquiries.add_enquiry",
    "enquiries.view_followup", "enquiries.add_followup", "enquiries.change_followup",
    "enquiries.view_activity", "enquiries.view_course", "enquiries.view_callusnumber",
]

ROLE_PERMISSIONS = {
    COUNSELLOR: _WORK_LEADS,
    COUNSELLING_MANAGER: [
        *_WORK_LEADS,
        REASSIGN, EXPORT, ERASE,
        "enquiries.add_course", "enquiries.change_course",
        "enquiries.add_callusnumber", "enquiries.change_callusnumber",
        "enquiries.view_erasurelog",
    ],
}
