"""Publishing to the agency's own host (.ci/deploy, called by the publish workflow): against real servers started
here on 127.0.0.1 — Debian's OpenSSH server for SFTP and rsync over SSH, pyftpdlib for FTPS — each with keys or a
certificate made for the test. The published folder ends up exactly the new site, nothing is left beside it, a
dry run lists what would change and changes nothing, an unknown host is refused, and a broken upload leaves the
published site as it was. Without the tools (lftp, rsync, sshd) the tests fail under CI and skip elsewhere."""

from __future__ import annotations

import datetime
import getpass
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT

DEPLOY = ROOT / ".ci" / "deploy"
SSHD = "/usr/sbin/sshd"


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, and CI must run the deploy test (run .ci/setup)")
    pytest.skip(f"{what} is missing (run .ci/setup)")


def _need(*tools: str) -> None:
    for tool in tools:
        if not (shutil.which(tool) or Path(tool).is_file()):
            _missing(tool)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stderr.read() if process.stderr else ''}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"no server on port {port}")


def make_site(folder: Path, pages: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


V1 = {"index.html": "<h1>หน้าแรก ฉบับ ๑</h1>", "2569/index.html": "ปี ๒๕๖๙ ฉบับ ๑",
      "2569/indicator-01/index.html": "ตัวชี้วัด ๑", "old-page/index.html": "หน้าที่จะถูกลบ"}
V2 = {"index.html": "<h1>หน้าแรก ฉบับ ๒</h1>", "2569/index.html": "ปี ๒๕๖๙ ฉบับ ๑",
      "2569/indicator-01/index.html": "ตัวชี้วัด ๑ แก้ไขแล้ว", "2569/report-6-months/index.html": "รายงานใหม่"}


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("sites")
    return make_site(base / "v1", V1), make_site(base / "v2", V2)


def deploy(method: str, site: Path, env: dict, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(DEPLOY), method, str(site), *extra], env={**os.environ, **env},
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def ssh_server(tmp_path_factory):
    """An OpenSSH server on 127.0.0.1 and a free port, trusting one throwaway key of the user running the test."""
    _need(SSHD, "ssh", "ssh-keygen", "lftp", "rsync")
    home = tmp_path_factory.mktemp("sshd")
    for name in ("host", "client"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(home / name)], check=True)
    shutil.copy(home / "client.pub", home / "authorized_keys")
    port = _free_port()
    (home / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {home / 'host'}\nPidFile {home / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {home / 'authorized_keys'}\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nPubkeyAuthentication yes\nStrictModes no\nUsePAM no\n"
        f"PermitRootLogin prohibit-password\nAllowUsers {getpass.getuser()}\nSubsystem sftp internal-sftp\n",
        encoding="utf-8")
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege separation folder
    process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(home / "sshd_config")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(port, process)
        host_key = (home / "host.pub").read_text(encoding="utf-8").split()
        env = {"DEPLOY_HOST": "127.0.0.1", "DEPLOY_PORT": str(port), "DEPLOY_USER": getpass.getuser(),
               "DEPLOY_SSH_KEY": (home / "client").read_text(encoding="utf-8"),
               "DEPLOY_KNOWN_HOSTS": f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}"}
        yield env, home
    finally:
        process.terminate()
        process.wait(10)


@pytest.mark.parametrize("method", ["sftp", "rsync"])
def test_ssh_upload_replaces_the_published_folder_whole(method, ssh_server, sites, tmp_path):
    env, _ = ssh_server
    www = tmp_path / "www"
    env = {**env, "DEPLOY_PATH": str(www / "ita")}
    first = deploy(method, sites[0], env)
    assert first.returncode == 0, first.stderr
    assert tree(www / "ita") == V1
    second = deploy(method, sites[1], env)
    assert second.returncode == 0, second.stderr
    assert tree(www / "ita") == V2  # changed, added and removed pages: exactly the new site
    assert sorted(p.name for p in www.iterdir()) == ["ita"]  # no copy left beside it


@pytest.mark.parametrize("method", ["sftp", "rsync"])
def test_ssh_dry_run_lists_what_would_change_and_changes_nothing(method, ssh_server, sites, tmp_path):
    env, _ = ssh_server
    env = {**env, "DEPLOY_PATH": str(tmp_path / "www" / "ita")}
    assert deploy(method, sites[0], env).returncode == 0
    dry = deploy(method, sites[1], env, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert tree(tmp_path / "www" / "ita") == V1
    assert "would change" in dry.stdout
    for name in ("index.html", "2569/indicator-01/index.html", "2569/report-6-months/index.html", "old-page"):
        assert name in dry.stdout, (name, dry.stdout)
    if method == "rsync":  # compared by content: an unchanged page is not listed
        assert "2569/index.html" not in [line.split()[-1] for line in dry.stdout.splitlines() if line.strip()]


def test_an_unknown_host_key_is_refused_and_the_site_stays(ssh_server, sites, tmp_path):
    env, home = ssh_server
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "other")], check=True)
    other = (tmp_path / "other.pub").read_text(encoding="utf-8").split()
    env = {**env, "DEPLOY_PATH": str(tmp_path / "www" / "ita")}
    assert deploy("rsync", sites[0], env).returncode == 0
    for method in ("sftp", "rsync"):
        spoofed = {**env, "DEPLOY_KNOWN_HOSTS": f"[127.0.0.1]:{env['DEPLOY_PORT']} {other[0]} {other[1]}"}
        result = deploy(method, sites[1], spoofed)
        assert result.returncode != 0
        assert tree(tmp_path / "www" / "ita") == V1
    missing = {k: v for k, v in env.items() if k != "DEPLOY_KNOWN_HOSTS"}
    result = deploy("sftp", sites[1], missing)
    assert result.returncode == 2 and "ssh-keyscan" in result.stderr


