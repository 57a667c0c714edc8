"""The page list of the PDF viewer: thumbnails rendered lazily, only for rows that are shown.

The model answers for every page at once with a blank placeholder of the right shape; a
thumbnail is requested from a multi-threaded QPdfPageRenderer only when the list view asks
for that row's picture, so a 150-page document opens as fast as a 3-page one.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

THUMBNAIL_WIDTH = 96
Index = QModelIndex | QPersistentModelIndex


class PageThumbnailModel(QAbstractListModel):
    """One row per page: "N" as text, a thumbnail (or a placeholder) as decoration."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._document: QPdfDocument | None = None
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.pageRendered.connect(self._on_page_rendered)
        self._thumbnails: dict[int, QPixmap] = {}
        self._requested: set[int] = set()
        self._placeholder = QPixmap()
        self._size = QSize(THUMBNAIL_WIDTH, int(THUMBNAIL_WIDTH * 1.414))

    def set_document(self, document: QPdfDocument | None) -> None:
        self.beginResetModel()
        self._document = document
        self._renderer.setDocument(document)
        self._thumbnails.clear()
        self._requested.clear()
        self._size = self._thumbnail_size()
        self._placeholder = _placeholder(self._size)
        self.endResetModel()

    def thumbnail_size(self) -> QSize:
        return self._size

    def rendered_count(self) -> int:
        """How many thumbnails have been requested so far (the lazy-rendering measure)."""
        return len(self._requested)

    def is_rendered(self, page: int) -> bool:
        """Whether the thumbnail of a 0-based page has arrived."""
        return page in self._thumbnails

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        if parent.isValid() or self._document is None:
            return 0
        ready = self._document.status() == QPdfDocument.Status.Ready
        return self._document.pageCount() if ready else 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Page {page + 1}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(page)
        if role == Qt.ItemDataRole.SizeHintRole:
            return self._size + QSize(12, 24)
        return None

    def _thumbnail(self, page: int) -> QPixmap:
        pixmap = self._thumbnails.get(page)
        if pixmap is not None:
            return pixmap
        if page not in self._requested and self._document is not None:
            self._requested.add(page)
            self._renderer.requestPage(page, self._size, QPdfDocumentRenderOptions())
        return self._placeholder

    def _on_page_rendered(self, page: int, _size, image: QImage, _options, _request) -> None:
        if page not in self._requested or image.isNull():
            return
        self._thumbnails[page] = _framed(image)
        index = self.index(page)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _thumbnail_size(self) -> QSize:
        if self._document is None or self._document.pageCount() < 1:
            return QSize(THUMBNAIL_WIDTH, int(THUMBNAIL_WIDTH * 1.414))
        points = self._document.pagePointSize(0)
        height = THUMBNAIL_WIDTH * points.height() / max(points.width(), 1.0)
        return QSize(THUMBNAIL_WIDTH, max(1, round(height)))


def _placeholder(size: QSize) -> QPixmap:
    pixmap = QPixmap(size)
    pixmap.fill(QColor(245, 245, 245))
    return _framed(pixmap.toImage())


def _framed(image: QImage) -> QPixmap:
    """The page picture with a thin grey border, so white pages stand out from the list."""
    pixmap = QPixmap.fromImage(image)
    painter = QPainter(pixmap)
    painter.setPen(QColor(150, 150, 150))
    painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    painter.end()
    return pixmap


class PageList(QListView):
    """A vertical strip of page thumbnails; clicking one asks to show that page."""

    page_activated = Signal(int)  # 0-based page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = PageThumbnailModel(self)
        self.setModel(self.thumbnails)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(4)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clicked.connect(lambda index: self.page_activated.emit(index.row()))
        self.activated.connect(lambda index: self.page_activated.emit(index.row()))
        self.setMinimumWidth(THUMBNAIL_WIDTH + 24)

    def preferred_width(self) -> int:
        """Room for one thumbnail, the spacing and the scroll bar."""
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return THUMBNAIL_WIDTH + 2 * self.spacing() + scroll_bar + 12

    def set_document(self, document: QPdfDocument | None) -> None:
        self.thumbnails.set_document(document)
        self.setIconSize(self.thumbnails.thumbnail_size())

    def show_current(self, page: int) -> None:
        """Mark a 0-based page as the current one without navigating."""
        index = self.thumbnails.index(page)
        if not index.isValid():
            return
        blocked = self.blockSignals(True)
        self.setCurrentIndex(index)
        self.blockSignals(blocked)
        self.scrollTo(index)
