using Stance.Core.Common;

namespace Stance.Cli;

/// <summary>
/// The exit-code contract both front-ends share: 0 ok, 2 bad usage or bad input (one line on stderr,
/// no stack trace), 1 unexpected failure (one line; the stack only when STANCE_DEBUG=1).
/// </summary>
public static class ToolRunner
{
    public const int Ok = 0, Failure = 1, BadInput = 2;

    public static int Run(string tool, Func<int> body)
    {
        try { return body(); }
        catch (InputException e) { return Fail(tool, e.Message, BadInput); }
        // Parallel loops wrap what their bodies throw; bad input found inside one is still bad input.
        catch (AggregateException e) when (e.Flatten().InnerExceptions.OfType<InputException>().FirstOrDefault() is { } input)
        {
            return Fail(tool, input.Message, BadInput);
        }
        catch (OperationCanceledException) { return Fail(tool, "cancelled", Failure); }
        catch (IOException e) { return Fail(tool, e.Message, BadInput); }
        catch (UnauthorizedAccessException e) { return Fail(tool, e.Message, BadInput); }
        catch (OutOfMemoryException) { return Fail(tool, "out of memory: the input or model is too large for this machine (lower --max-memory so such work is refused up front)", Failure); }
        catch (Exception e)
        {
            if (Environment.GetEnvironmentVariable("STANCE_DEBUG") == "1") Console.Error.WriteLine(e);
            return Fail(tool, $"unexpected failure: {e.GetType().Name}: {e.Message} (set STANCE_DEBUG=1 for details)", Failure);
        }
    }

    public static int Fail(string tool, string message, int code)
    {
        Console.Error.WriteLine($"{tool}: error: {message.ReplaceLineEndings(" ")}");
        return code;
    }

    /// <summary>
    /// The first argument that looks like an option ("--x" or "--x=v") but is none of <paramref name="known"/>,
    /// as "unknown option --fromat (did you mean --format?)"; null when every one is known. Without this a
    /// mistyped option of Score would be taken for an input file ("--fromat: file not found").
    /// </summary>
    public static string? UnknownOption(IReadOnlyList<string> args, IReadOnlyCollection<string> known)
    {
        foreach (var arg in args)
        {
            if (arg == "--") break;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3) continue;
            string name = arg.Split('=', 2)[0];
            if (known.Contains(name)) continue;
            var nearest = known.Where(k => k.StartsWith("--", StringComparison.Ordinal)).MinBy(k => Distance(name, k));
            return nearest is not null && Distance(name, nearest) <= Math.Max(2, name.Length / 3)
                ? $"unknown option {name} (did you mean {nearest}?)" : $"unknown option {name} (see --help)";
        }
        return null;
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions).</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
