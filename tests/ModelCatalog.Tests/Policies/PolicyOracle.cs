namespace ModelCatalog.Tests.Policies;

/// <summary>The policy table of issue 3, written out plainly: the expected value and reported decision of one field.</summary>
public static class PolicyOracle
{
    public static (object? Value, FieldDecision? Decision) Expect(LawField field, UpdateMode mode, LawScenario scenario)
    {
        var l = field.Get(scenario.Stored);
        var u = field.Get(scenario.Official);
        if (mode == UpdateMode.Skip || field.Equal(l, u))
        {
            return (l, null);
        }

        var force = mode == UpdateMode.Force;
        return field.Policy switch
        {
            FieldPolicy.Official => (u, FieldDecision.Applied),
            FieldPolicy.Local => force ? (u, FieldDecision.OverwroteLocal) : (l, FieldDecision.KeptLocal),
            _ when force => (u, FieldDecision.Applied),
            _ when scenario.TryGetBaseline(field, out var b) && field.Equal(l, b) => (u, FieldDecision.Applied),
            _ => (l, FieldDecision.KeptCustomized),
        };
    }
}
