"""Session names are unique over the ledger, in masked and in full form, and whatever a user pastes back
(a printed name, masked or not, shortened with "…", markdown-escaped, without its agent, a key, a
label, an id or id prefix) resolves to the session it names."""

from __future__ import annotations

from token_monitor.report.names import SessionNames
from token_monitor.report.render import truncate_title

A = "3f1c2d4e-0000-4000-8000-000000000001"
B = "3f1c2d4e-1111-4000-8000-000000000002"
C = "9a8b7c6d-2222-4000-8000-000000000003"
D = "0c6f1a52-3333-4000-8000-000000000004"


def names(show_ids=False):
    return SessionNames([
        ("main", A, "agent:main:whatsapp:direct:+4915112345678", None),
        ("main", B, "agent:main:whatsapp:direct:+4917099995678", None),   # masks like A
        ("main", C, "agent:main:main", None),
        ("work", D, "agent:work:telegram:group:-1001234567890", "Team_chat"),
    ], show_ids=show_ids)


def test_peers_that_mask_alike_get_id_suffixes_only_when_masked():
    masked, full = names(), names(show_ids=True)
    assert masked.title("main", A) == "main/whatsapp:direct:+49…5678#3f1c2d4e-0"
    assert masked.title("main", B) == "main/whatsapp:direct:+49…5678#3f1c2d4e-1"
    assert full.title("main", A) == "main/whatsapp:direct:+4915112345678"
    assert masked.title("main", C) == "main/main"
    assert masked.title("work", D) == "work/Team_chat"


def test_a_key_with_several_session_ids_gets_eight_character_suffixes():
    n = SessionNames([("work", A, "agent:work:main", None), ("work", C, "agent:work:main", None)])
    assert {n.title("work", A), n.title("work", C)} == {"work/main#3f1c2d4e", "work/main#9a8b7c6d"}
    assert n.resolve("work/main") == sorted([("work", A), ("work", C)])


def test_pasted_names_resolve_to_their_session():
    n = names()
    for ident in ("main/whatsapp:direct:+49…5678#3f1c2d4e-0", "main/whatsapp:direct:+49...5678#3f1c2d4e-0",
                  "whatsapp:direct:+49…5678#3f1c2d4e-0", "MAIN/WHATSAPP:DIRECT:+49…5678#3F1C2D4E-0",
                  "main/whatsapp:direct:+4915112345678", "agent:main:whatsapp:direct:+4915112345678", A, A[:6]):
        got = n.resolve(ident)
        assert ("main", A) in got, ident
    assert n.resolve("main/whatsapp:direct:+49…5678") == sorted([("main", A), ("main", B)])
    assert n.resolve("work/Team\\_chat") == [("work", D)]        # as markdown output escapes it
    assert n.resolve("main/3f1c2d4e-1") == [("main", B)]
    assert n.resolve("nothing-like-this") == []


def test_shortened_names_still_resolve():
    n = names()
    for pair in (("main", A), ("main", B), ("main", C), ("work", D)):
        title = n.title(*pair)
        for width in (12, 16, 22, 26):
            short = truncate_title(title, width)
            assert len(short) <= width
            assert pair in n.resolve(short), (title, short)
            if width >= 22:
                assert n.resolve(short) == [pair], (title, short)
    assert truncate_title("main/whatsapp:direct:+49…5678", 26) == "main/whatsapp:…+49…5678"
    assert n.resolve("main/whatsapp:…#3f1c2d4e-1") == [("main", B)]
