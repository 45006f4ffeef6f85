"""A corpus of hostile reviews: every field carries payloads that try to run script in a browser.

Each payload, if it ever ran, would set its own marker `window.__pwned_<n>`; the browser test
asserts no marker exists on any page. Payloads go into customer fields (plain text) and staff
fields (Markdown, sanitized) alike.
"""

from __future__ import annotations

import yaml

MARKER = "__pwned_"
TEMPLATE_SYNTAX = "{{ 7*7 }} {% if true %}evaluated{% endif %} {{ config }} ${7*7} #{7*7}"

# {n} becomes the payload's number; every payload sets window.__pwned_<n> (or parent's) if it runs.
_HTML_PAYLOADS = [
    "<script>window.__pwned_{n}=1</script>",
    '<img src="x" onerror="window.__pwned_{n}=1">',
    "<img src=x onerror=window.__pwned_{n}=1>",
    '<svg onload="window.__pwned_{n}=1"><circle r="1"/></svg>',
    "<svg><script>window.__pwned_{n}=1</script></svg>",
    '<iframe srcdoc="<script>parent.__pwned_{n}=1</script>"></iframe>',
    '<iframe src="javascript:parent.__pwned_{n}=1"></iframe>',
    '<object data="javascript:window.__pwned_{n}=1"></object>',
    '<embed src="data:text/html,<script>parent.__pwned_{n}=1</script>">',
    '"><script>window.__pwned_{n}=1</script>',
    "'><img src=x onerror=window.__pwned_{n}=1>",
    '" onmouseover="window.__pwned_{n}=1" autofocus onfocus="window.__pwned_{n}=1" x="',
    "</title><script>window.__pwned_{n}=1</script>",
    "</textarea></style></script><script>window.__pwned_{n}=1</script>",
    '<details open ontoggle="window.__pwned_{n}=1"><summary>x</summary></details>',
    '<body onload="window.__pwned_{n}=1">',
    '<a href="javascript:window.__pwned_{n}=1">click</a>',
    '<a href="JaVaScRiPt:window.__pwned_{n}=1">click</a>',
    '<a href="java&#x09;script:window.__pwned_{n}=1">click</a>',
    '<a href="data:text/html,<script>parent.__pwned_{n}=1</script>">click</a>',
    '<form action="javascript:window.__pwned_{n}=1"><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned_{n}=1">',
    "<style>@import 'javascript:window.__pwned_{n}=1';</style>",
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned_{n}=1">',
    '<noscript><p title="</noscript><img src=x onerror=window.__pwned_{n}=1>">',
    "<!--<img src=x onerror=window.__pwned_{n}=1>-->",
    "]]><script>window.__pwned_{n}=1</script><![CDATA[",
    "</script><script>window.__pwned_{n}=1</script>",
    "\u2028\u2029</script><script>window.__pwned_{n}=1</script>",
    "\uff1cscript\uff1ewindow.__pwned_{n}=1\uff1c/script\uff1e \u202eevil\u202c zero\u200bwidth",
    '<a href="https://example.com/" onclick="window.__pwned_{n}=1">x</a>',
    '<input autofocus onfocus="window.__pwned_{n}=1">',
]
# Markdown-only tricks, for staff fields (customer fields show them as literal text anyway).
_MARKDOWN_PAYLOADS = [
    "[click](javascript:window.__pwned_{n}=1)",
    '[click](JAVASCRIPT:window.__pwned_{n}=1 "title")',
    "[click](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+)",
    "[click][ref{n}]\n\n[ref{n}]: javascript:window.__pwned_{n}=1",
    "<javascript:window.__pwned_{n}=1>",
    "![img](javascript:window.__pwned_{n}=1)",
    '![img](x" onerror="window.__pwned_{n}=1)',
    '[click](https://example.com/"onmouseover="window.__pwned_{n}=1)',
    '<span onmouseover="window.__pwned_{n}=1">*hover*</span>',
    "`<script>window.__pwned_{n}=1</script>`",
]


class Numbered:
    """Hands out payloads with fresh numbers, remembering how many there are."""

    def __init__(self):
        self.count = 0

    def take(self, payloads: list[str]) -> str:
        """Return the payloads joined as one text, each with its own marker number."""
        parts = []
        for payload in payloads:
            self.count += 1
            parts.append(payload.replace("{n}", str(self.count)))
        return "\n\n".join(parts)


def hostile_reviews() -> tuple[dict[str, str], int]:
    """Return review files (name -> YAML) full of payloads, and how many markers they use."""
    numbers = Numbered()

    def customer() -> str:
        return numbers.take(_HTML_PAYLOADS) + "\n\n" + TEMPLATE_SYNTAX

    def staff() -> str:
        return numbers.take(_HTML_PAYLOADS + _MARKDOWN_PAYLOADS) + "\n\n" + TEMPLATE_SYNTAX

    files = {}
    for index, channel in enumerate(("google", "email", "trustpilot")):
        data = {
            "channel": channel,
            "received": f"2026-11-0{index + 2}T08:00",
            "author": numbers.take(['Kari "><script>window.__pwned_{n}=1</script> Nordmann']),
            "rating": index + 1,
            "title": numbers.take(
                ["</title><script>window.__pwned_{n}=1</script><img src=x onerror=__pwned_{n}=1>"]
            )
            + " "
            + TEMPLATE_SYNTAX,
            "text": customer(),
            "url": 'https://example.com/review?q=%22%3E%3Cscript%3E&x="><script>x</script>',
            "consent": "public",
            "tags": [
                numbers.take(["<script>window.__pwned_{n}=1</script>"]),
                numbers.take(['"><img src=x onerror=window.__pwned_{n}=1>']),
                "{{ 7*7 }}",
            ],
            "thread": [
                {
                    "at": f"2026-11-0{index + 2}T09:00",
                    "by": numbers.take(['Support "><img src=x onerror=window.__pwned_{n}=1>']),
                    "text": staff(),
                },
                {"at": f"2026-11-0{index + 2}T10:00", "from": "customer", "text": customer()},
                {
                    "at": f"2026-11-0{index + 2}T11:00",
                    "private": True,
                    "via": "email",
                    "text": customer(),
                    "summary": staff(),
                },
            ],
            "outcome": {
                "status": "resolved",
                "at": f"2026-11-0{index + 3}",
                "summary": staff(),
                "actions": ["apology"],
                "rating_after": 5,
                "customer_said": customer(),
                "change": staff(),
            },
        }
        files[f"2026/2026-11-0{index + 2}-hostile-{index + 1}.yml"] = yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False, width=10_000
        )
    return files, numbers.count
