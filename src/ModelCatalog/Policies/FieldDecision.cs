namespace ModelCatalog;

/// <summary>What a merge decided for one field.</summary>
public enum FieldDecision
{
    /// <summary>The official value was written.</summary>
    Applied = 0,

    /// <summary>A local field differs from the official value and was kept (Smart mode).</summary>
    KeptLocal = 1,

    /// <summary>A conditional field was customised by an administrator and was kept.</summary>
    KeptCustomized = 2,

    /// <summary>A local field was overwritten with the official value (Force mode).</summary>
    OverwroteLocal = 3,

    /// <summary>An administrator changed the field through a local edit (history only).</summary>
    EditedLocally = 4,

    /// <summary>The official value was held for review by a price guardrail; the stored value stays (history only).</summary>
    HeldForReview = 5,
}
