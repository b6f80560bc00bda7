using System.Text.Unicode;

namespace Stance.Core.Common;

/// <summary>Finds the first invalid UTF-8 sequence in a file and says where it is (line, column in characters).</summary>
public static class Utf8Locator
{
    public static InputException Describe(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int offset = 0;
        long line = 1;
        int column = 1;
        var chars = new char[4096];
        while (offset < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes.AsSpan(offset, Math.Min(4096, bytes.Length - offset)), chars, out int read, out int written,
                replaceInvalidSequences: false, isFinalBlock: offset + 4096 >= bytes.Length);
            for (int i = 0; i < written; i++)
                if (chars[i] == '\n') { line++; column = 1; } else column++;
            offset += read;
            if (status == System.Buffers.OperationStatus.InvalidData || (status == System.Buffers.OperationStatus.NeedMoreData && read == 0))
                return InputException.At(path, line, null, null,
                    $"invalid UTF-8 (byte 0x{bytes[offset]:X2} at character {column} of the line); save the file as UTF-8");
        }
        return InputException.At(path, null, null, null, "invalid UTF-8; save the file as UTF-8");
    }
}
