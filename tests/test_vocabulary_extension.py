"""Vocabulary extensions: ``parse_speech(text, vocabulary=...)`` and ``--vocabulary FILE``.

Each word, chrome line and suffix used here is absent from the built-in data (asserted), so
each test shows the extension doing the work; the default path stays byte-identical."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech import (
    InputError,
    Vocabulary,
    VocabularyError,
    load_vocabulary,
    parse_json,
    parse_speech,
    using_vocabulary,
)
from officialspeech.batch.records import _LOADED, WithVocabulary
from officialspeech.batch.sources import Document
from officialspeech.cli import main
from officialspeech.vocab import vocabulary
from spanchecks import check_spans, contract_violations

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = json.loads((ROOT / "src/officialspeech/data/vocab.json").read_text("utf-8"))
CHROME = (ROOT / "src/officialspeech/data/chrome.json").read_text("utf-8")

ADDRESSEE = "诸位学友"  # (no 们, no 全体/各位 before a role: such an address at a line start is found without the word)
CLOSING = "我就讲这些"
SUFFIX = "｜公文之家"  # (a site name without 网 or 文库: the built-in site suffixes do not know it)
CHROME_LINE = "范文来自公文范文网会员整理，仅供学习交流"
EXTENSION: dict[str, Any] = {
    "salutation": {"addressees": [ADDRESSEE]},
    "closing_words": [CLOSING],
    "title_suffixes": [SUFFIX],
    "chrome": {"families": {"fanwen": {"lines": [
        {"name": "fanwen_note", "where": "edges", "pattern": "^范文来自公文范文网[^，,]{0,10}[，,].{0,30}$"}]}}},
}
VOC = load_vocabulary(EXTENSION)

TITLE = "在全市青年干部培训班开班式上的讲话"
BODY = ("今天，全市青年干部培训班正式开班了。借此机会，我讲两点意见。\n"
        "一、提高政治站位\n青年干部要把讲政治摆在首位，始终做到对党忠诚。\n"
        "二、练就过硬本领\n要坚持干什么学什么、缺什么补什么，在实践中增长才干。\n")


def speech_text(*, chrome: str = "", suffix: str = "", salutation: str = "同志们：", closing: str = "") -> str:
    head = f"{chrome}\n" if chrome else ""
    tail = f"{closing}\n" if closing else ""
    return f"{head}{TITLE}{suffix}\n{salutation}\n{BODY}{tail}"


def test_the_words_used_here_are_not_built_in() -> None:
    assert ADDRESSEE not in BUILTIN["salutation"]["addressees"]
    assert CLOSING not in BUILTIN["closing_words"]
    assert SUFFIX not in CHROME
    assert "公文范文网" not in CHROME


# ---------------------------------------------------------------- what an extension finds

_paragraphs = st.lists(st.sampled_from([
    "我们要坚定信心，迎难而上。", "各项工作取得了新的进展。", "要把握正确方向，狠抓工作落实。",
    "大家要珍惜这次学习机会。"]), min_size=1, max_size=4).map("".join)


@settings(max_examples=25, deadline=None)
@given(_paragraphs, st.sampled_from(["：", ":"]))
def test_a_salutation_word_is_found_only_with_the_extension(paragraph: str, colon: str) -> None:
    text = f"{TITLE}\n{ADDRESSEE}{colon}\n{paragraph}\n{BODY}"
    plain = parse_speech(text)
    extended = parse_speech(text, vocabulary=VOC)
    assert plain.salutation is None or ADDRESSEE not in plain.salutation.text
    assert extended.salutation is not None
    assert extended.salutation.text == ADDRESSEE + colon
    check_spans(text, extended)


@settings(max_examples=25, deadline=None)
@given(_paragraphs, st.sampled_from(["。", "！", ""]))
def test_a_closing_word_is_found_only_with_the_extension(paragraph: str, end: str) -> None:
    text = speech_text() + paragraph + "\n" + CLOSING + end + "\n"
    plain = parse_speech(text)
    extended = parse_speech(text, vocabulary=VOC)
    assert plain.closing is None
    assert extended.closing is not None
    assert extended.closing.text.startswith(CLOSING)
    assert text[extended.closing.span.start:extended.closing.span.end] == extended.closing.text
    check_spans(text, extended)


def test_a_custom_chrome_line_is_cut_only_with_the_extension() -> None:
    text = speech_text(chrome=CHROME_LINE)
    plain = parse_speech(text)
    extended = parse_speech(text, vocabulary=VOC)
    assert CHROME_LINE not in [c.text for c in plain.chrome]
    hits = [c for c in extended.chrome if c.text == CHROME_LINE]
    assert len(hits) == 1
    assert hits[0].site == "fanwen"
    assert hits[0].rule == "fanwen_note"
    assert extended.title is not None
    assert extended.title.text == TITLE
    assert not contract_violations(text, extended)


def test_an_extension_adds_character_variants_that_every_chrome_pattern_matches() -> None:
    # 上一則 needs 则 -> 則 (built in); 上壹篇 (壹 for 一, as some pages write it) needs the extension
    text = "在全县工作会议上的讲话\n同志们：\n今天开会。\n谢谢大家！\n上壹篇：全市工作会议召开\n"
    plain = parse_speech(text)
    extended = parse_speech(text, vocabulary={"chrome": {"variant_chars": {"一": "壹"}}})
    assert "pager" not in [c.rule for c in plain.chrome]
    assert [c.rule for c in extended.chrome] == ["pager"]
    assert extended.closing is not None
    assert extended.closing.text == "谢谢大家！"


@pytest.mark.parametrize("shape", ["lines", "flat"])
def test_a_title_suffix_is_cut_off_the_title(shape: str) -> None:
    text = speech_text(suffix=SUFFIX)
    if shape == "flat":
        text = text.replace("\n", "")
    plain = parse_speech(text)
    extended = parse_speech(text, vocabulary=VOC)
    assert plain.title is not None
    assert plain.title.text.endswith(SUFFIX)
    assert extended.title is not None
    assert extended.title.text == TITLE
    hit = next(c for c in extended.chrome if c.text == SUFFIX)
    assert (hit.site, hit.rule) == ("extension", "title_suffix")
    assert text[hit.span.start:hit.span.end] == SUFFIX
    assert not contract_violations(text, extended)


def test_a_title_suffix_is_cut_only_at_the_end_of_the_line() -> None:
    voc = load_vocabulary({"title_suffixes": ["范文"]})
    text = f"关于范文写作的讲话\n同志们：\n{BODY}"
    assert parse_speech(text, vocabulary=voc).model_dump_json() == parse_speech(text).model_dump_json()


STEPS = {"第一步": "first", "第二步": "next", "第三步": "next", "最后一步": "last"}


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=2, max_value=3), st.sampled_from(["，", ","]), st.booleans())
def test_sequence_words_make_points_only_with_the_extension(n: int, comma: str, last: bool) -> None:
    assert not set(STEPS) & set(BUILTIN["point_sequence_words"])
    words = [*list(STEPS)[:n], *(["最后一步"] if last else [])]
    items = ["摸清底数，逐村排查隐患。", "落实责任，明确到岗到人。", "强化演练，提高应急能力。", "总结经验，形成长效机制。"]
    para = "做好防汛工作要分几步走。" + "".join(f"{w}{comma}{item}" for w, item in zip(words, items, strict=False))
    text = f"{TITLE}\n同志们：\n今天开会。\n{para}\n"
    voc = load_vocabulary({"point_sequence_words": STEPS})
    plain = [p.marker for p in parse_speech(text).points()]
    extended = parse_speech(text, vocabulary=voc)
    assert not set(plain) & set(STEPS)
    assert [p.marker for p in extended.points()] == words
    assert not contract_violations(text, extended)


def test_a_sequence_word_can_require_what_follows() -> None:
    voc = load_vocabulary({"point_sequence_words": {"第一步": "first", "第二步": "next"},
                           "point_sequence_requires": {"第一步": "[，,]", "第二步": "[，,]"}})
    text = f"{TITLE}\n同志们：\n今天开会。\n分两步走。第一步，摸清底数。第二步，落实责任。我们第一步走得很稳。\n"
    markers = [p.marker for p in parse_speech(text, vocabulary=voc).points()]
    assert markers == ["第一步", "第二步"]


# ---------------------------------------------------------------- the default path

@pytest.mark.parametrize("text", [speech_text(suffix=SUFFIX, salutation=ADDRESSEE + "：", closing=CLOSING),
                                  speech_text(chrome=CHROME_LINE), ""])
def test_without_a_vocabulary_nothing_changes_and_nothing_leaks(text: str) -> None:
    before = parse_json(text)
    assert parse_json(text, vocabulary=None) == before
    assert parse_json(text, vocabulary=VOC) == parse_speech(text, vocabulary=VOC).model_dump_json()
    assert parse_json(text) == before  # the extension was active only for that call
    assert vocabulary() is not VOC


def test_an_empty_extension_parses_as_the_built_in_vocabulary() -> None:
    text = speech_text(chrome=CHROME_LINE, suffix=SUFFIX, salutation=ADDRESSEE + "：", closing=CLOSING)
    assert parse_json(text, vocabulary={}) == parse_json(text)
    assert parse_json(text, vocabulary={"closing_words": ["谢谢大家"]}) == parse_json(text)


def test_using_vocabulary_is_per_thread() -> None:
    text = speech_text(salutation=ADDRESSEE + "：")
    seen: dict[str, str | None] = {}

    def other() -> None:
        s = parse_speech(text)
        seen["other"] = s.salutation.text if s.salutation else None

    with using_vocabulary(VOC):
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        s = parse_speech(text)
        seen["this"] = s.salutation.text if s.salutation else None
    assert seen == {"this": ADDRESSEE + "：", "other": None}


# ---------------------------------------------------------------- loading and merging

def test_load_from_json_toml_dict_and_object(tmp_path: Path) -> None:
    js = tmp_path / "v.json"
    js.write_text(json.dumps(EXTENSION, ensure_ascii=False), "utf-8")
    toml = tmp_path / "v.toml"
    toml.write_text(f'closing_words = ["{CLOSING}"]\ntitle_suffixes = ["{SUFFIX}"]\n'
                    f'[salutation]\naddressees = ["{ADDRESSEE}"]\n', "utf-8")
    text = speech_text(suffix=SUFFIX, salutation=ADDRESSEE + "：", closing=CLOSING)
    from_dict = parse_json(text, vocabulary=EXTENSION)
    assert parse_json(text, vocabulary=str(js)) == from_dict
    assert parse_json(text, vocabulary=js) == from_dict
    assert parse_json(text, vocabulary=toml) == from_dict  # the chrome line is absent from this text
    assert load_vocabulary(VOC) is VOC
    assert isinstance(VOC, Vocabulary)
    assert VOC.source == "<dict>"


def test_lists_are_extended_once_objects_merged_scalars_replaced() -> None:
    voc = load_vocabulary({"closing_words": ["谢谢大家", CLOSING, CLOSING], "max_title_length": 80,
                           "salutation": {"honorifics": ["尊敬的各位"]}})
    assert voc.data["closing_words"] == [*BUILTIN["closing_words"], CLOSING]
    assert voc.max_title_length == 80
    assert voc.data["salutation"]["addressees"] == BUILTIN["salutation"]["addressees"]
    assert voc.data["salutation"]["honorifics"] == [*BUILTIN["salutation"]["honorifics"], "尊敬的各位"]
    assert vocabulary().max_title_length == BUILTIN["max_title_length"]


BAD: list[tuple[str, str]] = [
    ('{"salutaton": {"addressees": ["x们"]}}', "salutaton"),
    ('{"salutation": {"adressees": ["x们"]}}', "salutation.adressees"),
    ('{"closing_words": "我就讲这些"}', "closing_words"),
    ('{"closing_words": ["ok", 3]}', "closing_words[1]"),
    ('{"closing_words": [""]}', "closing_words[0]"),
    ('{"max_title_length": "long"}', "max_title_length"),
    ('{"max_title_length": true}', "max_title_length"),
    ('{"sentence_end": "[。"}', "sentence_end"),
    ('{"salutation": []}', "salutation"),
    ('{"title_suffixes": [1]}', "title_suffixes[0]"),
    ('{"point_sequence_words": {"第一步": "second"}}', "point_sequence_words.第一步"),
    ('{"point_sequence_words": ["第一步"]}', "point_sequence_words"),
    ('{"point_sequence_requires": {"第九步": "[，,]"}}', "point_sequence_requires.第九步"),
    ('{"point_sequence_requires": {"下面": "[，"}}', "point_sequence_requires.下面"),
    ('{"chrome": {"families": {"s": {"lines": [{"name": "a", "where": "edges"}]}}}}', "chrome.families.s.lines[0]"),
    ('{"chrome": {"families": {"s": {"lines": [{"name": "a", "where": "top", "pattern": "^x$"}]}}}}',
     "chrome.families.s.lines[0].where"),
    ('{"chrome": {"families": {"s": {"lines": [{"name": "a", "where": "edges", "pattern": "^(x$"}]}}}}',
     "chrome.families.s.lines[0].pattern"),
    ('{"chrome": {"families": {"s": {"rows": []}}}}', "chrome.families.s.rows"),
    ('{"chrome": {"families": {"s": {"after_end": [{"name": "a"}]}}}}', "chrome.families.s.after_end[0]"),
    ('{"chrome": {"families": {"s": {"after_end": [{"name": "a", "pattern": "(x"}]}}}}',
     "chrome.families.s.after_end[0].pattern"),
    ('{"chrome": {"html": {}}}', "chrome.html"),
    ('{"chrome": {"words": {"actions": "x"}}}', "chrome.words.actions"),
    ('{"chrome": {"variant_chars": {"页": "頁頁"}}}', "chrome.variant_chars"),
    ('{"chrome": {"variant_chars": ["页"]}}', "chrome.variant_chars"),
    ("[1, 2]", "JSON object"),
    ('{"closing_words": [', "not valid JSON"),
]


@pytest.mark.parametrize(("content", "names"), BAD)
def test_a_bad_extension_is_a_one_line_error_naming_the_key(content: str, names: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(VocabularyError) as err:
        load_vocabulary(path)
    message = str(err.value)
    assert "\n" not in message
    assert names in message
    assert str(path) in message
    assert isinstance(err.value, InputError)


def test_bad_sources_are_errors(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="no such vocabulary file"):
        load_vocabulary(tmp_path / "missing.json")
    with pytest.raises(VocabularyError, match="folder"):
        load_vocabulary(tmp_path)
    (tmp_path / "bad.toml").write_text("closing_words = [", "utf-8")
    with pytest.raises(VocabularyError, match="not valid TOML"):
        load_vocabulary(tmp_path / "bad.toml")
    with pytest.raises(VocabularyError, match="not int"):
        load_vocabulary(3)  # type: ignore[arg-type]
    with pytest.raises(VocabularyError):
        parse_speech("同志们：", vocabulary={"nope": 1})


# ---------------------------------------------------------------- the command line

@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    talk = tmp_path / "talk.txt"
    talk.write_text(speech_text(suffix=SUFFIX, salutation=ADDRESSEE + "：", closing=CLOSING), "utf-8")
    voc = tmp_path / "voc.json"
    voc.write_text(json.dumps(EXTENSION, ensure_ascii=False), "utf-8")
    return talk, voc


def test_cli_parse_and_outline_use_the_vocabulary(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    talk, voc = files
    assert main(["parse", str(talk), "--vocabulary", str(voc)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"]["text"] == TITLE
    assert data["salutation"]["text"] == ADDRESSEE + "："
    assert data["closing"]["text"].startswith(CLOSING)
    assert main(["parse", str(talk)]) == 0
    assert json.loads(capsys.readouterr().out)["salutation"] is None
    assert main(["outline", str(talk), "--vocabulary", str(voc)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == TITLE
    assert ADDRESSEE in out


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("command", ["parse", "chunk"])
def test_cli_batch_workers_use_the_vocabulary(files: tuple[Path, Path], tmp_path: Path, jobs: str,
                                              command: str) -> None:
    talk, voc = files
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(70):  # more than two batches: the worker process converts some
        (folder / f"{i:03}.txt").write_text(talk.read_text("utf-8"), "utf-8")
    out = tmp_path / "out.jsonl"
    argv = [command, str(folder), "-o", str(out), "--jobs", jobs, "--progress", "never", "--vocabulary", str(voc)]
    assert main(argv) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    if command == "parse":
        assert len(records) == 70
        assert all(r["salutation"]["text"] == ADDRESSEE + "：" and r["title"]["text"] == TITLE for r in records)
    else:
        assert records
        assert not any(SUFFIX in r["text"] for r in records)


def test_a_worker_loads_the_file_itself(files: tuple[Path, Path]) -> None:
    talk, voc = files
    convert = pickle.loads(pickle.dumps(WithVocabulary(str(voc))))  # what a worker receives: the path
    _LOADED.clear()
    doc = Document(id="t", text=talk.read_text("utf-8"))
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        line, ok = pool.apply(convert, (doc,))
    assert ok
    assert json.loads(line)["salutation"]["text"] == ADDRESSEE + "："


@pytest.mark.parametrize("command", ["parse", "outline", "check", "chunk", "view"])
@pytest.mark.parametrize(("content", "names"), [(None, "no such vocabulary file"), ('{"opener": []}', "opener"),
                                                 ("{", "not valid JSON")])
def test_cli_bad_vocabulary_is_one_line_and_exit_2(command: str, content: str | None, names: str,
                                                    files: tuple[Path, Path], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    talk, _ = files
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, "utf-8")
    assert main([command, str(talk), "--vocabulary", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert names in lines[0]
    assert str(bad) in lines[0]
    assert "Traceback" not in captured.err


def test_an_extension_active_first_leaks_into_no_process_wide_cache(tmp_path: Path) -> None:
    """In a fresh process whose first parse has an extension, the patterns cached for the
    whole process are still the built-in ones, and a default parse after it is as in a
    process that never saw the extension."""
    import subprocess
    import sys

    script = tmp_path / "first.py"
    script.write_text(
        "import sys\n"
        "from officialspeech import parse_json\n"
        "from officialspeech.parse.headings import titleend\n"
        "text = open(sys.argv[2], encoding='utf-8').read()\n"
        "if sys.argv[1] == 'ext':\n"
        "    from officialspeech import load_vocabulary, using_vocabulary\n"
        "    v = load_vocabulary({'openers': ['乡镇干部'], 'title_finals': ['秋冬种生产'],\n"
        "                         'point_sequence_words': {'第一步': 'first'}})\n"
        "    parse_json(text, vocabulary=v)\n"
        "    with using_vocabulary(v):  # whatever the stages call first, under the extension\n"
        "        for f in (titleend.point_marker, titleend._body_openers, titleend._title_finals,\n"
        "                  titleend.opener_strength):\n"
        "            f()\n"
        "    assert '第一步' not in titleend.point_marker().pattern\n"
        "    assert '乡镇干部' not in titleend._body_openers().pattern\n"
        "    assert '乡镇干部' not in titleend.opener_strength().pattern\n"
        "    assert '秋冬种生产' not in titleend._title_finals().pattern\n"
        "sys.stdout.write(parse_json(text))\n", "utf-8")
    talk = tmp_path / "talk.txt"
    talk.write_text(f"{TITLE}\n同志们：\n今天开会。\n一、抓紧抓实秋冬种生产乡镇干部要深入田间地头，帮助群众解决实际困难。\n"
                    "二、加强农田水利建设乡镇干部要组织劳力清淤除障。\n", "utf-8")
    runs = [subprocess.run([sys.executable, str(script), mode, str(talk)], capture_output=True, text=True,
                           check=False, timeout=120) for mode in ("ext", "plain")]
    assert runs[0].returncode == 0, runs[0].stderr[-2000:]
    assert runs[0].stdout == runs[1].stdout


def test_cli_check_reads_the_speech_with_the_vocabulary(files: tuple[Path, Path],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    _, voc = files
    talk = voc.parent / "plain_title.txt"
    talk.write_text(speech_text(salutation=ADDRESSEE + "："), "utf-8")
    argv = ["check", str(talk), "--select", "S503", "--format", "json", "--no-config"]
    main(argv)
    plain = json.loads(capsys.readouterr().out)
    main([*argv, "--vocabulary", str(voc)])
    extended = json.loads(capsys.readouterr().out)

    def codes(report: Any) -> list[str]:
        items = report if isinstance(report, list) else report.get("diagnostics", report.get("findings", []))
        return [d.get("code") for d in items]

    assert "S503" in codes(plain)  # 诸位学友： is no salutation without the extension
    assert "S503" not in codes(extended)


# functions cached process-wide that read the vocabulary, each with why it is safe
_PROCESS_WIDE = {
    "parse/markers.py:_builtin_table": "built with the built-in vocabulary active",
    "parse/pages.py:_pattern": "the page rule takes no vocabulary words",
}
_VOCABULARY_READERS = {"vocabulary", "chrome_rules", "grammar_words", "category_pattern", "scanner", "scanner_pattern",
                       "salutation", "closing", "marker_parser", "marker_table", "grammar_text",
                       "interpret", "interpreter"}


def test_no_process_wide_cache_reads_the_vocabulary_unless_listed() -> None:
    """A function cached with functools.cache / lru_cache that reads the vocabulary would keep
    the vocabulary active at its first call for the whole process: such functions take
    ``vocab.per_vocabulary`` instead, or are listed here with the reason they are safe."""
    import ast

    src = ROOT / "src" / "officialspeech"
    found = set()
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            names = {d.id if isinstance(d, ast.Name) else d.func.id if isinstance(d, ast.Call)
                     and isinstance(d.func, ast.Name) else "" for d in node.decorator_list}
            if not names & {"cache", "lru_cache"}:
                continue
            calls = {n.func.id for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
            if calls & _VOCABULARY_READERS:
                found.add(f"{path.relative_to(src).as_posix()}:{node.name}")
    assert found <= set(_PROCESS_WIDE), sorted(found - set(_PROCESS_WIDE))
    assert found, "the scan finds the listed functions"


def test_a_variant_pattern_reads_either_form_of_each_character() -> None:
    import regex

    from officialspeech.vocab import variant_pattern

    variants = str.maketrans({"讲": "講", "话": "話", "长": "長"})
    pattern = variant_pattern(r"(?:讲话|市[长x])\p{Han}{1,2}\d", variants)
    for text in ("讲话好1", "講話好1", "讲話好1", "市長甲2", "市长甲乙3", "市x甲4"):
        assert regex.fullmatch(pattern, text), text
    assert regex.fullmatch(pattern, "讲好好1") is None


def test_chrome_glued_after_the_closing_is_cut_only_with_the_extension() -> None:
    note = "本文由某某范文网会员整理发布"
    text = "同志们：现在开会。一、加强领导要高度重视。大家要抓好落实，确保取得实效！谢谢大家！" + note
    voc = load_vocabulary({"chrome": {"families": {"fanwen": {"after_end": [
        {"name": "note", "pattern": "本文由\\p{Han}{2,8}网"}]}}}})
    assert parse_speech(text).closing is None
    extended = parse_speech(text, vocabulary=voc)
    assert extended.closing is not None
    assert extended.closing.text == "谢谢大家！"
    assert not contract_violations(text, extended)
