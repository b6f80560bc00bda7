using Stance.Core.Common;

namespace Stance.Cli;

/// <summary>Checks of option values both front-ends make before any work starts, each failing with one line.</summary>
public static class OptionChecks
{
    /// <summary>"--x: the folder of P does not exist" when <paramref name="path"/> (a file to write) is given and its folder is missing.</summary>
    public static void FileFolderExists(string option, string? path)
    {
        if (path is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))))
            throw new InputException($"{option}: the folder of {path} does not exist");
    }

    /// <summary>"--x: the folder P does not exist" when <paramref name="folder"/> (a folder to write into) is given and missing.</summary>
    public static void FolderExists(string option, string? folder)
    {
        if (folder is not null && !Directory.Exists(folder)) throw new InputException($"{option}: the folder {folder} does not exist");
    }
}
