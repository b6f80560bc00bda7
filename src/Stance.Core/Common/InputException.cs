namespace Stance.Core.Common;

/// <summary>
/// Bad input from the user (a file, a column, a value): reported as one line naming where, never with a
/// stack trace; the front-ends exit with code 2.
/// </summary>
public sealed class InputException : Exception
{
    public InputException(string message) : base(OneLine(message)) { }

    /// <summary>Text from the input (a column name, a label) may hold line breaks or control characters: shown escaped, the message stays one line.</summary>
    private static string OneLine(string message)
    {
        if (!message.Any(char.IsControl)) return message;
        var sb = new System.Text.StringBuilder(message.Length + 8);
        foreach (char c in message)
            sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ when char.IsControl(c) => "?", _ => c.ToString() });
        return sb.ToString();
    }

    /// <summary>"file, line L, column C (name): message" — the parts that are known.</summary>
    public static InputException At(string file, long? line, int? column, string? columnName, string message)
    {
        var where = file;
        if (line is long l) where += $", line {l}";
        if (column is int c) where += $", column {c}" + (columnName is null ? "" : $" ({columnName})");
        return new InputException($"{where}: {message}");
    }
}
