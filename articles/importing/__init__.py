"""Reading an article from pasted text, HTML or a .docx (recognition) and storing it as a draft (drafts)."""
