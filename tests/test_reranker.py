"""The learned title-end re-ranker (src/officialspeech/parse/headings/reranker.py) and its
trainer (benchmarks/title_end_train.py). The speeches are made up for these tests or generated
by speechgen; the trainer runs on a folder of generated speeches laid out as ../shared/wild is."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechgen
from conftest import SHARED
from corpusscorer import benchmark
from officialspeech import parse_speech
from officialspeech.parse.headings import Heading, reranker
from officialspeech.vocab import vocabulary
from spanchecks import contract_violations

TABLES = {"R1", "R2", "R3", "L1", "L2", "L3", "T1", "T2", "X"}


def _heading(text: str, title: str, end: str, confidence: str = "guessed") -> Heading:
    """A heading whose title starts at ``title`` and the rules ended before ``end``."""
    ts = text.index(title)
    te = text.index(end, ts)
    return Heading(ts - 3, ts, ts, te, te, "（一）", "cn_paren", 1, confidence)


def test_the_shipped_model_has_every_table_and_setting_its_features_read() -> None:
    m = reranker.model()
    assert set(m.tables) == TABLES
    assert m.weights
    assert m.function_chars
    assert m.max_length >= 30
    assert all(isinstance(v, float) for v in m.weights.values())


def test_a_cut_before_a_subject_word_is_kept_but_not_one_after_a_conjunction() -> None:
    text = "（一）提高政治站位我们要坚持问题导向，狠抓工作落实。"
    assert reranker.settled(text, _heading(text, "提高政治站位", "我们要"), len(text))
    # a year opens sentences, but …和|2025年工作回顾 is one title: the rules' cut is no evidence
    text = "一、“十四五”时期和2025年工作回顾过去五年，我们砥砺奋进。"
    assert not reranker.settled(text, _heading(text, "“十四五”时期和", "2025年"), len(text))


def test_a_cut_where_the_body_opens_with_the_titles_last_words_is_kept() -> None:
    text = "一、深入开展“三个年”活动活动成效明显，群众满意度提升。"
    assert reranker.settled(text, _heading(text, "深入开展", "活动成效"), len(text))
    head = "在全县工作会议上的讲话同志们：今天召开全县工作会议，我讲两点意见。"
    flat = head + "一、深入开展“三个年”活动活动成效明显。二、扎实推进“放管服”改革改革持续深化。"
    assert [s.title for s in parse_speech(flat).sections()] == ["深入开展“三个年”活动", "扎实推进“放管服”改革"]
    # (no word said again at the cut: the model still weighs it)
    text = "一、深入开展“三个年”活动成效明显，群众满意度提升。"
    assert not reranker.settled(text, _heading(text, "深入开展", "成效"), len(text))


def test_a_cut_after_a_word_that_binds_to_the_noun_after_it_is_not_settled() -> None:
    # 第十一届|全国人民代表大会: 全国 opens many bodies, but not after …届
    text = "一、过去五年工作回顾第十一届全国人民代表大会第一次会议以来的五年，我们砥砺奋进。"
    assert not reranker.settled(text, _heading(text, "过去五年工作回顾第十一届", "全国"), len(text))
    text = "一、过去五年工作回顾全国各族人民团结奋斗，取得了新的成就。"
    assert reranker.settled(text, _heading(text, "过去五年工作回顾", "全国"), len(text))


def test_a_cut_inside_a_term_the_document_keeps_using_is_refused() -> None:
    uses = "建议稿提出了目标。建议稿明确了任务。建议稿强调了落实。建议稿部署了工作。"
    text = "一、建议稿起草过程今年以来，" + uses
    k = text.index("稿起草")
    assert reranker._splits_recurring(text, k)  # 建议|稿: 建议稿 stands together five times
    assert not reranker._splits_recurring(text, text.index("今年"))  # 过程|今年: once
    # 建议 stands alone as often as in 建议稿: no one term
    loose = text + "建议大家讨论。建议各地落实。建议尽快推进。建议认真研究。建议抓好落实。"
    assert not reranker._splits_recurring(loose, k)


def test_a_title_the_next_heading_ends_is_kept() -> None:
    # the section opens with its sub-heading: nothing of the body stands between them
    text = "二、突出重点,扎实推进乡村振兴各项任务(一)抓好粮食生产全年粮食播种面积要稳定。"
    h = _heading(text, "突出重点", "(一)")
    for stop in (h.title_end, h.title_end + 1):
        assert reranker.settled(text.replace("(一)", " (一)") if stop > h.title_end else text, h, stop)
    assert not reranker.settled(text, _heading(text, "突出重点", "各项任务"), text.index("(一)"))


def test_no_candidate_ends_with_a_comma_an_open_quote_or_a_word_that_wants_an_object() -> None:
    text = "（一）推进高标准农田建设依托我省丰富的水土资源，推动“农田建设”提质增效"
    h = _heading(text, "推进高标准农田建设", "依托")
    ends = [text[k - 1] for k in reranker.candidates(text, h, len(text), 60, None)]
    voc = vocabulary()
    assert ends
    assert not {"，", "“"} & set(ends)
    assert text.index("依托") + 2 not in list(reranker.candidates(text, h, len(text), 60, None))
    assert "依托" in voc.title_bad_finals


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), shape=st.sampled_from(["one_line", "space_joined"]))
def test_re_cut_titles_stay_inside_their_heading_and_keep_every_span_contract(seed: int, shape: str) -> None:
    tree = speechgen.generate(random.Random(seed), sections=3, max_children=3, sentences=2)
    text = speechgen.SHAPES[shape](tree, seed)
    speech = parse_speech(text)
    assert not contract_violations(text, speech)
    sections = speech.sections()
    starts = sorted(s.heading_span.start for s in sections)
    for s in sections:
        later = [st for st in starts if st > s.heading_span.start]
        assert s.title
        assert s.title[-1] not in "，,、“"
        assert not s.title[-1].isspace()
        assert not later or s.title_span.end <= later[0]


TITLES = ["产业转型升级步伐加快", "城乡面貌持续改善", "民生保障更加有力", "着力扩大有效需求", "加快建设现代化产业体系",
          "持续增进民生福祉", "深化重点领域改革", "推动文化繁荣发展"]
BODIES = ["先进制造业集群规模持续壮大，新增规上工业企业120家。", "城市道路新建改造40公里，老旧小区改造86个。",
          "城镇新增就业3.2万人，居民收入稳步增长。", "重大项目建设提速增效，全年完成投资800亿元。",
          "新兴产业培育壮大，传统产业改造提升。", "社会保障体系更加健全，养老服务网络不断完善。"]


def _report(rng: random.Random) -> str:
    """A made-up work report: standalone heading lines, bodies opening with their subject."""
    lines = ["市政府工作报告", "各位代表：", "现在，我代表市人民政府向大会报告工作，请予审议。"]
    for i, part in enumerate("一二三"):
        lines.append(f"{part}、{rng.choice(['过去一年工作回顾', '今年主要任务', '全面加强政府自身建设'])}")
        lines.append(rng.choice(BODIES))
        for j, sub in enumerate("一二三"):
            lines.append(f"（{sub}）{TITLES[(3 * i + j + rng.randrange(8)) % len(TITLES)]}")
            lines.extend(rng.sample(BODIES, 2))
    return "\n".join(lines) + "\n"


def _fake_wild(root: Path, n: int = 6) -> Path:
    """A folder laid out as ../shared/wild: texts/ and a manifest, clean-lined made-up reports."""
    (root / "texts").mkdir(parents=True)
    rows = []
    for i in range(n):
        doc = f"G{i:04d}"
        (root / "texts" / f"{doc}.txt").write_text(_report(random.Random(i)), "utf-8")
        rows.append({"id": doc, "file": f"texts/{doc}.txt", "near_duplicate_of": None})
    (root / "manifest.json").write_text(json.dumps(rows), "utf-8")
    return root


def test_the_trainer_writes_a_model_the_parser_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    train = benchmark("title_end_train")
    out = tmp_path / "model.json"
    assert train.main(["--wild", str(_fake_wild(tmp_path / "wild")), "--out", str(out), "--epochs", "2"]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert set(data["tables"]) == TABLES
    assert data["weights"]
    trained = reranker.Model.from_json(data)
    monkeypatch.setattr(reranker, "model", lambda: trained)
    text = _report(random.Random(99)).replace("\n", "")
    assert not contract_violations(text, parse_speech(text))


def test_the_trainer_skips_cleanly_without_the_wild_texts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    train = benchmark("title_end_train")
    assert train.main(["--wild", str(tmp_path / "absent")]) == 0
    assert "nothing to train on" in capsys.readouterr().out


@pytest.mark.skipif(not (SHARED / "wild" / "manifest.json").is_file(), reason="../shared/wild is not available")
def test_the_shipped_model_is_what_the_trainer_makes_of_wild_half_a(tmp_path: Path) -> None:
    # a feature changed without retraining would leave weights that mean something else
    train = benchmark("title_end_train")
    out = tmp_path / "model.json"
    assert train.main(["--wild", str(SHARED / "wild"), "--out", str(out)]) == 0
    shipped = Path(reranker.__file__).parents[2] / "data" / reranker.MODEL_FILE
    assert out.read_bytes() == shipped.read_bytes()


# characters the features look at: Han, function and locative characters, commas, quotes and
# brackets, terminators, digits, Latin, white space; and a few markers and openers
_ALPHABET = "在中时的和要是推进建设发展民主协商我们全市各级一二三“”《》（）()，,、。；：！？ 　\n05AaZ"
_WORDS = ["我们", "一是", "坚持", "民主", "习近平总书记", "高质量发展", "“十四五”", "在…中", "依托", "。", "，"]


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.one_of(st.sampled_from(_ALPHABET), st.sampled_from(_WORDS)), min_size=6, max_size=90),
       data=st.data())
def test_the_folded_scorer_gives_each_candidate_the_named_features_weighted_sum_bit_for_bit(
        parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    ts = data.draw(st.integers(0, len(text) - 3))
    te = data.draw(st.integers(ts + 1, len(text)))
    stop = data.draw(st.integers(te, len(text)))
    forms = ["cn_paren", "cn_dun", "arabic_dot"]
    h = Heading(max(0, ts - 3), ts, ts, te, te, "（一）", data.draw(st.sampled_from(forms)), 1,
                data.draw(st.sampled_from(["certain", "guessed"])))
    median = data.draw(st.none() | st.floats(0, 80))
    next_form = data.draw(st.none() | st.sampled_from(forms))
    shipped = reranker.model()
    t = reranker.terminator(text, h, stop)
    cands = reranker.candidate_features(text, h, stop, t, shipped, median, next_form)
    # the shipped weights, and random ones on most features these candidates name (some, as
    # opener|sure, have no weight in the shipped model)
    rng = random.Random(data.draw(st.integers(0, 2**32)))
    names = sorted({name for _, f in cands for name, _ in f})
    weights = {name: rng.uniform(-4, 4) for name in names if rng.random() < 0.9}
    for m in (shipped, reranker.Model(weights, shipped.tables, shipped.function_chars, shipped.max_length,
                                      shipped.locative)):
        expected = [(k, reranker.score(f, m.weights)) for k, f in cands]
        assert m.scorer.scores(text, h, stop, t, m, median, next_form) == expected


@given(st.lists(st.integers(0, 60), min_size=3, max_size=40), st.data())
@settings(max_examples=200, deadline=None)
def test_the_median_of_the_siblings_is_that_of_the_others(lengths: list[int], data: st.DataObject) -> None:
    from statistics import median

    i = data.draw(st.integers(0, len(lengths) - 1))
    others = lengths[:i] + lengths[i + 1:]
    got = reranker._median_without(sorted(lengths), lengths[i])
    assert got == median(others)
    assert type(got) is type(median(others))


def test_past_the_first_headings_of_a_huge_text_the_rules_ends_stand() -> None:
    # thousands of headings on one line (generated): the model's work is bounded
    from dataclasses import replace

    from officialspeech.parse import read_document
    from officialspeech.parse.front import read_front_matter
    from officialspeech.parse.headings import rule_headings

    unit = ("一、持续夯实高质量发展基础京津冀协同发展深入拓展，全市经济稳中向好。（一）提高站位增强责任感我们要认真贯彻落实。"
            "（二）突出重点抓好落实推动经济高质量发展，不断增强获得感。二、强化保障确保见效各级领导干部要带头。")
    text = unit * (reranker.RERANK_MAX // 4 + 50)
    doc = read_document(text)
    heads, run_on = rule_headings(doc, read_front_matter(doc).body_start)
    assert run_on
    assert len(heads) > reranker.RERANK_MAX + 100
    rules = [replace(h) for h in heads]
    reranker.rerank(doc.view.text, heads, len(doc.view.text))
    assert heads[reranker.RERANK_MAX:] == rules[reranker.RERANK_MAX:]
    assert heads[:reranker.RERANK_MAX] != rules[:reranker.RERANK_MAX]  # (the model did move some)


@given(st.dictionaries(st.text(st.characters(exclude_characters="\t", exclude_categories=["Cs"]), min_size=1, max_size=3),
                       st.integers(-32768, 32767).map(lambda c: c / 100), max_size=40))
def test_a_packed_table_unpacks_to_the_same_values_in_code_point_order(table: dict[str, float]) -> None:
    packed = reranker.pack_table(table)
    assert json.loads(json.dumps(packed)) == packed  # plain strings: the data file holds it as JSON
    back = reranker.unpack_table(packed)
    assert back == table
    assert list(back) == sorted(table)
    assert all(float(repr(v)) == v for v in back.values())


@pytest.mark.parametrize("table", [{"ab": 0.125}, {"ab": 400.0}, {"a\tb": 1.0}])
def test_a_table_the_packed_form_cannot_hold_is_refused(table: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"hundredths within int16|holds a tab"):
        reranker.pack_table(table)


def test_a_packed_table_whose_grams_and_values_disagree_is_refused() -> None:
    packed = reranker.pack_table({"ab": 1.0, "cd": -2.5})
    with pytest.raises(ValueError, match="2 n-grams and 1 values"):
        reranker.unpack_table({"grams": packed["grams"], "centi": reranker.pack_table({"x": 1.0})["centi"]})


def test_the_model_overrules_an_end_a_subject_word_settles_only_by_a_wide_margin() -> None:
    # …见效做好|今年的工作: 今年 opens many bodies, but the title cannot end in 做好; the
    # model's preference for …见效| is strong enough to move a settled end
    flat = ("同志们：今天召开全县农业农村工作会议，我讲三点意见。一、认清形势提高站位过去一年，全县农业农村发展稳中有进。"
            "二、突出重点抓好任务今年要重点抓好粮食生产和乡村建设。三、压实责任转变作风确保各项任务落地见效做好今年的农业农村工作，"
            "责任重大、任务艰巨，各级各部门要切实扛起责任。")
    third = parse_speech(flat).sections()[2]
    assert third.title == "压实责任转变作风确保各项任务落地见效"
    assert "quote" not in reranker.OVERRULED  # a quoted term, a restated word, an announcement: never
    assert "restated" not in reranker.OVERRULED
