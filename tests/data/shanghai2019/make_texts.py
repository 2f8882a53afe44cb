"""Writes a real report's page and what converters and a crawler make of it, with
expected.tsv: 2019年上海市人民政府办公厅政府信息公开工作年度报告 (the 2019 template), as
www.shanghai.gov.cn published it (its page kept in a public GitHub repository's data
file). Its three tables are written here cell for cell as the page has them: the same
rows, cells, rowspans and colspans (a figure spanning two columns under a header cell
spanning the same two, and under headers that part them otherwise), ``<p
align="center">`` in each cell, ``&nbsp;`` in a blank one, ``<br />`` in header
cells; its title opens with the year; its heading 五 says 政府信息公开工作存在的主要问题.
The narrative is shortened to a few of its sentences (those with figures kept).

expected.tsv: every figure as the page gives it (``missing``: a blank cell), the
organisation and the year, for the page and each text. Needs w3m, lynx, pandoc and
html2text (``apt-get install w3m lynx pandoc``, ``pip install html2text``); the tests
read only what this writes. Run from the repository root:

    .venv/bin/python tests/data/shanghai2019/make_texts.py
"""

from __future__ import annotations

import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
B = ""  # a blank cell (&nbsp;)


def td(text, colspan=1, rowspan=1, centred=True, width=40):
    spans = (f' colspan="{colspan}"' if colspan > 1 else "") + ' nowrap="nowrap"' \
        + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    body = text if text != "" else "&nbsp;"
    body = f'<p align="center">{body}</p>' if centred else f"<p>{body}</p>"
    return f'<td{spans} style="width:{width}px;">{body}</td>'


def tr(*cells):
    return "<tr>" + "".join(cells) + "</tr>"


TABLE = '<table align="center" border="1" cellspacing="1"><tbody>{}</tbody></table>'

# 二、主动公开政府信息情况
DOCUMENTS = (("规章", 13, 13, 524), ("规范性文件", 60, 60, 368))
DECISIONS = (("（五）", ("行政许可", "其他对外管理服务事项")), ("（六）", ("行政处罚", "行政强制")))
FEES = (0, 0)
PROCUREMENT = (6, "251000元")
# 三、收到和处理政府信息公开申请情况: 自然人 … 其他 总计 (a row's trailing blanks left out)
APPLICATIONS = (
    ("一、本年新收政府信息公开申请数量", (821, 35, B, B, 2, 1, 859)),
    ("二、上年结转政府信息公开申请数量", (18, B, B, B, B, B, 18)),
    ("（一）予以公开", (258, 12, B, B, 1, 1, B)),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", (3,)),
    ("（三）不予公开", (("1.属于国家秘密", (14,)), ("2.其他法律行政法规禁止公开", ()),
                     ("3.危及“三安全一稳定”", ()), ("4.保护第三方合法权益", ()),
                     ("5.属于三类内部事务信息", (5,)), ("6.属于四类过程性信息", (3, 1)),
                     ("7.属于行政执法案卷", ()), ("8.属于行政查询事项", (10, 2)))),
    ("（四）无法提供", (("1.本机关不掌握相关政府信息", (252, 12, B, B, 1)),
                     ("2.没有现成信息需要另行制作", (44, 3)), ("3.补正后申请内容仍不明确", (25,)))),
    ("（五）不予处理", (("1.信访举报投诉类申请", (148, 1)), ("2.重复申请", (5, 4)),
                     ("3.要求提供公开出版物", ()), ("4.无正当理由大量反复申请", ()),
                     ("5.要求行政机关确认或重新出具已获取信息", ()))),
    ("（六）其他处理", ()),
    ("（七）总计", (767, 35, B, B, 2, 1, 805)),
    ("四、结转下年度继续办理", (72, B, B, B, B, B, 72)),
)
REVIEW = (5, B, B, 2, 7, 8, B, B, 1, 9, B, B, B, B, B)


