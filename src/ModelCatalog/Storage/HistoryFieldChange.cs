namespace ModelCatalog.Storage;

/// <summary>A <see cref="FieldChange"/> as history keeps it: values as JSON text (<c>null</c> for JSON null).</summary>
/// <param name="Field">The property name.</param>
/// <param name="Policy">The field's policy.</param>
/// <param name="Decision">What was decided.</param>
/// <param name="OldValueJson">The value before, as JSON.</param>
/// <param name="NewValueJson">The value after (or the official value not taken), as JSON.</param>
public sealed record HistoryFieldChange(string Field, FieldPolicy Policy, FieldDecision Decision, string OldValueJson, string NewValueJson)
{
    /// <summary>Converts a merge or edit outcome into its stored form.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The history form.</returns>
    public static HistoryFieldChange From(FieldChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change.Field, change.Policy, change.Decision, FieldValueJson.Format(change.OldValue), FieldValueJson.Format(change.NewValue));
    }

    /// <summary>Converts a list of merge or edit outcomes into their stored form.</summary>
    /// <param name="changes">The changes.</param>
    /// <returns>The history forms, in the same order.</returns>
    public static HistoryFieldChange[] From(IReadOnlyList<FieldChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var history = new HistoryFieldChange[changes.Count];
        for (int i = 0; i < history.Length; i++)
        {
            history[i] = From(changes[i]);
        }

        return history;
    }
}
