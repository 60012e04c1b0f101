"""Staff roles as groups. Who may move an article between states is decided by the editorial
workflow; these groups only grant access to the admin screens each role works in."""

EDITOR = "Editor"
WRITER = "Writer"

ROLE_PERMISSIONS = {
    EDITOR: [
        "articles.add_article", "articles.change_article", "articles.delete_article", "articles.view_article",
        "articles.add_section", "articles.change_section", "articles.delete_section", "articles.view_section",
        "articles.add_relevance", "articles.change_relevance", "articles.delete_relevance", "articles.view_relevance",
        "articles.add_edition", "articles.change_edition", "articles.view_edition",
        "articles.add_topic", "articles.change_topic", "articles.view_topic",
        "articles.change_paper", "articles.view_paper",
        "taggit.add_tag", "taggit.change_tag", "taggit.view_tag",
    ],
    WRITER: [
        "articles.add_article", "articles.change_article", "articles.view_article",
        "articles.add_section", "articles.change_section", "articles.delete_section", "articles.view_section",
        "articles.add_relevance", "articles.change_relevance", "articles.delete_relevance", "articles.view_relevance",
        "articles.view_edition", "articles.view_topic", "articles.view_paper",
        "taggit.add_tag", "taggit.view_tag",
    ],
}
