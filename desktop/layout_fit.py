"""Keeping the main window inside the screen it is on, with panes that fit and can move.

Council laptops have small screens (1366×768, or 1920×1080 at 125–150 % scaling, which Qt
reports as about 1536×864 or 1280×720 logical pixels). On every start the window is sized to
the available area of its screen (never larger), a remembered window geometry that no longer
fits is dropped, and after the window is shown a remembered splitter layout that would clip a
pane (the coding form's badges and buttons are at its right edge) is replaced by a default one
worked out from the width there is. `reset` does the same on request (View → Reset layout).

Everything is in logical pixels, so high-DPI scaling is honoured as Qt applies it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from desktop.settings import AppSettings

PREFERRED = QSize(1560, 940)  # the size the window opens at when the screen has room
FRAME_CHECKS_MS = (0, 300)  # after the first show: when to look for the frame again
LARGE_SCREEN_SHARE = 0.9  # of a screen with room to spare
MARGIN = 24  # room left around a window that does not fill the screen
DIALOG_MARGIN = 40  # pixels left around a dialog, for its frame and title bar
CASE_LIST_SHARE = 0.19  # of the splitter's width, between the limits below
CASE_LIST_LIMITS = (200, 280)
FORM_SHARE = 0.5  # of what the case list leaves, on a small screen (the form's minimum first)
WIDE_REST, VIEWER_SHARE_WIDE = 1260, 0.38  # above this the form may have all it asks for


def available_area(window: QWidget) -> QRect:
    """The part of the window's screen not taken by task bars and docks."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_window(window: QMainWindow, area: QRect | None = None) -> None:
    """Shrink the window to the available area if it is larger, and move all of it inside."""
    if window.isMaximized() or window.isFullScreen():
        return
    area = available_area(window) if area is None else area
    extra = _frame_extra(window)
    width = min(window.width(), area.width() - extra.width())
    height = min(window.height(), area.height() - extra.height())
    window.resize(max(width, 1), max(height, 1))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.x() + area.width() - frame.width())
    y = min(max(frame.y(), area.y()), area.y() + area.height() - frame.height())
    window.move(max(x, area.x()), max(y, area.y()))


def size_dialog(dialog: QWidget, width: int, height: int) -> None:
    """Open a dialog at the size it would like, or at most the screen's available area less a
    small margin (a 1366x768 laptop cannot hold a 1400-pixel table view and its buttons)."""
    area = available_area(dialog)
    margin = DIALOG_MARGIN
    dialog.resize(min(width, max(area.width() - margin, 1)),
                  min(height, max(area.height() - margin, 1)))


def default_size(area: QRect) -> QSize:
    """Most of a large screen (at least the preferred size), or all of a small one."""
    margin = MARGIN if area.width() > PREFERRED.width() + 2 * MARGIN else 0
    width = max(PREFERRED.width(), int(area.width() * LARGE_SCREEN_SHARE))
    height = max(PREFERRED.height(), int(area.height() * LARGE_SCREEN_SHARE))
    return QSize(min(width, area.width() - margin), min(height, area.height() - margin))


def restore_window(window: QMainWindow, settings: AppSettings,
                   area: QRect | None = None) -> None:
    """Open at the remembered geometry when it still fits the screen, else at the default."""
    area = available_area(window) if area is None else area
    place_default(window, area)
    geometry = settings.window_geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        return
    if not window.isMaximized() and not _inside(window.frameGeometry(), area):
        place_default(window, area)  # saved on a larger screen: start afresh
    fit_window(window, area)


class WindowFitter(QObject):
    """Places the window on start (`restore_window`) and, once shown, fits it again when the
    window manager's frame turns out to push it past the screen's edge. A size someone else
    set in between (a test, the user) is left alone."""

    def __init__(self, window: QMainWindow, settings: AppSettings) -> None:
        super().__init__(window)
        self.window = window
        restore_window(window, settings)
        self.placed = window.size()
        self._shown = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.window and event.type() == QEvent.Type.Show and not self._shown:
            self._shown = True
            for delay in FRAME_CHECKS_MS:  # frames arrive late on some window managers
                QTimer.singleShot(delay, self, self.refit)
        return False

    def refit(self) -> None:
        if self.window.size() == self.placed:
            fit_window(self.window)
            self.placed = self.window.size()

    def reset(self, settings: AppSettings) -> None:
        """Forget the remembered geometry and place the window at the default."""
        settings.clear_window_layout()
        if self.window.isMaximized():
            self.window.showNormal()
        place_default(self.window, available_area(self.window))
        fit_window(self.window)
        self.placed = self.window.size()


