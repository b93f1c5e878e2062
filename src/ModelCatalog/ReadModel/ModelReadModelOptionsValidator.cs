using Microsoft.Extensions.Options;

namespace ModelCatalog.ReadModel;

/// <summary>Checks <see cref="ModelReadModelOptions"/> at start-up, naming every bad value at once.</summary>
internal sealed class ModelReadModelOptionsValidator : IValidateOptions<ModelReadModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelReadModelOptions options)
    {
        var failures = new List<string>();
        Positive(failures, nameof(options.PollInterval), options.PollInterval);
        Positive(failures, nameof(options.MaxSnapshotAge), options.MaxSnapshotAge);
        Positive(failures, nameof(options.RetryDelay), options.RetryDelay);
        if (options.MaxIncrementalChanges < 0)
        {
            failures.Add($"{nameof(options.MaxIncrementalChanges)} must not be negative, not {options.MaxIncrementalChanges}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive, not {value}.");
        }
    }
}
