"""Helpers of the bench scripts: build Stance.Train and Stance.Score into a run's own folder (so rebuilding the
source tree meanwhile cannot change the binaries mid-run), and run a command, stopping the bench if it fails."""
import os, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def build(out):
    bin_dir = os.path.join(out, "bin")
    for project in ("src/Stance.Train", "src/Stance.Score"):
        subprocess.run(["dotnet", "build", os.path.join(ROOT, project), "-c", "Release", "-v", "q", "--nologo", "-o", bin_dir],
                       check=True, stdout=subprocess.DEVNULL)
    return ["dotnet", os.path.join(bin_dir, "Stance.Train.dll")], ["dotnet", os.path.join(bin_dir, "Stance.Score.dll")]


def run(cmd):
    """Runs a command; returns its stdout and wall seconds, or stops the bench with its stderr."""
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr}")
    return r.stdout, time.perf_counter() - t
