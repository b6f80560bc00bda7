using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Inner loops of Stance, measured with BenchmarkDotNet (not part of the test suite):
//
//   dotnet run -c Release --project tests/Stance.Benchmarks -- --filter '*'
//   STANCE_BENCH_CORPUS=/tmp/train.csv dotnet run -c Release --project tests/Stance.Benchmarks -- --filter '*Objective*'
//
// The corpus is the CSV named by STANCE_BENCH_CORPUS (a text and a stance column: the output of
// tests/Bench/make_corpus.py), else data/stance.csv. Benchmarks run in-process (no generated project).
//
// `peers` as the first argument runs one peer of issue 18 instead (ML.NET's text pipeline, or a linear
// optimizer on Stance's featurized rows) in this process: see PeersCommand and tests/Bench/bench_peers.sh.
if (args.Length > 0 && args[0] == "peers") return PeersCommand.Run(args[1..]);

var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args, config);
return 0;
