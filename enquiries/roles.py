"""Counselling roles as groups. The enquiries issue gives counsellors their lead workspace."""

COUNSELLOR = "Counsellor"
COUNSELLING_MANAGER = "Counselling manager"

ROLE_PERMISSIONS = {
    COUNSELLOR: ["enquiries.view_callusnumber"],
    COUNSELLING_MANAGER: [
        "enquiries.add_callusnumber", "enquiries.change_callusnumber", "enquiries.view_callusnumber",
    ],
}
