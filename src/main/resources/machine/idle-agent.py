#!/usr/bin/env python3
"""labcloud idle agent: run every 5 minutes by a systemd timer on a lab machine.

It decides whether anyone is using the machine and shuts it down (the instance's shutdown
behaviour is "stop", so the disk stays) once it has been idle longer than the idle-stop setting.
Busy means any of: a Jupyter kernel busy or active lately, a Jupyter terminal used lately, an
established SSH connection (with or without a terminal: VS Code Remote-SSH, ssh -N tunnels), a
login terminal used lately, CPU load, GPU use (when nvidia-smi exists), or a hold
(the labcloud:hold-until tag, read through instance metadata tags, so no IAM role is needed).

Settings come from /etc/labcloud/idle-agent.conf (KEY=VALUE) and LABCLOUD_IDLE_<KEY> variables.
Python 3.9 (Amazon Linux 2023's) and the standard library only.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone

DEFAULTS = {
    "IDLE_MINUTES": "60",
    "JUPYTER_URL": "http://127.0.0.1:8888",
    "TOKEN_FILE": "/home/ec2-user/.labcloud/jupyter-token",
    "SSH_PORT": "22",
    "LOAD_THRESHOLD": "0.5",
    "GPU_THRESHOLD": "5",
    "STATE_DIR": "/var/lib/labcloud-idle",
    "IMDS_URL": "http://169.254.169.254",
    "IMDS_TIMEOUT": "2",
    "SHUTDOWN_COMMAND": "/usr/sbin/shutdown -h now",
    "CONFIG": "/etc/labcloud/idle-agent.conf",
}


def settings():
    conf = dict(DEFAULTS)
    path = os.environ.get("LABCLOUD_IDLE_CONFIG", DEFAULTS["CONFIG"])
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#") and "=" in line:
                    key, value = line.split("=", 1)
                    conf[key.strip()] = value.strip()
    except OSError:
        pass
    for key in DEFAULTS:
        value = os.environ.get("LABCLOUD_IDLE_" + key)
        if value:
            conf[key] = value
    return conf


def parse_time(text):
    """Jupyter's ISO times ('2026-01-02T03:04:05.123456Z'); Python 3.9 cannot parse the Z itself."""
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:?\d\d)?$", text or "")
    if not m:
        return None
    base = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    if m.group(2):
        base = base.replace(microsecond=int((m.group(2)[1:] + "000000")[:6]))
    zone = m.group(3)
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        hours, minutes = int(zone[1:3]), int(zone[-2:])
        return base.timestamp() - sign * (hours * 3600 + minutes * 60)
    return base.timestamp()


def http_json(url, headers, timeout=3):
    req = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read().decode("utf-8"))


