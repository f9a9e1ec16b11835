"""Read itaplan's settings from mkdocs.yml without importing MkDocs."""

from __future__ import annotations

from pathlib import Path

import yaml

from itaplan.errors import PlanDataError, Problem
from itaplan.plan.settings import Settings, settings_from


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name: or !ENV; they are not ours to read."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(config_file: Path) -> Settings:
    """Settings under `extra: itaplan:` in `config_file`; defaults when the file has none."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except FileNotFoundError:
        raise PlanDataError([Problem(config_file.name, None, None, "file not found", kind="layout",
                                     thai="ไม่พบไฟล์ตั้งค่าเว็บไซต์")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PlanDataError([Problem(config_file.name, mark.line + 1 if mark else None, None,
                                     f"is not valid YAML: {getattr(exc, 'problem', exc)}", kind="yaml",
                                     thai="รูปแบบไฟล์ตั้งค่าผิด (YAML)")]) from None
    extra = data.get("extra") if isinstance(data, dict) else None
    return settings_from((extra or {}).get("itaplan") if isinstance(extra, dict) else None, config_file.name)


def read_site_meta(config_file: Path) -> tuple[str | None, str | None]:
    """(site_url, site_name) from `config_file`, None where missing or not text."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError):
        return None, None
    get = (lambda k: data.get(k) if isinstance(data.get(k), str) else None) if isinstance(data, dict) else (
        lambda k: None)
    return get("site_url"), get("site_name")
