"""Deterministic synthetic events for benchmarks: ``synthetic_events(10_000)``.

The events look like the pipeline's output (see ``timeline.model``): about three
years of diplomatic and military events in bursts, with the date granularities,
date bases, actor roles, Arabic mention sentences (some with ``<``, ``&``, quotes
and pasted markup) and outlets that real articles give.  Same ``seed``, same events.
"""
from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.model import Event, EventActor, EventDate, EventMention, Interval  # noqa: E402

START = dt.date(2023, 1, 1)
DAYS = 3 * 365

# type -> weight, and its trigger families: (family, CAMEO code, Arabic trigger word)
TYPE_WEIGHTS: dict[str, int] = {
    "statement": 30, "meeting": 14, "military": 12, "negotiation": 9, "call": 7, "visit": 6,
    "proposal": 5, "agreement": 5, "decision": 5, "rejection": 4, "other": 3,
}
FAMILIES: dict[str, list[tuple[str, str, str]]] = {
    "statement": [("say", "010", "قال"), ("say", "010", "أكد"), ("threaten", "130", "هدد"),
                  ("accuse", "112", "اتهم"), ("appeal", "020", "دعا")],
    "meeting": [("meet", "040", "التقى"), ("discuss", "040", "بحث")],
    "military": [("attack", "190", "شن هجوما على"), ("operation-announce", "190", "أعلن بدء عملية ضد"),
                 ("pause", "087", "أعلن هدنة مع"), ("mobilize", "154", "حشد قواته قرب")],
    "negotiation": [("talks", "046", "أجرى مفاوضات مع"), ("mediate", "045", "توسط بين")],
    "call": [("call", "041", "أجرى اتصالا هاتفيا مع")],
    "visit": [("visit", "042", "زار")],
    "proposal": [("propose", "030", "اقترح على")],
    "agreement": [("agree", "057", "اتفق مع"), ("ceasefire", "0871", "توصل إلى وقف إطلاق النار مع")],
    "decision": [("decide", "014", "قرر")],
    "rejection": [("reject", "120", "رفض"), ("veto", "129", "استخدم حق النقض ضد")],
    "other": [("halt-aid", "162", "أوقف المساعدات إلى")],
}
FIRST_ROLE = {"statement": "speaker", "rejection": "speaker", "military": "initiator", "proposal": "initiator",
              "decision": "initiator", "visit": "initiator", "other": "initiator"}

STATES = [("Egypt", "مصر"), ("Qatar", "قطر"), ("United States", "الولايات المتحدة"), ("Israel", "إسرائيل"),
          ("Jordan", "الأردن"), ("Saudi Arabia", "السعودية"), ("United Arab Emirates", "الإمارات"),
          ("Turkey", "تركيا"), ("Iran", "إيران"), ("Lebanon", "لبنان"), ("Syria", "سوريا"), ("Iraq", "العراق"),
          ("France", "فرنسا"), ("United Kingdom", "بريطانيا"), ("Russia", "روسيا"), ("China", "الصين"),
          ("Germany", "ألمانيا"), ("Oman", "سلطنة عمان"), ("Kuwait", "الكويت"), ("Bahrain", "البحرين"),
          ("Yemen", "اليمن"), ("Sudan", "السودان"), ("Libya", "ليبيا"), ("Algeria", "الجزائر"),
          ("Morocco", "المغرب"), ("Tunisia", "تونس"), ("Palestinian Authority", "السلطة الفلسطينية")]
ORGS = [("United Nations", "الأمم المتحدة"), ("UN Security Council", "مجلس الأمن"),
        ("Arab League", "جامعة الدول العربية"), ("European Union", "الاتحاد الأوروبي"),
        ("Red Cross", "الصليب الأحمر"), ("UNRWA", "الأونروا"), ("World Health Organization", "منظمة الصحة العالمية"),
        ("African Union", "الاتحاد الأفريقي"), ("Organisation of Islamic Cooperation", "منظمة التعاون الإسلامي"),
        ("Gulf Cooperation Council", "مجلس التعاون الخليجي")]
ARMED = [("Hamas", "حماس"), ("Hezbollah", "حزب الله"), ("Houthis", "الحوثيون"),
         ("Islamic Jihad", "الجهاد الإسلامي"), ("Rapid Support Forces", "قوات الدعم السريع")]
FIRST_NAMES = [("Ahmed", "أحمد"), ("Mohammed", "محمد"), ("Khaled", "خالد"), ("Omar", "عمر"), ("Youssef", "يوسف"),
               ("Ali", "علي"), ("Hassan", "حسن"), ("Ibrahim", "إبراهيم"), ("Sami", "سامي"), ("Tariq", "طارق"),
               ("Nabil", "نبيل"), ("Faisal", "فيصل"), ("Karim", "كريم"), ("Mahmoud", "محمود"), ("Adel", "عادل"),
               ("Walid", "وليد"), ("Ziad", "زياد"), ("Hani", "هاني"), ("Layla", "ليلى"), ("Rania", "رانيا")]
