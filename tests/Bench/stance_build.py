"""Builds Stance.Train and Stance.Score for a bench run, into the run's own folder, so rebuilding the source
tree meanwhile cannot change the binaries mid-run. Returns the commands that run them."""
import os, subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def build(out):
    bin_dir = os.path.join(out, "bin")
    for project in ("src/Stance.Train", "src/Stance.Score"):
        subprocess.run(["dotnet", "build", os.path.join(ROOT, project), "-c", "Release", "-v", "q", "--nologo", "-o", bin_dir],
                       check=True, stdout=subprocess.DEVNULL)
    return ["dotnet", os.path.join(bin_dir, "Stance.Train.dll")], ["dotnet", os.path.join(bin_dir, "Stance.Score.dll")]
