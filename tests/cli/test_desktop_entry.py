"""The Linux desktop entry and MIME type: they describe the project files Casecoder really
makes, start the installed command with the file, and `make install-desktop` installs them."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from schema.project import APPLICATION_ID, PROJECT_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "resources" / "linux"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_mime_type_matches_real_project_files(project_path):
    root = ET.parse(LINUX / "casecoder-mime.xml").getroot()
    [mime] = root.findall("m:mime-type", NS)
    assert mime.find("m:glob", NS).get("pattern") == f"*{PROJECT_SUFFIX}"
    outer = mime.find("m:magic/m:match", NS)
    inner = outer.find("m:match", NS)
    header = project_path.read_bytes()[:100]
    assert header[int(outer.get("offset")):].startswith(outer.get("value").encode())
    offset = int(inner.get("offset"))
    assert header[offset:offset + 4] == inner.get("value").encode()
    assert inner.get("value").encode() == APPLICATION_ID.to_bytes(4, "big")
    entry = _entry(LINUX / "casecoder.desktop")
    assert entry["MimeType"].rstrip(";") == mime.get("type")


def test_desktop_entry_starts_casecoder_with_the_file():
    entry = _entry(LINUX / "casecoder.desktop")
    assert entry["Type"] == "Application" and entry["Name"] == "Casecoder"
    assert entry["Exec"] == "casecoder %f"
    assert entry["Terminal"] == "false"
    assert (LINUX / f"{entry['Icon']}.svg").is_file()


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_install_desktop_installs_for_the_user(tmp_path):
    data = tmp_path / "share"
    venv = Path(sys.prefix)  # this environment, taken as set up (-o: never rebuilt here)
    done = subprocess.run(["make", "-s", "-o", f"{venv}/.installed-stamp", "install-desktop",
                           f"VENV={venv}", f"DATA_HOME={data}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    entry = _entry(data / "applications" / "casecoder.desktop")
    program = entry["Exec"].removesuffix(" %f").strip('"')
    assert program == f"{Path(sys.prefix)}/bin/casecoder"
    assert (data / "mime" / "packages" / "casecoder.xml").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "casecoder.svg").is_file()
    if shutil.which("update-mime-database"):
        globs = (data / "mime" / "globs2").read_text()
        assert f"application/x-casecoder-project:*{PROJECT_SUFFIX}" in globs
