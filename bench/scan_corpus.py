#!/usr/bin/env python3
"""Corpus generator and scorer for bench/scan.

generate TREE_DIR HISTORY_DIR MB COMMITS
    Writes a working tree of about MB megabytes (source, notebooks with images, CSV data, logs)
    and a git repository with COMMITS commits (built with git fast-import), both with planted
    secrets and planted look-alikes. Ground truth goes to <dir>/manifest.json: every planted
    secret and look-alike as {"path", "line", "kind", "secret": true|false}.

score MANIFEST TOOL FORMAT OUTPUT_FILE
    Reads a tool's output (labcloud JSON, or git-secrets' grep lines) and prints one JSON line:
    recall on planted secrets, planted look-alikes flagged, other findings.

All fake credentials are generated at run time; none is usable.
"""
import base64
import json
import os
import random
import re
import subprocess
import sys

B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
rnd = random.Random(20261125)


def key_id(prefix="AKIA"):
    return prefix + "".join(rnd.choice(B32) for _ in range(16))


def secret():
    while True:
        s = base64.b64encode(rnd.randbytes(30)).decode()
        if (any(c.isupper() for c in s) and any(c.islower() for c in s) and any(c.isdigit() for c in s)
                and s.count("/") <= 3 and "//" not in s):
            return s


def token():
    return "IQoJb3JpZ2luX2Vj" + base64.b64encode(rnd.randbytes(300)).decode().rstrip("=")


def pem_lines(kind):
    body = [base64.b64encode(rnd.randbytes(48)).decode() for _ in range(8)]
    return ["-----BEGIN %sPRIVATE KEY-----" % kind] + body + ["-----END %sPRIVATE KEY-----" % kind]


WORDS = ("data sample gene read align count matrix cell cluster model train test batch loss value "
         "index frame series plot figure axis label bucket prefix region instance volume result").split()


def ident():
    return "_".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 3)))


def py_line():
    r = rnd.random()
    if r < 0.3:
        return "    %s = %s(%s, %d)" % (ident(), ident(), ident(), rnd.randint(0, 9999))
    if r < 0.5:
        return "def %s(%s, %s=None):" % (ident(), ident(), ident())
    if r < 0.7:
        return "    # %s %s %s" % (ident(), ident(), ident())
    if r < 0.85:
        return "    return %s.%s(%r)" % (ident(), ident(), ident())
    return "import %s" % ident()


class Tree:
    """Writes files and records planted lines."""

    def __init__(self, root):
        self.root = root
        self.manifest = []
        self.bytes = 0

    def write(self, rel, lines, planted=()):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = "\n".join(lines) + "\n"
        with open(path, "w") as f:
            f.write(text)
        self.bytes += len(text.encode())
        for line, kind, is_secret in planted:
            self.manifest.append({"path": rel, "line": line, "kind": kind, "secret": is_secret})