SURNAMES = [("al-Masri", "المصري"), ("Haddad", "حداد"), ("al-Khatib", "الخطيب"), ("Nasser", "ناصر"),
            ("Saleh", "صالح"), ("al-Amin", "الأمين"), ("Mansour", "منصور"), ("Darwish", "درويش"),
            ("al-Hashimi", "الهاشمي"), ("Qasim", "قاسم")]
PERSON_TITLES = ["وزير الخارجية", "رئيس الوزراء", "المبعوث الخاص", "المتحدث باسم الحكومة", "الرئيس", ""]
UNITS = ["Foreign Ministry", "Defense Ministry", "Presidency", "Intelligence Service"]

PLACES = [("Cairo", "القاهرة"), ("Doha", "الدوحة"), ("Gaza", "غزة"), ("Beirut", "بيروت"), ("Geneva", "جنيف"),
          ("Washington", "واشنطن"), ("Riyadh", "الرياض"), ("Amman", "عمّان"), ("Paris", "باريس"),
          ("New York", "نيويورك"), ("Sharm el-Sheikh", "شرم الشيخ"), ("Rafah", "رفح"), ("Khan Younis", "خان يونس"),
          ("Istanbul", "إسطنبول"), ("Muscat", "مسقط"), ("Baghdad", "بغداد")]
OUTLETS = ["Al Jazeera", "Al Arabiya", "Alhurra", "Asharq Al-Awsat", "BBC Arabic", "Sky News Arabia",
           "France 24 Arabic", "RT Arabic", "Al-Ahram", "Anadolu Agency", "Reuters Arabic", "CNN Arabic",
           "Al-Quds Al-Arabi", "Independent Arabia"]
CITED = ["Reuters", "AFP", "Axios", "an Egyptian official", "a senior Hamas official", "Israeli media"]
MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر"]

# {a}, {b}: Arabic names of the first two actors; {t}: trigger; {w}: date words; {p}: " في <place>" or "".
TEMPLATES = [
    "{t} {a} {b}{p} {w}، في خطوة وصفها مراقبون بأنها مهمة.",
    "وذكرت مصادر مطلعة أن {a} {t} {b}{p} {w}، وسط ترقب إقليمي.",
    "{w}، {t} {a} {b}{p}، بحسب بيان رسمي.",
    "وقال {a} إن \"المحادثات مع {b} مستمرة\" بعدما {t} {b}{p} {w}.",
    "و{t} {a} {b} {w} & أكدت المصادر أن نسبة التقدم < 50% حتى الآن.",
    "وأوضح مسؤول أن {a} {t} {b}{p} {w}، مشيرا إلى 'ضمانات' لم تُحدد بعد.",
]
RARE_TEMPLATE = "ونقل موقع إخباري أن {a} {t} {b} {w} </script><script>alert('x')</script> <b>عاجل</b>."


def _actor_pool(rng: random.Random) -> list[tuple[str, str, str, str]]:
    """About 150 actors as (id, English name, type, Arabic surface), most prominent first."""
    people = rng.sample([(f, s) for f in FIRST_NAMES for s in SURNAMES], 150 - len(STATES) - len(ORGS) - len(ARMED))
    named = ([(en, "state", ar) for en, ar in STATES] + [(en, "organization", ar) for en, ar in ORGS]
             + [(en, "armed-group", ar) for en, ar in ARMED]
             + [(f"{fe} {se}", "person", f"{rng.choice(PERSON_TITLES)} {fa} {sa}".strip()) for (fe, fa), (se, sa) in people])
    rng.shuffle(named)
    return [(f"actor-{i}", en, kind, ar) for i, (en, kind, ar) in enumerate(named)]


def _date(rng: random.Random, day: dt.date) -> tuple[EventDate, str]:
    """A date of a realistic granularity and basis around ``day``, and its Arabic words."""
    roll = rng.random()
    when = f"يوم {day.day} {MONTHS_AR[day.month - 1]} {day.year}"
    if roll < 0.70:
        iso = day.isoformat()
        if rng.random() < 0.14:  # 10% of all events: only the article's publication date
            return EventDate(iso, Interval(iso, iso), "day", "document-date"), "اليوم"
        basis = rng.choices(["explicit", "same-sentence", "inherited"], [90, 6, 4])[0]
        return EventDate(iso, Interval(iso, iso), "day", basis), when  # type: ignore[arg-type]
    if roll < 0.80:
        year, week, _ = day.isocalendar()
        monday = dt.date.fromisocalendar(year, week, 1)
        value = f"{year}-W{week:02d}"
        span = Interval(monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat())
        return EventDate(value, span, "week", "explicit"), "الأسبوع الماضي"
    if roll < 0.90:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        mod = rng.choices([None, "START", "MID", "END"], [85, 5, 5, 5])[0]
        words = f"في {MONTHS_AR[day.month - 1]} {day.year}"
        return EventDate(f"{day:%Y-%m}", Interval(first.isoformat(), last.isoformat()), "month", "explicit", mod), words
    if roll < 0.95:
        value = rng.choice(["PAST_REF", "FUTURE_REF"])
        return EventDate(value, None, "vague", "explicit"), "في وقت سابق" if value == "PAST_REF" else "قريبا"
    hhmm = f"{rng.randint(6, 23):02d}:{rng.choice(['00', '15', '30', '45'])}"
    stamp = f"{day.isoformat()}T{hhmm}"
    value = stamp + rng.choice(["", "+03:00", "+02:00", "-04:00"])
    return EventDate(value, Interval(stamp, stamp), "time", "explicit"), f"{when} عند الساعة {hhmm}"


