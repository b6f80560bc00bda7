using System.Runtime.InteropServices;

namespace Stance.Core.Common;

/// <summary>
/// Writes a file through a temporary file in the same folder, renamed over the target only when the
/// write completed: a failure, Ctrl-C (SIGINT), SIGTERM, SIGHUP or SIGQUIT never leaves a half-written
/// file or a stray temp file. The temp file is ".&lt;name&gt;.&lt;pid&gt;.tmp" beside the target.
/// </summary>
public static class AtomicFile
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> InFlight = [];
    private static bool _terminating;
    private static PosixSignalRegistration[]? _signals;

    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new InputException($"{path}: is a folder; give a file name");
        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new InputException($"{path}: the folder {folder} does not exist");
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        ListenForSignals();
        FileStream stream;
        lock (Gate)
        {
            if (_terminating) throw new OperationCanceledException();
            // FileShare.Delete: a signal handler may remove the file while it is still open (Windows too).
            try { stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.Delete); }
            catch (UnauthorizedAccessException) { throw new InputException($"{path}: no permission to write in {folder}"); }
            InFlight.Add(temp);
        }
        try
        {
            using (stream)
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            lock (Gate)
            {
                if (_terminating) throw new OperationCanceledException();
                File.Move(temp, full, overwrite: true);
                InFlight.Remove(temp);
            }
        }
        catch
        {
            lock (Gate)
            {
                TryDelete(temp);
                InFlight.Remove(temp);
            }
            throw;
        }
    }

    /// <summary>Temp files of writes in progress are deleted when the process is told to stop; the signal then takes its usual course.</summary>
    private static void ListenForSignals()
    {
        lock (Gate)
        {
            if (_signals is not null) return;
            var signals = new List<PosixSignalRegistration>();
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            {
                try { signals.Add(PosixSignalRegistration.Create(signal, OnSignal)); }
                catch (PlatformNotSupportedException) { }
            }
            _signals = [.. signals];
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        lock (Gate)
        {
            _terminating = true;
            foreach (var temp in InFlight) TryDelete(temp);
            InFlight.Clear();
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
