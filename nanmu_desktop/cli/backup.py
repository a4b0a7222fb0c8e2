"""`backup -o DIR`, `restore FILE` and `secret show|export|import|init` (the audit key's
recovery sheet). Heavy imports stay inside the handlers; nothing here imports Qt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from nanmu_desktop.errors import NanmuError, Problem, ValidationError


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup", help="备份数据库到指定文件夹（程序运行时也可安全备份）"
    )
    backup.add_argument("-o", "--output", required=True, type=Path, metavar="文件夹")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="从备份文件恢复数据库：先显示备份内容并检查，当前文件先另行备份",
        description="恢复前显示备份的日期、案件数和最后一个文号并检查；当前数据库先备份到"
        "“恢复前备份”文件夹（或 --keep 指定处）；文号最高号保留，已签发过的文号不会重用。",
    )
    restore.add_argument("file", type=Path, metavar="备份文件")
    restore.add_argument("--keep", type=Path, metavar="文件夹", help="当前数据库的备份放在此处")
    restore.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    restore.add_argument("--force", action="store_true", help="备份未通过检查时也恢复")
    restore.set_defaults(handler=run_restore)

    secret = subparsers.add_parser("secret", help="审计密钥：查看、导出、导入恢复单")
    actions = secret.add_subparsers(title="操作", dest="action", metavar="操作", required=True)
    show = actions.add_parser("show", help="显示可打印的审计密钥恢复单")
    show.set_defaults(handler=run_secret_show)
    export = actions.add_parser("export", help="把审计密钥导出到文件（与备份分开保管）")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="文件")
    export.set_defaults(handler=run_secret_export)
    imported = actions.add_parser("import", help="导入审计密钥文件（换电脑或恢复后）")
    imported.add_argument("file", type=Path, metavar="文件")
    imported.set_defaults(handler=run_secret_import)
    init = actions.add_parser("init", help="现在生成审计密钥（可选国密 SM3）")
    init.add_argument("--hash", default="sha256", choices=("sha256", "sm3"), help="HMAC 的哈希算法")
    init.set_defaults(handler=run_secret_init)


def run_backup(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.backup import backup_database, check_target_folder

    check_target_folder(args.output)  # before the database is opened or anything written
    db = open_cli_database(args, create=False)
    try:
        info = backup_database(db, args.output)
    finally:
        db.close()
    sys.stdout.write(f"备份完成：{info.path}（{info.size / 1_048_576:.1f} MB）\n")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import database_path
    from nanmu_desktop.services.restore import inspect_backup, restore_database
    from nanmu_desktop.storage.instance_lock import DatabaseInUseError, InstanceLock

    target = database_path(args)
    summary = inspect_backup(args.file)
    sys.stdout.write(describe_summary(summary))
    if summary.problems and not args.force:
        raise NanmuError("备份未通过检查，未恢复（确认仍要恢复请加 --force）。")
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError([Problem("--yes", "非交互运行时请加 --yes 确认恢复")])
        answer = input(f"用此备份替换“{target}”？当前文件会先另行备份。[y/N] ")
        if answer.strip().lower() not in ("y", "yes", "是"):
            sys.stdout.write("已取消，未做任何改动。\n")
            return 1
    try:
        lock = InstanceLock.acquire(target)
    except DatabaseInUseError as err:
        raise NanmuError(f"{err.message}请先关闭该程序再恢复。") from err
    try:
        result = restore_database(target, args.file, keep_folder=args.keep, force=args.force)
    finally:
        lock.release()
    if result.kept is not None:
        sys.stdout.write(f"原数据库已备份到：{result.kept.path}\n")
    for line in result.carried:
        sys.stdout.write(f"文号保留：{line}，后续从下一号起编。\n")
    sys.stdout.write(f"恢复完成：{target}\n")
    return 0


def describe_summary(summary: Any) -> str:
    when = summary.last_change.astimezone().strftime("%Y-%m-%d %H:%M") if summary.last_change \
        else "（无记录）"
    lines = [
        f"备份文件：{summary.path}",
        f"最后修改：{when}",
        f"案件：{summary.cases} 件；已签发文书：{summary.documents} 份；"
        f"最后文号：{summary.last_number or '（无）'}",
        "检查：通过" if summary.ok else "检查：未通过——" + "；".join(summary.problems),
    ]
    return "\n".join(lines) + "\n"


def _database_id(args: argparse.Namespace) -> str:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.storage.audit import meta_value

    db = open_cli_database(args, create=False)
    try:
        with db.session() as session:
            database_id = meta_value(session, "database_id")
    finally:
        db.close()
    if database_id is None:
        raise NanmuError("数据库中没有数据库标识。")
    return database_id


def _key(args: argparse.Namespace) -> Any:
    from nanmu_desktop.storage.chain_key import load_key

    database_id = _database_id(args)
    key = load_key(database_id)
    if key is None:
        raise NanmuError(
            f"本机还没有该数据库（标识 {database_id}）的审计密钥：首次写入时生成，"
            "也可用 secret init 现在生成。"
        )
    return key


def run_secret_show(args: argparse.Namespace) -> int:
    from nanmu_desktop.storage.chain_key import recovery_sheet

    sys.stdout.write(recovery_sheet(_key(args)))
    return 0


def run_secret_export(args: argparse.Namespace) -> int:
    from nanmu_desktop.files import write_atomically

    key = _key(args)
    try:
        write_atomically(args.output, key.to_json().encode("utf-8"))
    except OSError as err:
        raise NanmuError(f"无法写入“{args.output}”：{err.strerror or err}") from err
    sys.stdout.write(f"审计密钥已导出：{args.output}（请与备份分开妥善保管）\n")
    return 0


def run_secret_import(args: argparse.Namespace) -> int:
    from nanmu_desktop.storage.chain_key import load_key, parse_key, store_key

    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as err:
        raise NanmuError(f"无法读取“{args.file}”：{err.strerror or err}") from err
    key = parse_key(text, str(args.file))
    database_id = _database_id(args)
    if key.database_id != database_id:
        raise NanmuError(
            f"该密钥属于另一数据库（标识 {key.database_id}），当前数据库标识为 {database_id}。"
        )
    existing = load_key(database_id)
    if existing is not None and existing.key != key.key:
        raise NanmuError("本机已有该数据库的另一把审计密钥，未覆盖。")
    store_key(key, replace=True)
    sys.stdout.write(f"已导入审计密钥（核对值 {key.fingerprint}）。\n")
    return 0


def run_secret_init(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.common import DEFAULT_ACTOR, audit

    db = open_cli_database(args)
    db_hash = args.hash
    try:
        from nanmu_desktop.storage.chain_key import available_hashes, load_key

        if db_hash not in available_hashes():
            raise ValidationError([Problem("--hash", f"本机的 OpenSSL 不提供 {db_hash}")])
        database_id = _database_id(args)
        if load_key(database_id) is not None:
            raise NanmuError("该数据库已有审计密钥；用 secret show 查看。")
        db.close()
        db = _reopen_with_hash(args, db_hash)
        with db.write_session() as session:  # the first keyed row makes the key
            audit(session, DEFAULT_ACTOR, "key_created", "database", 1, None, {"hash": db_hash})
    finally:
        db.close()
    sys.stdout.write(f"已生成审计密钥（HMAC-{db_hash.upper()}）；请用 secret show 打印恢复单。\n")
    return 0


def _reopen_with_hash(args: argparse.Namespace, chain_hash: str) -> Any:
    from nanmu_desktop.cli.support import database_path
    from nanmu_desktop.storage.db import open_database

    return open_database(database_path(args), chain_hash=chain_hash)
