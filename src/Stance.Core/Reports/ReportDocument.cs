using Stance.Core.Modeling;

namespace Stance.Core.Reports;

/// <summary>The report: a title, facts about the data and model, and one section per label column.</summary>
public sealed record ReportDocument(string Title, string Subtitle, IReadOnlyList<(string Key, string Value)> Facts, IReadOnlyList<ReportSection> Sections);
