"""Stage chrome: site chrome around a speech becomes metadata, not body."""

from __future__ import annotations

from officialspeech import parse_speech


def test_site_chrome_becomes_metadata_not_body() -> None:
    text = (
        "分享\n在全镇防汛工作会议上的讲话.docx\n下载文档\nID:123456\n大小:20.5KB\n页数:3页\n格式:DOCX\n"
        "时间:2024-06-01\n温馨提示:\n1. 文件下载后可编辑。\n2. 如有疑问请联系客服。\n网站客服:400123\n"
        "在全镇防汛工作会议上的讲话\n同志们：\n当前已进入主汛期，形势严峻，任务艰巨。一、压实责任\n要层层落实。\n"
        "此文档下载收益归作者所有\n下载文档\n收起\n"
    )
    speech = parse_speech(text)
    meta = speech.metadata
    assert (meta.title, meta.format, meta.pages, meta.date, meta.id) == (
        "在全镇防汛工作会议上的讲话", "DOCX", 3, "2024-06-01", "123456")
    assert speech.title is not None
    assert speech.title.text == "在全镇防汛工作会议上的讲话"
    body = "".join(text[b.span.start:b.span.end] for b in speech.body)
    for chrome in ("温馨提示", "下载文档", "此文档", "收起", "客服"):
        assert chrome not in body
