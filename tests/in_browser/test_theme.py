"""Material's Thai interface strings, as the site's theme renders them."""

from mkdocs.config import load_config

from conftest import ROOT


def _t(key: str) -> str:
    config = load_config(str(ROOT / "mkdocs.yml"))
    env = config.theme.get_env()
    template = env.from_string('{% import "partials/language.html" as lang with context %}{{ lang.t(key) }}')
    return template.render(key=key, config=config)


def test_last_updated_label_is_not_created():
    assert _t("source.file.date.updated") == "ปรับปรุงล่าสุด"
    assert _t("source.file.date.created") == "สร้างเมื่อ"


def test_other_strings_still_come_from_material():
    assert _t("action.skip") == "ข้ามไปที่เนื้อหา"
    assert _t("search.placeholder") == "ค้นหา"
