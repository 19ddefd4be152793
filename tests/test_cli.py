import pytest
from conftest import write_content

from generator.cli import main


def test_check_ok(tmp_path, content, capsys):
    root = write_content(tmp_path, content)
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().out == "ok: 1 articles, 1 quotes and 2 claims found in their texts\n"


def test_all_problems_are_reported_then_exit_1(tmp_path, content, meta, capsys):
    meta["quotes"][0]["speaker"] = "niemand"
    content["places"][0]["lat"] = 500
    root = write_content(tmp_path, content)
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().err == (
        "content/places.yaml:4:8: expected a latitude (maximum 90), found the number 500\n1 error(s), 0 warning(s)\n"
    )


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--root", str(tmp_path), "check"])
    assert info.value.code == 2
    assert "no content/ directory" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_failed_generate_writes_nothing(tmp_path, content, meta):
    root = write_content(tmp_path, content)
    assert main(["--root", str(root), "generate"]) == 0
    before = {p: p.read_bytes() for p in (root / "dossier").rglob("*") if p.is_file()}
    meta["claims"][0]["excerpt"] = "nicht im Text"
    meta["title"] = "Neuer Titel"
    write_content(tmp_path, content)
    assert main(["--root", str(root), "generate"]) == 1
    after = {p: p.read_bytes() for p in (root / "dossier").rglob("*") if p.is_file()}
    assert after == before


def test_generate_refuses_a_foreign_output_directory(tmp_path, content, capsys):
    root = write_content(tmp_path, content)
    (root / "dossier").mkdir()
    (root / "dossier" / "notes.md").write_text("mine", encoding="utf-8")
    assert main(["--root", str(root), "generate"]) == 1
    assert "holds files that 'dossier generate' did not write (notes.md)" in capsys.readouterr().err
    assert (root / "dossier" / "notes.md").read_text(encoding="utf-8") == "mine"
