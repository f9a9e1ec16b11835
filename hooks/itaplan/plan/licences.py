"""Licences an agency may publish its open data under (`extra.itaplan.open_data.licence`).

The default, CC-BY-4.0, is the licence most catalogues know (CKAN's built-in `cc-by`, SPDX);
DGA-OGL-TH is the Thai government's own open licence of data.go.th (สพร.).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

LicenceId = Literal["CC-BY-4.0", "DGA-OGL-TH", "CC0-1.0"]
DEFAULT: LicenceId = "CC-BY-4.0"


class Licence(NamedTuple):
    id: str  # Frictionless `name` (SPDX where there is one)
    title: str
    url: str
    ckan_id: str  # the licence id a CKAN catalogue knows


LICENCES: dict[str, Licence] = {
    "CC-BY-4.0": Licence("CC-BY-4.0", "Creative Commons Attribution 4.0 (CC BY 4.0)",
                         "https://creativecommons.org/licenses/by/4.0/", "cc-by"),
    "DGA-OGL-TH": Licence("DGA-OGL-TH", "DGA Open Government License (ข้อกำหนดและเงื่อนไขการอนุญาตให้ใช้ข้อมูลภาครัฐแบบเปิดของ สพร.)",
                          "https://data.go.th/pages/dga-open-government-license", "dga-open-government-license"),
    "CC0-1.0": Licence("CC0-1.0", "Creative Commons Zero 1.0 (public domain dedication)",
                       "https://creativecommons.org/publicdomain/zero/1.0/", "cc-zero"),
}
