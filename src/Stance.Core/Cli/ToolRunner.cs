using Stance.Core.Data;

namespace Stance.Core.Cli;

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

    /// <summary>Reads a --delimiter value: one character, or the names "tab", "semicolon" and "comma"; null (not given) stays null: detect it.</summary>
    public static char? ParseDelimiter(string? value) => value switch
    {
        null => null,
        "tab" or "\\t" => '\t',
        "semicolon" => ';',
        "comma" => ',',
        _ when value.Length == 1 && value[0] != '"' && !char.IsWhiteSpace(value[0]) || value == "\t" => value[0],
        _ => throw new InputException($"--delimiter: expected one character, \"tab\" or \"semicolon\", got \"{value}\""),
    };
}
