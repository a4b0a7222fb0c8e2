"""The audit chain's secret: kept outside the database, in the user's configuration folder,
one file per database id, so a plain SQLite tool cannot recompute the chain after an edit.

The file says which hash the HMAC uses (SHA-256, or SM3 where OpenSSL offers it) and from which
audit row on the chain is keyed (rows written before the key existed stay plain SHA-256). The
recovery sheet (`secret show` / `secret export`) carries all of it; `secret import` puts it on
another machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from nanmu_desktop.errors import NanmuError

CONFIG_ENV = "NANMU_CONFIG_DIR"
HASHES = ("sha256", "sm3")
KEY_BYTES = 32


class ChainKeyError(NanmuError):
    """The key is missing, unreadable or belongs to another database."""


@dataclass(frozen=True)
class ChainKey:
    database_id: str
    algorithm: str  # "sha256" or "sm3"
    key: bytes
    keyed_from: int  # the first audit row id signed with this key
    created_at: str

    def to_json(self) -> str:
        return json.dumps(
            {
                "database_id": self.database_id,
                "algorithm": self.algorithm,
                "key": self.key.hex(),
                "keyed_from": self.keyed_from,
                "created_at": self.created_at,
            },
            ensure_ascii=False,
            indent=2,
        )

    @property
    def fingerprint(self) -> str:
        """A short check value printed on the recovery sheet (not the key)."""
        return hashlib.sha256(b"nanmu-key-check" + self.key).hexdigest()[:16]


def available_hashes() -> tuple[str, ...]:
    """The hashes this machine's OpenSSL provides (SM3 is missing on some builds)."""
    return tuple(name for name in HASHES if name in hashlib.algorithms_available)


def config_dir() -> Path:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    from platformdirs import user_config_path

    return user_config_path("NanmuDesktop", "Nanmu")


def key_path(database_id: str) -> Path:
    return config_dir() / "audit-keys" / f"{database_id}.json"


def load_key(database_id: str) -> ChainKey | None:
    path = key_path(database_id)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as err:
        raise ChainKeyError(f"无法读取审计密钥文件“{path}”：{err.strerror}") from err
    return parse_key(text, str(path))


def parse_key(text: str, source: str) -> ChainKey:
    try:
        data = json.loads(text)
        key = ChainKey(
            database_id=str(data["database_id"]),
            algorithm=str(data["algorithm"]),
            key=bytes.fromhex(str(data["key"])),
            keyed_from=int(data["keyed_from"]),
            created_at=str(data.get("created_at", "")),
        )
    except (ValueError, KeyError, TypeError) as err:
        raise ChainKeyError(f"审计密钥文件“{source}”格式不正确。") from err
    if key.algorithm not in HASHES or len(key.key) != KEY_BYTES or key.keyed_from < 1:
        raise ChainKeyError(f"审计密钥文件“{source}”内容不正确。")
    return key


def create_key(database_id: str, keyed_from: int, algorithm: str = "sha256") -> ChainKey:
    """Make and store a new key; an existing file is kept (another writer made it first)."""
    if algorithm not in available_hashes():
        usable = "、".join(available_hashes())
        raise ChainKeyError(f"本机不支持哈希算法“{algorithm}”（可用：{usable}）。")
    key = ChainKey(
        database_id,
        algorithm,
        secrets.token_bytes(KEY_BYTES),
        keyed_from,
        datetime.now(UTC).isoformat(timespec="seconds"),
    )
    return store_key(key, replace=False)


def store_key(key: ChainKey, *, replace: bool) -> ChainKey:
    path = key_path(key.database_id)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and not replace:
            existing = load_key(key.database_id)
            assert existing is not None
            return existing
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        with partial.open("w", encoding="utf-8") as handle:
            handle.write(key.to_json())
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(partial, path)
        else:
            try:
                os.link(partial, path)  # atomic "create if absent" that keeps a racing writer's
            except FileExistsError:
                pass
            finally:
                partial.unlink(missing_ok=True)
            stored = load_key(key.database_id)
            assert stored is not None
            return stored
    except OSError as err:
        raise ChainKeyError(f"无法保存审计密钥到“{path}”：{err.strerror}") from err
    return key


def mac(key: ChainKey, message: bytes) -> str:
    import hmac

    return hmac.new(key.key, message, key.algorithm).hexdigest()


def recovery_sheet(key: ChainKey) -> str:
    """The printable text that lets an administrator restore the key on another machine."""
    hexkey = key.key.hex()
    groups = " ".join(hexkey[i : i + 8] for i in range(0, len(hexkey), 8))
    return (
        "容错纠错办理系统 审计密钥恢复单（请打印后与备份分开妥善保管）\n"
        f"数据库标识：{key.database_id}\n"
        f"哈希算法：HMAC-{key.algorithm.upper()}\n"
        f"自审计记录第 {key.keyed_from} 条起使用本密钥\n"
        f"生成时间：{key.created_at}\n"
        f"密钥：{groups}\n"
        f"核对值：{key.fingerprint}\n"
        "恢复：将本单导出的文件用 `secret import 文件` 导入。\n"
    )
