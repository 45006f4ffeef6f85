"""Profile the python stages of one build with pyinstrument and list the top costs of each."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pyinstrument import Profiler

from generator.publish import build as pipeline

# The frame that opens a stage; what runs under it belongs to that stage until another opens.
STAGE_FRAMES = {
    "read_config": "read",
    "read_documents": "read",
    "load_project": "check",
    "check_documents": "check",
    "check_rules": "check",
    "make_site": "measure",
    "write_site_project": "render + write",
    "page_orders": "render + write",
    "write_project": "render + write",
}
TOP = 8


def profile_pipeline(root: Path) -> str:
    """Return the top functions by own time in each stage of load + write at root."""
    profiler = Profiler(interval=0.001)
    profiler.start()
    # In one process: the work of other processes would not be seen.
    project = pipeline.load_project(root, cores=1)
    pipeline.write_site_project(project, root / pipeline.BUILD_DIR, cores=1)
    profiler.stop()
    own: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    within: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    _collect(profiler.last_session.root_frame(), "other", own, within, ())
    lines = [f"Profile of load_project + write_site_project ({len(project.reviews)} reviews):"]
    for stage, functions in sorted(own.items(), key=lambda item: -sum(item[1].values())):
        total = sum(functions.values())
        lines.append(f"\n{stage}: {total:.2f} s")
        lines.append("  own time:")
        for name, seconds in sorted(functions.items(), key=lambda item: -item[1])[:TOP]:
            lines.append(f"  {seconds / total:6.1%}  {seconds:6.2f} s  {name}")
        lines.append("  reviewwall functions and templates, time including what they call:")
        for name, seconds in sorted(within[stage].items(), key=lambda item: -item[1])[:TOP]:
            lines.append(f"  {seconds / total:6.1%}  {seconds:6.2f} s  {name}")
    return "\n".join(lines)


def _collect(frame, stage: str, own: dict, within: dict, path: tuple[str, ...]) -> None:
    stage = STAGE_FRAMES.get(frame.function, stage)
    children = [child for child in frame.children if not child.is_synthetic]
    name = f"{frame.function} ({frame.file_path_short}:{frame.line_no})"
    spent = frame.time - sum(child.time for child in children)
    if spent > 0:
        own[stage][name] += spent
    ours = any(part in (frame.file_path or "") for part in ("/generator/", "/templates/"))
    # A recursive function is counted once, at its outermost call.
    # The two containers hold other stages; their totals are in the table already.
    container = frame.function in ("load_project", "write_site_project")
    if ours and not container and name not in path:
        within[stage][name] += frame.time
        path += (name,)
    for child in children:
        _collect(child, stage, own, within, path)
