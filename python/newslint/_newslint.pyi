"""Type stubs of the extension module; the public API is `newslint.Linter` and `newslint.rules`."""

from typing import Optional

__version__: str

class _Linter:
    def __init__(self, path: Optional[str] = None, config_json: Optional[str] = None) -> None: ...
    def lint_json(self, text: str, path: Optional[str] = None) -> str: ...
    def lint_columns(
        self, texts: list[str], threads: int = 1
    ) -> tuple[
        list[int],
        list[str],
        list[str],
        list[str],
        list[int],
        list[int],
        list[int],
        list[int],
        list[int],
        list[int],
    ]: ...
    def fix(self, text: str, unsafe_fixes: bool = False) -> str: ...
    def selected(self) -> list[str]: ...

def rules_json() -> str: ...
