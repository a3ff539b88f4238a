"""The first admin account of a development site: created with a generated password, which is
shown only when it is created; afterwards the way to set a new one is shown instead."""

import secrets
import sys
from pathlib import Path

from django.contrib.auth import get_user_model


def ensure_admin(username="admin"):
    """Create superuser `username` when there is no superuser. Return (username, password):
    the new password, or None when a superuser existed (its username then)."""
    users = get_user_model()
    existing = users.objects.filter(is_superuser=True).order_by("pk").first()
    if existing:
        return existing.get_username(), None
    password = secrets.token_urlsafe(12)
    users.objects.create_superuser(username=username, email="", password=password)
    return username, password


def admin_message(base_url, username, password):
    """The lines that tell a developer where the admin is and how to sign in."""
    reset = f"{_python()} manage.py changepassword {username}"
    lines = [f"The site:  {base_url}", f"The admin: {base_url}admin/ as '{username}'"]
    if password:
        lines.append(f"Password:  {password}  (shown only this once; a new one: {reset})")
    else:
        lines.append(f"Password:  set when the account was made; a new one: {reset}")
    return "\n".join(lines)


def _python():
    """How to call this interpreter from the project folder: .venv/bin/python when it is that."""
    executable = Path(sys.executable)
    try:
        return str(executable.relative_to(Path.cwd()))
    except ValueError:
        return "python"
