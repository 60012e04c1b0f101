"""Newsroom roles as groups with their permissions. What each permission allows in the workflow is decided
in articles/workflow.py. The groups are brought in line with this map after every `migrate` (see
coaching/apps.py), so changing it needs no migration."""

EDITOR = "Editor"
WRITER = "Writer"
TRANSLATOR = "Translator"  # a writer of Hindi twins: edits and submits them, never publishes

# The permissions the workflow and the public pages ask about.
VIEW = "articles.view_article"
EDIT = "articles.change_article"
REVIEW = "articles.review_article"
PUBLISH = "articles.publish_article"
RELEASE = "articles.release_edition"
TRANSLATE = "articles.translate_article"

ROLE_PERMISSIONS = {
    EDITOR: [
        "articles.add_article", "articles.change_article", "articles.delete_article", "articles.view_article",
        "articles.add_section", "articles.change_section", "articles.delete_section", "articles.view_section",
        "articles.add_relevance", "articles.change_relevance", "articles.delete_relevance", "articles.view_relevance",
        "articles.review_article", "articles.publish_article",
        "articles.add_edition", "articles.change_edition", "articles.view_edition", "articles.release_edition",
        "articles.view_transition", "articles.view_slugredirect", "articles.delete_slugredirect",
        "articles.add_topic", "articles.change_topic", "articles.view_topic",
        "articles.change_paper", "articles.view_paper",
        "articles.add_tag", "articles.change_tag", "articles.view_tag", "articles.translate_article",
    ],
    WRITER: [
        "articles.add_article", "articles.change_article", "articles.view_article",
        "articles.add_section", "articles.change_section", "articles.delete_section", "articles.view_section",
        "articles.add_relevance", "articles.change_relevance", "articles.delete_relevance", "articles.view_relevance",
        "articles.view_edition", "articles.view_topic", "articles.view_paper",
        "articles.add_tag", "articles.view_tag",
    ],
}
ROLE_PERMISSIONS[TRANSLATOR] = [*ROLE_PERMISSIONS[WRITER], TRANSLATE]