def _seven(values) -> list[str]:
    return [str(v) for v in values] + [B] * (7 - len(values))


def active_disclosure() -> str:
    rows = [tr(td("第二十条第（一）项", 5)),
            tr(td("信息内容"), td("本年新<br />制作数量"), td("本年新<br />公开数量", 2),
               td("对外公开总数量"))]
    rows += [tr(td(label, centred=False), td(a), td(b, 2), td(c)) for label, a, b, c in DOCUMENTS]
    for item, labels in DECISIONS:
        # (the header parts the columns 1 | 2-3 | 4, each row's figures 1-2 | 3 | 4)
        rows += [tr(td(f"第二十条第{item}项", 5)),
                 tr(td("信息内容"), td("上一年项目数量"), td("本年增/减", 2), td("处理决定数量"))]
        rows += [tr(td(label, centred=False), td(0, 2), td(0), td(0)) for label in labels]
    rows += [tr(td("第二十条第（八）项", 5)),
             tr(td("信息内容"), td("上一年项目数量", 2), td("本年增/减", 2)),
             tr(td("行政事业性收费", centred=False), td(FEES[0], 2), td(FEES[1], 2)),
             tr(td("第二十条第（九）项", 5)),
             tr(td("信息内容"), td("采购项目数量", 2), td("采购总金额", 2)),
             tr(td("政府集中采购", centred=False), td(PROCUREMENT[0], 2), td(PROCUREMENT[1], 2))]
    return TABLE.format("".join(rows))


