"""Trains the model only when its training data changed: models are kept by a hash of their inputs.

    python -m bot.train            # prints the path of a model for the current data

The hash covers everything that changes what training produces (config, domain, data, the
custom components' code, the topic list and the Rasa version). Models live in a cache folder
outside the work tree (MODEL_CACHE, default ~/.cache/safe-migration-assistant/models), so a
fresh clone on the same machine reuses them.
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BOT = Path(__file__).resolve().parent
ROOT = BOT.parent
INPUTS = [BOT / "config.yml", BOT / "domain.yml", BOT / "topics.yml", BOT / "data", BOT / "components"]


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "safe-migration-assistant" / "models"
    return Path(os.environ.get("MODEL_CACHE", default))


def training_hash() -> str:
    import rasa

    digest = hashlib.sha256(f"rasa {rasa.__version__}\n".encode())
    files = []
    for item in INPUTS:
        files.extend(sorted(p for p in item.rglob("*") if p.is_file() and p.suffix in {".yml", ".py"})
                     if item.is_dir() else [item])
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def ensure_model() -> Path:
    model = cache_dir() / f"model-{training_hash()}.tar.gz"
    if model.exists():
        return model
    model.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "rasa", "train", "--config", str(BOT / "config.yml"),
             "--domain", str(BOT / "domain.yml"), "--data", str(BOT / "data"),
             "--out", out, "--fixed-model-name", "model"],
            cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"},
        )
        partial = model.with_suffix(".partial")
        shutil.move(str(Path(out) / "model.tar.gz"), partial)
        partial.rename(model)  # atomic: a half-written model is never picked up
    return model


if __name__ == "__main__":
    print(ensure_model())
