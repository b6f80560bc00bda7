using Stance.Core.Evaluation;

namespace Stance.Tests;

public class MetricsTests
{
    private static readonly string[] Abc = ["a", "b", "c"];

    // actual a a a a b b b c c c / predicted a a b c b b a c c b, worked by hand (equal to sklearn's report).
    private static ClassificationMetrics Example() =>
        new(Abc, [0, 0, 0, 0, 1, 1, 1, 2, 2, 2], [0, 0, 1, 2, 1, 1, 0, 2, 2, 1]);

    [Fact]
    public void ConfusionMatrixHasActualRowsAndPredictedColumns()
    {
        var m = Example().Confusion;
        long[,] expected = { { 2, 1, 1 }, { 1, 2, 0 }, { 0, 1, 2 } };
        Assert.Equal(expected, m.Counts);
        Assert.Equal(4, m.RowTotal(0));
        Assert.Equal(4, m.ColumnTotal(1));
        Assert.Equal(10, m.Total);
    }

    [Fact]
    public void PerClassAndAveragesMatchHandComputedValues()
    {
        var m = Example();
        Assert.Equal(2.0 / 3, m.PerClass[0].Precision, 12);
        Assert.Equal(0.5, m.PerClass[0].Recall, 12);
        Assert.Equal(4.0 / 7, m.PerClass[0].F1, 12);
        Assert.Equal(0.5, m.PerClass[1].Precision, 12);
        Assert.Equal(2.0 / 3, m.PerClass[1].Recall, 12);
        Assert.Equal(4.0 / 7, m.PerClass[1].F1, 12);
        Assert.Equal(2.0 / 3, m.PerClass[2].F1, 12);
        Assert.Equal(new long[] { 4, 3, 3 }, m.PerClass.Select(c => c.Support));
        Assert.Equal(0.6, m.Accuracy, 12);
        Assert.Equal(38.0 / 63, m.MacroF1, 12);
        Assert.Equal(11.0 / 18, m.MacroPrecision, 12);
        Assert.Equal(0.6, m.WeightedF1, 12);
    }

    [Fact]
    public void ZeroDivisionGivesZeroAndAbsentClassesLeaveTheMacroAverage()
    {
        // c occurs in neither list, so (like sklearn's default labels) it is not averaged; b is never predicted.
        var m = new ClassificationMetrics(Abc, [0, 0, 1], [0, 0, 0]);
        Assert.Equal(0, m.PerClass[1].Precision);
        Assert.Equal(0, m.PerClass[1].F1);
        Assert.Equal(0.8, m.PerClass[0].F1, 12);
        Assert.Equal(0.4, m.MacroF1, 12);
    }

    [Fact]
    public void LogLossIsMeanNegativeLogProbabilityOfTheTrueClass()
    {
        var loss = ClassificationMetrics.ComputeLogLoss([0, 1], [[0.8, 0.2], [0.4, 0.6]]);
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.6)) / 2, loss, 12);
        // A zero probability is clipped, not infinite.
        Assert.True(double.IsFinite(ClassificationMetrics.ComputeLogLoss([0], [[0.0, 1.0]])));
    }

    [Fact]
    public void ConfusionTextShowsTotals()
    {
        var text = Example().Confusion.ToText();
        Assert.Contains("total", text);
        Assert.Matches(@"a\s+2\s+1\s+1\s+4", text);
        Assert.Matches(@"total\s+3\s+4\s+3\s+10", text);
    }
}
