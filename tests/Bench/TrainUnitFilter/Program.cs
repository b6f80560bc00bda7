using Stance.Bench.TrainUnitFilter;
using Stance.Core.Text;

// train [out]: writes the filter Stance.Core embeds (default src/Stance.Core/Text/unit-filter.bin).
// loso: the leave-one-set-out table and the written-order table.
// measure <folder>: a folder of X.txt + X.expected pages scored by the rules alone and with the embedded filter.
// misses <folder> [rules]: per page, the units rules + embedded filter (or the rules alone) find that are not marked (+) and
// the marked units they miss (-).
var command = args.FirstOrDefault() ?? "loso";
var fixtures = FixturePage.FixturesFolder();
switch (command)
{
    case "train":
    {
        var output = args.Length > 1 ? args[1] : Path.Combine(fixtures, "..", "..", "..", "src", "Stance.Core", "Text", "unit-filter.bin");
        var (filter, setting, inner) = FinalFilter.Train(FixtureSet.Load(fixtures));
        using (var stream = File.Create(output)) filter.Write(stream);
        Console.WriteLine($"{Path.GetFullPath(output)}: {setting}, threshold {filter.Threshold:0.000}, inner leave-one-set-out {inner}");
        break;
    }
    case "loso":
    {
        var sets = FixtureSet.Load(fixtures);
        Console.WriteLine("Leave one set out (setting and threshold chosen by leave-one-set-out inside the other sets):\n");
        Console.WriteLine(Evaluation.LeaveOneSetOut(sets));
        Console.WriteLine("At freeze (each held-out set as the rules found it when it was measured once, before they were tuned on it):\n");
        Console.WriteLine(Evaluation.AtFreeze(sets));
        Console.WriteLine("In written order (each set scored by a filter trained on the sets written before it):\n");
        Console.WriteLine(Evaluation.InWrittenOrder(sets));
        break;
    }
    case "measure" when args.Length > 1:
    {
        var folder = Path.GetFullPath(args[1]);
        Tally rules = new(), filtered = new();
        foreach (var page in FixturePage.ReadSet(Path.GetDirectoryName(folder)!, Path.GetFileName(folder)))
        {
            rules += page.Score(page.Found);
            filtered += page.Score(UnitFilter.Default.Apply(page.Text, page.Found));
        }
        Console.WriteLine($"{folder}: rules P / R {rules} ({rules.TruePositives}/{rules.Found} found, {rules.Marked} marked); "
            + $"rules+filter P / R {filtered} ({filtered.TruePositives}/{filtered.Found} found)");
        break;
    }
    case "misses" when args.Length > 1:
    {
        var folder = Path.GetFullPath(args[1]);
        foreach (var page in FixturePage.ReadSet(Path.GetDirectoryName(folder)!, Path.GetFileName(folder)))
            foreach (var line in page.Misses(args.ElementAtOrDefault(2) == "rules" ? page.Found : UnitFilter.Default.Apply(page.Text, page.Found)))
                Console.WriteLine($"{page.Name}\t{line}");
        break;
    }
    default:
        Console.Error.WriteLine("usage: TrainUnitFilter [loso | train [out] | measure <folder> | misses <folder> [rules]]");
        return 2;
}
return 0;