def applications() -> str:
    figures = lambda values: "".join(td(v) for v in _seven(values))  # noqa: E731
    rows = [tr(td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
               td("申请人情况", 7)),
            tr(td("自然人", rowspan=2), td("法人或其他组织", 5), td("总计", rowspan=2)),
            tr(*(td(h) for h in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")))]
    first_outcome = True
    for label, values in APPLICATIONS:
        if label.startswith(("一、", "二、", "四、")):
            rows.append(tr(td(label, 3, centred=False), figures(values)))
        elif values and isinstance(values[0], tuple):  # a group and its rows
            for i, (leaf, leaf_values) in enumerate(values):
                group = [td(label, rowspan=len(values), centred=False, width=57)] if i == 0 else []
                rows.append(tr(*group, td(leaf, centred=False, width=137), figures(leaf_values)))
        else:
            parent = [td("三、本年度办理结果", rowspan=20, width=23)] if first_outcome else []
            first_outcome = False
            rows.append(tr(*parent, td(label, 2, centred=False), figures(values)))
    return TABLE.format("".join(rows))


def review() -> str:
    def cell(text, colspan=1, rowspan=1):
        spans = (f' colspan="{colspan}"' if colspan > 1 else "") + \
            (f' rowspan="{rowspan}"' if rowspan > 1 else "")
        return f'<td{spans} style="width:40px;">' + (f"<p>{text}</p>" if text != "" else "&nbsp;") \
            + "</td>"
    heads = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    rows = [tr(cell("行政复议", 5), cell("行政诉讼", 10)),
            tr(*(cell(h, rowspan=2) for h in heads), cell("未经复议直接起诉", 5), cell("复议后起诉", 5)),
            tr(*(cell(h) for h in heads * 2)), tr(*(cell(v) for v in REVIEW))]
    return TABLE.format("".join(rows))


def page() -> str:
    body = (
        "<p style='text-align: center;font-weight: bold;'>2019年上海市人民政府办公厅政府信息公开工作年度报告</p>\t"
        "<p style='text-align: center'>发布日期：2020-01-31</p>"
        "<p>本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议和提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况及其他需要报告的事项。本年度报告中所列数据统计期限从2019年1月1日到12月31日止。本年度报告电子版可从“中国上海”门户网站（www.shanghai.gov.cn）下载。</p>"
        "<p>一、总体情况</p><p>2019年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导，不断提高政府工作透明度。</p>"
        "<p>（一）主动公开方面</p><p>2019年，通过“中国上海”门户网站、《上海市人民政府公报》等平台主动公开规章13件，行政规范性文件60件，市政府其他文件162件，人事任免文件141件。</p>"
        "<p>（二）依申请公开方面</p><p>市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复）。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%；不予处理158件，占19.6%；其他处理0件。信息公开类行政复议7件，诉讼9件，均获维持。</p>"
        "<p>（三）政府信息管理方面</p><p>经政务公开工作机构审核的市政府公文主动公开率达90.2%。</p>"
        "<p>二、主动公开政府信息情况</p>" + active_disclosure()
        + "<p>三、收到和处理政府信息公开申请情况</p>" + applications()
        + "<p><br />四、政府信息公开行政复议、行政诉讼情况</p>" + review()
        + "<p>五、政府信息公开工作存在的主要问题及改进情况</p><p>（一）主要问题</p><p>一是新《条例》实施后，专业领域的理论学习仍需加强；二是决策公开仍需进一步加强。</p><p>（二）改进措施</p><p>一是深入做好《条例》的贯彻落实。二是进一步深化解读回应。</p>"
        "<p>六、其他需要报告的事项</p><p>无。</p>")
    return '<html><head><meta charset="utf-8"></head><body>' + body + "</body></html>"


def expected() -> list[str]:
    """Every figure in the template's order (its figure ids), then organisation and year."""
    values = [str(v) for _, *figures in DOCUMENTS for v in figures]
    values += ["0"] * 12 + [str(v) for v in FEES] + [str(PROCUREMENT[0]), "251000"]
    for label, row in APPLICATIONS:
        rows = row if row and isinstance(row[0], tuple) else ((label, row),)
        values += [v or "missing" for _, leaf in rows for v in _seven(leaf)]
    values += [str(v) if v != B else "missing" for v in REVIEW]
    return values


def main() -> None:
    import html2text
    import lxml.html

    from govparse.template.spec import load_template

    html = page()
    (HERE / "sh2019.html").write_text(html, encoding="utf-8")
    path = str(HERE / "sh2019.html")
    run = lambda *argv: subprocess.run(argv, capture_output=True, check=True).stdout.decode()  # noqa: E731
    texts = {
        "lynx": run("lynx", "-dump", "-width=200", "-display_charset=utf-8", path),
        "lynx80": run("lynx", "-dump", "-display_charset=utf-8", path),
        "w3m": run("w3m", "-dump", "-cols", "200", "-O", "UTF-8", path),
        "w3m80": run("w3m", "-dump", "-O", "UTF-8", path),
        "pandoc": run("pandoc", "-f", "html", "-t", "plain", "--columns=200", path),
        "pandoc72": run("pandoc", "-f", "html", "-t", "plain", path),
    }
    maker = html2text.HTML2Text()
    maker.body_width = 0
    texts["h2t"] = maker.handle(html)
    # a crawler's: its fields, then the page's text with no separators at all
    texts["crawler"] = ("标题: 2019年上海市人民政府办公厅政府信息公开工作年度报告\n发布时间: 2020-01-31 10:00\n"
                        "发布机构: 上海市人民政府办公厅\n==================== 正文 ====================\n"
                        + "".join(lxml.html.fromstring(html).body.itertext()) + "\n")
    for name, text in texts.items():
        (HERE / f"sh2019.{name}.txt").write_text(text, encoding="utf-8")
    ids = load_template("2019").figure_ids()
    values = expected()
    assert len(values) == len(ids)
    lines = ["report\ttable\trow\tcolumn\tvalue"]
    for name in ["sh2019.html", *(f"sh2019.{n}" for n in texts)]:
        lines += [f"{name}\treport\tmeta\torganization\t上海市人民政府办公厅", f"{name}\treport\tmeta\tyear\t2019"]
        lines += [f"{name}\t{t}\t{r}\t{c}\t{v}" for (t, r, c), v in zip(ids, values)]
    (HERE / "expected.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
