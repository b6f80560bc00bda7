namespace Stance.Core.Common;

/// <summary>The decoders behind <see cref="TextEncoding"/>.</summary>
public static class TextEncodings
{
    internal static System.Text.Encoding SingleByte { get; } =
        System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? System.Text.Encoding.Latin1;
}
