using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Stance.Core.Features;

/// <summary>One stored value of a <see cref="ColumnMatrix"/>: its row (as an offset into its part) and value; 6 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
public readonly struct ColumnEntry(ushort row, float value)
{
    public readonly ushort Row = row;
    public readonly float Value = value;
}
