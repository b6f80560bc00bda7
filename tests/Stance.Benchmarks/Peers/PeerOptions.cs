using System.Globalization;

/// <summary>
/// Arguments of the <c>peers</c> mode. The rows come from one of: --train and --test (one split);
/// --folds-dir (every <c>[group-]fold-N-train.csv</c> / <c>-test.csv</c> pair in a folder, as
/// tests/Bench/export_folds.py writes them); --data with --folds (stratified k-fold CV made here, per
/// --group value when given).
/// </summary>
public sealed record PeerOptions
{
    public string Peer { get; init; } = "";
    public string? Train { get; init; }
    public string? Test { get; init; }
    public string? FoldsDir { get; init; }
    public string? Data { get; init; }
    public int Folds { get; init; } = 5;
    public string? Group { get; init; }
    public string Label { get; init; } = "stance";
    public string Text { get; init; } = "text";
    public ulong Seed { get; init; } = 42;
    /// <summary>Rows peers: λ of the mean loss (default: Stance's rule, 0.01 / √(training rows)).</summary>
    public double? Lambda { get; init; }
    /// <summary>Rows peers: L-BFGS relative tolerance (default: Stance's size rule, 1e-6 below 2M stored values, else 1e-4).</summary>
    public double? Tolerance { get; init; }
    /// <summary>mlnet-rows-sdca: SDCA's ConvergenceTolerance (duality gap; ML.NET's default 0.1) and MaximumNumberOfIterations (default: chosen by ML.NET).</summary>
    public float? SdcaTolerance { get; init; }
    public int? SdcaIterations { get; init; }
    /// <summary>Rows peers: weight rows n / (K · n_class), as Stance.Train's default --class-weights balanced.</summary>
    public bool Balanced { get; init; } = true;
    /// <summary>CSV of every test row's group, fold, gold and predicted label.</summary>
    public string? Predictions { get; init; }

    public const string Usage = """
        usage: peers --peer PEER (--train X --test Y | --folds-dir DIR | --data X [--folds 5] [--group COLUMN])
                     [--label stance] [--text text] [--seed 42] [--predictions out.csv]
                     [--lambda L] [--tolerance T] [--class-weights balanced|none] [--sdca-tolerance G] [--sdca-iterations N]
          PEER: mlnet-sdca | mlnet-lbfgs          ML.NET FeaturizeText → SdcaMaximumEntropy / LbfgsMaximumEntropy (defaults)
                ours-rows-lbfgs                   Stance's featurizer + LogisticRegressionTrainer
                mlnet-rows-lbfgs | mlnet-rows-sdca  Stance's featurized rows → ML.NET's LbfgsMaximumEntropy / SdcaMaximumEntropy
        """;

    public static PeerOptions Parse(string[] args)
    {
        var o = new PeerOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Value(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--peer" => o with { Peer = Value() },
                "--train" => o with { Train = Value() },
                "--test" => o with { Test = Value() },
                "--folds-dir" => o with { FoldsDir = Value() },
                "--data" => o with { Data = Value() },
                "--folds" => o with { Folds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--group" => o with { Group = Value() },
                "--label" => o with { Label = Value() },
                "--text" => o with { Text = Value() },
                "--seed" => o with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) },
                "--lambda" => o with { Lambda = Number() },
                "--tolerance" => o with { Tolerance = Number() },
                "--sdca-tolerance" => o with { SdcaTolerance = (float)Number() },
                "--sdca-iterations" => o with { SdcaIterations = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--class-weights" => o with { Balanced = Value() switch { "balanced" => true, "none" => false, var v => throw new ArgumentException($"--class-weights {v}: balanced or none") } },
                "--predictions" => o with { Predictions = Value() },
                var a => throw new ArgumentException($"unknown argument {a}"),
            };
        }
        int sources = (o.Train is not null || o.Test is not null ? 1 : 0) + (o.FoldsDir is not null ? 1 : 0) + (o.Data is not null ? 1 : 0);
        if (sources != 1 || (o.Train is null) != (o.Test is null)) throw new ArgumentException("give --train and --test, or --folds-dir, or --data");
        if (o.Peer == "") throw new ArgumentException("--peer is required");
        return o;
    }
}
