#!/usr/bin/env python3
"""Generate a synthetic vitrine site (a MOOC catalogue) for benchmarks.

Usage:
    python3 benches/gen_catalogue.py --n 1000 --out DIR [--seed 1] [--force]

Writes a complete site in DIR, in the format of the content model
(CONTENT-MODEL.md):

    vitrine.toml
    content/_index.md
    content/platforms/<slug>.md      5 platforms
    content/institutions/<slug>.md   240 institutions, a few with a parent
    content/moocs/<slug>.md          N MOOCs (600-900 word bodies)
    content/parcours/<slug>.md       20 parcours
    content/pages/<slug>.md          3 menu pages

Every reference (institutions, platform, parcours MOOCs, `@/moocs/...`
links, institution parents) names an entity that exists; sessions of a MOOC
never overlap; summaries are shorter than 300 characters; slugs match
[a-z0-9]+(-[a-z0-9]+)*. (With N < 3, parcours have fewer than 3 MOOCs: a
warning, not an error, in the content model.)

Deterministic: the same --n and --seed give a byte-identical tree (all
randomness comes from one random.Random(seed), nothing iterates a set or
a dict built from hashed strings, no clock is read). Standard library
only; all word pools are in this file. N=10,000 takes a few seconds.
"""

import argparse
import datetime as dt
import json
import os
import re
import random
import shutil
import sys
import time
import unicodedata

# ---------------------------------------------------------------------------
# Pools (built in; no external data)
# ---------------------------------------------------------------------------

FR_WORDS = """
le la les un une des du de et ou mais donc car que qui dont où ce cette
ces son sa ses leur leurs notre nos votre vos pour par avec sans sous sur
dans entre vers chez depuis pendant selon comme aussi très plus moins bien
toujours souvent parfois encore déjà ensuite enfin cours module séance
semaine étudiant étudiante apprenant apprenante enseignant professeur
université école institut laboratoire recherche savoir connaissance
compétence méthode outil exercice évaluation examen attestation certificat
parcours diplôme crédit projet atelier vidéo quiz forum ressource lecture
chapitre notion concept principe modèle analyse synthèse donnée résultat
expérience observation hypothèse théorie pratique application exemple cas
étude problème solution question réponse santé maladie patient soin
épidémie virus bactérie vaccin prévention climat énergie environnement
biodiversité océan forêt ville territoire économie entreprise marché
finance gestion droit société politique histoire culture langue
littérature philosophie art musique image numérique réseau algorithme
programme calcul statistique probabilité géométrie physique chimie
biologie médecine nutrition agriculture eau sol air transition comprendre
découvrir apprendre maîtriser explorer analyser construire développer
concevoir mesurer évaluer présenter expliquer décrire comparer appliquer
partager collaborer réfléchir identifier proposer organiser nouveau
nouvelle grand grande petit petite premier première dernier important
importante essentiel essentielle théorique général générale public
publique social sociale durable accessible ouvert ouverte progressif
progressive concret concrète actuel actuelle international l'apprenant
l'équipe l'école l'été d'abord aujourd'hui qu'il qu'elle c'est
""".split()

EN_WORDS = """
the a an and or but so because while if when then than that which who
this these those its their our your for from with without within into
over under between through during after before about across around course
module lesson week student learner teacher professor university school
institute lab research knowledge skill method tool exercise assessment
exam certificate track degree credit project workshop video quiz forum
discussion resource reading chapter concept principle model analysis
summary data result experiment observation hypothesis theory practice
application example case study problem solution question answer health
disease patient care epidemic virus vaccine prevention climate energy
environment biodiversity ocean forest city region economy company market
finance management law society policy history culture language literature
philosophy art music image digital network algorithm program computing
statistics probability geometry physics chemistry biology medicine
nutrition agriculture water soil understand discover learn master explore
analyse build develop design measure evaluate present explain describe
compare apply share collaborate reflect identify propose organise new
large small first last important essential practical theoretical general
public social sustainable accessible open progressive concrete current
""".split()

