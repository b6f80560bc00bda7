namespace Stance.Tests;

/// <summary>Finds the repository root (the folder holding Stance.sln) from the test's output folder.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Stance.sln"))) return d.FullName;
        throw new InvalidOperationException("Stance.sln not found above " + AppContext.BaseDirectory);
    }
}
