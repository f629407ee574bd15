"""helpkit.page.frontmatter: generated front matter is valid YAML whatever the text; broken front matter is named."""

from __future__ import annotations

import pytest

from helpkit.page.frontmatter import front_matter_problem, page_source, split_front_matter


@pytest.mark.parametrize(
    "title",
    ['L\'aide "maintenant"', "a: b # c", "- list", "'", '"', "{x}", "Yes", "123", "&lt;b&gt; <script>"],
)
def test_generated_front_matter_reads_back_as_the_same_text(title: str) -> None:
    source = page_source({"title": title, "description": title, "shk_region": "155"}, heading=title)
    meta, body = split_front_matter(source)
    assert meta == {"title": title, "description": title, "shk_region": "155"}
    assert front_matter_problem(source) is None
    assert "<script>" not in body


def test_broken_front_matter_names_its_line() -> None:
    source = "---\ntitle: Fine\ndescription: 'it's broken'\n---\n\n# Page\n"
    problem = front_matter_problem(source)
    assert problem is not None
    assert problem.startswith("line 3: front matter is not valid YAML (")
    assert problem.endswith("expected key: value lines between the two '---'")


def test_front_matter_that_is_not_a_mapping_is_named() -> None:
    assert front_matter_problem("---\n- a\n- b\n---\n\ntext\n") == (
        "line 2: front matter is not a mapping: expected key: value lines between the two '---'"
    )


def test_a_page_without_front_matter_has_no_problem() -> None:
    assert front_matter_problem("# Title\n\ntext\n") is None
