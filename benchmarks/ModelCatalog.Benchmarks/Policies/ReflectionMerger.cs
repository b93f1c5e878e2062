using System.Reflection;
using System.Text.Json;

namespace ModelCatalog.Benchmarks.Policies;

/// <summary>
/// The usual runtime approach: policies read once from attributes, then every merge reads and writes through
/// <see cref="PropertyInfo"/> and compares boxed values with <see cref="object.Equals(object, object)"/>.
/// </summary>
public sealed class ReflectionMerger<TModel>
    where TModel : class
{
    private static readonly IReadOnlyList<FieldChange> NoChanges = [];

    private readonly (PropertyInfo Property, FieldPolicy Policy)[] _fields;

    public ReflectionMerger()
    {
        _fields = [.. typeof(TModel).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Policy: PolicyOf(p)))
            .Where(f => f.Policy is not null)
            .Select(f => (f.Property, f.Policy!.Value))];
    }

    public ModelMergeResult Merge(TModel target, TModel official, ModelBaseline? baseline, UpdateMode mode)
    {
        if (mode == UpdateMode.Skip)
        {
            return new ModelMergeResult(NoChanges, false, baseline, false);
        }

        var force = mode == UpdateMode.Force;
        List<FieldChange>? changes = null;
        var changed = false;
        var baselineStale = false;
        foreach (var (property, policy) in _fields)
        {
            var l = property.GetValue(target);
            var u = property.GetValue(official);
            JsonElement b = default;
            var hasB = policy == FieldPolicy.Conditional && baseline is not null && baseline.TryGetValue(property.Name, out b);
            if (policy == FieldPolicy.Conditional && (!hasB || !RecordedEquals(b, u)))
            {
                baselineStale = true;
            }

            if (Equals(l, u))
            {
                continue;
            }

            var write = policy == FieldPolicy.Official || force || (policy == FieldPolicy.Conditional && hasB && RecordedEquals(b, l));
            var decision = write
                ? (policy == FieldPolicy.Local ? FieldDecision.OverwroteLocal : FieldDecision.Applied)
                : (policy == FieldPolicy.Local ? FieldDecision.KeptLocal : FieldDecision.KeptCustomized);
            if (write)
            {
                property.SetValue(target, u);
                changed = true;
            }

            (changes ??= []).Add(new FieldChange(property.Name, policy, l, u, decision));
        }

        if (baselineStale)
        {
            var captured = Capture(official);
            return new ModelMergeResult((IReadOnlyList<FieldChange>?)changes ?? NoChanges, changed, captured, !captured.Equals(baseline));
        }

        return new ModelMergeResult((IReadOnlyList<FieldChange>?)changes ?? NoChanges, changed, baseline, false);
    }

    private ModelBaseline Capture(TModel official)
    {
        var values = new Dictionary<string, object?>();
        foreach (var (property, policy) in _fields)
        {
            if (policy == FieldPolicy.Conditional)
            {
                values[property.Name] = property.GetValue(official);
            }
        }

        return ModelBaseline.Parse(JsonSerializer.Serialize(values));
    }

    private static bool RecordedEquals(JsonElement recorded, object? value) => value switch
    {
        null => recorded.ValueKind == JsonValueKind.Null,
        string s => recorded.ValueKind == JsonValueKind.String && recorded.ValueEquals(s),
        _ => recorded.GetRawText() == JsonSerializer.Serialize(value),
    };

    private static FieldPolicy? PolicyOf(PropertyInfo property)
    {
        if (property.IsDefined(typeof(OfficialAttribute)))
        {
            return FieldPolicy.Official;
        }

        if (property.IsDefined(typeof(LocalAttribute)))
        {
            return FieldPolicy.Local;
        }

        return property.IsDefined(typeof(ConditionalAttribute)) ? FieldPolicy.Conditional : null;
    }
}
