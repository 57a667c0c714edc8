"""Read a YAML codebook, check it, and build the immutable model.

Every error names the file, the line and the field, because codebooks are edited by hand by
boards adapting them, and "invalid codebook" alone would send them hunting.
"""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

import yaml

from schema.codebook_model import FIELD_TYPES, Codebook, Field, Option, Section
from schema.errors import CodebookError
from schema.keywords import keyword_problem

TOP_KEYS = {"id", "version", "title", "description", "review_types", "categories",
            "option_sets", "sections", "tables", "brief"}
SECTION_KEYS = {"key", "label", "help", "repeat", "item_label", "fields"}
FIELD_KEYS = {"key", "label", "type", "options", "allow_na", "help", "min", "max"}
OPTION_KEYS = {"key", "label", "keywords", "exclusive"}
REVIEW_TYPE_KEYS = OPTION_KEYS | {"short"}
MAX_SHORT = 40
OPTION_TYPES = {"choice", "multi"}


class YamlMap(dict):
    """A mapping that remembers the line of itself and of each key."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}


class YamlList(list):
    """A sequence that remembers its line."""

    line: int = 0


class _LineLoader(yaml.SafeLoader):
    source = ""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    result = YamlMap()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if isinstance(key, dict | list):
            raise CodebookError("a key must be a plain name, not a block or a list",
                                source=loader.source, line=line)
        if key in result:
            raise CodebookError(f"the key '{key}' appears twice in one block",
                                source=loader.source, line=line, field=str(key))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> YamlList:
    result = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load_codebook(path: str | Path) -> Codebook:
    """Load and validate a codebook file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CodebookError("file not found", source=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError(f"cannot read the file ({exc})", source=str(path)) from None
    return parse_codebook(text, source=str(path))


def parse_codebook(text: str, source: str = "<codebook>") -> Codebook:
    """Validate codebook YAML text and build the model; raise CodebookError on the first fault."""
    data = _parse_yaml(text, source)
    checker = _Checker(source)
    checker.keys(data, TOP_KEYS, "codebook")
    for required in ("id", "version", "sections"):
        checker.require(data, required, "codebook")
    option_sets = _option_sets(checker, data.get("option_sets") or YamlMap())
    sections = tuple(checker.section(s, option_sets) for s in checker.items(data, "sections"))
    checker.unique_sections(sections)
    return Codebook(
        id=str(data["id"]),
        version=str(data["version"]),
        title=str(data.get("title") or data["id"]),
        review_types=checker.review_types(data),
        categories=checker.plain_options(data, "categories"),
        sections=sections,
        source_text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        extras={k: data[k] for k in ("tables", "brief", "description") if k in data},
    )


def _parse_yaml(text: str, source: str) -> YamlMap:
    try:
        loader = _LineLoader(text)
    except yaml.YAMLError as exc:
        raise CodebookError(f"the text cannot be read as YAML: {exc}", source=source) from None
    loader.source = source
    try:
        data = loader.get_single_data()
    except CodebookError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise CodebookError(f"YAML syntax error: {exc.problem or exc.context}",
                            source=source, line=line) from None
    except yaml.YAMLError as exc:
        raise CodebookError(f"YAML error: {exc}", source=source) from None
    finally:
        loader.dispose()
    if not isinstance(data, YamlMap):
        raise CodebookError("a codebook must be a YAML mapping with id, version and sections",
                            source=source, line=1)
    return data


def _option_sets(checker: _Checker, data: YamlMap) -> dict[str, tuple[Option, ...]]:
    if not isinstance(data, YamlMap):
        raise checker.error("option_sets must map names to option lists", None, "option_sets")
    return {name: checker.options(value, name, data.key_lines.get(name))
            for name, value in data.items()}


class _Checker:
    """Validation steps that share the source name for error messages."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.fields_seen: dict[str, int] = {}

    def error(self, message: str, line: int | None, field: str | None) -> CodebookError:
        return CodebookError(message, source=self.source, line=line, field=field)

    def keys(self, data: YamlMap, allowed: set[str], where: str) -> None:
        for key in data:
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                advice = f" (did you mean '{hint[0]}'?)" if hint else \
                    f" (allowed: {', '.join(sorted(allowed))})"
                raise self.error(f"unknown key '{key}' in {where}{advice}",
                                 data.key_lines.get(key), where)

    def require(self, data: YamlMap, key: str, where: str) -> None:
        if data.get(key) in (None, ""):
            raise self.error(f"'{key}' is required in {where}", data.line, where)

    def items(self, data: YamlMap, key: str) -> YamlList:
        value = data.get(key)
        if not isinstance(value, YamlList) or not value:
            raise self.error(f"'{key}' must be a non-empty list", data.key_lines.get(key), key)
        return value

    def mapping(self, value: object, line: int | None, where: str) -> YamlMap:
        if not isinstance(value, YamlMap):
            raise self.error(f"expected a mapping with 'key' and 'label', got {value!r}",
                             line, where)
        return value

    def options(self, value: object, where: str, line: int | None,
                allowed: set[str] = OPTION_KEYS) -> tuple[Option, ...]:
        if value is None:
            return ()
        if not isinstance(value, YamlList):
            raise self.error("an option list must be a YAML list", line, where)
        options: list[Option] = []
        for item in value:
            item = self.mapping(item, value.line, where)
            self.keys(item, allowed, f"an option of '{where}'")
            self.require(item, "key", f"an option of '{where}'")
            key = str(item["key"])
            if any(o.key == key for o in options):
                raise self.error(f"option key '{key}' appears twice", item.line, where)
            keywords = self._keywords(item, f"{where}.{key}")
            options.append(Option(key, str(item.get("label") or key), keywords,
                                  self._exclusive(item, where), item.line,
                                  self._short(item, f"{where}.{key}")))
        return tuple(options)

    def _short(self, item: YamlMap, where: str) -> str:
        """A review type's optional short label: one line of plain text, shorter than most."""
        if "short" not in item:
            return ""
        value = item["short"]
        line = item.key_lines.get("short", item.line)
        text = value.strip() if isinstance(value, str) else ""
        if not text or "\n" in text or len(text) > MAX_SHORT:
            raise self.error(f"'short' must be a label of one line and at most {MAX_SHORT} "
                             f"characters, such as \"Joint review\", got {value!r}; leave it "
                             f"out to use the full label", line, where)
        return text

    def _keywords(self, item: YamlMap, where: str) -> tuple[str, ...]:
        """An option's keywords, each written in the syntax of schema.keywords."""
        value = item.get("keywords")
        line = item.key_lines.get("keywords", item.line)
        if value is None:
            return ()
        if not isinstance(value, YamlList):
            raise self.error(f"'keywords' must be a list, such as [knife, stab*], got "
                             f"{value!r}", line, where)
        for keyword in value:
            problem = keyword_problem(keyword)
            if problem:
                raise self.error(f"{problem} (see the keyword rules in the codebook guide)",
                                 line, where)
        return tuple(str(k).strip() for k in value)

    def _exclusive(self, item: YamlMap, where: str) -> bool:
        value = item.get("exclusive", False)
        if not isinstance(value, bool):
            raise self.error(f"'exclusive' must be true or false, got {value!r}",
                             item.key_lines.get("exclusive", item.line), where)
        return value

    def review_types(self, data: YamlMap) -> tuple[Option, ...]:
        """Review types: plain options that may also carry a short label for headings."""
        options = self.options(data.get("review_types"), "review_types",
                               data.key_lines.get("review_types", data.line), REVIEW_TYPE_KEYS)
        self.no_exclusive(options, "review_types", "'review_types' is a list of labels, not "
                          "a multi field")
        return options

    def plain_options(self, data: YamlMap, key: str) -> tuple[Option, ...]:
        """Review types or categories: options that can never be exclusive."""
        options = self.options(data.get(key), key, data.key_lines.get(key, data.line))
        self.no_exclusive(options, key, f"'{key}' is a list of labels, not a multi field")
        return options

    def no_exclusive(self, options: tuple[Option, ...], where: str, why: str) -> None:
        """Refuse `exclusive: true` where nothing else can be ticked beside the option."""
        marked = next((o for o in options if o.exclusive), None)
        if marked is not None:
            raise self.error(f"option '{marked.key}' is marked exclusive, but exclusive is "
                             f"only for options of a multi field ({why})", marked.line, where)

    def section(self, data: object, option_sets: dict[str, tuple[Option, ...]]) -> Section:
        data = self.mapping(data, None, "sections")
        self.keys(data, SECTION_KEYS, "a section")
        self.require(data, "key", "a section")
        key = str(data["key"])
        self.fields_seen = {}
        fields = tuple(self.field(f, key, option_sets) for f in self.items(data, "fields"))
        return Section(key=key, label=str(data.get("label") or key), fields=fields,
                       repeat=bool(data.get("repeat", False)),
                       item_label=str(data.get("item_label") or data.get("label") or key),
                       help=str(data.get("help") or ""))

    def field(self, data: object, section: str,
              option_sets: dict[str, tuple[Option, ...]]) -> Field:
        data = self.mapping(data, None, section)
        self.keys(data, FIELD_KEYS, f"a field of section '{section}'")
        self.require(data, "key", f"a field of section '{section}'")
        key = str(data["key"])
        path = f"{section}.{key}"
        if key in self.fields_seen:
            raise self.error(f"duplicate field key '{key}' (first defined on line "
                             f"{self.fields_seen[key]})", data.line, path)
        self.fields_seen[key] = data.line
        ftype = data.get("type")
        if ftype not in FIELD_TYPES:
            hint = difflib.get_close_matches(str(ftype), FIELD_TYPES, n=1)
            advice = f"did you mean '{hint[0]}'? " if hint else ""
            raise self.error(f"unknown field type '{ftype}'; {advice}known types: "
                             f"{', '.join(FIELD_TYPES)}", data.key_lines.get("type", data.line),
                             path)
        options = self._field_options(data, path, option_sets)
        if ftype in OPTION_TYPES and not options:
            raise self.error(f"a {ftype} field needs at least one option", data.line, path)
        if ftype != "multi":
            self.no_exclusive(options, path, f"this is a {ftype} field, where one answer is "
                              f"chosen anyway")
        return Field(key=key, label=str(data.get("label") or key), type=ftype, section=section,
                     options=options, allow_na=bool(data.get("allow_na", False)),
                     help=str(data.get("help") or ""), minimum=data.get("min"),
                     maximum=data.get("max"), line=data.line)

    def _field_options(self, data: YamlMap, path: str,
                       option_sets: dict[str, tuple[Option, ...]]) -> tuple[Option, ...]:
        value = data.get("options")
        line = data.key_lines.get("options", data.line)
        if isinstance(value, str):
            if value not in option_sets:
                raise self.error(f"unknown option set '{value}'", line, path)
            return option_sets[value]
        return self.options(value, path, line)

    def unique_sections(self, sections: tuple[Section, ...]) -> None:
        seen: set[str] = set()
        for section in sections:
            if section.key in seen:
                raise self.error(f"section key '{section.key}' appears twice", None, section.key)
            seen.add(section.key)
