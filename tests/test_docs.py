"""The README and docs/ name only what exists: every repository path (in backticks or as a
link), every `make` target and every `manage.py` command they mention."""

import re
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Made by running the site or the tools, never in a clone.
RUNTIME = ("var/", ".venv", "static_collected/", "node_modules/", "deploy/secrets/")
TOP = {path.name for path in ROOT.iterdir()} - {".git"}
# Files of the code base; other names (an export's members, a feed's .xml) are what the site makes.
CODE_SUFFIXES = (".py", ".md", ".html", ".css", ".js", ".toml", ".yaml", ".vcl", ".template",
                 ".sh", ".po", ".xsd", ".png", ".svg", ".ico", ".cfg", ".ini")  # fmt: skip
CODE = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)#\s]+)")
MAKE = re.compile(r"\bmake ((?:[A-Z_]+=\S+ )*)([a-z][\w-]*)")
MANAGE = re.compile(r"\bmanage\.py ([a-z][\w]*)")


def names(text):
    """Repository paths named in `text`: a code span or link target that starts with one of the
    repository's top-level names, or a code file's name (`loader.py`, `models/pages.py`)."""
    for found in [*CODE.findall(text), *LINK.findall(text)]:
        for word in re.sub(r"<[^>]+>", "*", found).split():
            word = word.strip("'\",;:()")
            if not re.fullmatch(r"[\w.*/-]+", word) or word.startswith("/") or "://" in word:
                continue
            first = word.split("/")[0]
            if "/" in word and first not in TOP and not any(ROOT.glob(f"*/{first}")):
                continue  # outside the repository, e.g. the team's shared/reference/
            if (first in TOP and ("/" in word or "." in first)) or (
                word.endswith(CODE_SUFFIXES) and not word.startswith(".")
            ):
                yield word


def code(text):
    """The text of the code spans and fenced blocks: where commands are named."""
    return "\n".join([*re.findall(r"```[^\n]*\n(.*?)```", text, re.S), *CODE.findall(text)])


def exists(name, document):
    if name.startswith(RUNTIME):
        return True
    pattern = name.rstrip("/")
    if any(any(base.glob(pattern)) for base in (ROOT, document.parent)):
        return True
    # A path inside an app named in the same row or paragraph, e.g. `models/pages.py`.
    return any(ROOT.glob(f"*/{pattern}")) or any(ROOT.glob(f"*/*/{pattern}"))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_path_named_exists(document):
    text = document.read_text()
    missing = sorted({name for name in names(text) if not exists(name, document)})
    assert not missing, f"{document.relative_to(ROOT)} names what does not exist: {missing}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_make_target_and_manage_command_named_exists(document):
    text = code(document.read_text())
    targets = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M))
    commands = set(get_commands())
    wrong = sorted(
        {f"make {target}" for _vars, target in MAKE.findall(text) if target not in targets}
        | {f"manage.py {name}" for name in MANAGE.findall(text) if name not in commands}
    )
    assert not wrong, f"{document.relative_to(ROOT)} names what does not exist: {wrong}"


def test_a_stale_name_is_caught(tmp_path):
    stale = tmp_path / "stale.md"
    stale.write_text("The fuzz suite (`tests/test_fuzz.py`); `make fuzz`; `manage.py fuzz`.")
    assert "tests/test_fuzz.py" in names(stale.read_text())
    assert not exists("tests/test_fuzz.py", stale)
    assert exists("tests/core/test_fuzz.py", stale)
    assert MAKE.findall(code(stale.read_text())) == [("", "fuzz")]
    assert MANAGE.findall(code(stale.read_text())) == ["fuzz"]
