using System.Text.RegularExpressions;

namespace Stance.Tests;

/// <summary>
/// Stance.Core's folders are layers that import one way, bottom to top. A file may use types of its own
/// layer and of the layers below it, never of one above: read from the sources, so the test names the
/// file and the type that broke the rule.
/// </summary>
public partial class ArchitectureTests
{
    /// <summary>Bottom to top.</summary>
    public static readonly string[] Layers = ["Common", "Evaluation", "Text", "Input", "Features", "Learning", "Modeling", "Reports", "Scoring", "Output"];

    [Fact]
    public void CoreLayersImportOnlyDownward()
    {
        var root = FindRepositoryRoot();
        var core = Path.Combine(root, "src", "Stance.Core");
        var sources = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(p => (Folder: Path.GetRelativePath(core, p).Split(Path.DirectorySeparatorChar)[0], Name: Path.GetFileName(p), Text: File.ReadAllText(p)))
            .Where(s => s.Folder != s.Name)   // assembly attributes at the project's root
            .ToList();
        Assert.All(sources, s => Assert.Contains(s.Folder, Layers));
        var violations = Violations(sources.Select(s => (s.Folder, s.Name, s.Text)).ToList());
        Assert.True(violations.Count == 0, "upward references:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheCheckCatchesAnUpwardReference()
    {
        var sources = new List<(string, string, string)>
        {
            ("Text", "Tokenizer.cs", "namespace Stance.Core.Text; public static class Tokenizer { static StanceModel? m; /* ScoredUnit */ const string s = \"ScoredUnit\"; }"),
            ("Features", "TermCounter.cs", "namespace Stance.Core.Features; public sealed class TermCounter { Scoring.ScoredUnit? u; }"),
            ("Modeling", "StanceModel.cs", "namespace Stance.Core.Modeling; public sealed class StanceModel { Tokenizer? t; }"),
            ("Scoring", "ScoredUnit.cs", "namespace Stance.Core.Scoring; public sealed record ScoredUnit(int X);"),
        };
        Assert.Equal(["Text/Tokenizer.cs uses StanceModel (Modeling)", "Features/TermCounter.cs uses ScoredUnit (Scoring)"], Violations(sources));
    }

    /// <summary>"Folder/File.cs uses Type (Folder)" for each type a file uses from a higher layer.</summary>
    private static List<string> Violations(IReadOnlyList<(string Folder, string Name, string Text)> sources)
    {
        var code = sources.Select(s => (s.Folder, s.Name, Code: StripCommentsAndStrings(s.Text))).ToList();
        var layerOfType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, _, text) in code)
            foreach (Match m in Declaration().Matches(text)) layerOfType.TryAdd(m.Groups[1].Value, folder);
        var violations = new List<string>();
        foreach (var (folder, name, text) in code)
        {
            int own = Array.IndexOf(Layers, folder);
            var used = Identifier().Matches(text).Select(m => m.Value).Concat(Qualified().Matches(text).Select(m => m.Groups[1].Value));
            foreach (var type in used.Distinct().Order(StringComparer.Ordinal))
                if (layerOfType.TryGetValue(type, out var layer) && Array.IndexOf(Layers, layer) > own)
                    violations.Add($"{folder}/{name} uses {type} ({layer})");
        }
        return violations;
    }

    private static string StripCommentsAndStrings(string text) =>
        Literal().Replace(text, m => m.Value.StartsWith('/') ? " " : "\"\"");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Stance.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Stance.sln not found above the test's folder");
    }

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*\b")]
    private static partial Regex Identifier();

    // A type named through its layer's namespace, as "Modeling.Neighbor".
    [GeneratedRegex(@"\b(?:Common|Evaluation|Text|Input|Features|Learning|Modeling|Reports|Scoring|Output)\.([A-Z]\w*)")]
    private static partial Regex Qualified();

    // Comments (line and block) and string literals (verbatim, interpolated and plain; raw strings are not used in Core).
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex Literal();
}
