"""The launcher picks a JDK new enough for OpenSearch 3, or says exactly what is missing."""

import stat

import pytest

from search.engine.errors import EngineError
from search.engine.java import find_java


def fake_jdk(jvm_root, name, version_line):
    java = jvm_root / name / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text(f"#!/bin/sh\necho '{version_line}' >&2\n")
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    return java


@pytest.fixture(autouse=True)
def no_java_home(monkeypatch):
    monkeypatch.delenv("JAVA_HOME", raising=False)


def test_refuses_an_old_jdk_and_names_what_it_found(tmp_path):
    fake_jdk(tmp_path, "java-17-openjdk-amd64", 'openjdk version "17.0.15" 2025-04-15')
    with pytest.raises(EngineError) as refusal:
        find_java(jvm_root=tmp_path)
    message = str(refusal.value)
    assert "Java 21 or newer" in message
    assert "java-17-openjdk-amd64/bin/java (Java 17)" in message


def test_reports_when_there_is_no_jdk_at_all(tmp_path):
    with pytest.raises(EngineError, match="no JDK under"):
        find_java(jvm_root=tmp_path / "missing")


def test_prefers_temurin_and_skips_old_jdks(tmp_path):
    fake_jdk(tmp_path, "java-17-openjdk-amd64", 'openjdk version "17.0.15" 2025-04-15')
    fake_jdk(tmp_path, "java-21-openjdk-amd64", 'openjdk version "21.0.4" 2024-07-16')
    temurin = fake_jdk(tmp_path, "temurin-25-jdk-amd64", 'openjdk version "25.0.3" 2026-04-21 LTS')
    found = find_java(jvm_root=tmp_path)
    assert found.executable == temurin
    assert found.major == 25


def test_java_home_wins_when_it_is_new_enough(tmp_path, monkeypatch):
    fake_jdk(tmp_path, "temurin-25-jdk-amd64", 'openjdk version "25.0.3"')
    chosen = fake_jdk(tmp_path / "elsewhere", "jdk-21", 'openjdk version "21.0.1"')
    monkeypatch.setenv("JAVA_HOME", str(chosen.parent.parent))
    assert find_java(jvm_root=tmp_path).executable == chosen


def test_this_machine_has_a_usable_jdk():
    assert find_java().major >= 21
