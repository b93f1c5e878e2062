namespace ModelCatalog;

/// <summary>One field's outcome in a merge or a local edit: what it was, what it is now, and why.</summary>
/// <param name="Field">The property name, as declared on the model type.</param>
/// <param name="Policy">The field's policy.</param>
/// <param name="OldValue">The stored value before.</param>
/// <param name="NewValue">
/// The value after, for <see cref="FieldDecision.Applied"/>, <see cref="FieldDecision.OverwroteLocal"/> and
/// <see cref="FieldDecision.EditedLocally"/>; the official value that was <em>not</em> taken for
/// <see cref="FieldDecision.KeptLocal"/>, <see cref="FieldDecision.KeptCustomized"/> and <see cref="FieldDecision.HeldForReview"/>.
/// </param>
/// <param name="Decision">What was decided.</param>
public sealed record FieldChange(string Field, FieldPolicy Policy, object? OldValue, object? NewValue, FieldDecision Decision)
{
    /// <summary><see langword="true"/> when the stored value changed.</summary>
    public bool IsWrite => Decision is FieldDecision.Applied or FieldDecision.OverwroteLocal or FieldDecision.EditedLocally;
}