def plant_cases():
    """(relative path, lines, [(line, kind, is_secret)]) for every planted case."""
    k1, k2, k3, s2, s3 = key_id(), key_id(), key_id(), secret(), secret()
    cases = []
    cases.append(("src/leaks/settings.py", ["import os", "AWS_KEY = \"%s\"" % k1, "REGION = 'eu-west-1'"],
                  [(2, "quoted key id", True)]))
    cases.append(("logs/debug-leak.log", ["2024-01-01 INFO start", "2024-01-01 DEBUG using key %s for upload" % key_id(), "done"],
                  [(2, "bare key id in a log", True)]))
    cases.append(("src/leaks/upload.py", ["import boto3", "s3 = boto3.client('s3', '%s', '%s')" % (k2, s2)],
                  [(2, "key pair in one SDK call", True)]))
    cases.append(("deploy/.env", ["DEBUG=1", "AWS_ACCESS_KEY_ID=%s" % k3, "AWS_SECRET_ACCESS_KEY=%s" % s3],
                  [(2, ".env key id", True), (3, ".env secret", True)]))
    cases.append(("home/.s3cfg", ["[default]", "access_key = %s" % key_id(), "secret_key = %s" % secret(), "host_base = s3.amazonaws.com"],
                  [(2, ".s3cfg key id", True), (3, ".s3cfg secret", True)]))
    asia = key_id("ASIA")
    cases.append(("home/.aws/credentials", ["[default]", "aws_access_key_id = %s" % asia,
                                            "aws_secret_access_key = %s" % secret(), "aws_session_token = %s" % token()],
                  [(2, "credentials file key id", True), (3, "credentials file secret", True), (4, "session token", True)]))
    cases.append(("downloads/credentials.csv", ["User name,Password,Access key ID,Secret access key,Console login link",
                                                "ada,,%s,%s,https://123456789012.signin.aws.amazon.com/console" % (key_id(), secret())],
                  [(2, "console CSV row", True)]))
    sec_url = secret()
    while "/" not in sec_url and "+" not in sec_url:
        sec_url = secret()
    cases.append(("docs/howto-leak.md", ["# Download", "curl 'https://x.example/get?aws_secret_access_key=%s&x=1'"
                                         % sec_url.replace("/", "%2F").replace("+", "%2B")],
                  [(2, "URL-encoded secret", True)]))
    for i, kind in enumerate(["RSA ", "EC ", "OPENSSH ", ""]):
        cases.append(("keys/lab-%d.pem" % i, pem_lines(kind), [(1, "PEM %sprivate key" % kind, True)]))
    ppk = ["PuTTY-User-Key-File-3: ssh-rsa", "Encryption: none", "Comment: lab", "Public-Lines: 1",
           base64.b64encode(rnd.randbytes(60)).decode(), "Private-Lines: 1", base64.b64encode(rnd.randbytes(60)).decode(),
           "Private-MAC: 00ff"]
    cases.append(("keys/lab.ppk", ppk, [(1, "PuTTY key", True)]))
    cases.append(("src/leaks/Upload.java", ["class Upload {", "  var c = AwsBasicCredentials.create(\"%s\"," % key_id(),
                                            "      \"%s\");" % secret(), "}"],
                  [(2, "Java key id", True), (3, "Java secret on the next line", True)]))
    # Notebooks: the code cell's quotes are JSON-escaped in the file.
    nk, ns = key_id(), secret()
    nb = {"cells": [
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
         "source": ["import boto3\n", "s3 = boto3.client(\"s3\", aws_access_key_id=\"%s\",\n" % nk,
                    "                  aws_secret_access_key=\"%s\")" % ns]},
        {"cell_type": "code", "execution_count": 2, "metadata": {},
         "outputs": [{"name": "stdout", "output_type": "stream", "text": ["key in use: %s\n" % key_id()]}],
         "source": ["print(s3)"]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    nb_lines = json.dumps(nb, indent=1).split("\n")
    planted = []
    for i, l in enumerate(nb_lines):
        if nk in l:
            planted.append((i + 1, "notebook cell key id (JSON-escaped quotes)", True))
        if ns in l:
            planted.append((i + 1, "notebook cell secret", True))
        if "key in use" in l:
            planted.append((i + 1, "notebook output key id", True))
    cases.append(("notebooks/leaky.ipynb", nb_lines, planted))

    # Look-alikes: none of these may be flagged.
    look = [
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "aws_access_key_id = AKIAXXXXXXXXXXXXXXXX",
        "\"UserId\": \"%s\"," % key_id("AIDA"),
        "\"RoleId\": \"%s\"," % key_id("AROA"),
        "\"PolicyId\": \"%s\"," % key_id("ANPA"),
        "commit %040x" % rnd.getrandbits(160),
        "cache_key = \"%040x\"" % rnd.getrandbits(160),
        "\"integrity\": \"sha512-%s\"" % base64.b64encode(rnd.randbytes(64)).decode(),
        "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
        "secret = os.environ[\"AWS_SECRET_ACCESS_KEY\"]",
        "token = X%s" % key_id(),
        "id = %sQQ" % key_id(),
        "<img src=\"data:image/png;base64,%s+%s/%s\">" % (base64.b64encode(rnd.randbytes(60)).decode().rstrip("="), key_id(),
                                                         base64.b64encode(rnd.randbytes(60)).decode()),
    ]
    cases.append(("docs/lookalikes.md", look, [(i + 1, "look-alike: " + l[:30], False) for i, l in enumerate(look)]))
    img = base64.b64encode(rnd.randbytes(3000)).decode()
    img = img[:1000] + "+" + key_id() + "/" + img[1000:]
    nb2 = {"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {},
                      "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"image/png": img, "text/plain": ["<Figure>"]}}],
                      "source": ["plot()"]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    nb2_lines = json.dumps(nb2, indent=1).split("\n")
    cases.append(("notebooks/figure.ipynb", nb2_lines,
                  [(i + 1, "look-alike: key-shaped run in a notebook image", False) for i, l in enumerate(nb2_lines) if "image/png" in l]))
    return cases


def filler(tree, megabytes):
    target = megabytes * 1024 * 1024
    n = 0
    while tree.bytes < target:
        kind = n % 10
        if kind < 6:
            lines = [py_line() for _ in range(rnd.randint(300, 900))]
            tree.write("src/pkg%02d/module%05d.py" % (n % 40, n), lines)
        elif kind < 8:
            img = base64.b64encode(rnd.randbytes(rnd.randint(60_000, 200_000))).decode()
            nb = {"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {},
                             "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"image/png": img}}],
                             "source": [py_line() + "\n" for _ in range(20)]}],
                  "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            tree.write("notebooks/nb%05d.ipynb" % n, json.dumps(nb, indent=1).split("\n"))
        elif kind < 9:
            rows = ["sample,gene,count,score,sha1"]
            for _ in range(rnd.randint(20_000, 60_000)):
                rows.append("S%d,G%05d,%d,%.5f,%040x" % (rnd.randint(1, 96), rnd.randint(1, 30000), rnd.randint(0, 5000),
                                                         rnd.random(), rnd.getrandbits(160)))
            tree.write("data/table%05d.csv" % n, rows)
        else:
            lines = ["2024-%02d-%02d %s %s" % (rnd.randint(1, 12), rnd.randint(1, 28), rnd.choice(["INFO", "DEBUG", "WARN"]),
                                                " ".join(ident() for _ in range(6))) for _ in range(rnd.randint(2000, 8000))]
            tree.write("logs/run%05d.log" % n, lines)
        n += 1
    return n


def generate_tree(root, megabytes):
    tree = Tree(root)
    for rel, lines, planted in plant_cases():
        tree.write(rel, lines, planted)
    files = filler(tree, megabytes)
    with open(os.path.join(root, "..", "tree-manifest.json"), "w") as f:
        json.dump({"bytes": tree.bytes, "files": files, "planted": tree.manifest}, f)


def generate_history(repo, commits):
    """A repository with `commits` commits on main plus a side branch, written with git fast-import."""
    os.makedirs(repo, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", repo], check=True)
    manifest = []
    files = {}  # path -> list of lines (current content on main)
    out = []

    def data(b):
        out.append(b"data %d\n" % len(b))
        out.append(b)
        out.append(b"\n")

    def commit(ref, n, author, changes, parent_mark=None, deletes=()):
        out.append(b"commit refs/heads/%s\nmark :%d\n" % (ref.encode(), n))
        ts = 1_600_000_000 + n * 3600
        out.append(b"author %s <%s@lab.example> %d +0000\n" % (author.encode(), author.lower().encode(), ts))
        out.append(b"committer %s <%s@lab.example> %d +0000\n" % (author.encode(), author.lower().encode(), ts))
        data(b"change %d" % n)
        if parent_mark:
            out.append(b"from :%d\n" % parent_mark)
        for path in deletes:
            out.append(b"D %s\n" % path.encode())
        for path, lines in changes:
            out.append(b"M 100644 inline %s\n" % path.encode())
            data(("\n".join(lines) + "\n").encode())

    authors = ["Ada", "Bob", "Cy", "Dee", "Eve"]
    leak_at = {commits // 10: "leak", commits // 2: "notebook", (commits * 3) // 4: "lookalike"}
    deleted_at = commits // 10 + 50
    for n in range(1, commits + 1):
        author = authors[n % len(authors)]
        changes = []
        deletes = []
        path = "src/mod%03d.py" % (n % 300)
        lines = files.get(path) or [py_line() for _ in range(60)]
        lines = list(lines)
        lines[rnd.randrange(len(lines))] = py_line()
        files[path] = lines
        changes.append((path, lines))
        what = leak_at.get(n)
        if what == "leak":
            leak = ["import boto3", "KEY = '%s'" % key_id(), "SECRET = '%s'" % secret()]
            changes.append(("old/leak.py", leak))
            manifest += [{"path": "old/leak.py", "line": 2, "kind": "key id, file deleted later", "secret": True},
                         {"path": "old/leak.py", "line": 3, "kind": "secret, file deleted later", "secret": True}]
        if n == deleted_at:
            deletes.append("old/leak.py")
        if what == "notebook":
            nb = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [],
                             "source": ["k = \"%s\"\n" % key_id()]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            nbl = json.dumps(nb, indent=1).split("\n")
            changes.append(("analysis/explore.ipynb", nbl))
            manifest += [{"path": "analysis/explore.ipynb", "line": i + 1, "kind": "notebook key id", "secret": True}
                         for i, l in enumerate(nbl) if "k = " in l]
        if what == "lookalike":
            look = ["aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "\"RoleId\": \"%s\"" % key_id("AROA"),
                    "cache_key = \"%040x\"" % rnd.getrandbits(160), "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}"]
            changes.append(("docs/examples.md", look))
            manifest += [{"path": "docs/examples.md", "line": i + 1, "kind": "look-alike", "secret": False} for i in range(len(look))]
        commit("main", n, author, changes, parent_mark=n - 1 if n > 1 else None, deletes=deletes)
    # A side branch from the middle with a private key that never reaches main.
    side = commits + 1
    commit("experiment", side, "Eve", [("deploy/lab.pem", pem_lines("RSA "))], parent_mark=commits // 3)
    manifest.append({"path": "deploy/lab.pem", "line": 1, "kind": "PEM on a side branch", "secret": True})
    p = subprocess.run(["git", "-C", repo, "fast-import", "--quiet"], input=b"".join(out))
    if p.returncode != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "-C", repo, "checkout", "-q", "-f", "main"], check=True)
    sizes = subprocess.run(["git", "-C", repo, "cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectsize)"],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    blob_bytes = sum(int(l.split()[1]) for l in sizes if l.startswith("blob "))
    with open(os.path.join(repo, "..", "history-manifest.json"), "w") as f:
        json.dump({"bytes": blob_bytes, "commits": commits + 1, "planted": manifest}, f)


def findings(tool, fmt, text):
    """(path, line) pairs a tool reported."""
    out = set()
    if tool == "labcloud":
        doc = json.loads(text)
        for f in doc["findings"]:
            out.add((f["path"], f["line"]))
    else:
        for line in text.split("\n"):
            if fmt == "history":  # <rev>:<path>:<line>:<content>
                m = re.match(r"^[0-9a-f]{40}:([^:]+):(\d+):", line)
            else:
                m = re.match(r"^([^:]+):(\d+):", line)
            if m:
                out.add((m.group(1), int(m.group(2))))
    return out


def score(manifest_file, tool, fmt, output_file):
    with open(manifest_file) as f:
        manifest = json.load(f)
    with open(output_file, errors="replace") as f:
        found = findings(tool, fmt, f.read())
    secrets = {(p["path"], p["line"]) for p in manifest["planted"] if p["secret"]}
    looks = {(p["path"], p["line"]) for p in manifest["planted"] if not p["secret"]}
    hit = secrets & found
    fp = looks & found
    other = found - secrets - looks
    print(json.dumps({"planted": len(secrets), "found": len(hit), "lookalikes": len(looks), "lookalikes_flagged": len(fp),
                      "other": len(other), "missed": sorted("%s:%d" % x for x in secrets - found)[:8],
                      "flagged": sorted("%s:%d" % x for x in fp)[:8]}))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "generate":
        generate_tree(sys.argv[2], int(sys.argv[4]))
        generate_history(sys.argv[3], int(sys.argv[5]))
    elif cmd == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        sys.exit(__doc__)
