using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ModelCatalog.ReadModel;
using ModelCatalog.Storage;
using static ModelCatalog.Tests.ReadModel.SnapshotGenerators;

namespace ModelCatalog.Tests.ReadModel;

/// <summary>The snapshot's indexes against LINQ over the same models (the oracle), on catalogs full of case collisions.</summary>
public sealed class CatalogSnapshotTests
{
    private const int Cases = 1_000;
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<UnifiedModelId> Probe =
        Gen.Zip(Gen.Elements("a", "A", "b", "B", "openai", "OPENAI", "c"), Gen.Elements("x", "X", "y", "Y", "gpt-4o", "GPT-4O", "m/1", "z"), UnifiedModelId.Create);

    private static CatalogSnapshot<CatalogModel> Snapshot(IEnumerable<StoredModel<CatalogModel>> models) => new(models, 0, 1, T0);

    private static IEnumerable<StoredModel<CatalogModel>> InIdOrder(IEnumerable<StoredModel<CatalogModel>> models)
        => models.OrderBy(m => m.Model.Id.ProviderId, StringComparer.Ordinal).ThenBy(m => m.Model.Id.ModelName, StringComparer.Ordinal);

    [Property(MaxTest = Cases)]
    public Property The_exact_index_finds_exactly_the_models_with_that_id()
        => Prop.ForAll(Arb.From(Catalog), Arb.From(Gen.ListOf(Probe)), (models, probes) =>
        {
            var snapshot = Snapshot(models);
            foreach (var id in probes.Concat(models.Select(m => m.Model.Id)))
            {
                var expected = models.SingleOrDefault(m => string.Equals(m.Model.Id.ToString(), id.ToString(), StringComparison.Ordinal));
                Assert.Equal(expected is not null, snapshot.TryGet(id, out var found));
                Assert.Same(expected, found);
            }
        });

    [Property(MaxTest = Cases)]
    public Property The_case_insensitive_index_finds_the_one_match_and_nothing_when_ids_differ_only_by_case()
        => Prop.ForAll(Arb.From(Catalog), Arb.From(Gen.ListOf(Probe)), (models, probes) =>
        {
            var snapshot = Snapshot(models);
            foreach (var id in probes)
            {
                var matches = models.Where(m => string.Equals(m.Model.Id.ToString(), id.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
                Assert.Same(matches.Count == 1 ? matches[0] : null, snapshot.FindIgnoreCase(id));
            }
        });

    [Property(MaxTest = Cases)]
    public Property Models_come_in_id_order_and_the_listing_holds_the_active_visible_ones_in_id_order()
        => Prop.ForAll(Arb.From(Catalog), models =>
        {
            var snapshot = Snapshot(models);
            Assert.Equal(InIdOrder(models), snapshot.Models);
            Assert.Equal(InIdOrder(models.Where(m => m.Model.IsActive && m.Model.IsVisible)), snapshot.Listed);
            Assert.Equal(snapshot.Models.Select(m => m.Model.Id), snapshot.Ids);
        });

    [Property(MaxTest = Cases)]
    public Property Keyset_pages_of_any_size_visit_every_listed_model_once_in_order()
        => Prop.ForAll(Arb.From(Catalog), Arb.From(Gen.Choose(1, 7)), (models, limit) =>
        {
            var snapshot = Snapshot(models);
            var seen = new List<StoredModel<CatalogModel>>();
            var after = default(UnifiedModelId);
            for (int pages = 0; pages <= models.Length + 1; pages++)
            {
                var page = snapshot.ListedAfter(after, limit);
                Assert.True(page.Count <= limit);
                seen.AddRange(page);
                if (page.Count < limit)
                {
                    break;
                }

                after = page[^1].Model.Id;
            }

            Assert.Equal(InIdOrder(models.Where(m => m.Model.IsActive && m.Model.IsVisible)), seen);
        });

    [Property(MaxTest = Cases)]
    public Property A_cursor_need_not_be_a_listed_model()
        => Prop.ForAll(Arb.From(Catalog), Arb.From(Probe), (models, cursor) =>
        {
            var page = Snapshot(models).ListedAfter(cursor, 1000);
            var expected = InIdOrder(models.Where(m => m.Model.IsActive && m.Model.IsVisible)).Where(m => m.Model.Id.CompareTo(cursor) > 0);
            Assert.Equal(expected, page);
        });

    [Property(MaxTest = Cases)]
    public Property A_provider_view_holds_exactly_that_providers_models_in_id_order()
        => Prop.ForAll(Arb.From(Catalog), models =>
        {
            var snapshot = Snapshot(models);
            foreach (var provider in new[] { "a", "A", "b", "openai", "OpenAI", "none" })
            {
                Assert.Equal(InIdOrder(models.Where(m => m.Model.Id.ProviderId == provider)), snapshot.ForProvider(provider));
            }

            Assert.Equal(models.Select(m => m.Model.Id.ProviderId).Distinct().Order(StringComparer.Ordinal), snapshot.ProviderIds.Order(StringComparer.Ordinal));
        });

    [Property(MaxTest = Cases)]
    public Property Applying_changes_gives_the_snapshot_a_full_load_of_the_result_would_give()
        => Prop.ForAll(Arb.From(Catalog), Arb.From(Catalog), Arb.From(Gen.ListOf(Probe)), (before, changed, removedProbes) =>
        {
            var removed = removedProbes.Distinct().Where(id => !changed.Any(c => c.Model.Id == id)).ToList();
            var after = before.Where(m => !removed.Contains(m.Model.Id) && !changed.Any(c => c.Model.Id == m.Model.Id)).Concat(changed).ToList();
            var patched = Snapshot(before).With(new ModelChangeSet<CatalogModel>(changed, removed, 7), T0.AddMinutes(1));

            var full = Snapshot(after);
            Assert.Equal(full.Models, patched.Models);
            Assert.Equal(full.Listed, patched.Listed);
            Assert.Equal((7L, 2L, T0.AddMinutes(1)), (patched.Marker, patched.Generation, patched.CreatedAt));
        });

    [Fact]
    public void Ids_that_differ_only_by_case_resolve_exactly_but_not_ignoring_case()
    {
        var upper = Stored(UnifiedModelId.Parse("a/X"));
        var lower = Stored(UnifiedModelId.Parse("a/x"));
        var snapshot = Snapshot([upper, lower, Stored(UnifiedModelId.Parse("b/y"))]);

        Assert.Same(upper, snapshot.TryGet(UnifiedModelId.Parse("a/X"), out var found) ? found : null);
        Assert.Null(snapshot.FindIgnoreCase(UnifiedModelId.Parse("A/x")));
        Assert.Equal("b/y", snapshot.FindIgnoreCase(UnifiedModelId.Parse("B/Y"))!.Model.Id.ToString());
        Assert.Equal(-1, snapshot.IndexOfIgnoreCase(default));
    }

    [Fact]
    public void Two_models_with_one_id_are_refused()
    {
        var id = UnifiedModelId.Parse("a/x");
        var error = Assert.Throws<ArgumentException>("models", () => Snapshot([Stored(id), Stored(id)]));
        Assert.Contains("a/x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_an_id_is_refused()
        => Assert.Throws<ArgumentException>("models", () => Snapshot([Stored(default)]));

    [Fact]
    public void The_callers_array_is_not_reordered()
    {
        StoredModel<CatalogModel>[] models = [Stored(UnifiedModelId.Parse("b/y")), Stored(UnifiedModelId.Parse("a/x"))];
        _ = Snapshot(models);
        Assert.Equal("b/y", models[0].Model.Id.ToString());
    }
}