# 40 subject labels: French, with accents; their accent-folded slugs differ.
SUBJECTS = [
    ("Santé publique", "la santé publique"),
    ("Épidémiologie", "l'épidémiologie"),
    ("Maladies infectieuses", "les maladies infectieuses"),
    ("Immunologie", "l'immunologie"),
    ("Nutrition", "la nutrition"),
    ("Médecine", "la médecine"),
    ("Génétique", "la génétique"),
    ("Neurosciences", "les neurosciences"),
    ("Psychologie", "la psychologie"),
    ("Éducation", "l'éducation"),
    ("Pédagogie numérique", "la pédagogie numérique"),
    ("Informatique", "l'informatique"),
    ("Programmation", "la programmation"),
    ("Science des données", "la science des données"),
    ("Intelligence artificielle", "l'intelligence artificielle"),
    ("Cybersécurité", "la cybersécurité"),
    ("Réseaux et télécoms", "les réseaux et télécoms"),
    ("Mathématiques", "les mathématiques"),
    ("Statistiques", "les statistiques"),
    ("Physique", "la physique"),
    ("Chimie", "la chimie"),
    ("Climat", "le climat"),
    ("Énergie", "l'énergie"),
    ("Écologie", "l'écologie"),
    ("Biodiversité", "la biodiversité"),
    ("Agriculture", "l'agriculture"),
    ("Économie", "l'économie"),
    ("Finance", "la finance"),
    ("Gestion de projet", "la gestion de projet"),
    ("Entrepreneuriat", "l'entrepreneuriat"),
    ("Droit", "le droit"),
    ("Sciences politiques", "les sciences politiques"),
    ("Histoire", "l'histoire"),
    ("Philosophie", "la philosophie"),
    ("Langues étrangères", "les langues étrangères"),
    ("Littérature", "la littérature"),
    ("Arts plastiques", "les arts plastiques"),
    ("Architecture", "l'architecture"),
    ("Urbanisme", "l'urbanisme"),
    ("Fabrication numérique", "la fabrication numérique"),
]

assert len(SUBJECTS) == 40
assert len({unicodedata.normalize("NFKD", s).encode("ascii", "ignore").lower()
            for s, _ in SUBJECTS}) == 40, "two subjects would share a slug"

# (title, slug, url, summary)
PLATFORMS = [
    ("FUN-MOOC", "fun-mooc", "https://www.fun-mooc.fr",
     "La plateforme publique française des MOOC, fondée sur Open edX."),
    ("Coursera", "coursera", "https://www.coursera.org",
     "Une plateforme internationale de cours en ligne."),
    ("edX", "edx", "https://www.edx.org",
     "Une plateforme internationale à but non lucratif, née au MIT et à Harvard."),
    ("FutureLearn", "futurelearn", "https://www.futurelearn.com",
     "Une plateforme britannique de cours en ligne."),
    ("OpenClassrooms", "openclassrooms", "https://openclassrooms.com",
     "Une école en ligne francophone, parcours diplômants et cours ouverts."),
]

# Ten kinds of institution x 24 places = 240 institutions.
INSTITUTION_KINDS = [
    "Université de", "Institut polytechnique de", "École normale supérieure de",
    "École de santé publique de", "Centre de recherche de",
    "Conservatoire des arts et métiers de", "École d'ingénieurs de",
    "Institut d'études politiques de", "École des beaux-arts de",
    "Institut de technologie de",
]
PLACES = [
    ("Paris", "FR"), ("Lyon", "FR"), ("Bordeaux", "FR"), ("Lille", "FR"),
    ("Nantes", "FR"), ("Rennes", "FR"), ("Strasbourg", "FR"),
    ("Montpellier", "FR"), ("Toulouse", "FR"), ("Grenoble", "FR"),
    ("Marseille", "FR"), ("Nice", "FR"), ("Saint-Étienne", "FR"),
    ("Besançon", "FR"), ("Orléans", "FR"), ("Genève", "CH"),
    ("Lausanne", "CH"), ("Bruxelles", "BE"), ("Liège", "BE"),
    ("Montréal", "CA"), ("Québec", "CA"), ("Dakar", "SN"), ("Tunis", "TN"),
    ("Yaoundé", "CM"),
]

