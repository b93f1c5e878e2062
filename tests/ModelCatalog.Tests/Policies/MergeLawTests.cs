using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelCatalog.Tests.Support;
using ModelCatalog.Testing;

namespace ModelCatalog.Tests.Policies;

/// <summary>The merge laws of issue 3, checked by FsCheck over generated models, baselines and updates.</summary>
public sealed class MergeLawTests
{
    private const int Cases = 5_000;

    private static readonly IModelMerger<LawModel> Merger = LawModel.Merger;

    [Property(MaxTest = Cases)]
    public Property Smart_is_idempotent_a_second_sync_with_its_baseline_changes_nothing()
        => Prop.ForAll(Arb.From(LawScenario.Scenarios), s =>
        {
            var model = s.CloneStored();
            var first = Merger.Merge(model, s.Official, s.Baseline, UpdateMode.Smart);
            var afterFirst = Merger.Clone(model);

            var second = Merger.Merge(model, s.Official, first.Baseline, UpdateMode.Smart);

            Assert.True(second.IsNoOp, s.ToString());
            Assert.DoesNotContain(second.Changes, c => c.IsWrite);
            ModelContent.AssertEqual(afterFirst, model);
            Assert.Same(first.Baseline, second.Baseline);
        });

    [Property(MaxTest = Cases)]
    public Property Skip_leaves_the_existing_model_and_its_baseline_untouched()
        => Prop.ForAll(Arb.From(LawScenario.Scenarios), s =>
        {
            var model = s.CloneStored();

            var result = Merger.Merge(model, s.Official, s.Baseline, UpdateMode.Skip);

            ModelContent.AssertEqual(s.Stored, model);
            Assert.True(result.IsNoOp);
            Assert.Empty(result.Changes);
            Assert.Same(s.Baseline, result.Baseline);
        });

    [Property(MaxTest = Cases)]
    public Property Force_makes_every_field_equal_the_official_value()
        => Prop.ForAll(Arb.From(LawScenario.Scenarios), s =>
        {
            var model = s.CloneStored();

            Merger.Merge(model, s.Official, s.Baseline, UpdateMode.Force);

            ModelContent.AssertEqual(s.Official, model);
        });

    [Property(MaxTest = Cases)]
    public Property Smart_never_changes_a_local_field_and_always_sets_official_fields_to_the_official_value()
        => Prop.ForAll(Arb.From(LawScenario.Scenarios), s =>
        {
            var model = s.CloneStored();

            Merger.Merge(model, s.Official, s.Baseline, UpdateMode.Smart);

            foreach (var field in LawField.All)
            {
                if (field.Policy == FieldPolicy.Local)
                {
                    Assert.True(field.Equal(field.Get(s.Stored), field.Get(model)), field.Name);
                }
                else if (field.Policy == FieldPolicy.Official)
                {
                    Assert.True(field.Equal(field.Get(s.Official), field.Get(model)), field.Name);
                }
            }
        });

    [Property(MaxTest = Cases)]
    public Property Every_field_and_every_reported_change_match_the_policy_table_oracle_in_every_mode()
        => Prop.ForAll(Arb.From(Gen.Zip(LawScenario.Scenarios, LawScenario.Modes)), input =>
        {
            var (s, mode) = input;
            var model = s.CloneStored();

            var result = Merger.Merge(model, s.Official, s.Baseline, mode);

            var expectedChanges = new List<(string, FieldDecision)>();
            foreach (var field in LawField.All)
            {
                var (value, decision) = PolicyOracle.Expect(field, mode, s);
                Assert.True(field.Equal(value, field.Get(model)), $"{field.Name} in {mode}\n{s}");
                if (decision is { } d)
                {
                    expectedChanges.Add((field.Name, d));
                }
            }

            Assert.Equal(expectedChanges, result.Changes.Select(c => (c.Field, c.Decision)));
            Assert.All(result.Changes, c =>
            {
                var field = LawField.All.Single(f => f.Name == c.Field);
                Assert.Equal(field.Policy, c.Policy);
                Assert.True(field.Equal(field.Get(s.Stored), c.OldValue));
                Assert.True(field.Equal(field.Get(s.Official), c.NewValue));
            });
            Assert.Equal(result.Changes.Any(c => c.IsWrite), result.ModelChanged);
        });

    [Property(MaxTest = Cases)]
    public Property After_Smart_or_Force_the_baseline_holds_the_official_value_of_every_conditional_field()
        => Prop.ForAll(Arb.From(Gen.Zip(LawScenario.Scenarios, Gen.Elements(UpdateMode.Smart, UpdateMode.Force))), input =>
        {
            var (s, mode) = input;

            var result = Merger.Merge(s.CloneStored(), s.Official, s.Baseline, mode);

            Assert.NotNull(result.Baseline);
            foreach (var field in LawField.Conditional)
            {
                Assert.True(result.Baseline.TryGetValue(field.Name, out var recorded), field.Name);
                Assert.True(field.Equal(field.Get(s.Official), field.Decode!(recorded)), $"{field.Name}: {recorded}");
            }

            Assert.Equal(!ReferenceEquals(result.Baseline, s.Baseline), result.BaselineChanged);
        });

