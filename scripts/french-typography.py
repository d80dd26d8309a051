#!/usr/bin/env python3
"""French typography in a Fluent catalogue, in place: a no-break space
(U+00A0) before ':' and inside « », a narrow no-break space (U+202F)
before '?', '!' and ';', replacing the plain space typed there, outside
`code` and { placeables }. Idempotent.

    scripts/french-typography.py src/diagnostic/messages/fr.ftl

tests/messages.rs fails on a plain space left there; this only saves
typing the invisible characters."""
import sys


def fix(line):
    out, code, depth, i = [], False, 0, 0
    while i < len(line):
        c = line[i]
        if c == '`' and depth == 0:
            code = not code
        elif c == '{' and not code:
            depth += 1
        elif c == '}' and not code and depth:
            depth -= 1
        prose = not code and depth == 0
        after = line[i + 1:i + 2]
        if prose and c == ' ' and after == ':' and line[i + 2:i + 3] != '/':
            out.append('\u00a0')
        elif prose and c == ' ' and after and after in '?!;':
            out.append('\u202f')
        elif prose and c == ' ' and after == '»':
            out.append('\u00a0')
        elif prose and c == '«' and after == ' ':
            out.append('«\u00a0')
            i += 1
        else:
            out.append(c)
        i += 1
    return ''.join(out)


for path in sys.argv[1:]:
    with open(path, encoding='utf-8') as f:
        lines = f.readlines()
    with open(path, 'w', encoding='utf-8') as f:
        f.writelines(fix(line) for line in lines)
