"""The page: self-contained, deterministic, and no document text becomes markup or script."""
from __future__ import annotations

import base64
import hashlib
import json
import re

from timeline.view.escape import json_for_script, label_text
from timeline.view.page import render_page

from tests.view.factory import make_document, make_event

NASTY = ('قال المتحدث <script>alert("x")</script> إن <img src=x onerror=alert(1)> '
         '<a href="javascript:alert(2)">هنا</a> </script><script>alert(3)</script> \u2028')


def _page(**kw):
    ev = make_event("e1", "2024-05-06", text=NASTY, actors=(("hamas", "Hamas", "participant"),))
    doc = make_document(text=NASTY, url="javascript:alert(4)", title="<b>عنوان</b>")
    return render_page([ev], documents=[doc], title="<i>title</i>", **kw)


def _scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)


def test_json_for_script_cannot_close_its_block():
    text = json_for_script({"t": NASTY})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": NASTY}


def test_label_text_escapes_markup():
    assert label_text('<a href="javascript:x">&</a>') == '&lt;a href="javascript:x"&gt;&amp;&lt;/a&gt;'


def test_only_our_five_script_blocks_exist_and_data_blocks_are_inert():
    page = _page()
    blocks = _scripts(page)
    assert len(blocks) == 5
    data = [b for attrs, b in blocks if 'type="application/json"' in attrs]
    assert len(data) == 3
    for body in data:
        assert "<" not in body
        json.loads(body)
    events = json.loads(data[2])["events"]
    assert events[0]["mentions"][0]["text"] == NASTY  # shown as text, intact


def test_csp_allows_exactly_the_two_inline_scripts_and_no_network():
    page = _page()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    code = [b for attrs, b in _scripts(page) if "type=" not in attrs]
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(c.encode()).digest()).decode() + "'" for c in code}
    allowed = set(re.search(r"script-src ([^;]+)", csp).group(1).split())
    assert hashes == allowed
    assert "connect-src 'none'" in csp and "default-src 'none'" in csp


def test_title_and_summary_are_escaped():
    page = _page()
    assert "<i>title</i>" not in page and "&lt;i&gt;title&lt;/i&gt;" in page


def test_no_network_reference_outside_plotly():
    page = _page()
    outside = re.sub(r"<script>.*?</script>", "", page, flags=re.S)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", outside)


def test_same_events_give_the_same_bytes():
    assert _page() == _page()


def test_page_script_builds_dom_with_text_only():
    from timeline.view.page import ASSETS
    script = (ASSETS / "page.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script
    assert "eval(" not in script and "new Function" not in script