@pytest.mark.parametrize("method", ["sftp", "rsync"])
def test_a_broken_upload_leaves_the_published_site_as_it_was(method, ssh_server, sites, tmp_path):
    env, _ = ssh_server
    www = tmp_path / "www"
    env = {**env, "DEPLOY_PATH": str(www / "ita")}
    assert deploy(method, sites[0], env).returncode == 0
    (www / "blocked").write_text("a file, not a folder", encoding="utf-8")
    result = deploy(method, sites[1], {**env, "DEPLOY_STAGING": str(www / "blocked" / "new")})
    assert result.returncode != 0
    assert tree(www / "ita") == V1


def test_unsafe_settings_are_refused_before_anything_runs(sites):
    env = {"DEPLOY_HOST": "127.0.0.1", "DEPLOY_USER": "u", "DEPLOY_KNOWN_HOSTS": "x", "DEPLOY_SSH_KEY": "x"}
    for path in ("www/ita; rm -rf ~", "www/$(id)", "-rf", "/", "www/../etc", "www/it'a"):
        result = deploy("rsync", sites[0], {**env, "DEPLOY_PATH": path})
        assert result.returncode == 2 and "deploy:" in result.stderr, path
    result = deploy("scp", sites[0], {**env, "DEPLOY_PATH": "www"})
    assert result.returncode == 2 and "sftp, ftps or rsync" in result.stderr


# FTPS -------------------------------------------------------------------------------------------------------

def _certificate(folder: Path) -> Path:
    """A self-signed certificate for 127.0.0.1 (key and certificate in one PEM file)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    pem = folder / "server.pem"
    pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()) + cert.public_bytes(serialization.Encoding.PEM))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return pem


@pytest.fixture(scope="module")
def ftps_server(tmp_path_factory):
    """pyftpdlib's FTP server with TLS required on control and data, one user with a password."""
    _need("lftp")
    try:
        from pyftpdlib.authorizers import DummyAuthorizer
        from pyftpdlib.handlers import TLS_FTPHandler
        from pyftpdlib.servers import ThreadedFTPServer
    except ImportError:
        _missing("pyftpdlib and pyOpenSSL (requirements-dev.txt)")
    home = tmp_path_factory.mktemp("ftps")
    root = home / "root"
    root.mkdir()
    authorizer = DummyAuthorizer()
    authorizer.add_user("deployer", "s3cret-pass", str(root), perm="elradfmwMT")
    handler = type("Handler", (TLS_FTPHandler,), {
        "certfile": str(_certificate(home)), "authorizer": authorizer,
        "tls_control_required": True, "tls_data_required": True, "banner": "test"})
    server = ThreadedFTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"timeout": 0.5}, daemon=True)
    thread.start()
    env = {"DEPLOY_HOST": "127.0.0.1", "DEPLOY_PORT": str(server.address[1]), "DEPLOY_USER": "deployer",
           "DEPLOY_PASSWORD": "s3cret-pass", "DEPLOY_TLS_CA": (home / "cert.pem").read_text(encoding="utf-8")}
    try:
        yield env, root
    finally:
        server.close_all()
        thread.join(5)


def test_ftps_upload_replaces_the_published_folder_whole(ftps_server, sites):
    env, root = ftps_server
    env = {**env, "DEPLOY_PATH": "public_html/ita"}
    (root / "public_html").mkdir(exist_ok=True)
    (root / "public_html" / "other-site.html").write_text("the agency's main site", encoding="utf-8")
    first = deploy("ftps", sites[0], env)
    assert first.returncode == 0, first.stderr + first.stdout
    assert tree(root / "public_html" / "ita") == V1
    dry = deploy("ftps", sites[1], env, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert tree(root / "public_html" / "ita") == V1
    assert "report-6-months" in dry.stdout and "old-page" in dry.stdout
    second = deploy("ftps", sites[1], env)
    assert second.returncode == 0, second.stderr + second.stdout
    assert tree(root / "public_html" / "ita") == V2
    assert sorted(p.name for p in (root / "public_html").iterdir()) == ["ita", "other-site.html"]


def test_ftps_refuses_a_certificate_it_cannot_verify_and_a_wrong_password(ftps_server, sites):
    env, root = ftps_server
    env = {**env, "DEPLOY_PATH": "checked/ita"}
    unverified = {k: v for k, v in env.items() if k != "DEPLOY_TLS_CA"}
    assert deploy("ftps", sites[0], unverified).returncode != 0
    assert deploy("ftps", sites[0], {**env, "DEPLOY_PASSWORD": "wrong"}).returncode != 0
    assert not (root / "checked" / "ita").exists()
