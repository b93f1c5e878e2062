namespace ModelCatalog.Benchmarks.Policies;

/// <summary>What a careful developer would write by hand for <see cref="BenchModel"/>: same semantics, same reports.</summary>
public static class HandWrittenMerger
{
    private static readonly IReadOnlyList<FieldChange> NoChanges = [];

    public static ModelMergeResult Merge(BenchModel target, BenchModel official, ModelBaseline? baseline, UpdateMode mode)
    {
        if (mode == UpdateMode.Skip)
        {
            return new ModelMergeResult(NoChanges, false, baseline, false);
        }

        var force = mode == UpdateMode.Force;
        List<FieldChange>? changes = null;
        var changed = false;

        System.Text.Json.JsonElement b = default;
        string? text = null;
        var hasB = baseline is not null && baseline.TryGetValue("DisplayName"u8, out b, out text);
        if (target.DisplayName != official.DisplayName)
        {
            if (force || (hasB && BaselineJson.StringEquals(b, text, target.DisplayName)))
            {
                (changes ??= []).Add(new FieldChange("DisplayName", FieldPolicy.Conditional, target.DisplayName, official.DisplayName, FieldDecision.Applied));
                target.DisplayName = official.DisplayName;
                changed = true;
            }
            else
            {
                (changes ??= []).Add(new FieldChange("DisplayName", FieldPolicy.Conditional, target.DisplayName, official.DisplayName, FieldDecision.KeptCustomized));
            }
        }

        var baselineStale = !hasB || !BaselineJson.StringEquals(b, text, official.DisplayName);

        if (target.Description != official.Description)
        {
            (changes ??= []).Add(new FieldChange("Description", FieldPolicy.Official, target.Description, official.Description, FieldDecision.Applied));
            target.Description = official.Description;
            changed = true;
        }

        if (target.CostPerUnit != official.CostPerUnit)
        {
            (changes ??= []).Add(new FieldChange("CostPerUnit", FieldPolicy.Official, target.CostPerUnit, official.CostPerUnit, FieldDecision.Applied));
            target.CostPerUnit = official.CostPerUnit;
            changed = true;
        }

        if (target.UnitType != official.UnitType)
        {
            (changes ??= []).Add(new FieldChange("UnitType", FieldPolicy.Official, target.UnitType, official.UnitType, FieldDecision.Applied));
            target.UnitType = official.UnitType;
            changed = true;
        }

        if (target.CreditsPerUnit != official.CreditsPerUnit)
        {
            (changes ??= []).Add(new FieldChange("CreditsPerUnit", FieldPolicy.Official, target.CreditsPerUnit, official.CreditsPerUnit, FieldDecision.Applied));
            target.CreditsPerUnit = official.CreditsPerUnit;
            changed = true;
        }

        if (target.Provider != official.Provider)
        {
            (changes ??= []).Add(new FieldChange("Provider", FieldPolicy.Official, target.Provider, official.Provider, FieldDecision.Applied));
            target.Provider = official.Provider;
            changed = true;
        }

        if (target.ModelType != official.ModelType)
        {
            (changes ??= []).Add(new FieldChange("ModelType", FieldPolicy.Official, target.ModelType, official.ModelType, FieldDecision.Applied));
            target.ModelType = official.ModelType;
            changed = true;
        }

        if (target.InputCostPerMillionTokens != official.InputCostPerMillionTokens)
        {
            (changes ??= []).Add(new FieldChange("InputCostPerMillionTokens", FieldPolicy.Official, target.InputCostPerMillionTokens, official.InputCostPerMillionTokens, FieldDecision.Applied));
            target.InputCostPerMillionTokens = official.InputCostPerMillionTokens;
            changed = true;
        }

        if (target.OutputCostPerMillionTokens != official.OutputCostPerMillionTokens)
        {
            (changes ??= []).Add(new FieldChange("OutputCostPerMillionTokens", FieldPolicy.Official, target.OutputCostPerMillionTokens, official.OutputCostPerMillionTokens, FieldDecision.Applied));
            target.OutputCostPerMillionTokens = official.OutputCostPerMillionTokens;
            changed = true;
        }

        if (target.ContextWindow != official.ContextWindow)
        {
            (changes ??= []).Add(new FieldChange("ContextWindow", FieldPolicy.Official, target.ContextWindow, official.ContextWindow, FieldDecision.Applied));
            target.ContextWindow = official.ContextWindow;
            changed = true;
        }

        if (target.IsActive != official.IsActive)
        {
            (changes ??= []).Add(new FieldChange("IsActive", FieldPolicy.Local, target.IsActive, official.IsActive, force ? FieldDecision.OverwroteLocal : FieldDecision.KeptLocal));
            if (force)
            {
                target.IsActive = official.IsActive;
                changed = true;
            }
        }

        if (target.IsVisible != official.IsVisible)
        {
            (changes ??= []).Add(new FieldChange("IsVisible", FieldPolicy.Local, target.IsVisible, official.IsVisible, force ? FieldDecision.OverwroteLocal : FieldDecision.KeptLocal));
            if (force)
            {
                target.IsVisible = official.IsVisible;
                changed = true;
            }
        }

        if (baselineStale)
        {
            var captured = BenchModel.Merger.CaptureBaseline(official);
            return new ModelMergeResult((IReadOnlyList<FieldChange>?)changes ?? NoChanges, changed, captured, !captured.Equals(baseline));
        }

        return new ModelMergeResult((IReadOnlyList<FieldChange>?)changes ?? NoChanges, changed, baseline, false);
    }
}
