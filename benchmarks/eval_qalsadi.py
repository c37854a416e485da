"""Would a maintained Arabic analyser beat our rules? qalsadi (pyarabic-based) on hand-labelled news words.

Not a dependency: run it in a separate environment (no network needed once installed):

    python3 -m venv /tmp/qvenv && /tmp/qvenv/bin/pip install qalsadi
    /tmp/qvenv/bin/python benchmarks/eval_qalsadi.py

It reports whether the expected reading (future / past / present verb, noun) is among the
word's analyses, and words per CPU second. See the README ("Arabic morphology") for the result.
"""
import time, sys
import qalsadi.analex as qa
an = qa.Analex()
# hand-labelled words from Arabic news (not from the dev set): word -> expected reading
cases = {
 "سيلتقي": "future", "ستعقد": "future", "سنواصل": "future", "سألتقي": "future", "سيصل": "future",
 "سياسة": "noun", "ستة": "noun", "سيطرة": "noun", "سابقا": "noun", "سافروا": "past",
 "التقى": "past", "عقد": "past", "اجتمع": "past", "أعلنت": "past", "قصفت": "past",
 "يلتقي": "present", "تعقد": "present", "يجتمع": "present", "تستضيف": "present", "يصل": "present",
 "لقائه": "noun", "اجتماع": "noun", "قصفها": "noun", "مفاوضات": "noun", "زيارته": "noun",
}
t0 = time.process_time()
ok = 0
for w, exp in cases.items():
    res = an.check_word(w)
    tags = set()
    for r in res:
        d = r.__dict__ if hasattr(r, '__dict__') else {}
        tg = str(d.get('tags', '')) + ' ' + str(d.get('type', ''))
        if 'Verb' in tg or 'فعل' in tg:
            if (d.get('affix') or ('',))[0] == 'س':
                tags.add('future')
            elif 'ماضي' in tg or 'Past' in tg:
                tags.add('past')
            elif 'مضارع' in tg or 'Present' in tg:
                tags.add('present')
            else:
                tags.add('verb')
        elif 'Noun' in tg or 'اسم' in tg:
            tags.add('noun')
    first = None
    hit = exp in tags
    ok += hit
    print(w, exp, sorted(tags), 'OK' if hit else '--')
dt_ = time.process_time() - t0
print(f"{ok}/{len(cases)} words have the right reading among their analyses; {len(cases)/dt_:.0f} words per CPU second")
