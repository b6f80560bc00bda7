namespace Stance.Core.Data;

/// <summary>
/// Writes a file through a temporary file in the same folder, renamed over the target only when the
/// write completed: a failure or Ctrl-C never leaves a half-written file or a stray temp file.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new InputException($"{path}: the folder {folder} does not exist");
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        ConsoleCancelEventHandler onCancel = (_, _) => TryDelete(temp);
        Console.CancelKeyPress += onCancel;
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
