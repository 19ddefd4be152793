"""`dossier serve`'s generator session: after a save only the changed articles are checked again, and the
dossier it writes equals what a full `dossier generate` writes."""

import gc
import shutil
import time
from pathlib import Path

import pytest
import yaml
from conftest import REPO, TODAY

from generator import cli, pipeline
from generator.analysis import incremental
from generator.analysis.incremental import check_all, recheck
from generator.bench.corpus import ARTICLE_ID, dump
from generator.bench.preview import retitle
from generator.bench.project import change_one_article, make_project
from generator.content.stamps import RACY_NS, file_stamps, trusted
from generator.problems import ContentError
from generator.tools import new

ARTICLES = 30


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    make_project(REPO, folder, ARTICLES)
    return folder


@pytest.fixture
def project(corpus, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(corpus, root)
    time.sleep(2 * RACY_NS / 1e9)  # files written just before their stamps are taken count as changed
    return root


def files_of(folder: Path) -> dict[str, bytes]:
    """Return every file below a folder by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_equals_full_generate(root: Path, tmp_path: Path) -> None:
    """Generate the same content from scratch elsewhere; dossier/ must be byte-identical, manifest included."""
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(root / "content", fresh / "content")
    pipeline.generate(fresh, today=TODAY)
    assert files_of(root / "dossier") == files_of(fresh / "dossier")


def edit_yaml(root: Path, article_id: str, change) -> None:
    """Change an article's YAML data as an editor would."""
    meta = root / "content" / "articles" / f"{article_id}.yaml"
    schema_line, _, text = meta.read_text(encoding="utf-8").partition("\n")
    data = yaml.safe_load(text)
    change(data)
    meta.write_text(f"{schema_line}\n{dump(data)}", encoding="utf-8")


def remove_article(root: Path, article_id: str) -> None:
    for suffix in ("txt", "yaml"):
        (root / "content" / "articles" / f"{article_id}.{suffix}").unlink()


def drop_first_claim_and_mention(data):
    data["claims"] = data.get("claims", [])[1:]
    data["mentions"] = {kind: ids[:-1] for kind, ids in data.get("mentions", {}).items()}


EDITS = {
    "retitle": lambda root: retitle(root, ARTICLE_ID.format(5)),
    "title and text": lambda root: change_one_article(root, ARTICLE_ID.format(7)),
    "claim and mention dropped": lambda root: edit_yaml(root, ARTICLE_ID.format(9), drop_first_claim_and_mention),
    "removed": lambda root: remove_article(root, ARTICLE_ID.format(11)),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_an_incremental_update_writes_what_a_full_generate_writes(project, tmp_path, edit):
    session = pipeline.Session(project)
    session.generate(today=TODAY)
    EDITS[edit](project)
    early = []
    _checked, report = session.generate(lambda: early.append(True), today=TODAY)
    assert report.written
    assert_equals_full_generate(project, tmp_path)
    assert session.generate(today=TODAY)[1].written == []  # nothing changed since


def test_several_updates_in_a_row_stay_equal_to_a_full_generate(corpus, project, tmp_path):
    session = pipeline.Session(project)
    session.generate(today=TODAY)
    for edit in sorted(EDITS):
        EDITS[edit](project)
        session.generate(today=TODAY)
    for suffix in ("txt", "yaml"):  # the removed article comes back: an added article
        shutil.copy(
            corpus / "content" / "articles" / f"{ARTICLE_ID.format(11)}.{suffix}", project / "content" / "articles"
        )
    session.generate(today=TODAY)
    assert_equals_full_generate(project, tmp_path)


def test_the_edited_articles_page_is_written_first_and_right(project):
    session = pipeline.Session(project)
    session.generate(today=TODAY)
    article_id = ARTICLE_ID.format(5)
    page = project / "dossier" / "artikel" / f"{article_id}.md"
    seen = []
    title = retitle(project, article_id)
    session.generate(lambda: seen.append(page.read_bytes()), today=TODAY)
    assert len(seen) == 1 and title.encode("utf-8") in seen[0]
    assert seen[0] == page.read_bytes()  # the complete render did not have to correct it


def test_only_article_files_are_checked_again(project):
    snapshot = check_all(project, TODAY)
    retitle(project, ARTICLE_ID.format(5))
    found = recheck(snapshot, project, TODAY)
    assert found is not None and found[1] == {ARTICLE_ID.format(5)}
    people = project / "content" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert recheck(snapshot, project, TODAY) is None  # a registry changed: everything is checked again


def test_an_error_in_a_changed_article_is_reported_as_check_reports_it(project):
    session = pipeline.Session(project)
    session.generate(today=TODAY)
    edit_yaml(project, ARTICLE_ID.format(5), lambda data: data.update(outlet=12))
    with pytest.raises(ContentError) as from_session:
        session.generate(today=TODAY)
    with pytest.raises(ContentError) as from_check:
        pipeline.check(project, TODAY)
    assert [str(p) for p in from_session.value.problems] == [str(p) for p in from_check.value.problems]
    edit_yaml(project, ARTICLE_ID.format(5), lambda data: data.update(outlet="Wieder gut"))
    assert session.generate(today=TODAY)[1].written  # the session goes on from its last good state


def test_stamps_name_every_regular_file_and_refuse_links(project):
    stamps = file_stamps(project, "content")
    assert stamps is not None and f"content/articles/{ARTICLE_ID.format(5)}.yaml" in stamps
    (project / "content" / "link.yaml").symlink_to(project / "content" / "people.yaml")
    assert file_stamps(project, "content") is None
    inode, size, mtime, ctime = stamps["content/people.yaml"]
    assert trusted((inode, size, mtime, ctime), ctime + 10**9) and not trusted((inode, size, mtime, ctime), ctime)


def test_stamps_of_a_file_system_with_whole_seconds_wait_two_seconds():
    written = 1_700_000_000 * 10**9  # mtime and ctime in whole seconds, as FAT, HFS+ or some network shares keep them
    stamp = (1, 10, written, written)
    assert not trusted(stamp, written + 500_000_000)  # a write later in that second would keep the stamp
    assert not trusted(stamp, written + 1_900_000_000)
    assert trusted(stamp, written + 2_100_000_000)
    precise = (1, 10, written + 123, written + 123)
    assert trusted(precise, written + 500_000_000)


def test_constants_copied_to_keep_a_no_op_generate_light_stay_equal():
    assert cli.STDIN == new.STDIN


def test_a_page_deleted_by_hand_comes_back(project, tmp_path):
    session = pipeline.Session(project)
    session.generate(today=TODAY)
    (project / "dossier" / "artikel" / f"{ARTICLE_ID.format(5)}.md").unlink()
    assert session.generate(today=TODAY)[1].written == [f"artikel/{ARTICLE_ID.format(5)}.md"]
    assert_equals_full_generate(project, tmp_path)


def test_figures_no_claim_covers_are_warned_about_after_a_recheck_as_after_a_full_check(tmp_path):
    root = tmp_path / "seed"
    shutil.copytree(REPO / "content", root / "content")
    time.sleep(2 * RACY_NS / 1e9)
    snapshot = check_all(root, TODAY)
    changed, other = "pentagon-10000-soldaten", "kcna-bestaetigt-einsatz-kursk"
    edit_yaml(root, changed, lambda data: data.update(claims=[c for c in data["claims"] if "value" not in c]))
    for edited in (changed, other):  # the second recheck keeps what the first found of the unchanged article
        if edited == other:
            retitle(root, other)
        time.sleep(2 * RACY_NS / 1e9)  # an edit just before the stamps are taken counts as changed next time too
        found = recheck(snapshot, root, TODAY)
        assert found is not None and found[1] == {edited}
        snapshot = found[0]
        warnings = pipeline.finish(snapshot).warnings
        assert warnings == pipeline.check(root, TODAY).warnings
        assert [p.path for p in warnings if p.check == "figure-not-claimed"] == [f"content/articles/{changed}.yaml"]


def test_a_check_pauses_the_garbage_collector_and_restores_it(project, monkeypatch):
    seen = []
    loader = incremental.load_content
    monkeypatch.setattr(incremental, "load_content", lambda root: seen.append(gc.isenabled()) or loader(root))
    check_all(project, TODAY)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        check_all(project, TODAY)
        assert not gc.isenabled()  # paused by the caller: left so
    finally:
        gc.enable()

    def refuse(*args):
        raise ContentError([])

    monkeypatch.setattr(incremental, "build_model", refuse)
    with pytest.raises(ContentError):
        check_all(project, TODAY)
    assert gc.isenabled()
