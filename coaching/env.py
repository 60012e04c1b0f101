"""Reading settings from the environment; no Django here, so manage.py can use it before settings load."""

import os

TRUE_WORDS = {"1", "true", "yes", "on"}


def is_true(value):
    return (value or "").strip().lower() in TRUE_WORDS


def env_flag(name, default=False):
    value = os.environ.get(name)
    return default if value is None else is_true(value)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]
