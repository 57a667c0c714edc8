"""An app-like writer for the shared-file tests: the real store thread, fed edits from a Qt
event loop as the window feeds it, acknowledging each edit once its callback has run.

Run as: python -m tests.safety.shared_file.app_writer PROJECT PREFIX SECONDS. It prints
"ready", then "ack REF" for each case whose creation committed, and "WAL-UNLINKED" if the
project's -wal file it is using is ever removed or replaced while it runs. It prints "done"
after closing cleanly, or "open-failed MESSAGE" when it could not open the project.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from desktop.store_thread import StoreThread


class Writer:
    def __init__(self, project: Path, prefix: str, seconds: float) -> None:
        self.project, self.prefix = project, prefix
        self.thread = StoreThread(project, "App Writer")
        self.count = 0
        self.wal_inode: int | None = None
        self.timer = QTimer(interval=15, timeout=self.edit)
        QTimer.singleShot(int(seconds * 1000), self.finish)
        self.thread.submit(lambda store: store.site, self.opened, self.failed)

    def opened(self, _site: object) -> None:
        print("ready", flush=True)
        self.timer.start()

    def failed(self, message: str) -> None:
        print(f"open-failed {message}", flush=True)
        self.timer.stop()
        self.thread.close()
        QCoreApplication.exit(3)

    def edit(self) -> None:
        self.count += 1
        reference = f"{self.prefix}-{self.count}"
        self.thread.submit(lambda store: store.create_case(reference, "DHR"),
                           lambda _case: self.acknowledged(reference), self.edit_failed)

    def acknowledged(self, reference: str) -> None:
        self.watch_wal()
        print(f"ack {reference}", flush=True)

    def edit_failed(self, message: str) -> None:
        print(f"edit-failed {message}", flush=True)

    def watch_wal(self) -> None:
        """The -wal belongs to this process's open connection: nobody else may remove it."""
        try:
            inode = os.stat(f"{self.project}-wal").st_ino
        except FileNotFoundError:
            inode = -1
        if self.wal_inode is None:
            self.wal_inode = inode
        elif inode != self.wal_inode:
            print("WAL-UNLINKED", flush=True)

    def finish(self) -> None:
        self.timer.stop()
        self.thread.close()
        print("done", flush=True)
        QCoreApplication.exit(0)


def main() -> int:
    app = QCoreApplication(sys.argv)
    writer = Writer(Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]))
    code = app.exec()
    del writer
    return code


if __name__ == "__main__":
    sys.exit(main())
