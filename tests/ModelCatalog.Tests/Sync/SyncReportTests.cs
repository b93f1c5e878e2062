using ModelCatalog.Sync;

namespace ModelCatalog.Tests.Sync;

/// <summary>The report's derived counts.</summary>
public sealed class SyncReportTests
{
    private static SyncReport Report(int writes, params ModelSyncOutcome[] outcomes) => new()
    {
        SourceName = "s",
        Writes = writes,
        Models = [.. outcomes.Select((o, i) => new ModelSyncResult(UnifiedModelId.Parse($"p/m{i:D3}"), o, []))],
    };

    [Fact]
    public void Missing_upstream_counts_kept_deactivated_and_removed_models_together()
    {
        var report = Report(
            5,
            ModelSyncOutcome.MissingUpstream,
            ModelSyncOutcome.Deactivated,
            ModelSyncOutcome.Deactivated,
            ModelSyncOutcome.Removed,
            ModelSyncOutcome.Removed,
            ModelSyncOutcome.Removed,
            ModelSyncOutcome.Unchanged);

        Assert.Equal((6, 2, 3, 1), (report.MissingUpstream, report.Deactivated, report.Removed, report.Unchanged));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void A_report_has_changes_exactly_when_it_made_a_write(int writes, bool expected)
        => Assert.Equal(expected, Report(writes).HasChanges);
}