    [Property(MaxTest = 1_000)]
    public Property Each_field_result_depends_only_on_its_own_policy_stored_baseline_and_official_values()
        => Prop.ForAll(Arb.From(from a in LawScenario.Scenarios from b in LawScenario.Scenarios from mode in LawScenario.Modes select (a, b, mode)), 
            input =>
        {
            var (s, other, mode) = input;
            foreach (var field in LawField.All)
            {
                var mixed = Mix(other, s, field);
                var alone = s.CloneStored();
                var together = mixed.CloneStored();

                var aloneChange = Merger.Merge(alone, s.Official, s.Baseline, mode).Changes.SingleOrDefault(c => c.Field == field.Name);
                var togetherChange = Merger.Merge(together, mixed.Official, mixed.Baseline, mode).Changes.SingleOrDefault(c => c.Field == field.Name);

                Assert.True(field.Equal(field.Get(alone), field.Get(together)), field.Name);
                Assert.Equal(aloneChange?.Decision, togetherChange?.Decision);
            }
        });

    [Property(MaxTest = Cases)]
    public Property An_admin_edit_of_local_fields_commutes_with_a_Smart_sync()
        => Prop.ForAll(Arb.From(Gen.Zip(LawScenario.Scenarios, LawScenario.Models)), input =>
        {
            var (s, edit) = input;
            var editThenSync = s.CloneStored();
            var syncThenEdit = s.CloneStored();

            ApplyLocalEdit(editThenSync, edit);
            var first = Merger.Merge(editThenSync, s.Official, s.Baseline, UpdateMode.Smart);
            var second = Merger.Merge(syncThenEdit, s.Official, s.Baseline, UpdateMode.Smart);
            ApplyLocalEdit(syncThenEdit, edit);

            ModelContent.AssertEqual(editThenSync, syncThenEdit);
            Assert.Equal(first.Baseline, second.Baseline);
        });

    [Property(MaxTest = Cases)]
    public Property The_written_fields_grow_from_Skip_to_Smart_to_Force()
        => Prop.ForAll(Arb.From(LawScenario.Scenarios), s =>
        {
            string[] Written(UpdateMode mode)
                => [.. Merger.Merge(s.CloneStored(), s.Official, s.Baseline, mode).Changes.Where(c => c.IsWrite).Select(c => c.Field)];

            var skip = Written(UpdateMode.Skip);
            var smart = Written(UpdateMode.Smart);
            var force = Written(UpdateMode.Force);

            Assert.Subset(smart.ToHashSet(), skip.ToHashSet());
            Assert.Subset(force.ToHashSet(), smart.ToHashSet());
        });

    [Property(MaxTest = Cases)]
    public Property Without_admin_edits_one_Smart_sync_reaches_stored_equals_baseline_equals_official_on_every_non_local_field()
        => Prop.ForAll(Arb.From(Gen.Zip(LawScenario.Models, LawScenario.Models)), input =>
        {
            var (previous, official) = input;
            var model = Merger.Clone(previous);

            var result = Merger.Merge(model, official, Merger.CaptureBaseline(previous), UpdateMode.Smart);

            foreach (var field in LawField.All.Where(f => f.Policy != FieldPolicy.Local))
            {
                Assert.True(field.Equal(field.Get(official), field.Get(model)), field.Name);
            }

            foreach (var field in LawField.Conditional)
            {
                Assert.True(result.Baseline!.TryGetValue(field.Name, out var recorded));
                Assert.True(field.Equal(field.Get(official), field.Decode!(recorded)), field.Name);
            }
        });

    [Property(MaxTest = 500)]
    public Property Merge_reports_nothing_and_allocates_no_list_when_the_official_record_equals_the_stored_model()
        => Prop.ForAll(Arb.From(LawScenario.Models), m =>
        {
            var result = Merger.Merge(Merger.Clone(m), Merger.Clone(m), Merger.CaptureBaseline(m), UpdateMode.Smart);

            Assert.True(result.IsNoOp);
            Assert.Same(Merger.Merge(Merger.Clone(m), m, null, UpdateMode.Skip).Changes, result.Changes);
        });

    private static void ApplyLocalEdit(LawModel target, LawModel edit)
    {
        foreach (var field in LawField.Local)
        {
            field.Set(target, field.Get(edit));
        }
    }

    /// <summary>A scenario equal to <paramref name="s"/> on <paramref name="keep"/> (stored, baseline and official) and to <paramref name="other"/> elsewhere.</summary>
    private static LawScenario Mix(LawScenario other, LawScenario s, LawField keep)
    {
        var stored = Merger.Clone(other.Stored);
        var official = Merger.Clone(other.Official);
        var baselineSource = other.BaselineSource is null ? null : Merger.Clone(other.BaselineSource);
        var recorded = other.RecordedFields.Where(n => n != keep.Name).ToList();
        keep.Set(stored, keep.Get(s.Stored));
        keep.Set(official, keep.Get(s.Official));
        if (s.TryGetBaseline(keep, out var b))
        {
            baselineSource ??= new LawModel();
            keep.Set(baselineSource, b);
            recorded.Add(keep.Name);
        }

        return new LawScenario(stored, baselineSource, [.. recorded], official);
    }
}
