using System.Globalization;
using CsvHelper;
using Stance.Core.Common;

namespace Stance.Core.Output;

/// <summary>The records Score skipped (--on-bad-record skip), written atomically as CSV: source, line, reason, record.</summary>
public static class RejectsFile
{
    public static void Write(string path, IReadOnlyList<(string Source, long Line, string Reason, string Record)> rejected) => AtomicFile.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var field in new[] { "source", "line", "reason", "record" }) csv.WriteField(field);
        csv.NextRecord();
        foreach (var (source, line, reason, record) in rejected)
        {
            csv.WriteField(source);
            csv.WriteField(line);
            csv.WriteField(reason);
            csv.WriteField(record);
            csv.NextRecord();
        }
    });
}
