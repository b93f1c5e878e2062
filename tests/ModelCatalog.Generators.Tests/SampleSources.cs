namespace ModelCatalog.Generators.Tests;

/// <summary>Host sources shared by several generator tests.</summary>
internal static class SampleSources
{
    /// <summary>A valid catalog type with one field of each policy.</summary>
    public const string SmallModel = """
        using ModelCatalog;
        namespace Host;
        [SyncModel]
        public partial class M
        {
            public UnifiedModelId Id { get; set; }
            [Conditional] public string? DisplayName { get; set; }
            [Official] public decimal? Cost { get; set; }
            [Local] public bool IsActive { get; set; }
        }
        """;
}
