using System.CommandLine;

namespace ModelCatalog.Cli.Commands;

/// <summary>The <c>&lt;id&gt;</c> argument: a unified model ID, validated at parse time so a bad one is a usage error naming the reason.</summary>
internal static class IdArgument
{
    public static Argument<UnifiedModelId> Create() => new("id")
    {
        Description = "The unified model ID, provider_id/model_name.",
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (UnifiedModelId.TryParse(text, out var id, out var error, out int position))
            {
                return id;
            }

            result.AddError($"'{text}' is not a unified model ID: {error.Describe(position)}.");
            return default;
        },
    };
}
