using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Stance.Tests;

/// <summary>
/// The reliability promises as users meet them: the real Train and Score processes, exit code 2 with one
/// line and no stack trace for bad input, no stray file after a failure or a signal, the same model
/// bytes on one core or two.
/// </summary>
public partial class ReliabilityCliTests
{
    private static readonly string Rows = string.Concat(Enumerable.Range(0, 5).Select(i =>
        $"text number {i} is critical,critical\ntext number {i} is neutral,neutral\n"));

    /// <summary>Exit 2, one line on stderr naming the fragments, no stack trace.</summary>
    private static void AssertBadInput(Cli.Result r, params string[] fragments)
    {
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Stderr}");
        var err = r.Stderr.TrimEnd('\n');
        Assert.DoesNotContain("\n", err);
        Assert.DoesNotContain("   at ", err);
        Assert.Matches("^(train|score): error: ", err);
        foreach (var f in fragments) Assert.Contains(f, err);
    }

    private static void AssertOnlyFiles(string dir, params string[] names) =>
        Assert.Equal(names.Order(), Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order());

    /// <summary>Train on these bytes in a fresh folder.</summary>
    private static (Cli.Result Result, string Dir) Train(byte[] csv, params string[] extra)
    {
        var dir = Cli.TempDir();
        File.WriteAllBytes(Path.Combine(dir, "data.csv"), csv);
        var defaults = new[] { ("--hash-bits", "10"), ("--folds", "2") }.Where(d => !extra.Contains(d.Item1)).SelectMany(d => new[] { d.Item1, d.Item2 });
        var r = Cli.Train(["--data", Path.Combine(dir, "data.csv"), "--model", Path.Combine(dir, "m.zip"), .. defaults, .. extra]);
        return (r, dir);
    }

    [Fact]
    public void BinaryNulAndUtf16FilesAreRefusedEarlyWithoutAStrayFile()
    {
        foreach (var (bytes, fragment) in new (byte[], string)[]
        {
            ([(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3], "data.csv, line 1: this is a zip archive (an .xlsx or .ods workbook?), not CSV text; save the sheet as CSV UTF-8"),
            (Encoding.UTF8.GetBytes("text,stance\n" + Rows + "ok,crit\0ical\n"), "data.csv, line 12: this is a binary file (a NUL byte at byte"),
            ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("text,stance\n" + Rows)], "UTF-16"),
        })
        {
            var (r, dir) = Train(bytes);
            AssertBadInput(r, fragment);
            AssertOnlyFiles(dir, "data.csv");
        }
    }

    [Fact]
    public void Latin1AndSemicolonFilesTrainWithTheRightOptions()
    {
        var latin = Encoding.Latin1.GetBytes("text;stance\n" + Rows.Replace(',', ';') + "caf\u00E9 con leche;critical\n");
        var (bad, badDir) = Train(latin);
        AssertBadInput(bad, "data.csv, line 12, column 1 (text): invalid UTF-8 (byte 0xE9 at character 4 of the line)", "--encoding latin1");
        AssertOnlyFiles(badDir, "data.csv");
        var (good, dir) = Train(latin, "--encoding", "latin1", "--folds", "0");
        Assert.True(good.ExitCode == 0, good.Stderr);
        Assert.Contains("rows: 11  delimiter: semicolon", good.Stdout);
        AssertOnlyFiles(dir, "data.csv", "m.zip");
    }

    [Fact]
    public void MemoryBudgetIsAClearErrorForTrainingAndForLoadingAModel()
    {
        var (r, dir) = Train(Encoding.UTF8.GetBytes("text,stance\n" + Rows), "--hash-bits", "24", "--max-memory", "1g");
        AssertBadInput(r, "data.csv: training on", "2^24 hash buckets needs about", "above the budget of 1 GB", "--max-memory");
        AssertOnlyFiles(dir, "data.csv");
        AssertBadInput(Train(Encoding.UTF8.GetBytes("text,stance\n" + Rows), "--max-memory", "lots").Result, "--max-memory: expected a size such as 512m or 2g");

        var (ok, modelDir) = Train(Encoding.UTF8.GetBytes("text,stance\n" + Rows), "--folds", "0", "--hash-bits", "20", "--features", "ngrams");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        var model = Path.Combine(modelDir, "m.zip");
        AssertBadInput(Cli.Score("--model", model, "--max-memory", "16m", "--out", Path.Combine(modelDir, "o.csv"), Path.Combine(modelDir, "data.csv")),
            "m.zip: loading this model (1 head(s) over 2,097,152 features) needs about", "above the budget of 16 MB");
        AssertOnlyFiles(modelDir, "data.csv", "m.zip");
    }

    [Fact]
    public void HostileModelsAndBadOutputPathsAreOneLineErrors()
    {
        var (ok, dir) = Train(Encoding.UTF8.GetBytes("text,stance\n" + Rows), "--folds", "0");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        var good = File.ReadAllBytes(Path.Combine(dir, "m.zip"));
        var data = Path.Combine(dir, "data.csv");
        var hostile = Path.Combine(dir, "hostile.zip");
        foreach (var (bytes, fragment) in new (byte[], string)[]
        {
            (good[..(good.Length / 2)], "hostile.zip: the file is truncated"),
            (ModelBytes.Edit(good, m => m["formatVersion"] = 7), $"format version 7 is newer than this tool reads ({Stance.Core.Modeling.ModelFile.FormatVersion}); update Stance"),
            (ModelBytes.Zip([.. ModelBytes.Unzip(good), ("../../evil.sh", "#!/bin/sh"u8.ToArray())]), "entry \"../../evil.sh\" is not a plain file name"),
        })
        {
            File.WriteAllBytes(hostile, bytes);
            AssertBadInput(Cli.Score("--model", hostile, "--format", "csv", "--out", Path.Combine(dir, "o.csv"), data), fragment);
            AssertOnlyFiles(dir, "data.csv", "m.zip", "hostile.zip");
        }
        var model = Path.Combine(dir, "m.zip");
        AssertBadInput(Cli.Score("--model", model, "--out", Path.Combine(dir, "missing", "o.csv"), data), "o.csv: the folder", "does not exist");
        AssertBadInput(Cli.Score("--model", model, "--out", dir, data), "is a folder");
        AssertBadInput(Cli.Train("--data", data, "--model", Path.Combine(dir, "missing", "m.zip")), "--model: the folder of", "does not exist");
        AssertOnlyFiles(dir, "data.csv", "m.zip", "hostile.zip");
    }

    [Fact]
    public void SameDataAndSeedGiveTheSameModelBytesOnOneCoreOrTwo()
    {
        var dir = Cli.TempDir();
        byte[] TrainOn(int cores)
        {
            var model = Path.Combine(dir, $"m{cores}.zip");
            var r = Cli.Run("Stance.Train.dll", ["--data", Cli.Fixture("small.csv"), "--model", model, "--label-column", "stance", "--label-column", "sentiment",
                "--folds", "2", "--hash-bits", "10"], environment: new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = cores.ToString() });
            Assert.True(r.ExitCode == 0, r.Stderr);
            return File.ReadAllBytes(model);
        }
        Assert.Equal(TrainOn(1), TrainOn(2));
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Whether this process ignores the signal (then its children do too: a shell's background jobs ignore SIGINT).</summary>
    private static bool Ignored(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:"));
        return line is not null && (Convert.ToUInt64(line[7..].Trim(), 16) & (1UL << (signal - 1))) != 0;
    }

    [Fact]
    public void ASignalWhileWritingLeavesNeitherTheOutputNorATempFile()
    {
        if (!OperatingSystem.IsLinux()) return;
        var (ok, dir) = Train(Encoding.UTF8.GetBytes("text,stance\n" + Rows), "--folds", "0");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        const int SIGINT = 2, SIGTERM = 15;
        foreach (int signal in new[] { SIGTERM, SIGINT }.Where(s => !Ignored(s)))
        {
            // Score writes its output's temp file, then waits for more CSV on stdin: the signal lands mid-write.
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Stance.Score.dll"), "--model", Path.Combine(dir, "m.zip"), "--format", "csv",
                "--out", Path.Combine(dir, "o.csv"), "-" }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            p.StandardInput.Write("id,text\nx1,hola\nx2,abajo\n");
            p.StandardInput.Flush();
            var waited = Stopwatch.StartNew();
            while (Directory.GetFiles(dir, ".o.csv.*.tmp").Length == 0 && !p.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(20);
            Assert.True(Directory.GetFiles(dir, ".o.csv.*.tmp").Length == 1, "Score should be writing its temp file: " + (p.HasExited ? p.StandardError.ReadToEnd() : ""));
            Assert.Equal(0, Kill(p.Id, signal));
            Assert.True(p.WaitForExit(60_000));
            Assert.NotEqual(0, p.ExitCode);
            AssertOnlyFiles(dir, "data.csv", "m.zip");
        }
    }

    [Fact]
    public void MutatedInputsAsProcessesExitCleanly()
    {
        // The process-level slice of the fuzz tests: a few mutated CSVs through Train and models through Score.
        var rng = new Random(7);
        var seed = Encoding.UTF8.GetBytes("text,stance\n\"quoted, \"\"text\"\"\",critical\n" + Rows);
        for (int i = 0; i < 2; i++)
        {
            var bytes = (byte[])seed.Clone();
            for (int k = 0; k < 3; k++) bytes[rng.Next(bytes.Length)] = new byte[] { (byte)'"', 0, 0xE9, (byte)',', (byte)'\n', 0xC3 }[rng.Next(6)];
            var (r, dir) = Train(bytes, "--folds", "0");
            if (r.ExitCode == 0) AssertOnlyFiles(dir, "data.csv", "m.zip");
            else { AssertBadInput(r); AssertOnlyFiles(dir, "data.csv"); }
        }
        var (ok, modelDir) = Train(seed, "--folds", "0");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        var good = File.ReadAllBytes(Path.Combine(modelDir, "m.zip"));
        for (int i = 0; i < 2; i++)
        {
            var bytes = (byte[])good.Clone();
            for (int k = 0; k < 4; k++) bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
            File.WriteAllBytes(Path.Combine(modelDir, "m.zip"), bytes);
            var r = Cli.Score("--model", Path.Combine(modelDir, "m.zip"), "--format", "csv", "--out", Path.Combine(modelDir, "o.csv"), Path.Combine(modelDir, "data.csv"));
            if (r.ExitCode == 0) { AssertOnlyFiles(modelDir, "data.csv", "m.zip", "o.csv"); File.Delete(Path.Combine(modelDir, "o.csv")); }
            else { AssertBadInput(r, "m.zip"); AssertOnlyFiles(modelDir, "data.csv", "m.zip"); }
        }
    }
}
