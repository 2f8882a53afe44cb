"""fmt --in-place never loses a user's text or harms the file: text the parser did
not keep is never dropped from it, and the file keeps its mode, owner, links and
anything appended meanwhile. The permission cases run as the user nobody."""

from __future__ import annotations

import os
import signal
import unicodedata
from collections import Counter

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import govparse
from govparse.cli import cli
from govparse.cli import rewrite as rewrite_module
from govparse.cli.rewrite import TEMPORARY_PREFIX, RewriteRefused, rewrite
from govparse.cli.streams import Interrupted, signals_raise
from govparse.check.kept_text import lost_text
from govparse.emit.printer import dumps
from conftest import example_path
from fuzz import mutations
from helpers import changed
from processes import as_nobody, give_to_nobody, unprivileged

CELLS = example_path("cells").read_bytes()  # a report in the cells layout, losing nothing
TAB = example_path("tab").read_text(encoding="utf-8")  # its canonical form
ROOT = os.geteuid() == 0


def run(*args):
    return CliRunner().invoke(cli, list(args))


def leftovers(folder) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(TEMPORARY_PREFIX)]


# ---------------------------------------------------------------- text never lost


LOSSY = [
    # a note line in a table section
    ("note-in-table", "信息内容\t本年制发件数", "单位：件\t数据来源：本机关统计台账\n信息内容\t本年制发件数",
     "单位"),
    ("remark-in-table", "四、结转下年度继续办理", "备注 12月31日前受理的申请均已办结\n四、结转下年度继续办理",
     "备注"),
    # a heading in other words: its paragraphs would move into section 四
    ("heading-in-other-words", "五、存在的主要问题及改进情况", "五、存在的问题及改进措施", "措施"),
    # a placeholder taken as a missing figure
    ("placeholder", "规章\t0\t0\t0", "规章\t无\t0\t0", "无"),
]


@pytest.mark.parametrize("name,old,new,lost", LOSSY, ids=[c[0] for c in LOSSY])
def test_a_file_whose_canonical_form_would_lose_text_is_left_as_it_is(tmp_path, name, old,
                                                                      new, lost):
    text = changed(old, new)
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    report = govparse.parse(text)
    assert not [d for d in report.diagnostics if d.severity.value == "error"]
    result = run("fmt", "--in-place", str(path))
    assert result.exit_code == 1
    assert f"not reformatted: {path}: its canonical form would lose text the parser did not " \
           f"keep: '" in result.stderr
    assert all(char in result.stderr.split("would lose")[1] for char in lost)
    assert "1 file not formatted" in result.stderr
    assert path.read_text(encoding="utf-8") == text
    # printing the canonical form is still allowed: it writes over nothing
    assert run("fmt", str(path)).exit_code == 0


def test_the_refusal_names_the_line_of_the_lost_text():
    text = changed("五、存在的主要问题及改进情况", "五、存在的问题及改进措施")
    lost = lost_text(text, dumps(govparse.parse(text), "tab"))
    line = text.split("\n").index("五、存在的问题及改进措施") + 1
    assert lost.lines == (line,)
    assert set("措施") <= set(lost.characters)
    assert lost.describe().endswith(f"on line {line}")


def test_rule_lines_are_table_syntax_and_long_ones_fold_in_linear_time():
    from govparse.check.kept_text import folded

    assert folded("| --- | :---: |\n---------\t---\n+----+====+\n") == "\n\n\n"
    assert folded("abc - def\n") == "abc-def\n"
    # a regular expression with nested repetitions took hours on this line
    assert folded("-" * 100_000 + "x\n") == "-" * 100_000 + "x\n"
    assert folded("| -" * 50_000 + "|\n") == "\n"


@pytest.mark.parametrize("layout", ["cells", "pipe", "markdown"])
def test_other_layouts_convert_without_loss(tmp_path, layout):
    path = tmp_path / "r.txt"
    path.write_bytes(example_path(layout).read_bytes())
    assert lost_text(path.read_text(encoding="utf-8"), TAB) is None
    result = run("fmt", "--in-place", "--layout", "tab", str(path))
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == TAB