def jupyter_activity(conf, now, window, reasons, notes):
    try:
        with open(conf["TOKEN_FILE"]) as f:
            token = f.read().strip()
    except OSError:
        notes.append("jupyter: no token file")
        return
    headers = {"Authorization": "token " + token}
    base = conf["JUPYTER_URL"].rstrip("/")
    try:
        kernels = http_json(base + "/api/kernels", headers)
    except (OSError, ValueError) as e:
        notes.append("jupyter: not reachable (%s)" % type(e).__name__)
        return
    for k in kernels:
        name = k.get("name", "kernel") + " " + k.get("id", "")[:8]
        # "busy" is running code now; any other state (idle, starting, dead) counts by its last activity
        if k.get("execution_state") == "busy":
            reasons.append("jupyter kernel %s is busy" % name)
            continue
        last = parse_time(k.get("last_activity"))
        if last is not None and now - last < window:
            reasons.append("jupyter kernel %s active %d min ago" % (name, (now - last) // 60))
    try:
        terminals = http_json(base + "/api/terminals", headers)
    except (OSError, ValueError):
        terminals = []
    for t in terminals:
        last = parse_time(t.get("last_activity"))
        if last is not None and now - last < window:
            reasons.append("jupyter terminal %s active %d min ago" % (t.get("name"), (now - last) // 60))
    notes.append("jupyter: %d kernels, %d terminals" % (len(kernels), len(terminals)))


def ssh_connections(port):
    """Established TCP connections to the SSH port, from /proc/net/tcp and tcp6 (state 01)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    local_port = int(fields[1].rsplit(":", 1)[1], 16)
                    if fields[3] == "01" and local_port == port:
                        count += 1
        except (OSError, StopIteration, IndexError, ValueError):
            continue
    return count


def login_terminals(now, window):
    """Login sessions (utmp, as `who` lists them) whose terminal was used within the window."""
    active = []
    try:
        out = subprocess.run(["who"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return active
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        try:
            used = os.stat("/dev/" + parts[1]).st_atime
        except OSError:
            continue
        if now - used < window:
            active.append(parts[0] + " on " + parts[1])
    return active


def gpu_use(threshold):
    if shutil.which("nvidia-smi") is None:
        return None
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=utilization.gpu", "--format=csv,noheader,nounits"],
                             capture_output=True, text=True, timeout=20).stdout
        values = [int(v) for v in out.split() if v.strip().isdigit()]
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return max(values) if values and max(values) >= threshold else None


def instance_tags(conf, keys):
    """Instance metadata tags (IMDSv2); an empty dict when there is no metadata service."""
    base = conf["IMDS_URL"].rstrip("/")
    timeout = float(conf["IMDS_TIMEOUT"])
    tags = {}
    try:
        req = urllib.request.Request(base + "/latest/api/token", method="PUT",
                                     headers={"X-aws-ec2-metadata-token-ttl-seconds": "60"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            token = r.read().decode("ascii").strip()
    except OSError:
        return tags
    for key in keys:
        try:
            req = urllib.request.Request(base + "/latest/meta-data/tags/instance/" + key,
                                         headers={"X-aws-ec2-metadata-token": token})
            with urllib.request.urlopen(req, timeout=timeout) as r:
                tags[key] = r.read().decode("utf-8").strip()
        except OSError:
            continue
    return tags


def boot_time(now):
    try:
        with open("/proc/uptime") as f:
            return now - float(f.read().split()[0])
    except (OSError, ValueError):
        return now


def decide(conf, now):
    tags = instance_tags(conf, ["labcloud:idle-stop", "labcloud:hold-until"])
    # minutes; fractions are accepted (tests use seconds-long windows)
    reasons, notes = [], []
    try:
        idle_minutes = float(tags.get("labcloud:idle-stop") or conf["IDLE_MINUTES"])
    except ValueError:
        idle_minutes = 0
    if idle_minutes <= 0:
        notes.append("idle-stop setting not a positive number; using " + DEFAULTS["IDLE_MINUTES"])
        idle_minutes = float(DEFAULTS["IDLE_MINUTES"])
    window = idle_minutes * 60
    hold = parse_time(tags.get("labcloud:hold-until"))
    if hold is not None and hold > now:
        reasons.append("held until " + tags["labcloud:hold-until"])
    jupyter_activity(conf, now, window, reasons, notes)
    ssh = ssh_connections(int(conf["SSH_PORT"]))
    if ssh:
        reasons.append("%d SSH connection%s" % (ssh, "" if ssh == 1 else "s"))
    for who in login_terminals(now, window):
        reasons.append("terminal " + who)
    try:
        with open("/proc/loadavg") as f:
            load = float(f.read().split()[1])
        if load >= float(conf["LOAD_THRESHOLD"]):
            reasons.append("CPU load %.2f" % load)
    except (OSError, ValueError, IndexError):
        notes.append("cpu: no load average")
    gpu = gpu_use(float(conf["GPU_THRESHOLD"]))
    if gpu is not None:
        reasons.append("GPU %d%% used" % gpu)
    return idle_minutes, reasons, notes


def main():
    conf = settings()
    now = time.time()
    idle_minutes, reasons, notes = decide(conf, now)
    state_dir = conf["STATE_DIR"]
    os.makedirs(state_dir, exist_ok=True)
    marker = os.path.join(state_dir, "last-active")
    if reasons:
        with open(marker, "w") as f:
            f.write("%d\n" % now)
    try:
        with open(marker) as f:
            last_active = float(f.read().strip())
    except (OSError, ValueError):
        last_active = boot_time(now)
    idle_for = max(0.0, now - last_active) / 60
    decision = "busy" if reasons else ("stop" if idle_for >= idle_minutes else "idle")
    status = {"time": datetime.fromtimestamp(now, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "decision": decision, "idleMinutes": int(idle_for), "idleStopMinutes": idle_minutes,
              "reasons": reasons, "notes": notes}
    line = json.dumps(status)
    with open(os.path.join(state_dir, "status.json"), "w") as f:
        f.write(line + "\n")
    print(line, flush=True)
    if decision == "stop":
        return subprocess.run(shlex.split(conf["SHUTDOWN_COMMAND"])).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
