namespace ModelCatalog.Tests.Support;

/// <summary>
/// Finds the public catalogs in <c>../shared/data</c> beside the repository. They are read at run time and never
/// copied into the repository.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The <c>shared/data</c> folder.</summary>
    public static string Directory => Root.Value;

    /// <summary>The full path of a file below <c>shared/data</c>, e.g. <c>Path("litellm", "model_prices_2024-06-29.json")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Directory, .. parts]);

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("MODELCATALOG_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "../shared/data was not found above " + AppContext.BaseDirectory + "; set MODELCATALOG_SHARED_DATA to its path.");
    }
}
