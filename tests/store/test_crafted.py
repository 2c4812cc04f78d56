"""Plans someone crafted: foreign schema objects are refused, SQLite runs defensively, and
every value read from the file is checked where it enters."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from matrixdesk.core.model import Role
from matrixdesk.store import (
    ForeignSchemaError,
    InvalidPlanError,
    MatrixStore,
)
from matrixdesk.store.connection import connect, sqlite_uri


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def plan_file(tmp_path, small_plan):
    path = tmp_path / "plan.mdesk"
    MatrixStore.create(path, small_plan).close()
    return path


def _tamper(path, *statements) -> None:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (
            ["CREATE TRIGGER wipe AFTER INSERT ON changelog BEGIN DELETE FROM measures; END"],
            "trigger wipe",
        ),
        (
            [
                "CREATE VIEW slow AS WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1"
                " FROM r) SELECT i FROM r"
            ],
            "view slow",
        ),
        (["CREATE TABLE filler (x)"], "table filler"),
        (["CREATE INDEX odd ON measures (title)"], "index odd"),
    ],
    ids=["trigger", "view", "table", "index"],
)
def test_foreign_schema_objects_are_refused_and_the_file_left_alone(plan_file, statements, named):
    _tamper(plan_file, *statements)
    before = digest(plan_file)
    for kwargs in ({"lock": True}, {"read_only": True}):
        with pytest.raises(ForeignSchemaError) as info:
            MatrixStore.open(plan_file, **kwargs)
        assert named in info.value.objects
    assert digest(plan_file) == before


def test_a_changed_table_of_ours_is_refused(plan_file):
    _tamper(
        plan_file,
        "PRAGMA writable_schema = ON",
        'UPDATE sqlite_master SET sql = replace(sql, \'"role" TEXT\', \'"role" TEXT CHECK'
        " (length(role) < 100)') WHERE name = 'assignments'",
    )
    with pytest.raises(ForeignSchemaError, match=r"table assignments \(changed\)"):
        MatrixStore.open(plan_file)


def test_connections_are_defensive(plan_file):
    conn = connect(str(plan_file), read_only=False)
    try:
        assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        conn.execute("PRAGMA writable_schema = ON")
        with pytest.raises(sqlite3.DatabaseError):  # defensive mode: the schema stays as built
            conn.execute("UPDATE sqlite_master SET sql = 'x' WHERE name = 'meta'")
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        ("UPDATE targets SET value = '约60' WHERE id = 1", "value is '约60', not a number"),
        ("UPDATE assignments SET role = 'boss' WHERE measure_id = 2", "role 'boss'"),
        ("UPDATE targets SET comparator = '~' WHERE id = 1", "comparison '~'"),
        ("UPDATE departments SET name = '' WHERE id = 2", "department 2: name is missing"),
        ("UPDATE measures SET level = 'x' WHERE id = 2", "measure 2: level is 'x'"),
        ("UPDATE measures SET parent_id = 5 WHERE id = 4", "its own ancestor"),
        (
            "INSERT INTO assignments VALUES (2, 77, 'lead', 5)",
            "department 77 names no department",
        ),
    ],
    ids=["text-value", "role", "comparator", "no-name", "text-level", "cycle", "no-department"],
)
def test_bad_values_give_one_clear_message(plan_file, statement, words):
    _tamper(plan_file, "PRAGMA foreign_keys = OFF", statement)
    before = digest(plan_file)
    for kwargs in ({"lock": True}, {"read_only": True}):
        with pytest.raises(InvalidPlanError) as info:
            MatrixStore.open(plan_file, **kwargs)
        assert any(words in p for p in info.value.problems), info.value.problems
    assert digest(plan_file) == before


def test_a_long_text_is_read(plan_file):
    _tamper(plan_file, "UPDATE measures SET title = hex(zeroblob(50000)) WHERE id = 2")
    store = MatrixStore.open(plan_file, read_only=True)
    try:
        assert len(store.measure(2).title) == 100_000
    finally:
        store.close()


def test_a_gigantic_value_is_refused_without_reading_it(plan_file, monkeypatch):
    from matrixdesk.store import connection

    monkeypatch.setattr(connection, "MAX_VALUE_BYTES", 1_000_000)
    _tamper(plan_file, "UPDATE source SET text = hex(zeroblob(600000))")
    with pytest.raises(InvalidPlanError, match="too large"):
        MatrixStore.open(plan_file, read_only=True)


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (r"\\server\share\计划\plan.mdesk", "file:////server/share/%E8%AE%A1%E5%88%92/plan.mdesk"),
        (
            r"Z:\2021年 任务#1\plan.mdesk",
            "file:///Z:/2021%E5%B9%B4%20%E4%BB%BB%E5%8A%A1%231/plan.mdesk",
        ),
        (r"C:\Users\张三\a%b?.mdesk", "file:///C:/Users/%E5%BC%A0%E4%B8%89/a%25b%3F.mdesk"),
    ],
    ids=["unc", "mapped-drive", "drive"],
)
def test_uris_for_windows_paths(path, uri):
    assert sqlite_uri(path, read_only=True, windows=True) == uri + "?mode=ro"
    assert sqlite_uri(path, read_only=False, windows=True) == uri + "?mode=rw"
    authority = uri[len("file://") :].split("/", 1)[0]
    assert authority == "", "SQLite accepts no authority but localhost"


def test_uri_for_a_long_windows_path_uses_the_verbatim_form():
    folder = "\\".join(["很长的文件夹名称" * 3] * 12)
    uri = sqlite_uri(rf"\\server\share\{folder}\plan.mdesk", read_only=True, windows=True)
    assert uri.startswith("file:%5C%5C%3F%5CUNC%5Cserver%5Cshare%5C")
    assert uri.endswith("plan.mdesk?mode=ro&vfs=win32-longpath")


def test_a_path_longer_than_windows_max_path_opens(tmp_path, small_plan):
    """Over 260 characters, with Chinese folder names (SQLite on Linux takes up to 512 bytes;
    Windows paths this long go through the verbatim form tested above)."""
    folder = tmp_path
    while len(str(folder)) < 250:
        folder = folder / "2021 annual plans 任务分工"
    folder.mkdir(parents=True)
    path = folder / "吉政办发[2020]34号 plan.mdesk"
    MatrixStore.create(path, small_plan).close()
    assert len(str(path)) > 260
    for kwargs in ({"lock": True}, {"read_only": True}):
        MatrixStore.open(path, **kwargs).close()


@pytest.mark.parametrize(
    "fields",
    [{"value": "约60"}, {"year": "2022年"}, {"comparator": "~"}, {"unit": 5}],
    ids=["text-value", "text-year", "comparator", "unit"],
)
def test_edits_cannot_write_values_a_plan_never_holds(plan_file, fields):
    from matrixdesk.core.model import Target
    from matrixdesk.store import EditError

    store = MatrixStore.open(plan_file)
    try:
        before = store.targets()
        with pytest.raises(EditError):
            store.update_target(1, **fields)
        with pytest.raises(EditError):
            store.add_target(Target(0, 2, "指标", **{"value": 1.0, **fields}))
        assert store.targets() == before
    finally:
        store.close()
    MatrixStore.open(plan_file, read_only=True).close()  # still a readable plan


def test_a_cleaned_copy_leaves_out_what_matrixdesk_did_not_create(plan_file, tmp_path):
    from matrixdesk.store import clean_copy, cleaned_name

    _tamper(
        plan_file,
        "CREATE TABLE filler (x)",
        "CREATE TRIGGER wipe AFTER INSERT ON changelog BEGIN DELETE FROM measures; END",
        "CREATE VIEW slow AS SELECT * FROM measures",
        "CREATE INDEX odd ON measures (title)",
    )
    before = digest(plan_file)
    dest = cleaned_name(str(plan_file))
    assert dest.endswith("plan-cleaned.mdesk")
    removed = clean_copy(str(plan_file), dest)
    assert sorted(removed) == ["index odd", "table filler", "trigger wipe", "view slow"]
    assert digest(plan_file) == before  # the received file stays as it was
    store = MatrixStore.open(dest, lock=True)
    try:
        store.set_role(6, 1, Role.LEAD)  # the trigger is gone: the edit keeps the measures
        assert len(store.measures()) == 6
    finally:
        store.close()


def test_a_plan_whose_own_tables_were_changed_is_not_cleaned(plan_file, tmp_path):
    from matrixdesk.store import clean_copy

    _tamper(
        plan_file,
        "PRAGMA writable_schema = ON",
        'UPDATE sqlite_master SET sql = replace(sql, \'"role" TEXT\', \'"role" TEXT CHECK'
        " (length(role) < 100)') WHERE name = 'assignments'",
    )
    with pytest.raises(ForeignSchemaError, match="changed"):
        clean_copy(str(plan_file), str(tmp_path / "copy.mdesk"))
    assert not (tmp_path / "copy.mdesk").exists()
