namespace Stance.Bench.TrainUnitFilter;

/// <summary>Unit counts summed over pages, with their precision and recall.</summary>
public readonly record struct Tally(int TruePositives, int Found, int Marked)
{
    public double Precision => Found == 0 ? 1 : TruePositives / (double)Found;
    public double Recall => Marked == 0 ? 1 : TruePositives / (double)Marked;

    public static Tally operator +(Tally a, (int TruePositives, int Found, int Marked) b) =>
        new(a.TruePositives + b.TruePositives, a.Found + b.Found, a.Marked + b.Marked);

    public static Tally operator +(Tally a, Tally b) => new(a.TruePositives + b.TruePositives, a.Found + b.Found, a.Marked + b.Marked);

    public override string ToString() => $"{Precision:0.000} / {Recall:0.000}";
}
