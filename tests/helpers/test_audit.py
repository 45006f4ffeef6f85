"""tests/audit.py, the arithmetic of `make audit`: medians of Lighthouse's scores, and each missed
target named."""

from tests import audit


def test_the_audit_takes_medians_and_names_each_missed_target(tmp_path):
    """make audit's arithmetic, on made-up Lighthouse reports: no browser needed."""
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<p>hei</p>" * 50)
    (site / "assets" / "app.js").write_text("let x = 1;\n" * 50)

    def report(performance, requests):
        categories = {
            name: {"score": 1.0, "auditRefs": [{"id": "document-title", "weight": 1}]}
            for name in audit.CATEGORIES
        }
        categories["performance"]["score"] = performance
        return {
            "categories": categories,
            "audits": {
                "document-title": {"score": 1},
                "network-requests": {"details": {"items": [{"url": url} for url in requests]}},
                "total-byte-weight": {"numericValue": 1000},
            },
        }

    origin = "http://127.0.0.1:8000/"
    ours = [origin, origin + "assets/app.js", "data:image/png;base64,AAAA"]
    runs = [audit.measure_run(report(score, ours), site, origin) for score in (0.97, 0.99, 1.0)]
    assert [run["performance"] for run in runs] == [97, 99, 100]
    gzipped = len(audit.gzipped(site / "index.html")) + len(audit.gzipped(site / "assets/app.js"))
    assert runs[0]["kb"] == gzipped / 1024
    summary = audit.summarize(runs)
    assert (summary["performance"], summary["missed"]) == (99, [])
    foreign = audit.measure_run(
        report(1.0, [*ours, "https://fonts.gstatic.com/x.woff2"]), site, origin
    )
    assert audit.summarize([foreign])["missed"] == ["foreign"]
    assert audit.summarize([runs[0]])["missed"] == ["performance"]