TITLE_PATTERNS = [
    "Comprendre {a}", "Découvrir {a}", "Explorer {a}", "Maîtriser {a}",
    "Enseigner {a}", "Repenser {a}", "{S} : enjeux et méthodes",
    "{S} pour tous", "{S} en pratique", "{S} au quotidien",
    "Fondamentaux — {S}", "Premiers pas : {a}",
]
TITLE_SUFFIXES = [
    "", "", "", "", " : de la théorie à la pratique", " et société",
    " pour les professionnels de santé", " à l'ère du numérique",
    " — niveau 1", " — niveau 2", " en Afrique francophone",
    " pour les enseignants", " : études de cas", " et développement durable",
    " au XXIe siècle", " pour les décideurs",
]

HEADINGS = [
    "Objectifs du cours", "À propos du cours", "Programme", "Prérequis",
    "Évaluation", "Organisation", "Ressources", "Équipe pédagogique",
    "Format du cours", "À qui s'adresse ce cours ?", "Compétences visées",
    "Calendrier des séances", "Attestation et certificat", "Méthodes",
]

LIST_ITEMS = [
    "des vidéos courtes chaque semaine", "des quiz d'auto-évaluation",
    "un forum animé par l'équipe pédagogique", "des études de cas réelles",
    "une évaluation par les pairs", "des lectures complémentaires",
    "un examen final surveillé", "des fiches de synthèse téléchargeables",
    "des exercices pratiques corrigés", "des sessions de questions en direct",
    "un projet final à rendre", "des carnets interactifs",
    "une bibliographie commentée", "des entretiens avec des chercheurs",
]

FIRST_NAMES = [
    "Hélène", "François", "Zoé", "Jérôme", "Agnès", "Noël", "Clémence",
    "Loïc", "Amélie", "Céline", "Gaëlle", "Raphaël", "Inès", "Mathéo",
    "Léa", "Benoît", "Anaïs", "Joël", "Océane", "Étienne", "Marie", "Paul",
    "Sophie", "Karim", "Fatou", "Moussa", "Nadia", "Thomas",
]
LAST_NAMES = [
    "Moreau", "Lefèvre", "Durand", "Bénard", "Girard", "Lemaître",
    "Rousseau", "Faure", "Mercier", "Boyer", "Chevalier", "Gauthier",
    "Bérenger", "Leclerc", "Périer", "Diallo", "Ndiaye", "Benali",
    "Traoré", "Dubois", "Martin", "Petit", "Roux", "Barbier", "Müller",
]

PY_SNIPPETS = [
    '''import statistics

def {f}(valeurs):
    """Renvoie la moyenne et l'écart type."""
    moyenne = statistics.mean(valeurs)
    ecart = statistics.pstdev(valeurs)
    return moyenne, ecart

donnees = [{a}, {b}, {c}, {d}]
print({f}(donnees))''',
    '''from collections import Counter

def {f}(texte):
    mots = [m.lower() for m in texte.split() if len(m) > {a}]
    return Counter(mots).most_common({b})

for mot, n in {f}("le cours de {v} commence lundi"):
    print(f"{{mot}} : {{n}}")''',
    '''class {F}:
    def __init__(self, nom, semaines={a}):
        self.nom = nom
        self.semaines = semaines

    def effort(self, heures_par_semaine={b}):
        return self.semaines * heures_par_semaine

print({F}("{v}").effort())''',
]

# Parcours title prefix -> credential (all four credentials appear).
PARCOURS_KINDS = [
    ("Parcours", "none"), ("Diplôme numérique", "diploma"),
    ("Certificat", "certificate"), ("Parcours crédité", "ects"),
]
LEVELS = ["beginner", "intermediate", "advanced"]

