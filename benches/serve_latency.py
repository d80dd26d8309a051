#!/usr/bin/env python3
"""Edit-to-served latency of `vitrine serve` (issue 7).

    python3 benches/serve_latency.py --n 10000 [--edits 10] [--vitrine target/release/vitrine]

Generates a site of N MOOCs (benches/gen_catalogue.py) on tmpfs, starts
`vitrine serve --port 0` on it, then edits one MOOC's title EDITS times;
after each edit it polls the MOOC's page until the new title is served, and
the page of the full list that holds the MOOC. Prints the median and the
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
        proc = subprocess.Popen([a.vitrine, "serve", "--root", site, "--port", "0", "--today", "2026-11-23"],
                                stdout=log, stderr=log)
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
            page_lat, list_lat = [], []
            for i in range(a.edits):
                text = open(target, encoding="utf-8").read()
                title = f"Titre modifié numéro {i} zq"
                new = re.sub(r'^title = ".*"$', f'title = "{title}"', text, count=1, flags=re.M)
                t0 = time.perf_counter()
                with open(target, "w", encoding="utf-8") as f:
                    f.write(new)
                while title not in get(f"{base}/moocs/{slug}/"):
                    time.sleep(0.002)
                page_lat.append(time.perf_counter() - t0)
                # The page of the full list that holds the MOOC.
                found = False
                while not found:
                    html = get(f"{base}/moocs/")
                    pages = [""] + [f"page/{k}/" for k in range(2, 1 + max([1] + [int(x) for x in re.findall(r"/moocs/page/(\d+)/", html)]))]
                    for p in pages:
                        if title in get(f"{base}/moocs/{p}"):
                            found = True
                            break
                list_lat.append(time.perf_counter() - t0)
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
            print(f"  server peak RSS: {hwm} MiB")
        finally:
            proc.terminate()
            proc.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
