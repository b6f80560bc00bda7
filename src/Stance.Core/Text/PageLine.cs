using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// One line of a page: its 1-based number, its role, its text (trimmed, white-space runs as one space,
/// a leading bullet removed), whether it opened with a bullet, and whether the page printed it again
/// right after (the copies are dropped and this flag remembers them).
/// </summary>
internal readonly record struct PageLine(int Number, LineRole Role, string Text, bool Bullet, bool Repeated = false)
{
    public bool HasText => Role == LineRole.Content && Text.Length > 0;
}
