"""The production settings plus one URL that only benchmarks have: a bare view, the floor to compare with."""

from coaching.settings import *  # noqa: F401,F403

ROOT_URLCONF = "bench.urls"
