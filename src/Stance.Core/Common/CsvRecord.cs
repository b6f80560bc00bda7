namespace Stance.Core.Common;

/// <summary>One CSV record with the physical line it starts on (1-based, counting the header as line 1).</summary>
public sealed record CsvRecord(long Line, string[] Fields);
