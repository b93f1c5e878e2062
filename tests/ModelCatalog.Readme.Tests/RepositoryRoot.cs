namespace ModelCatalog.Readme.Tests;

/// <summary>The checkout the tests run from: the README is read there at run time, never copied into the output.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFile = "ModelCatalog.sln";

    /// <summary>The folder holding ModelCatalog.sln, found by walking up from the test assembly's folder.</summary>
    public static string Path { get; } = Find();

    public static string ReadmePath => System.IO.Path.Combine(Path, "README.md");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {SolutionFile}.");
    }
}