def place_default(window: QMainWindow, area: QRect) -> None:
    """The default size, centred in the area."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
    size = default_size(area)
    window.resize(size)
    window.move(area.x() + (area.width() - size.width()) // 2,
                area.y() + (area.height() - size.height()) // 2)


def splitter_fits(splitter: QSplitter) -> bool:
    """True when every pane is at least as wide as its minimum and none runs past the edge."""
    right = 0
    for index in range(splitter.count()):
        widget = splitter.widget(index)
        if widget.isHidden():
            continue
        if widget.width() < min_width(widget):
            return False
        right = max(right, widget.geometry().right() + 1)
    return right <= splitter.contentsRect().right() + 1


def default_sizes(splitter: QSplitter) -> list[int]:
    """Case list | viewer | form. The list gets a share within limits; the form at least its
    minimum, and on a wide window up to what it asks for (section list, labels beside
    editors); the viewer the rest, never below its minimum."""
    handles = splitter.handleWidth() * (splitter.count() - 1)
    total = max(splitter.contentsRect().width() - handles, 0)
    widgets = [splitter.widget(i) for i in range(3)]
    panel_min, viewer_min, form_min = (min_width(w) for w in widgets)
    low, high = CASE_LIST_LIMITS
    panel = max(panel_min, min(high, max(low, int(total * CASE_LIST_SHARE))))
    rest = total - panel
    if rest >= WIDE_REST:  # room for the section list and labels beside the editors
        viewer = max(viewer_min, int(rest * VIEWER_SHARE_WIDE))
        wanted = min(widgets[2].sizeHint().width(), rest - viewer)
    else:
        wanted = min(int(rest * FORM_SHARE), rest - viewer_min)
    form = max(form_min, wanted)
    return [panel, max(rest - form, 0), form]


def min_width(widget: QWidget) -> int:
    """The width a layout will not squeeze the widget below."""
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())


class SplitterGuard(QObject):
    """Watches the main splitter. On first show it applies the remembered pane widths if
    they fit the width the window really has by then, else the default ones; afterwards it
    keeps every pane at least at its minimum (a form that needs more room once a codebook
    is shown), and applies the default widths when asked."""

    def __init__(self, splitter: QSplitter, sizes: list[int] | None) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self._saved = sizes
        self._want_default = True
        self._scheduled = False
        # The default widths last given and what the splitter made of them, while kept.
        self._applied: tuple[list[int], list[int]] | None = None
        splitter.installEventFilter(self)

    def request_default(self) -> None:
        self._want_default = True
        self._schedule()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is not self.splitter:
            return False
        if event.type() == QEvent.Type.Show and self._saved is not None:
            saved, self._saved = self._saved, None
            if saved_sizes_fit(self.splitter, saved):
                self._want_default = False
                self.splitter.setSizes(saved)
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._schedule()
        return False

    def _schedule(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self.check)

    def check(self) -> None:
        """Apply the default widths if asked for; if a pane is below its minimum or cut off,
        let the splitter share the width out again, and fall back to the default."""
        self._scheduled = False
        if not self.splitter.isVisible() or self.splitter.width() <= 0:
            return
        sizes = self.splitter.sizes()
        if not self._want_default and not splitter_fits(self.splitter):
            self.splitter.setSizes(sizes)
            self._want_default = not splitter_fits(self.splitter)
        # Default widths nobody has dragged follow what the panes now ask for (the form asks
        # for more once a codebook is shown).
        untouched = self._applied is not None and sizes == self._applied[1]
        wanted = default_sizes(self.splitter)
        if self._want_default or (untouched and wanted != self._applied[0]):
            self._want_default = False
            self.splitter.setSizes(wanted)
            self._applied = (wanted, self.splitter.sizes())
        elif not untouched:
            self._applied = None


def saved_sizes_fit(splitter: QSplitter, sizes: list[int]) -> bool:
    """Remembered widths fit when there is one per pane, none is zero, and together they are
    no wider than the splitter is now (a layout from a wider screen is dropped)."""
    handles = splitter.handleWidth() * (splitter.count() - 1)
    return len(sizes) == splitter.count() and all(size > 0 for size in sizes) and \
        sum(sizes) + handles <= splitter.contentsRect().width()


def reset(fitter: WindowFitter, settings: AppSettings, guard: SplitterGuard) -> None:
    """View → Reset layout: forget what was remembered and lay the window out afresh."""
    fitter.reset(settings)
    guard.request_default()


def _inside(rect: QRect, area: QRect) -> bool:
    return area.contains(rect)


def _frame_extra(window: QWidget) -> QSize:
    """What the window manager's frame adds to the window (zero before the first show)."""
    frame, inner = window.frameGeometry(), window.geometry()
    return QSize(max(frame.width() - inner.width(), 0), max(frame.height() - inner.height(), 0))

