"""tests/sitewalk.py, the walk that looks for anything that runs in the files of a site: it finds
it where there is some, so that a walk that finds nothing proves something."""

from tests.sitewalk import html_dangers


def test_the_walk_finds_danger_where_there_is_some():
    found = html_dangers(
        '<p onclick="x()">a</p><a href=" JavaScript:x()">b</a><iframe srcdoc="x"></iframe>'
        '<script type="application/ld+json">{"a": "</script><script>__pwned_1=1</script>',
        "page",
    )
    assert found == [
        "page: <p onclick>",
        "page: <a href=' JavaScript:x()'>",
        "page: <iframe>",
        "page: <iframe srcdoc>",
        'page: a application/ld+json block that is not JSON: \'{"a": "\'',
        "page: inline script holding data: '__pwned_1=1'",
    ]