def _content(text: str) -> Counter:
    """The test's own fold, coarser than the implementation's: NFKC, no blanks, and
    none of the characters tables are drawn with."""
    text = unicodedata.normalize("NFKC", text)
    return Counter(c for c in text if not c.isspace() and c not in "|-=:+,\ufeff")


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutations.fuzz_inputs(max_mutations=4))
def test_every_rewritten_input_keeps_every_non_blank_character(tmp_path_factory, fuzz_input):
    data = fuzz_input.data
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    path = tmp_path_factory.mktemp("prop") / "r.txt"
    path.write_bytes(raw)
    result = run("fmt", "--in-place", str(path))
    if f"reformatted {path}\n" not in result.stderr or "not reformatted" in result.stderr:
        assert path.read_bytes() == raw  # left as it was
        return
    before = _content(_decoded(raw))
    after = _content(path.read_text(encoding="utf-8"))
    missing = before - after
    assert not missing, f"lost {''.join(missing.elements())!r}"


def _decoded(raw: bytes) -> str:
    from govparse.source import decode

    return decode(raw)[0]


# ---------------------------------------------------------------- the file itself


def test_symlink_is_written_through(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(CELLS)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert run("fmt", "--in-place", str(link)).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == TAB


def test_hard_links_stay_one_file(tmp_path):
    first = tmp_path / "a.txt"
    first.write_bytes(CELLS)
    second = tmp_path / "b.txt"
    os.link(first, second)
    inode = first.stat().st_ino
    assert run("fmt", "--in-place", str(first)).exit_code == 0
    assert first.stat().st_ino == second.stat().st_ino == inode
    assert second.read_text(encoding="utf-8") == TAB
    assert first.stat().st_nlink == 2


def test_mode_is_kept_and_nothing_is_left_behind(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(CELLS)
    path.chmod(0o640)
    assert run("fmt", "--in-place", str(path)).exit_code == 0
    assert path.stat().st_mode & 0o7777 == 0o640
    assert leftovers(tmp_path) == []


def test_a_line_appended_meanwhile_is_never_lost(tmp_path, monkeypatch):
    path = tmp_path / "r.txt"
    path.write_bytes(CELLS)
    from govparse.cli import fmt_cmd

    real_dumps = fmt_cmd.dumps

    def dumps_while_someone_appends(report, layout):
        with open(path, "ab") as handle:
            handle.write("补记一行\n".encode("utf-8"))
        return real_dumps(report, layout)

    monkeypatch.setattr(fmt_cmd, "dumps", dumps_while_someone_appends)
    result = run("fmt", "--in-place", str(path))
    assert result.exit_code == 1
    assert "the file changed since it was read; run fmt again" in result.stderr
    assert path.read_bytes() == CELLS + "补记一行\n".encode("utf-8")


@pytest.mark.parametrize("links", [1, 2], ids=["renamed", "written-over"])
def test_changed_content_is_checked_right_before_writing(tmp_path, links):
    path = tmp_path / "r.txt"
    path.write_bytes(CELLS + b"x\n")
    if links == 2:
        os.link(path, tmp_path / "other.txt")
    with pytest.raises(RewriteRefused, match="changed since it was read"):
        rewrite(str(path), CELLS, TAB.encode("utf-8"))
    assert path.read_bytes() == CELLS + b"x\n"
    assert leftovers(tmp_path) == []


def test_the_new_content_and_the_folder_are_synced(tmp_path, monkeypatch):
    path = tmp_path / "r.txt"
    path.write_bytes(CELLS)
    synced = []
    real_fsync = os.fsync

    def fsync(fd):
        synced.append(os.path.realpath(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd")
                      else fd)
        real_fsync(fd)

    monkeypatch.setattr(rewrite_module.os, "fsync", fsync)
    rewrite(str(path), CELLS, TAB.encode("utf-8"))
    assert path.read_text(encoding="utf-8") == TAB
    if os.path.exists("/proc/self/fd"):
        assert any(p.startswith(str(tmp_path / TEMPORARY_PREFIX)) for p in synced)
        assert str(tmp_path) in synced
    else:
        assert len(synced) == 2


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "r.txt"
    path.write_bytes(CELLS)

    def terminated(fd):
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(rewrite_module.os, "fsync", terminated)
    with pytest.raises(Interrupted) as info:
        with signals_raise(signal.SIGTERM, signal.SIGHUP):
            rewrite(str(path), CELLS, TAB.encode("utf-8"))
    assert info.value.signum == signal.SIGTERM
    assert path.read_bytes() == CELLS
    assert leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # restored


def test_sigterm_ends_the_command_with_128_plus_its_number(shared_dir, monkeypatch):
    path = shared_dir / "r.txt"
    path.write_bytes(CELLS)
    give_to_nobody(path, 0o644)
    monkeypatch.setattr(rewrite_module.os, "fsync",
                        lambda fd: os.kill(os.getpid(), signal.SIGTERM))
    run_ = as_nobody("fmt", "--in-place", str(path))  # the fork keeps the monkeypatch
    assert run_.status == 128 + signal.SIGTERM
    assert b"govparse: stopped by SIGTERM" in run_.stderr
    assert path.read_bytes() == CELLS
    assert leftovers(shared_dir) == []


# ---------------------------------------------------------------- permissions, as nobody


def test_read_only_file_is_refused_for_nobody_and_for_root(shared_dir):
    path = shared_dir / "r.txt"
    path.write_bytes(CELLS)
    give_to_nobody(path, 0o444)
    run_ = as_nobody("fmt", "--in-place", str(path))
    assert run_.status == 1
    assert f"not reformatted: {path}: the file is read-only".encode() in run_.stderr
    assert path.read_bytes() == CELLS
    result = run("fmt", "--in-place", str(path))  # as whoever runs the suite, root in CI
    assert result.exit_code == 1 and "the file is read-only" in result.stderr
    assert path.read_bytes() == CELLS and path.stat().st_mode & 0o777 == 0o444


@pytest.mark.skipif(not ROOT, reason="only root can format another user's file")
def test_root_formatting_another_users_file_keeps_its_owner(shared_dir):
    path = shared_dir / "r.txt"
    path.write_bytes(CELLS)
    give_to_nobody(path, 0o640)
    assert run("fmt", "--in-place", str(path)).exit_code == 0
    info = path.stat()
    assert (info.st_uid, info.st_gid) == unprivileged()
    assert info.st_mode & 0o7777 == 0o640
    assert path.read_text(encoding="utf-8") == TAB


def test_nobody_rewrites_a_group_writable_file_of_someone_else_in_place(shared_dir):
    path = shared_dir / "r.txt"
    path.write_bytes(CELLS)
    path.chmod(0o666)  # root's (or the suite user's), writable by all
    owner = path.stat().st_uid
    run_ = as_nobody("fmt", "--in-place", str(path))
    assert run_.status == 0, run_.stderr
    assert path.stat().st_uid == owner
    assert path.read_text(encoding="utf-8") == TAB


def test_fmt_is_idempotent_on_a_byte_order_mark_paragraph(tmp_path):
    data = b"\n\xef\xbb\xbf\n"
    once = CliRunner().invoke(cli, ["fmt", "-"], input=data).stdout_bytes
    twice = CliRunner().invoke(cli, ["fmt", "-"], input=once).stdout_bytes
    assert once == twice
    assert b"\xef\xbb\xbf" not in once
    text_with_bom_inside = TAB.replace("一、总体情况", "\ufeff一、总体情况")
    assert list(govparse.parse(text_with_bom_inside).figures()) == \
        list(govparse.parse(TAB).figures())
