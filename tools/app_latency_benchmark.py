#!/usr/bin/env python3
"""Drives the real DepthStyle window under Xvfb as a user would, at several
content sizes (content size "Original"), and reports from its render log:
the live preview's latency (key press on the beta slider to the result pane
painted), percentiles over the presses; the longest event-loop stall while
loading, rendering and sliding; the peak resident memory; and, after the
largest size, the resident memory once the working size is set back to
1000 px. Runs on stand-in models: the figures are about the app, not about
picture quality.

usage: app_latency_benchmark.py BUILD_DIR WORK_DIR SIZE... (e.g. 768x512)
Environment: PRESSES (default 30), PRESS_GAP_S (default 0.3)."""
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

PRESSES = int(os.environ.get("PRESSES", "30"))
GAP = float(os.environ.get("PRESS_GAP_S", "0.3"))
TIMEOUT = 900


def rss_mb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


class App:
    def __init__(self, build, work, content, style, display):
        self.log_path = os.path.join(work, "render.log")
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
                   XDG_CONFIG_HOME=os.path.join(work, "config"),
                   QT_LOGGING_RULES="depthstyle.render.debug=true")
        sidecar = os.path.join(work, "original-size.json")
        with open(sidecar, "w") as f:
            f.write('{"parameters": {"contentSize": 0, "styleSize": 512}}\n')
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [os.path.join(build, "app/gui/depthstyle"), "--models",
             os.path.join(work, "standins/models"), "--params", sidecar, content, style],
            env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.display = display

    def lines(self):
        with open(self.log_path) as f:
            return f.read().splitlines()

    def wait_for(self, pattern, after=0):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            if self.proc.poll() is not None:
                sys.exit("the app quit early:\n" + "\n".join(self.lines()[-20:]))
            if any(re.search(pattern, l) for l in self.lines()[after:]):
                return
            time.sleep(0.2)
        sys.exit(f"timed out waiting for '{pattern}'")

    def wait_until_done(self, after):
        """Until the latest request reports done."""
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            lines = self.lines()
            requests = [int(m.group(1)) for l in lines
                        for m in [re.search(r"request (\d+):", l)] if m]
            done = [int(m.group(1)) for l in lines[after:]
                    for m in [re.search(r"request (\d+): done", l)] if m]
            if requests and done and max(done) >= max(requests):
                return
            time.sleep(0.3)
        sys.exit("timed out waiting for the render to finish")

    def keys(self, *keys):
        env = dict(os.environ, DISPLAY=self.display)
        if not hasattr(self, "window"):
            found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid",
                                    str(self.proc.pid), "--name", "DepthStyle"],
                                   env=env, check=True, capture_output=True, text=True)
            self.window = found.stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", self.window, "key"] + list(keys),
                       env=env, check=True, stdout=subprocess.DEVNULL)

    def quit(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(30)
        self.log.close()


def stalls(lines):
    return [int(m.group(1)) for l in lines for m in [re.search(r"stalled (\d+) ms", l)] if m]


def percentile(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def run(build, work, size, display, last):
    width, height = map(int, size.split("x"))
    content = os.path.join(work, f"content-{size}.png")
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__),
                                                  "draw_sized_content.py"),
                    content, str(width), str(height)], check=True)
    app = App(build, work, content, os.path.join(work, "style.png"), display)
    start = time.time()
    app.wait_for(r"exact result shown")
    app.wait_until_done(0)
    ready_s = time.time() - start
    loading = stalls(app.lines())
    mark = len(app.lines())
    app.keys("alt+s")  # focus the beta slider
    for _ in range(PRESSES):
        app.keys("Right")
        time.sleep(GAP)
    app.wait_until_done(mark)
    lines = app.lines()[mark:]
    latency = [int(m.group(1)) for l in lines
               for m in [re.search(r"first visual update after (\d+) ms \(painted\)", l)] if m]
    sliding = stalls(lines)
    row = {
        "size": size, "ready_s": ready_s, "updates": len(latency),
        "p50": percentile(latency, 0.5) if latency else float("nan"),
        "p95": percentile(latency, 0.95) if latency else float("nan"),
        "max": max(latency) if latency else float("nan"),
        "stall_load": max(loading, default=0), "stall_slide": max(sliding, default=0),
        "peak_mb": rss_mb(app.proc.pid, "VmHWM"), "after_mb": float("nan"),
    }
    if last:
        mark = len(app.lines())
        app.keys("alt+z", "Up")  # content size: Original -> 1000 px
        time.sleep(1)
        app.wait_until_done(mark)
        time.sleep(3)  # the memory goes back on a worker thread
        row["after_mb"] = rss_mb(app.proc.pid, "VmRSS")
        row["stall_slide"] = max(row["stall_slide"], max(stalls(app.lines()[mark:]), default=0))
    app.quit()
    if os.environ.get("KEEP_LOG"):  # the render log, for a closer look
        shutil.copy(app.log_path, os.environ["KEEP_LOG"])
    return row


def main():
    build, work, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
    display = ":%d" % (90 + os.getpid() % 100)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    try:
        rows = [run(build, work, s, display, i == len(sizes) - 1) for i, s in enumerate(sizes)]
    finally:
        xvfb.terminate()
    print(f"{PRESSES} presses of Right on the beta slider, {GAP} s apart, per size")
    print("| content | first result ready | updates | latency p50 | p95 | max "
          "| longest stall: load+render | sliding | peak RSS | RSS at 1000 px after |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    def stall(ms):
        return f"{ms} ms" if ms else "none > 50 ms"

    for r in rows:
        after = "" if r["after_mb"] != r["after_mb"] else f"{r['after_mb']:.0f} MB"
        print(f"| {r['size']} | {r['ready_s']:.1f} s | {r['updates']} | {r['p50']} ms "
              f"| {r['p95']} ms | {r['max']} ms | {stall(r['stall_load'])} | {stall(r['stall_slide'])} "
              f"| {r['peak_mb']:.0f} MB | {after} |")
    bad = [r for r in rows if r["updates"] == 0]
    if bad:
        sys.exit("no live preview updates were logged for " + ", ".join(r["size"] for r in bad))


if __name__ == "__main__":
    main()
