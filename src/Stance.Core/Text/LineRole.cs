using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>What a line of a page is before it is grouped into units.</summary>
internal enum LineRole { Blank, Boilerplate, CommentHeader, Content }
