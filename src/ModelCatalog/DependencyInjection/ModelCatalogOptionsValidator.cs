using Microsoft.Extensions.Options;

namespace ModelCatalog;

/// <summary>Checks <see cref="ModelCatalogOptions"/> at start-up, naming every bad value at once.</summary>
internal sealed class ModelCatalogOptionsValidator : IValidateOptions<ModelCatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelCatalogOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.DefaultMode))
        {
            failures.Add($"{nameof(options.DefaultMode)} '{options.DefaultMode}' is not an update mode (Smart, Skip, Force).");
        }

        if (!Enum.IsDefined(options.MissingModels))
        {
            failures.Add($"{nameof(options.MissingModels)} '{options.MissingModels}' is not a missing-model policy (Keep, Deactivate, Delete).");
        }

        if (double.IsNaN(options.MaxRemovalShare) || options.MaxRemovalShare is < 0 or > 1)
        {
            failures.Add($"{nameof(options.MaxRemovalShare)} must be between 0 and 1, not {options.MaxRemovalShare}.");
        }

        if (options.SyncInterval is { } interval && interval <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.SyncInterval)} must be positive, not {interval}.");
        }

        if (options.SyncJitter < TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.SyncJitter)} must not be negative.");
        }

        if (options.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.RetryDelay)} must be positive, not {options.RetryDelay}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
