#!/usr/bin/env python3
"""Edit-to-served latency of `vitrine serve` (issue 7).

    python3 benches/serve_latency.py --n 10000 [--edits 10] [--vitrine target/release/vitrine]

Generates a site of N MOOCs (benches/gen_catalogue.py) on tmpfs, starts
`vitrine serve --port 0` on it, then edits one MOOC's title EDITS times;
after each edit it polls the MOOC's page until the new title is served, then
the page of the full list that holds the MOOC (found once, by a warm-up edit
that is not timed), and waits for the rebuild to end before the next edit. Prints the median and the
worst latency of both, and the server's peak RSS (VmHWM). Standard library
only.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time, urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--vitrine", default=os.path.join(REPO, "target", "release", "vitrine"))
    a = ap.parse_args()
    scratch = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    work = tempfile.mkdtemp(prefix="vitrine-serve-bench.", dir=scratch)
    try:
        site = os.path.join(work, "site")
        subprocess.run([sys.executable, os.path.join(REPO, "benches", "gen_catalogue.py"), "--n", str(a.n),
                        "--seed", "1", "--out", site], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        log = open(os.path.join(work, "serve.log"), "w+")
        # The messages this script reads are the English ones (the site's
        # default language, French, would be used otherwise).
        proc = subprocess.Popen([a.vitrine, "serve", "--root", site, "--port", "0", "--today", "2026-11-23"],
                                stdout=log, stderr=log, env={**os.environ, "VITRINE_LANG": "en"})
        try:
            deadline = time.time() + 300
            port = None
            while port is None:
                log.seek(0)
                m = re.search(r"Serving on http://127\.0\.0\.1:(\d+)/", log.read())
                if m:
                    port = m.group(1)
                elif proc.poll() is not None or time.time() > deadline:
                    log.seek(0)
                    sys.exit("vitrine serve did not start:\n" + log.read())
                else:
                    time.sleep(0.1)
            base = f"http://127.0.0.1:{port}"
            moocs = sorted(f for f in os.listdir(os.path.join(site, "content", "moocs")) if f.endswith(".md"))
            target = os.path.join(site, "content", "moocs", moocs[len(moocs) // 2])
            slug = os.path.basename(target)[:-3]
            def log_text():
                log.seek(0)
                return log.read()

            def write_title(title):
                text = open(target, encoding="utf-8").read()
                new = re.sub(r'^title = ".*"$', f'title = "{title}"', text, count=1, flags=re.M)
                with open(target, "w", encoding="utf-8") as f:
                    f.write(new)

            def list_page(title):
                """The page of the full list that shows `title`, by scanning them all."""
                html = get(f"{base}/moocs/")
                last = max([1] + [int(x) for x in re.findall(r"/moocs/page/(\d+)/", html)])
                for p in [""] + [f"page/{k}/" for k in range(2, last + 1)]:
                    if title in get(f"{base}/moocs/{p}"):
                        return p
                return None

            def wait_rebuilt(count):
                deadline = time.time() + 120
                while log_text().count("Rebuilt ") < count and time.time() < deadline:
                    time.sleep(0.01)

            # A warm-up edit, not timed, finds the page of the full list where
            # the new titles land ("Titre modifié numéro …" all sort there).
            rebuilt = log_text().count("Rebuilt ")
            write_title("Titre modifié numéro w zq")
            wait_rebuilt(rebuilt + 1)
            where = list_page("Titre modifié numéro w zq")
            page_lat, list_lat, rebuild_ms = [], [], []
            for i in range(a.edits):
                title = f"Titre modifié numéro {i} zq"
                rebuilt = log_text().count("Rebuilt ")
                t0 = time.perf_counter()
                write_title(title)
                while title not in get(f"{base}/moocs/{slug}/"):
                    time.sleep(0.002)
                page_lat.append(time.perf_counter() - t0)
                # The page of the full list that holds the MOOC.
                while where is None or title not in get(f"{base}/moocs/{where}"):
                    if time.perf_counter() - t0 > 5:
                        where = list_page(title)
                    else:
                        time.sleep(0.002)
                list_lat.append(time.perf_counter() - t0)
                # The next edit starts once this one is rebuilt, as a writer's would.
                wait_rebuilt(rebuilt + 1)
                times = re.findall(r"Rebuilt \d+ pages in memory in ([0-9.]+) s", log_text())
                if times:
                    rebuild_ms.append(float(times[-1]) * 1000)
            hwm = 0
            with open(f"/proc/{proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm = int(line.split()[1]) // 1024
            print(f"vitrine serve, N={a.n}, {a.edits} edits of {slug}.md")
            print(f"  edit -> its page served:   median {statistics.median(page_lat) * 1000:.0f} ms, "
                  f"worst {max(page_lat) * 1000:.0f} ms")
            print(f"  edit -> full list updated: median {statistics.median(list_lat) * 1000:.0f} ms, "
                  f"worst {max(list_lat) * 1000:.0f} ms")
            if rebuild_ms:
                print(f"  whole rebuild (search index, every stale page): median {statistics.median(rebuild_ms):.0f} ms, "
                      f"worst {max(rebuild_ms):.0f} ms")
            print(f"  server peak RSS: {hwm} MiB")
        finally:
            proc.terminate()
            proc.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
