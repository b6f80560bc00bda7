namespace Stance.Bench.TrainUnitFilter;

/// <summary>Where a training example comes from: the rule segmenter's output, or the marked pages beyond it.</summary>
public enum ExampleSource
{
    /// <summary>A paragraph or comment the rule segmenter emits: the units the filter will judge.</summary>
    Found,
    /// <summary>A marked paragraph or comment the segmenter misses (text).</summary>
    MissedMarked,
    /// <summary>A page line that is part of no marked unit and no found unit (furniture).</summary>
    LooseLine,
}
