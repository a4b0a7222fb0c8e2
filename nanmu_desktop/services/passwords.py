"""Password hashes with `hashlib.scrypt`: a random salt and the cost parameters stored with each
hash, so parameters can be raised later without locking anyone out."""

from __future__ import annotations

import hashlib
import hmac
import secrets

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1  # ~16 MiB and a few tens of ms per check on an office PC
SALT_BYTES = 16
KEY_BYTES = 32
MIN_LENGTH = 6


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, N, R, P)
    return f"{SCHEME}${N}${R}${P}${salt.hex()}${key.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != SCHEME:
            return False
        derived = _derive(password, bytes.fromhex(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(derived, bytes.fromhex(key))


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable (Chinese), or None."""
    if len(password) < MIN_LENGTH:
        return f"密码至少需要 {MIN_LENGTH} 个字符。"
    if password.strip() != password:
        return "密码首尾不能是空格。"
    return None


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8", "surrogatepass"),
        salt=salt, n=n, r=r, p=p, maxmem=128 * r * (n + p + 2) * 2, dklen=KEY_BYTES,
    )
