/// <summary>What a peer did on one split: its predicted label per test row, fit and scoring wall-clock seconds, and a note (iterations, λ, …).</summary>
public sealed record PeerResult(string[] Predicted, double FitSeconds, double ScoreSeconds, string Note, double PrepareSeconds = 0);