def synthetic_events(n: int = 10_000, seed: int = 7) -> list[Event]:
    """``n`` realistic events, the same for the same ``seed``, ordered by date, ids ``s1`` .. ``sN``."""
    rng = random.Random(seed)
    actors = _actor_pool(rng)
    prominence = [1 / (rank + 1) ** 0.8 for rank in range(len(actors))]
    bursts = sorted(rng.randrange(DAYS) for _ in range(14))
    doc_outlet = [rng.choice(OUTLETS) for _ in range(max(50, n // 4))]
    types, type_weights = list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values())
    drafts: list[tuple[str, Event]] = []
    for _ in range(n):
        offset = rng.randrange(DAYS) if rng.random() < 0.5 else int(rng.gauss(rng.choice(bursts), 12))
        day = START + dt.timedelta(days=offset if 0 <= offset < DAYS else rng.randrange(DAYS))
        ev_type = rng.choices(types, type_weights)[0]
        family, cameo, trigger = rng.choice(FAMILIES[ev_type])
        date, when = _date(rng, day)
        chosen: list[tuple[str, str, str, str]] = []
        wanted = rng.choices([1, 2, 3, 4], [20, 50, 20, 10])[0]
        while len(chosen) < wanted:
            pick = rng.choices(actors, prominence)[0]
            if pick not in chosen:
                chosen.append(pick)
        roles = [FIRST_ROLE.get(ev_type, "participant")]
        for _extra in chosen[1:]:
            roles.append(rng.choices(["participant", "mediator", "target", "speaker"],
                                     [50, 20, 25, 5] if ev_type != "military" else [20, 5, 70, 5])[0])
        ev_actors = [EventActor(aid, name, role, kind,  # type: ignore[arg-type]
                                rng.choice(UNITS) if kind == "state" and rng.random() < 0.2 else None, surface)
                     for (aid, name, kind, surface), role in zip(chosen, roles)]
        place = rng.choice(PLACES) if rng.random() < 0.4 else None
        mentions: list[EventMention] = []
        for _m in range(rng.choices([1, 2, 3], [60, 30, 10])[0]):
            template = RARE_TEMPLATE if rng.random() < 0.01 else rng.choice(TEMPLATES)
            other = chosen[1][3] if len(chosen) > 1 else "الوسطاء"
            text = template.format(a=chosen[0][3], b=other, t=trigger, w=when, p=f" في {place[1]}" if place else "")
            doc = rng.randrange(len(doc_outlet))
            start = rng.randrange(0, 6000)
            cited = (rng.choice(CITED),) if rng.random() < 0.2 else ()
            mentions.append(EventMention(f"doc-{doc:05d}", start, start + len(text), text, trigger,
                                         start + text.index(trigger), max(0, start - rng.randrange(0, 2500)),
                                         cited, attach_only=bool(mentions) and rng.random() < 0.1))
        sources = list(dict.fromkeys(doc_outlet[int(m.doc[4:])] for m in mentions))
        label = ", ".join(a.name for a in ev_actors if a.role != "mediator") or "unnamed actors"
        brokers = ", ".join(a.name for a in ev_actors if a.role == "mediator")
        title = f"{ev_type.capitalize()}: {label}" + (f" (mediated by {brokers})" if brokers else "") \
            + (f" ({place[0]})" if place else "")
        planned = date.value == "FUTURE_REF" or (ev_type in ("meeting", "visit", "negotiation") and rng.random() < 0.05)
        if date.basis == "explicit":
            date = EventDate(date.value, date.interval, date.granularity, date.basis, date.mod,
                             mentions[0].start + max(0, mentions[0].text.find(when.split()[0])))
        event = Event("", ev_type, cameo, title, date, ev_actors, place[0] if place else None,  # type: ignore[arg-type]
                      mentions, sources, planned, family)
        drafts.append((date.interval.start if date.interval else "9999", event))
    drafts.sort(key=lambda pair: pair[0])  # stable: equal dates keep their drawing order
    for i, (_, event) in enumerate(drafts, 1):
        event.id = f"s{i}"
    return [event for _, event in drafts]


if __name__ == "__main__":
    from collections import Counter

    sample = synthetic_events()
    print(len(sample), "events;", Counter(e.date.granularity for e in sample).most_common())
    print(Counter(e.type for e in sample).most_common())
    print(Counter(e.date.basis for e in sample).most_common())
    print(sample[0])
