"""A throw-away PostgreSQL server for a test: its own data folder, a free port on loopback,
trust authentication, stopped and removed afterwards. PostgreSQL refuses to run as root, so
as root the server runs as the unprivileged user ``nobody``."""
import glob
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from typing import Iterator, List

from tests.e2e.ports import free_port


def _program(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))), None)
    if found is None:
        raise RuntimeError(f"PostgreSQL's {name} is not installed: run `make databases`")
    return found


def _as_server_user(command: List[str]) -> List[str]:
    return ["runuser", "-u", "nobody", "--"] + command if os.geteuid() == 0 else command


@contextmanager
def postgresql() -> Iterator[str]:
    """The SQLAlchemy URL of a new, empty PostgreSQL database."""
    folder = tempfile.mkdtemp(prefix="pg-")
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
    data, port = os.path.join(folder, "data"), free_port()
    subprocess.run(_as_server_user([_program("initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]),
                   check=True, capture_output=True)
    control = _program("pg_ctl")
    subprocess.run(_as_server_user([control, "-D", data, "-w", "-l", os.path.join(folder, "server.log"), "-o",
                                    f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([control, "-D", data, "-m", "fast", "stop"]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
