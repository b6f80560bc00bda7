using System.Runtime.CompilerServices;

// The tests reach a few switches that exist only to verify an optimization (e.g. histogram subtraction).
[assembly: InternalsVisibleTo("Stance.Tests")]
