using Stance.Core.Common;
using System.Text;
using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// Boilerplate patterns as data: one .NET regular expression per line, blank lines and # comments
/// ignored, each pattern trimmed (write \s or [ ] for a space that matters at either end). The defaults
/// ship as the embedded resource Text/Boilerplate.txt; users add their own file in the same format.
/// </summary>
public static class BoilerplatePatterns
{
    private const string ResourceName = "Stance.Core.Text.Boilerplate.txt";

    /// <summary>The shipped patterns: ads, credits, PREV/NEXT links, follow prompts, comment-form text, "Source:" lines.</summary>
    public static IReadOnlyList<Regex> Default { get; } = LoadDefault();

    /// <summary>Reads a user pattern file; a missing file, bad UTF-8 or an invalid pattern is an <see cref="InputException"/> naming file and line.</summary>
    public static IReadOnlyList<Regex> Load(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: file not found");
        string text;
        try { text = File.ReadAllText(path, new UTF8Encoding(false, true)); }
        catch (DecoderFallbackException) { throw Utf8Locator.Describe(path); }
        return Parse(text, path);
    }

    /// <summary>Parses pattern-file text; <paramref name="name"/> is the file named in errors.</summary>
    public static IReadOnlyList<Regex> Parse(string text, string name)
    {
        var patterns = new List<Regex>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string pattern = lines[i].Trim();
            if (pattern.Length == 0 || pattern[0] == '#') continue;
            try { patterns.Add(new Regex(pattern, RegexOptions.CultureInvariant)); }
            catch (ArgumentException e)
            {
                throw InputException.At(name, i + 1, null, null, $"invalid regular expression: {e.Message}");
            }
        }
        return patterns;
    }

    private static IReadOnlyList<Regex> LoadDefault()
    {
        using var stream = typeof(BoilerplatePatterns).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from Stance.Core");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), ResourceName);
    }
}
