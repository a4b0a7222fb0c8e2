"""An argparse parser that speaks Chinese: usage, help headings and error lines."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's own error texts (Python 3.11–3.13) → the Chinese line the clerk sees.
_ERROR_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^the following arguments are required: (.+)$"), "缺少必需的参数：{0}"),
    (re.compile(r"^unrecognized arguments: (.+)$"), "无法识别的参数：{0}"),
    (
        re.compile(r"^argument (.+?): invalid choice: (.+?) \(choose from (.+)\)$"),
        "参数 {0} 的取值 {1} 无效，可选：{2}",
    ),
    (re.compile(r"^argument (.+?): invalid (\w+) value: (.+)$"), "参数 {0} 的取值 {2} 格式不对"),
    (re.compile(r"^argument (.+?): expected one argument$"), "参数 {0} 后面需要一个值"),
    (
        re.compile(r"^argument (.+?): not allowed with argument (.+)$"),
        "参数 {0} 不能与 {1} 同时使用",
    ),
    (re.compile(r"^ambiguous option: (.+?) could match (.+)$"), "选项 {0} 有歧义，可能是：{1}"),
)


def translate_error(message: str) -> str:
    """The Chinese form of one argparse error message (unknown ones are kept as they are)."""
    for pattern, template in _ERROR_PATTERNS:
        match = pattern.match(message)
        if match:
            return template.format(*match.groups())
    return message


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help text with a Chinese usage prefix."""

    def add_usage(
        self,
        usage: str | None,
        actions: object,
        groups: object,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "用法：")  # type: ignore[arg-type]


class ChineseArgumentParser(argparse.ArgumentParser):
    """Chinese headings, a Chinese -h, and errors as one Chinese line with exit status 2."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(
            f"{self.prog}：参数错误：{translate_error(message)}（运行 {self.prog} -h 查看用法）\n"
        )
        raise SystemExit(2)
