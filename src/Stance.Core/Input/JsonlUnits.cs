using Stance.Core.Common;
using System.Text.Json;

namespace Stance.Core.Input;

/// <summary>
/// Reads JSON Lines (one object per line, as Hadoop Streaming or Spark's RDD.pipe feed a mapper): the
/// text field, an optional "id", and every other string, number or boolean field carried along as a
/// column. A line that is not a JSON object, or lacks the text field, is an error naming its line — or, with
/// <paramref name="reject"/>, is handed to it (line, reason, the line itself) and skipped.
/// </summary>
public static class JsonlUnits
{
    public static IEnumerable<ScoringUnit> Read(TextReader reader, string source, string textField, Action<long, string, string>? reject = null)
    {
        long line = 0;
        int row = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            Dictionary<string, string> columns;
            string? body;
            try
            {
                columns = Parse(text, source, line);
                if (!columns.TryGetValue(textField, out body))
                    throw InputException.At(source, line, null, null, $"no \"{textField}\" field in this JSON object (found: {string.Join(", ", columns.Keys)})");
            }
            catch (InputException e) when (reject is not null)
            {
                reject(line, e.Message, text);
                continue;
            }
            row++;
            string id = columns.TryGetValue("id", out var given) && given.Length > 0 ? given : $"{source}:{row}";
            string kind = columns.TryGetValue("kind", out var k) && k.Trim().Length > 0 ? k.Trim() : "text";
            yield return new ScoringUnit(id, source, line, body, columns, kind) { Index = row };
        }
    }

    private static Dictionary<string, string> Parse(string text, string source, long line)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw InputException.At(source, line, null, null, "expected a JSON object per line");
            var columns = new Dictionary<string, string>();
            foreach (var p in doc.RootElement.EnumerateObject())
                columns[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString()!,
                    JsonValueKind.Null => "",
                    JsonValueKind.Object or JsonValueKind.Array => p.Value.GetRawText(),
                    _ => p.Value.GetRawText(),
                };
            return columns;
        }
        catch (JsonException e)
        {
            throw InputException.At(source, line, (int)(e.BytePositionInLine ?? 0) + 1, null, $"invalid JSON: {e.Message.Split('.')[0]}");
        }
    }
}
