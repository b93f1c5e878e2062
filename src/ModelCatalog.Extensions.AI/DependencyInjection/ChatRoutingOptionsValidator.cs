using Microsoft.Extensions.Options;

namespace ModelCatalog.Extensions.AI;

/// <summary>Checks <see cref="ChatRoutingOptions"/> at start-up: the default model must be a unified ID.</summary>
internal sealed class ChatRoutingOptionsValidator : IValidateOptions<ChatRoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatRoutingOptions options)
        => options.DefaultModelId is { } id && !UnifiedModelId.TryParse(id, out _, out var error, out var position)
            ? ValidateOptionsResult.Fail($"ChatRoutingOptions.DefaultModelId '{id}' is not a unified model ID: {error.Describe(position)}")
            : ValidateOptionsResult.Success;
}
