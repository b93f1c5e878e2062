namespace ModelCatalog.Cli.Output;

/// <summary>How one field change reads to a person: the decision in words, and the values as they now stand.</summary>
internal static class ChangeText
{
    public static string Decision(FieldDecision decision) => decision switch
    {
        FieldDecision.Applied => "updated",
        FieldDecision.KeptLocal => "kept local",
        FieldDecision.KeptCustomized => "kept your value",
        FieldDecision.OverwroteLocal => "overwrote your value",
        FieldDecision.EditedLocally => "edited",
        FieldDecision.HeldForReview => "held for review",
        _ => Names.Snake(decision),
    };

    /// <summary>
    /// <c>old → new</c> for a value that changed. For a value that was kept, the kept value first and the official one
    /// it was kept over after it, so a kept edit never reads as if it had been overwritten.
    /// </summary>
    public static string Values(FieldDecision decision, string oldDisplay, string newDisplay) => decision is FieldDecision.KeptLocal or FieldDecision.KeptCustomized or FieldDecision.HeldForReview
        ? $"{oldDisplay} stays (official: {newDisplay})"
        : $"{oldDisplay} → {newDisplay}";

    /// <summary>Cuts a long value (a LiteLLM config runs to hundreds of characters) so a change stays one glance.</summary>
    public static string Shorten(string text, int max = 120) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