SITE_TITLE = "Catalogue des MOOC (banc d'essai)"
BASE_URL = "https://bench.example.org"

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slugify(s):
    """Accent-folded, lower-case ASCII matching [a-z0-9]+(-[a-z0-9]+)*."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def tq(s):
    """A TOML basic string (JSON escapes are valid TOML escapes)."""
    if _NEEDS_ESCAPE.search(s):
        return json.dumps(s, ensure_ascii=False)
    return '"' + s + '"'


def tlist(xs):
    return "[" + ", ".join(tq(x) for x in xs) + "]"


def tnum(x):
    """A TOML number: 3, 2.5 (never 3.0 for a whole number)."""
    if isinstance(x, float) and not x.is_integer():
        return repr(x)
    return str(int(x))


def capitalize(s):
    return s[:1].upper() + s[1:]


def sentence(rng, words):
    """A Markdown sentence of 8-20 words, sometimes with emphasis."""
    n = rng.randint(8, 20)
    ws = rng.choices(words, k=n)
    r = rng.random()
    if r < 0.12:
        i = rng.randrange(1, n)
        ws[i] = "*" + ws[i] + "*"
    elif r < 0.18:
        i = rng.randrange(1, n)
        ws[i] = "**" + ws[i] + "**"
    ws[0] = capitalize(ws[0])
    return " ".join(ws) + rng.choice(".....!?"), n


class Pool:
    """Text material of one language, drawn once from the seeded generator:
    a stream of plain words (for summaries) and a ring of Markdown sentences
    (for bodies). Drawing every word of 10,000 bodies one by one costs
    seconds; slicing these at random offsets costs milliseconds and still
    gives every body different text."""

    def __init__(self, rng, words, n_sentences):
        self.words = rng.choices(words, k=8 * n_sentences)
        self.sentences = [sentence(rng, words) for _ in range(n_sentences)]


def plain_text(rng, pool, lo, hi, limit):
    """One plain sentence, strictly shorter than `limit` characters."""
    k = rng.randint(lo, hi)
    o = rng.randrange(len(pool.words) - k)
    words = pool.words[o:o + k]
    text = capitalize(" ".join(words)) + "."
    while len(text) >= limit:
        words.pop()
        text = capitalize(" ".join(words)) + "."
    return text


def paragraph(rng, pool, max_words):
    """3-6 consecutive sentences of the pool from a random offset, stopping
    early so as not to exceed max_words (one sentence at least)."""
    ring = pool.sentences
    r = rng.random                     # cheaper than randrange(), and as
    o = int(r() * (len(ring) - 6))     # deterministic
    out, count = [], 0
    for s, n in ring[o:o + 3 + int(r() * 4)]:
        if out and count + n > max_words:
            break
        out.append(s)
        count += n
    return " ".join(out), count


def code_block(rng):
    f = rng.choice(["calculer", "resumer", "charger", "noter", "analyser"])
    f = f + "_" + slugify(rng.choice(FR_WORDS[60:160])).replace("-", "_")
    F = "".join(p.capitalize() for p in f.split("_"))
    body = rng.choice(PY_SNIPPETS).format(
        f=f, F=F, a=rng.randint(2, 9), b=rng.randint(10, 99),
        c=rng.randint(10, 99), d=rng.randint(10, 99),
        v=slugify(rng.choice(FR_WORDS[60:140])))
    return "```python\n" + body + "\n```"


def quarter_after(day):
    """The first quarter that starts strictly after `day`: (year, q)."""
    q = (day.month - 1) // 3 + 1
    year, q = (day.year, q + 1) if q < 4 else (day.year + 1, 1)
    return year, q


# ---------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------

def make_institutions(rng):
    """240 institutions; about 20 have a parent that comes earlier in the
    list (the university of the same place, or an earlier child), so the
    parent relation can have no cycle."""
    insts = []
    for place, country in PLACES:
        for kind in INSTITUTION_KINDS:
            if place[0] in "AEIOUÉ":     # "Université d'Orléans"
                title = kind[:-2] + "d'" + place
            else:
                title = kind + " " + place
            slug = slugify(title)
            insts.append(dict(title=title, slug=slug, country=country,
                              url="https://www.%s.example.edu" % slug,
                              parent=None))
    slugs = [i["slug"] for i in insts]
    assert len(set(slugs)) == len(slugs) == 240
    for i, inst in enumerate(insts):
        k = i % len(INSTITUTION_KINDS)
        if k == 0 or rng.random() >= 0.09:
            continue
        head = i - k                   # "Université de <place>"
        # Now and then, a grand-parent chain: the parent is an earlier
        # child of the same place that already has a parent.
        earlier = [j for j in range(head + 1, i) if insts[j]["parent"]]
        j = earlier[0] if earlier and rng.random() < 0.4 else head
        inst["parent"] = insts[j]["slug"]
    return insts


def unique_slug(base, used):
    slug, k = base, 2
    while slug in used:
        slug = "%s-%d" % (base, k)
        k += 1
    used.add(slug)
    return slug


def make_moocs(rng, n, inst_slugs, pools):
    used_titles, used_slugs = set(), set()
    featured = set(rng.sample(range(n), n // 10))
    certified = set(rng.sample(range(n), n // 2))
    moocs = []
    for i in range(n):
        label, article = rng.choice(SUBJECTS)
        pattern, suffix = rng.choice(TITLE_PATTERNS), rng.choice(TITLE_SUFFIXES)
        if ":" in pattern and ":" in suffix:   # one colon per title
            suffix = ""
        title = pattern.format(S=label, a=article) + suffix
        title = capitalize(title)
        base_title, k = title, 2
        while title in used_titles:
            title = "%s (édition %d)" % (base_title, k)
            k += 1
        used_titles.add(title)
        slug = unique_slug(slugify(title), used_slugs)

        r = rng.random()
        languages = ["fr"] if r < 0.6 else ["en"] if r < 0.85 else ["fr", "en"]
        subjects = [label] + [s for s, _ in rng.sample(SUBJECTS, 3) if s != label][:1]
        effort = rng.randint(1, 8) + (0.5 if rng.random() < 0.2 else 0)
        m = dict(
            slug=slug, title=title,
            summary=plain_text(rng, pools[languages[0]],
                               18, 50, 300),
            languages=languages,
            institutions=rng.sample(inst_slugs, rng.randint(1, 3)),
            platform=rng.choice(PLATFORMS)[1],
            subjects=subjects,
            level=rng.choice(LEVELS),
            effort=effort,
            duration_weeks=rng.randint(3, 14),
            teachers=[rng.choice(FIRST_NAMES) + " " + rng.choice(LAST_NAMES)
                      for _ in range(rng.randint(1, 3))],
            featured=i in featured,
            certificate=None,
            sessions=make_sessions(rng),
        )
        if i in certified:
            questions = rng.randint(10, 60)
            m["certificate"] = dict(
                free_attestation=rng.random() < 0.7,
                price=rng.choice([29, 49, 69, 99, 149, 190, 39.5, 79.9]),
                proctored=rng.random() < 0.8,
                exam_minutes=rng.choice([30, 45, 60, 90, 120]),
                exam_questions=questions,
                pass_mark=rng.randint((questions + 1) // 2, questions),
            )
        moocs.append(m)
    return moocs


def make_sessions(rng):
    """1-4 sessions in increasing, non-overlapping order. The last one may be
    self-paced (no end, so nothing may follow it) or planned (a quarter that
    starts after the previous session's end)."""
    count = rng.randint(1, 4)
    day = dt.date(2023, 1, 2) + dt.timedelta(days=rng.randint(0, 1300))
    prev_end = None
    sessions = []
    for k in range(count):
        last = k == count - 1
        r = rng.random()
        if last and r < 0.08:
            year, q = quarter_after(prev_end) if prev_end else (2027, rng.randint(1, 4))
            year = max(year, 2027)
            sessions.append(dict(start='"%d-T%d"' % (year, q)))
            break
        if last and r < 0.14:
            sessions.append(dict(start=day.isoformat(), pacing='"self"'))
            break
        end = day + dt.timedelta(days=7 * rng.randint(4, 10) - 3)
        s = dict(start=day.isoformat(), end=end.isoformat())
        if rng.random() < 0.5:
            s["pacing"] = '"instructor"'
        sessions.append(s)
        prev_end = end
        day = end + dt.timedelta(days=rng.randint(14, 160))
    return sessions


def make_body(rng, m, moocs, pools):
    """Markdown of 600-900 words: intro, 2-3 '##' sections, a list, a Python
    code block on ~10 %, links to 1-2 other MOOCs on ~30 %. Returns the text
    and its number of words (whitespace-separated tokens, exactly)."""
    pool = pools["fr" if m["languages"][0] == "fr" or rng.random() < 0.5 else "en"]
    target = rng.randint(600, 860)   # the last paragraph may add < 40
    headings = rng.sample(HEADINGS, rng.randint(2, 3))
    n_sec = len(headings)
    list_at, code_at, link_at = (rng.randrange(n_sec) for _ in range(3))
    has_code = rng.random() < 0.10
    links = []
    if len(moocs) > 1 and rng.random() < 0.30:
        others = rng.sample(moocs, min(3, len(moocs)))
        links = [o for o in others if o["slug"] != m["slug"]][:rng.randint(1, 2)]

    parts = []
    p, words = paragraph(rng, pool, 120)
    parts.append(p)
    for h_i, h in enumerate(headings):
        parts.append("## " + h)
        words += 1 + len(h.split())
        if h_i == list_at:
            items = rng.sample(LIST_ITEMS, rng.randint(3, 6))
            parts.append("\n".join("- " + it for it in items))
            words += sum(1 + len(it.split()) for it in items)
        if h_i == code_at and has_code:
            block = code_block(rng)
            parts.append(block)
            words += len(block.split())
        if h_i == link_at and links:
            text = "Voir aussi " + ", ".join(
                "[%s](@/moocs/%s.md)" % (o["title"], o["slug"]) for o in links) + "."
            parts.append(text)
            words += len(text.split())
        goal = target * (h_i + 1) // n_sec
        first = True
        while first or words < goal:
            p, c = paragraph(rng, pool, max(8, goal - words + 20))
            parts.append(p)
            words += c
            first = False
    return "\n\n".join(parts) + "\n", words


def make_parcours(rng, moocs, inst_slugs, pools):
    out, used = [], set()
    for i in range(20):
        label, _ = SUBJECTS[(i * 7) % len(SUBJECTS)]
        kind, credential = PARCOURS_KINDS[i % len(PARCOURS_KINDS)]
        title = "%s : %s" % (kind, label)
        slug = unique_slug(slugify(title), used)
        chosen = rng.sample(moocs, min(len(moocs), rng.randint(3, 8)))
        slugs = [c["slug"] for c in chosen]
        core = rng.sample(slugs, rng.randint(0, min(3, len(slugs))))
        core.sort(key=slugs.index)
        out.append(dict(
            slug=slug, title=title,
            summary=plain_text(rng, pools["fr"], 15, 40, 300),
            institutions=rng.sample(inst_slugs, rng.randint(1, 2)),
            moocs=slugs, core=core,
            required=rng.randint(len(core), len(slugs)),
            credential=credential,
            ects=rng.choice([3, 5, 6, 10]) if credential == "ects" else None,
            body=paragraph(rng, pools["fr"], 120)[0] + "\n\n"
                 + paragraph(rng, pools["fr"], 120)[0] + "\n",
        ))
    return out


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def doc(front, body=""):
    return "+++\n" + "\n".join(front) + "\n+++\n" + ("\n" + body if body else "")


def mooc_file(m, body):
    fm = [
        "title = " + tq(m["title"]),
        "summary = " + tq(m["summary"]),
        "languages = " + tlist(m["languages"]),
        "institutions = " + tlist(m["institutions"]),
        "platform = " + tq(m["platform"]),
        "subjects = " + tlist(m["subjects"]),
        "level = " + tq(m["level"]),
        "effort_hours_per_week = " + tnum(m["effort"]),
        "duration_weeks = %d" % m["duration_weeks"],
        "teachers = " + tlist(m["teachers"]),
    ]
    if m["featured"]:
        fm.append("featured = true")
    c = m["certificate"]
    if c:
        fm += ["", "[certificate]",
               "free_attestation = " + ("true" if c["free_attestation"] else "false"),
               "price = " + tnum(c["price"]),
               "proctored = " + ("true" if c["proctored"] else "false"),
               "exam_minutes = %d" % c["exam_minutes"],
               "exam_questions = %d" % c["exam_questions"],
               "pass_mark = %d" % c["pass_mark"]]
    for s in m["sessions"]:
        fm += ["", "[[sessions]]"] + ["%s = %s" % kv for kv in s.items()]
    return doc(fm, body)


def generate(n, seed, out):
    rng = random.Random(seed)
    pools = {"fr": Pool(rng, FR_WORDS, 16384), "en": Pool(rng, EN_WORDS, 8192)}
    c = os.path.join(out, "content")
    for d in ("platforms", "institutions", "moocs", "parcours", "pages"):
        os.makedirs(os.path.join(c, d), exist_ok=True)

    write(os.path.join(out, "vitrine.toml"),
          "title = %s\nbase_url = %s\ndefault_language = \"fr\"\n"
          "languages = [\"fr\"]\ntheme = \"default\"\ntimezone = \"Europe/Paris\"\n"
          % (tq(SITE_TITLE), tq(BASE_URL)))
    write(os.path.join(c, "_index.md"),
          doc(["title = " + tq(SITE_TITLE)],
              "Bienvenue sur le catalogue des MOOC : %d cours en ligne ouverts "
              "à tous, de l'épidémiologie à l'écologie.\n" % n))

    for title, slug, url, summary in PLATFORMS:
        write(os.path.join(c, "platforms", slug + ".md"),
              doc(["title = " + tq(title), "url = " + tq(url),
                   "summary = " + tq(summary)]))

    insts = make_institutions(rng)
    for inst in insts:
        fm = ["title = " + tq(inst["title"]), "url = " + tq(inst["url"]),
              "country = " + tq(inst["country"])]
        if inst["parent"]:
            fm.append("parent = " + tq(inst["parent"]))
        write(os.path.join(c, "institutions", inst["slug"] + ".md"), doc(fm))
    inst_slugs = [i["slug"] for i in insts]

    moocs = make_moocs(rng, n, inst_slugs, pools)
    stats = dict(words=[], code=0, links=0)
    mdir = os.path.join(c, "moocs")
    for m in moocs:
        body, words = make_body(rng, m, moocs, pools)
        stats["words"].append(words)
        stats["code"] += "```python" in body
        stats["links"] += body.count("(@/moocs/")
        write(os.path.join(mdir, m["slug"] + ".md"), mooc_file(m, body))

    for p in make_parcours(rng, moocs, inst_slugs, pools):
        fm = ["title = " + tq(p["title"]), "summary = " + tq(p["summary"]),
              "institutions = " + tlist(p["institutions"]),
              "moocs = " + tlist(p["moocs"]), "core = " + tlist(p["core"]),
              "required = %d" % p["required"],
              "credential = " + tq(p["credential"])]
        if p["ects"] is not None:
            fm.append("ects = %d" % p["ects"])
        write(os.path.join(c, "parcours", p["slug"] + ".md"), doc(fm, p["body"]))

    pages = [("a-propos", "À propos", "Qui sommes-nous ? Un catalogue ouvert "
              "des cours en ligne proposés par des établissements francophones."),
             ("contact", "Contact", "Écrivez-nous à l'adresse "
              "contact@bench.example.org pour toute question."),
             ("appel-a-projets", "Appel à projets", "Vous préparez un MOOC ? "
              "Déposez votre projet avant la fin de l'été.")]
    for weight, (slug, title, text) in enumerate(pages, 1):
        write(os.path.join(c, "pages", slug + ".md"),
              doc(["title = " + tq(title), "menu = true", "weight = %d" % weight],
                  text + "\n\n" + paragraph(rng, pools["fr"], 80)[0] + "\n"))
    return stats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, required=True, help="number of MOOCs")
    ap.add_argument("--out", required=True, help="site directory to create")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true",
                    help="remove OUT first if it exists and is not empty")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("--n must be >= 1")
    if os.path.isdir(a.out) and os.listdir(a.out):
        if not a.force:
            ap.error("%s exists and is not empty (use --force)" % a.out)
        shutil.rmtree(a.out)
    t0 = time.perf_counter()
    stats = generate(a.n, a.seed, a.out)
    w = sorted(stats["words"])
    print("gen_catalogue: moocs=%d words/body min=%d median=%d max=%d "
          "code_blocks=%d mooc_links=%d seed=%d in %.2f s -> %s"
          % (a.n, w[0], w[len(w) // 2], w[-1], stats["code"], stats["links"],
             a.seed, time.perf_counter() - t0, a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
