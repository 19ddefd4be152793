from generator.write import MARKER, write_pages


def test_unchanged_pages_are_not_rewritten_and_stale_ones_removed(tmp_path):
    out = tmp_path / "dossier"
    first = write_pages(out, {"a.md": "A\n", "sub/b.md": "B\n", "sub/c.md": "C\n"})
    assert sorted(first.written) == [MARKER, "a.md", "sub/b.md", "sub/c.md"]
    stamp = (out / "a.md").stat().st_mtime_ns
    second = write_pages(out, {"a.md": "A\n", "sub/b.md": "B2\n"})
    assert second.written == ["sub/b.md"]
    assert second.removed == ["sub/c.md"]
    assert (out / "a.md").stat().st_mtime_ns == stamp
    assert (out / "sub" / "b.md").read_text(encoding="utf-8") == "B2\n"


def test_empty_folders_and_leftover_temporary_files_are_removed(tmp_path):
    out = tmp_path / "dossier"
    write_pages(out, {"x/y.md": "Y\n"})
    (out / "x" / ".y.md.123.tmp").write_text("half", encoding="utf-8")
    report = write_pages(out, {"z.md": "Z\n"})
    assert report.removed == ["x/.y.md.123.tmp", "x/y.md"]
    assert not (out / "x").exists()
